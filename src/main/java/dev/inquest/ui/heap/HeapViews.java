package dev.inquest.ui.heap;

import dev.inquest.heap.model.DumpChoice;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HeapSummary;
import dev.inquest.heap.MemoryBudget;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.launch.MemoryRelaunch;
import dev.inquest.progress.Progress;
import dev.inquest.input.FileKind;
import dev.inquest.ui.shell.MainWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * Wires heap dumps into the window: registers the opener for {@link FileKind#HEAP_DUMP}, which
 * lists the dumps of a file, lets the user pick one when there are several, loads it through the
 * task runner (progress and cancel in the status bar) and gives it a {@link HeapDocument} tab.
 *
 * <p>Later features hook in here rather than in the views: {@link #setPinHandler} turns on
 * "Pin as evidence" in every row's context menu.
 */
public final class HeapViews {
    private final MainWindow window;
    private final HeapViewSet viewSet;
    private PinHandler pinHandler;
    private SuspectExtras suspectExtras;
    private Function<List<DumpChoice>, Optional<DumpChoice>> dumpChooser = this::askWhichDump;
    private OpenOptions openOptions = OpenOptions.DEFAULT;
    /**
     * The memory share chosen in Settings (percent), or 0. It becomes a budget when a dump opens,
     * on the task's thread: the budget reads the cgroup's files, which the FX thread must not.
     */
    private int memoryPercent;

    /** Receives a row the user pinned; the case notebook implements it. */
    @FunctionalInterface
    public interface PinHandler {
        void pin(HeapDocument document, HeapRow row);
    }

    /** Adds a panel to each leak suspect card (the cross links: the suspect's allocation sites in a recording). */
    @FunctionalInterface
    public interface SuspectExtras {
        /** A node kept inside the card (it updates itself), or null for nothing. */
        javafx.scene.Node panel(HeapDocument document, dev.inquest.heap.query.Suspect suspect);
    }

    private HeapViews(MainWindow window, HeapViewSet viewSet) {
        this.window = window;
        this.viewSet = viewSet;
    }

    /**
     * Registers the heap dump opener on the window, its documents showing {@code viewSet} (the
     * composition root's choice); returns the views so callers can hook in.
     */
    public static HeapViews install(MainWindow window, HeapViewSet viewSet) {
        HeapViews views = new HeapViews(window, viewSet);
        // The memory share the user chose in Settings bounds the indexing too (else: what the machine has).
        MemoryRelaunch.parse(window.settings().get(MemoryRelaunch.SETTING, null)).ifPresent(percent -> views.memoryPercent = percent);
        window.registerOpener(FileKind.HEAP_DUMP, (file, w) -> views.open(file));
        TableWarmUp.startOnce(window.stage().getScene().getStylesheets());
        return views;
    }

    public MainWindow window() {
        return window;
    }

    /** Enables "Pin as evidence" on every heap row (null disables it again). */
    public void setPinHandler(PinHandler handler) {
        this.pinHandler = handler;
    }

    PinHandler pinHandler() {
        return pinHandler;
    }

    /** Sets what suspect cards built from now on add (null: nothing). */
    public void setSuspectExtras(SuspectExtras extras) {
        this.suspectExtras = extras;
    }

    public SuspectExtras suspectExtras() {
        return suspectExtras;
    }

    /** Replaces the "which dump?" dialog; tests answer it without a dialog. */
    public void setDumpChooser(Function<List<DumpChoice>, Optional<DumpChoice>> chooser) {
        this.dumpChooser = chooser;
    }

    /** How dumps open (index file on or off, unreachable objects kept); the dump number is chosen per file. */
    public void setOpenOptions(OpenOptions options) {
        this.openOptions = options;
        this.memoryPercent = 0;
    }

    /** How dumps open, with the Settings share as the budget; reads files: call it off the FX thread. */
    OpenOptions openOptions() {
        return memoryPercent > 0 ? openOptions.withMemory(MemoryBudget.shareOfMachine(memoryPercent)) : openOptions;
    }

    /** Lists the file's dumps off the FX thread, asks which one if there are several, then loads it. */
    public void open(Path file) {
        open(file, doc -> { });
    }

    /** As {@link #open(Path)}, then hands the new document to {@code opened} (evidence reopening). */
    public void open(Path file, java.util.function.Consumer<HeapDocument> opened) {
        window.tasks().submitFor(file, "Reading " + file.getFileName(), p -> HeapDump.listDumps(file, p), dumps -> {
            if (dumps.size() <= 1) {
                load(file, -1, opened);
                return;
            }
            Optional<DumpChoice> remembered = rememberedDump(file, dumps);
            (remembered.isPresent() ? remembered : dumpChooser.apply(dumps)).ifPresent(choice -> load(file, choice.index(), opened));
        }, t -> window.showError("Cannot open " + file.getFileName(), t));
    }

    /** Dumps being loaded because a restored layout asked for them, per file: two tabs of one file take different ones. */
    private final java.util.Map<Path, java.util.Set<Integer>> claimed = new java.util.HashMap<>();

    /**
     * The dump a restored case layout is waiting for in this file (its tab key ends in "#n"), so
     * reopening a case does not ask again which of the file's dumps it was.
     */
    private Optional<DumpChoice> rememberedDump(Path file, List<DumpChoice> dumps) {
        Path abs = file.toAbsolutePath().normalize();
        java.util.Set<Integer> taken = claimed.computeIfAbsent(abs, k -> new java.util.HashSet<>());
        for (var e : window.documents().awaiting()) {
            if (!abs.toString().equals(e.file()) || !e.key().matches(".*#\\d+")) {
                continue;
            }
            int n = Integer.parseInt(e.key().substring(e.key().lastIndexOf('#') + 1));
            if (!taken.contains(n)) {
                Optional<DumpChoice> match = dumps.stream().filter(d -> d.index() == n).findFirst();
                if (match.isPresent()) {
                    taken.add(n);
                    return match;
                }
            }
        }
        return Optional.empty();
    }

    private void unclaim(Path file, int dump) {
        java.util.Set<Integer> taken = claimed.get(file.toAbsolutePath().normalize());
        if (taken != null) {
            taken.remove(dump);
        }
    }

    /**
     * A loaded dump with the figures every view needs, computed off the FX thread. Closeable so
     * the task runner can release one that arrives after its open was cancelled.
     */
    private record Loaded(HeapDump dump, HeapSummary summary) implements AutoCloseable {
        @Override
        public void close() {
            dump.close();
        }
    }

    private void load(Path file, int dump, java.util.function.Consumer<HeapDocument> onShown) {
        // A dump that opened but whose summary failed or was cancelled is closed by the failure
        // path through this holder; once returned, the Loaded owns it (the task runner closes a
        // result that arrives after a cancel).
        AtomicReference<HeapDump> opened = new AtomicReference<>();
        window.tasks().submitFor(file, "Opening " + file.getFileName(), p -> {
            HeapDump heap = HeapDump.open(file, openOptions().withDump(dump), p);
            opened.set(heap);
            p.phase("Summary", -1, Progress.Unit.ITEMS);
            HeapSummary summary = heap.summary();
            p.checkCancelled();
            opened.set(null);
            return new Loaded(heap, summary);
        }, loaded -> {
            onShown.accept(show(file, loaded));
            unclaim(file, dump);
        }, t -> {
            unclaim(file, dump);
            HeapDump heap = opened.getAndSet(null);
            if (heap != null) {
                heap.close();
            }
            window.showError("Cannot open " + file.getFileName(), t);
        });
    }

    private HeapDocument show(Path file, Loaded loaded) {
        HeapDump heap = loaded.dump();
        HeapDocument doc = new HeapDocument(this, viewSet, file, heap, loaded.summary());
        String title = file.getFileName().toString();
        if (loaded.summary().dumps() > 1) {
            title += " #" + loaded.summary().dump();
        }
        Tab tab = window.documents().newTab(title, new FontIcon(MaterialDesignM.MEMORY), doc.node());
        tab.setId("tab-heap");
        tab.setTooltip(new Tooltip(file.toAbsolutePath().toString()));
        // The dump number is part of the key: a case layout reopens the same dump of a file with several.
        dev.inquest.ui.shell.DocumentArea.setKey(tab, "heap:" + file.toAbsolutePath()
                + (loaded.summary().dumps() > 1 ? "#" + loaded.summary().dump() : ""));
        dev.inquest.ui.shell.DocumentArea.setFile(tab, file);
        var closed = tab.getOnClosed();
        tab.setOnClosed(e -> {
            doc.close();
            if (closed != null) {
                closed.handle(e);
            }
        });
        window.documents().add(tab);
        window.status().setText("Opened heap dump " + file.getFileName());
        doc.prepareQueries();
        // After the tab's first layout, so the view is built at the size it will be shown at.
        javafx.application.Platform.runLater(doc::prebuildDominators);
        return doc;
    }

    /** The heap document shown in a tab, or null. */
    public static HeapDocument documentOf(Tab tab) {
        return tab != null && tab.getContent() instanceof HeapDocument.Pane pane ? pane.document() : null;
    }

    private Optional<DumpChoice> askWhichDump(List<DumpChoice> dumps) {
        List<String> labels = dumps.stream().map(HeapViews::describe).toList();
        ChoiceDialog<String> dialog = new ChoiceDialog<>(labels.getLast(), labels);
        dialog.initOwner(window.stage());
        dialog.setTitle("Several heap dumps");
        dialog.setHeaderText("This file holds " + dumps.size() + " heap dumps. Which one should open?");
        dialog.setContentText("Dump:");
        return dialog.showAndWait().map(s -> dumps.get(labels.indexOf(s)));
    }

    static String describe(DumpChoice d) {
        return "Dump " + d.index() + " (" + dev.inquest.format.Units.count(d.records()) + " records"
                + (d.complete() ? "" : ", incomplete") + ")";
    }
}
