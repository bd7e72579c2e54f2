package dev.inquest.ui.link;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.investigation.artifact.ArtifactFiles;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.EvidenceSource;
import dev.inquest.investigation.model.EvidenceView;
import dev.inquest.investigation.model.Locator;
import dev.inquest.heap.query.ClassHolders;
import dev.inquest.link.ChainMatch;
import dev.inquest.link.ChainMatcher;
import dev.inquest.link.DumpChoice;
import dev.inquest.link.HeapEvidence;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
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
        window.links().setHeapInstances(() -> firstHeapTab(window) != null, (span, recorded) -> {
            DumpChoice<Tab> choice = chooseDump(window, span);
            if (choice == null) {
                return false;
            }
            showInstances(window, choice, recorded);
            return true;
        });
        window.links().setHeapDumps(span -> {
            DumpChoice<Tab> choice = chooseDump(window, span);
            return choice == null ? List.of() : choice.ranked().stream().map(DumpChoice.Candidate::name).toList();
        }, (span, recorded, rank) -> {
            DumpChoice<Tab> choice = chooseDump(window, span);
            if (choice == null || rank < 0 || rank >= choice.ranked().size()) {
                return false;
            }
            showInstances(window, choice.instead(choice.ranked().get(rank).dump()), recorded);
            return true;
        });
        window.links().setHeapChain((span, chain) -> {
            DumpChoice<Tab> choice = chooseDump(window, span);
            if (choice == null) {
                return false;
            }
            findChain(window, choice, chain);
            return true;
        });
        // "Compare with baseline...": the dump chosen becomes the case's baseline when it is in the case.
        heap.setBaselineHandler((doc, b) -> markCaseBaseline(window, b.file()));
        heap.setSuspectExtras((doc, suspect) -> new SuspectRecordingPanel(window, recordings, SuspectRecordingPanel.classOf(suspect)));
        heap.setPinHandler((doc, row) -> Notebook.of(window).ifPresentOrElse(
                nb -> draft(doc, row, nb::pin),
                () -> window.status().setText("Open or create a case to pin evidence")));
        // A query result is drafted from the rows shown (it reads nothing more from the dump).
        heap.setQueryPinHandler((doc, query, columns, rows, total, more) -> Notebook.of(window).ifPresentOrElse(
                nb -> nb.pin(HeapEvidence.ofQuery(doc.file().toAbsolutePath().normalize().toString(), query, columns, rows, total, more)),
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
     * "Show in heap dump": the histogram narrowed to the class in the chosen dump, and beside it
     * the dominators holding its instances under the notice of which dump and why.
     */
    static void showInstances(MainWindow window, DumpChoice<Tab> choice, String recorded) {
        String cls = dev.inquest.link.ClassNames.inHeap(recorded);
        Tab tab = choice.chosen().dump();
        tab.getTabPane().getSelectionModel().select(tab);
        HeapDocument doc = HeapViews.documentOf(tab);
        doc.showClassInHistogram(cls);
        String verb = "Showing " + ChainMatchPanel.simple(cls) + " in";
        window.status().setText(choice.notice(verb));
        doc.run("Dominators holding " + cls, p -> ClassHolders.of(doc.dump(), cls, HoldersPanel.LIMIT, p),
                r -> doc.showSidePanel(HoldersPanel.ID, "Held by", HoldersPanel.of(doc, r,
                        DumpNotice.of(choice, verb, other -> showInstances(window, choice.instead(other), recorded)))));
    }

    /**
     * Walks the chosen dump for the chain off the FX thread, then shows the object's paths to GC
     * roots and, beside them, which dump and why, and the match link by link with its dominator
     * path (or why nothing matched).
     */
    static void findChain(MainWindow window, DumpChoice<Tab> choice, ReferenceChain chain) {
        Tab tab = choice.chosen().dump();
        tab.getTabPane().getSelectionModel().select(tab);
        HeapDocument doc = HeapViews.documentOf(tab);
        String verb = "Looking for " + ChainMatchPanel.simple(chain.object().className()) + " in";
        window.status().setText(choice.notice(verb) + "...");
        doc.run("Finding the reference chain", p -> {
            ChainMatch m = ChainMatcher.match(doc.dump(), chain, CHAIN_MATCHES, p);
            return new Found(m, m.node() >= 0 ? ChainMatcher.dominatorPath(doc.dump(), m.node()) : List.of());
        }, (Found f) -> {
            if (f.match().node() >= 0) {
                doc.pathsToRoots(f.match().node());
            }
            Node notice = DumpNotice.of(choice, "Looked in",
                    other -> findChain(window, choice.instead(other), chain));
            doc.showSidePanel(ChainMatchPanel.ID, "Found in heap dump", ChainMatchPanel.of(doc, f.match(), f.dominators(), notice));
            window.status().setText(f.match().describe());
        });
    }

    /**
     * The open dumps ranked for a link from a recording spanning {@code span}, or null when none
     * is open. The baseline (the dump another open dump is compared with, or the artifact the
     * open case marks as its baseline) yields to any other open dump.
     */
    static DumpChoice<Tab> chooseDump(MainWindow window, DumpChoice.Span span) {
        List<HeapDocument> docs = heapTabs(window).stream().map(HeapViews::documentOf).toList();
        Set<Path> baselines = docs.stream().flatMap(d -> d.baseline().stream()).map(b -> normal(b.file())).collect(Collectors.toCollection(java.util.HashSet::new));
        // The case remembers it across windows: a reopened case, or a dump opened without comparing.
        Notebook.of(window).flatMap(Notebook::session).ifPresent(s -> baselines.addAll(
                ArtifactFiles.baselines(s.current(), s.folder().orElse(null))));
        List<DumpChoice.Candidate<Tab>> candidates = heapTabs(window).stream().map(t -> {
            HeapDocument d = HeapViews.documentOf(t);
            return new DumpChoice.Candidate<>(t, d.file().getFileName().toString(), d.dump() == null ? null : d.dump().takenAt(),
                    baselines.contains(normal(d.file())) ? DumpChoice.Role.BASELINE : DumpChoice.Role.OTHER);
        }).toList();
        return DumpChoice.rank(span, candidates);
    }

    /** Marks the case's artifact for {@code file} as its baseline; nothing when the file is not in the case. */
    static void markCaseBaseline(MainWindow window, Path file) {
        Notebook.of(window).ifPresent(nb -> nb.session().ifPresent(s -> ArtifactFiles.of(s.current(), file, s.folder().orElse(null))
                .filter(a -> a.id() != null && !a.isBaseline())
                .ifPresent(a -> nb.apply(dev.inquest.investigation.session.Edits.markBaseline(a.id(), true)))));
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
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
        return heapTabs(window).stream().findFirst().orElse(null);
    }

    /** The heap dumps' tabs in the order they were opened. */
    private static List<Tab> heapTabs(MainWindow window) {
        return window.documents().allTabs().stream().filter(t -> HeapViews.documentOf(t) != null).toList();
    }

    /**
     * Evidence for a heap row, drafted by the engine side ({@link HeapEvidence}) off the FX thread;
     * {@code then} gets it on the FX thread.
     */
    public static void draft(HeapDocument doc, HeapRow row, Consumer<Evidence> then) {
        HeapDump dump = doc.dump();
        String file = doc.file().toAbsolutePath().normalize().toString();
        long used = doc.summary().usedHeap();
        if (!row.isObject()) {
            doc.run("Reading " + row.title(), p -> HeapEvidence.ofClass(dump, file, row.title(), used), then);
            return;
        }
        doc.run("Path to GC roots", p -> HeapEvidence.ofObject(dump, file, row.node(), used, p), then);
    }

    /** Reopens pinned heap evidence: the dump's tab (opening it if needed), then the object or class. */
    static boolean reopen(MainWindow window, HeapViews heap, EvidenceSource source, Path file) {
        if (source.view() == null || source.view().engine() != EvidenceView.Engine.HEAP) {
            return false;
        }
        Consumer<HeapDocument> show = doc -> {
            Optional<Locator.HeapQuery> query = Locator.HeapQuery.in(source);
            if (query.isPresent()) {
                doc.showQuery(query.get().query());
                return;
            }
            Optional<Locator.HeapObject> object = Locator.HeapObject.in(source);
            if (object.isPresent()) {
                long node = doc.dump().node(object.get().address());
                if (node >= 0) {
                    doc.inspect(node);
                    return;
                }
            }
            Locator.HeapClass.in(source).ifPresent(cls -> doc.showClassInHistogram(cls.className()));
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
}
