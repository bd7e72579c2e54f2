package dev.inquest.ui.link;

import dev.inquest.format.Units;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HistogramRow;
import dev.inquest.heap.model.Grouping;
import dev.inquest.heap.model.PathResult;
import dev.inquest.heap.model.PathStep;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceSource;
import dev.inquest.heap.query.ClassHolders;
import dev.inquest.link.ChainMatch;
import dev.inquest.link.ChainMatcher;
import dev.inquest.link.ReferenceChain;
import dev.inquest.ui.heap.HeapDocument;
import dev.inquest.ui.heap.HeapRow;
import dev.inquest.ui.heap.HeapViews;
import dev.inquest.ui.jfr.JfrDocument;
import dev.inquest.ui.jfr.JfrViews;
import dev.inquest.ui.notebook.Notebook;
import dev.inquest.ui.view.TabEvidence;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Tab;

/**
 * What ties the two halves together: a class in the heap views opens its allocation sites in a
 * recording, an allocated class in a recording opens its instances in a heap dump, heap rows pin
 * as evidence, and pinned heap evidence reopens on the same object. Lives apart from both view
 * packages so neither depends on the other.
 */
public final class CrossLinks {
    private CrossLinks() {
    }

    public static void install(MainWindow window, HeapViews heap, JfrViews recordings) {
        window.links().setAllocations(() -> firstRecording(window) != null, cls -> {
            Tab tab = firstRecordingTab(window);
            if (tab == null) {
                return false;
            }
            JfrDocument doc = (JfrDocument) tab.getContent();
            tab.getTabPane().getSelectionModel().select(tab);
            doc.select("jfr-alloc");
            doc.allocations().showAllocationsOf(dev.inquest.link.ClassNames.inRecording(cls));
            return true;
        });
        window.links().setHeapInstances(() -> firstHeapTab(window) != null, recorded -> {
            String cls = dev.inquest.link.ClassNames.inHeap(recorded);
            Tab tab = firstHeapTab(window);
            if (tab == null) {
                return false;
            }
            tab.getTabPane().getSelectionModel().select(tab);
            HeapDocument doc = HeapViews.documentOf(tab);
            doc.showClassInHistogram(cls);
            doc.run("Dominators holding " + cls, p -> ClassHolders.of(doc.dump(), cls, HoldersPanel.LIMIT, p),
                    r -> doc.showSidePanel(HoldersPanel.ID, "Held by", HoldersPanel.of(doc, r)));
            return true;
        });
        window.links().setHeapChain(chain -> {
            Tab tab = firstHeapTab(window);
            if (tab == null) {
                return false;
            }
            tab.getTabPane().getSelectionModel().select(tab);
            findChain(window, HeapViews.documentOf(tab), chain);
            return true;
        });
        heap.setSuspectExtras((doc, suspect) -> new SuspectRecordingPanel(window, recordings, SuspectRecordingPanel.classOf(suspect)));
        heap.setPinHandler((doc, row) -> Notebook.of(window).ifPresentOrElse(
                nb -> draft(doc, row, nb::pin),
                () -> window.status().setText("Open or create a case to pin evidence")));
        Notebook.of(window).ifPresent(nb -> {
            nb.addReopener((source, file) -> reopen(window, heap, source, file));
            // Ctrl+P on a heap tab: the row the user is on, drafted exactly as its context menu's pin.
            nb.addTabEvidence((tab, then) -> {
                HeapDocument doc = HeapViews.documentOf(tab);
                if (doc == null) {
                    return TabEvidence.Answer.NOT_MINE;
                }
                var row = doc.selectedRow();
                if (row.isEmpty()) {
                    return TabEvidence.Answer.NOTHING_SELECTED;
                }
                draft(doc, row.get(), then);
                return TabEvidence.Answer.DRAFTING;
            });
        });
    }

    /** How many objects a chain match lists at most. */
    static final int CHAIN_MATCHES = 25;

    /**
     * Walks the dump for the chain off the FX thread, then shows the object's paths to GC roots
     * and, beside them, the match link by link with its dominator path (or why nothing matched).
     */
    static void findChain(MainWindow window, HeapDocument doc, ReferenceChain chain) {
        window.status().setText("Looking for " + chain.object().className() + " in " + doc.file().getFileName() + "...");
        doc.run("Finding the reference chain", p -> {
            ChainMatch m = ChainMatcher.match(doc.dump(), chain, CHAIN_MATCHES, p);
            return new Found(m, m.node() >= 0 ? ChainMatcher.dominatorPath(doc.dump(), m.node()) : List.of());
        }, (Found f) -> {
            if (f.match().node() >= 0) {
                doc.pathsToRoots(f.match().node());
            }
            doc.showSidePanel(ChainMatchPanel.ID, "Found in heap dump", ChainMatchPanel.of(doc, f.match(), f.dominators()));
            window.status().setText(f.match().describe());
        });
    }

