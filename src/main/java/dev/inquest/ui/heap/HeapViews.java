package dev.inquest.ui.heap;

import dev.inquest.heap.model.DumpChoice;
import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.HeapSummary;
import dev.inquest.heap.model.IndexBuildProcess;
import dev.inquest.heap.MemoryBudget;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.launch.MemoryRelaunch;
import dev.inquest.heap.model.OpenPhases;
import dev.inquest.progress.PhaseLog;
import dev.inquest.progress.Progress;
import dev.inquest.ui.common.ProgressPage;
import dev.inquest.ui.task.TaskRunner;
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
    /** Wraps the progress an open reports to (tests hold an open at a phase); identity otherwise. */
    private java.util.function.UnaryOperator<Progress> progressHook = java.util.function.UnaryOperator.identity();
    /**
     * The memory share chosen in Settings (percent), or 0. It becomes a budget when a dump opens,
     * on the task's thread: the budget reads the cgroup's files, which the FX thread must not.
     */
    private int memoryPercent;

    /** The settings key and system property that build a first open's index in a child JVM. */
    public static final String BUILD_IN_CHILD = "inquest.heap.buildInChild";
    /**
     * Whether a first open builds the index in a child JVM ({@code IndexBuildProcess}) rather than in
     * this process. Off by default: on the benchmark dump the child's open was no faster (its build
     * phases ran up to a tenth faster than beside JavaFX, but its JVM's start, its second pass over
     * the records and mapping the index it wrote took that back; docs/benchmarks.md, issue 18). Without a {@code java}
     * binary (a trimmed runtime) the build stays here whatever the setting says.
     */
    private boolean buildInChild = Boolean.getBoolean(BUILD_IN_CHILD);

    /** Receives a row the user pinned; the case notebook implements it. */
    @FunctionalInterface
    public interface PinHandler {
        void pin(HeapDocument document, HeapRow row);
    }

    /** Receives a query result the user pinned (the first rows or the selected ones); the case notebook implements it. */
    @FunctionalInterface
    public interface QueryPinHandler {
        void pin(HeapDocument document, String query, List<String> columns, List<dev.inquest.heap.query.OqlRow> rows,
                long total, boolean more);
    }

    /** The queries run in a case's documents, newest first. */
    interface QueryHistory {
        List<String> queries();

        /** Called (FX thread) when a query ran without a syntax error. */
        void ran(String query);
    }

    /** How many queries a history keeps. */
    public static final int HISTORY_MAX = 50;

    /** The session's history, used while no case is open. */
    private final QueryHistory sessionHistory = new QueryHistory() {
        private final List<String> queries = new java.util.ArrayList<>();

        @Override
        public List<String> queries() {
            return List.copyOf(queries);
        }

        @Override
        public void ran(String query) {
            queries.remove(query);
            queries.addFirst(query);
            while (queries.size() > HISTORY_MAX) {
                queries.removeLast();
            }
        }
    };
    private QueryPinHandler queryPinHandler;

    /** Enables "Pin" in the query view (null disables it again). */
    public void setQueryPinHandler(QueryPinHandler handler) {
        this.queryPinHandler = handler;
    }

    QueryPinHandler queryPinHandler() {
        return queryPinHandler;
    }

    /** The open case's history (kept with its layout, {@code CaseLayouts}); this window's session's while no case is open. */
    QueryHistory queryHistory() {
        var layouts = window.caseLayouts();
        if (layouts.currentCase() == null) {
            return sessionHistory;
        }
        return new QueryHistory() {
            @Override
            public List<String> queries() {
                return layouts.queries();
            }

            @Override
            public void ran(String query) {
                layouts.queryRan(query);
            }
        };
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
        if (Boolean.parseBoolean(window.settings().get(BUILD_IN_CHILD, "false"))) {
            views.buildInChild = true;
        }
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

    private static final java.util.function.BiConsumer<HeapDocument, Baseline> NO_BASELINE_HANDLER = (d, b) -> {
    };
    private java.util.function.BiConsumer<HeapDocument, Baseline> baselineHandler = NO_BASELINE_HANDLER;

    /** What happens (FX thread) once a dump was compared with a baseline: the case marks it (see CrossLinks). */
    public void setBaselineHandler(java.util.function.BiConsumer<HeapDocument, Baseline> handler) {
        this.baselineHandler = handler == null ? NO_BASELINE_HANDLER : handler;
    }

    java.util.function.BiConsumer<HeapDocument, Baseline> baselineHandler() {
        return baselineHandler;
    }

    /** Replaces the "which dump?" dialog; tests answer it without a dialog. */
    public void setDumpChooser(Function<List<DumpChoice>, Optional<DumpChoice>> chooser) {
        this.dumpChooser = chooser;
    }

    /** Tests: wraps the progress every open reports to, e.g. to hold it at a phase. */
    void setProgressHook(java.util.function.UnaryOperator<Progress> hook) {
        this.progressHook = hook;
    }

    /** How dumps open (index file on or off, unreachable objects kept); the dump number is chosen per file. */
    public void setOpenOptions(OpenOptions options) {
        this.openOptions = options;
        this.memoryPercent = 0;
    }

    /** Whether first opens build the index in a child JVM (true) or in this process; tests choose explicitly. */
    public void setBuildInChild(boolean child) {
        this.buildInChild = child;
    }

    /** How dumps open, with the Settings share as the budget; reads files: call it off the FX thread. */
    OpenOptions openOptions() {
        return memoryPercent > 0 ? openOptions.withMemory(MemoryBudget.shareOfMachine(memoryPercent)) : openOptions;
    }

    /**
     * Opens the file's dump: its tab appears at once with the open's phases, time left and Cancel
     * (issue 18), and shows the views when the open is done. A file with several dumps asks which
     * one after the one pass over its records that finds them.
     */
    public void open(Path file) {
        open(file, doc -> { });
    }

    /** As {@link #open(Path)}, then hands the new document to {@code opened} (evidence reopening). */
    public void open(Path file, java.util.function.Consumer<HeapDocument> opened) {
        load(file, opened);
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

    private void load(Path file, java.util.function.Consumer<HeapDocument> onShown) {
        // A dump that opened but whose summary failed or was cancelled is closed by the failure
        // path through this holder; once returned, the Loaded owns it (the task runner closes a
        // result that arrives after a cancel).
        AtomicReference<HeapDump> opened = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger chosen = new java.util.concurrent.atomic.AtomicInteger(-1);
        PhaseLog log = new PhaseLog(OpenPhases.SHARES, 0);
        TaskRunner.Handle[] handle = new TaskRunner.Handle[1];
        Tab opening = openingTab(file, log, () -> handle[0].cancel());
        handle[0] = window.tasks().submitFor(file, "Opening " + file.getFileName(), log, p -> {
            log.expect(OpenPhases.expectedMillis(java.nio.file.Files.size(file)));
            Progress watched = progressHook.apply(log.watching(p));
            Function<List<DumpChoice>, Optional<DumpChoice>> chooser = dumps -> {
                Optional<DumpChoice> c = chooseOnFx(file, dumps);
                c.ifPresent(d -> chosen.set(d.index()));
                return c;
            };
            Optional<IndexBuildProcess.Launcher> child = buildInChild ? IndexBuildProcess.Launcher.current() : Optional.empty();
            HeapDump heap = child.isPresent()
                    ? IndexBuildProcess.open(file, openOptions(), chooser, watched, child.get())
                    : HeapDump.open(file, openOptions(), chooser, watched);
            opened.set(heap);
            watched.phase("Summary", -1, Progress.Unit.ITEMS);
            HeapSummary summary = heap.summary();
            p.checkCancelled();
            log.finish();
            opened.set(null);
            return new Loaded(heap, summary);
        }, loaded -> {
            onShown.accept(show(file, loaded, opening));
            unclaim(file, chosen.get());
        }, t -> {
            unclaim(file, chosen.get());
            window.documents().close(opening);
            HeapDump heap = opened.getAndSet(null);
            if (heap != null) {
                heap.close();
            }
            window.showError("Cannot open " + file.getFileName(), t);
        });
    }

    /**
     * The tab an opening dump shows at once, where the user looks: its phases, the time left and
     * Cancel. Closing it cancels the open too.
     */
    private Tab openingTab(Path file, PhaseLog log, Runnable cancel) {
        ProgressPage page = new ProgressPage("Opening " + file.getFileName(), log, cancel);
        return window.documents().addOpeningTab(file, new FontIcon(MaterialDesignM.MEMORY), "tab-heap-opening", page, cancel);
    }

    /**
     * Which of a file's dumps to open, asked on the FX thread from the opening thread (which
     * waits): the one a restored layout waits for, else the user's choice.
     */
    private Optional<DumpChoice> chooseOnFx(Path file, List<DumpChoice> dumps) {
        java.util.concurrent.CompletableFuture<Optional<DumpChoice>> answer = new java.util.concurrent.CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            try {
                Optional<DumpChoice> remembered = rememberedDump(file, dumps);
                answer.complete(remembered.isPresent() ? remembered : dumpChooser.apply(dumps));
            } catch (Throwable t) {
                answer.completeExceptionally(t);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("interrupted while choosing a dump");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private HeapDocument show(Path file, Loaded loaded, Tab opening) {
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
        // The views take the opening tab's place (and selection), unless a restored layout has a place for them.
        window.documents().replaceOpening(opening, tab, file);
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