    private record Found(ChainMatch match, List<Long> dominators) {
    }

    static JfrDocument firstRecording(MainWindow window) {
        Tab t = firstRecordingTab(window);
        return t == null ? null : (JfrDocument) t.getContent();
    }

    private static Tab firstRecordingTab(MainWindow window) {
        return window.documents().allTabs().stream().filter(t -> t.getContent() instanceof JfrDocument).findFirst().orElse(null);
    }

    private static Tab firstHeapTab(MainWindow window) {
        return window.documents().allTabs().stream().filter(t -> HeapViews.documentOf(t) != null).findFirst().orElse(null);
    }

    /**
     * Evidence for a heap row, figures read from the engine (not the row's text): an object's
     * shallow and retained size, its share of the used heap and its shortest strong path to a GC
     * root; a class's instance count, shallow and retained size. The path query runs off the FX thread.
     */
    public static void draft(HeapDocument doc, HeapRow row, Consumer<Evidence> then) {
        HeapDump dump = doc.dump();
        String file = doc.file().toAbsolutePath().normalize().toString();
        long used = Math.max(1, doc.summary().usedHeap());
        if (!row.isObject()) {
            doc.run("Reading " + row.title(), p -> dump.histogram(Grouping.CLASS).stream()
                    .filter(h -> h.name().equals(row.title())).findFirst().orElse(null), (HistogramRow h) -> {
                Evidence.Builder b = Evidence.builder("histogramRow").summary(h == null ? MarkdownCode.of(row.title())
                        : Units.count(h.count()) + " instances of " + MarkdownCode.of(h.name()) + " retain "
                        + Units.bytes(h.retained()) + " (" + Units.percent((double) h.retained() / used) + " of the used heap)");
                if (h != null) {
                    b.count("instances", h.count()).bytes("shallow", h.shallow()).bytes("retained", h.retained())
                            .percent("of used heap", 100.0 * h.retained() / used);
                }
                then.accept(b.source(file, "heap.class", "class", row.title()).build());
            });
            return;
        }
        long node = row.node();
        doc.run("Path to GC roots", p -> dump.pathsToRoots(node, 1, true, p), (PathResult paths) -> {
            String cls = dump.className(node);
            long retained = dump.retained(node);
            List<String> path = new ArrayList<>();
            if (!paths.paths().isEmpty()) {
                for (PathStep s : paths.paths().getFirst()) {
                    path.add(s.className() + (s.field() == null ? "" : " ." + s.field())
                            + (s.rootKinds() == null || s.rootKinds().isBlank() ? "" : " [" + s.rootKinds() + "]"));
                }
            }
            then.accept(Evidence.builder(Evidence.DOMINATOR_ROW)
                    .summary(MarkdownCode.of(cls) + " at " + hex(dump.address(node)) + " retains " + Units.bytes(retained)
                            + " (" + Units.percent((double) retained / used) + " of the used heap)")
                    .bytes("retained", retained).bytes("shallow", dump.shallow(node))
                    .percent("of used heap", 100.0 * retained / used)
                    .path(path)
                    .source(file, "heap.object", "object", hex(dump.address(node)), "class", cls)
                    .build());
        });
    }

    static String hex(long address) {
        return "0x" + Long.toHexString(address);
    }

    /** Reopens pinned heap evidence: the dump's tab (opening it if needed), then the object or class. */
    static boolean reopen(MainWindow window, HeapViews heap, EvidenceSource source, Path file) {
        if (source.view() == null || !source.view().startsWith("heap.")) {
            return false;
        }
        Consumer<HeapDocument> show = doc -> {
            String object = source.locator().get("object");
            String cls = source.locator().get("class");
            if (object != null) {
                long node = doc.dump().node(Long.parseUnsignedLong(object.substring(2), 16));
                if (node >= 0) {
                    doc.inspect(node);
                    return;
                }
            }
            if (cls != null) {
                doc.showClassInHistogram(cls);
            }
        };
        Path wanted = file.toAbsolutePath().normalize();
        for (Tab tab : window.documents().allTabs()) {
            HeapDocument doc = HeapViews.documentOf(tab);
            if (doc != null && doc.file().toAbsolutePath().normalize().equals(wanted)) {
                tab.getTabPane().getSelectionModel().select(tab);
                show.accept(doc);
                return true;
            }
        }
        heap.open(file, show);
        return true;
    }

    /** Identifiers in backticks, with a longer fence when the name itself holds one. */
    static final class MarkdownCode {
        private MarkdownCode() {
        }

        static String of(String s) {
            return s.contains("`") ? "`` " + s + " ``" : "`" + s + "`";
        }
    }

}
