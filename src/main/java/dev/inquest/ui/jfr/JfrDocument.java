package dev.inquest.ui.jfr;

import dev.inquest.investigation.model.Locator;
import dev.inquest.format.Units;
import dev.inquest.jfr.Recording;
import dev.inquest.jfr.summary.RecordingSummary;
import dev.inquest.ui.common.DamageBanner;
import dev.inquest.ui.shell.MainWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.ui.view.EvidenceSourceView;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * One recording in the window: overview with its findings, allocation, CPU and lock flame graphs,
 * heap over time, old-object samples, memory beyond the heap and every event (the event browser).
 * Each view reads the recording when first shown (only the event types it needs), through the
 * window's task runner, so opening a big recording shows its summary at once.
 *
 * <p>A time range dragged on the heap chart narrows the flame graphs and the events to that range.
 */
public final class JfrDocument extends BorderPane implements EvidenceSourceView, dev.inquest.ui.view.DocumentViews {
    /** A time range of the recording, or null for all of it. */
    public record Range(Instant from, Instant to) {
        public String describe(Instant start) {
            return String.format(java.util.Locale.ROOT, "%.1f s \u2013 %.1f s",
                    Duration.between(start, from).toMillis() / 1000.0, Duration.between(start, to).toMillis() / 1000.0);
        }
    }

    private final Recording source;
    private final RecordingSummary summary;
    private final MainWindow window;
    private final JfrContext context = new Context();
    private final dev.inquest.ui.common.IconTabs views = new dev.inquest.ui.common.IconTabs();
    private final ObjectProperty<Range> range = new SimpleObjectProperty<>();
    private final List<Runnable> closers = new ArrayList<>();
    private final FlameView allocations;
    private final FlameView cpu;
    private final FlameView locks;
    private final EventsView events;
    private final OldObjectsView oldObjects;
    private final OverviewView overview;
    private final NativeMemoryView nativeMemory;
    /** Above every view: why events are missing, as the engine words it; updated after each query. */
    private final DamageBanner damage;

    JfrDocument(Recording source, RecordingSummary summary, MainWindow window) {
        this.source = source;
        this.summary = summary;
        this.window = window;
        getStyleClass().add("jfr-document");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.getStyleClass().add("view-tabs");

        allocations = new FlameView(context, FlameView.Mode.ALLOCATIONS);
        cpu = new FlameView(context, FlameView.Mode.CPU);
        overview = new OverviewView(context, new Shows());
        add("Overview", "jfr-overview", new FontIcon(MaterialDesignI.INFORMATION_OUTLINE), overview);
        add("Allocations", "jfr-alloc", new FontIcon(MaterialDesignF.FIRE), allocations);
        add("CPU", "jfr-cpu", new FontIcon(MaterialDesignC.CPU_64_BIT), cpu);
        add("Heap over time", "jfr-heap", new FontIcon(MaterialDesignC.CHART_LINE), new HeapTrendView(context));
        oldObjects = new OldObjectsView(context);
        add("Old objects", "jfr-old", new FontIcon(MaterialDesignS.SOURCE_BRANCH), oldObjects);
        nativeMemory = new NativeMemoryView(context);
        add("Native memory", "jfr-native", new FontIcon(MaterialDesignM.MEMORY), nativeMemory);
        // Added after the first five, whose places (and Ctrl+1..5) users and tests know.
        locks = new FlameView(context, FlameView.Mode.LOCKS);
        add("Locks", "jfr-lock", new FontIcon(MaterialDesignL.LOCK_OUTLINE), locks);
        events = new EventsView(context);
        add("Events", "jfr-events", new FontIcon(MaterialDesignT.TABLE_LARGE), events);
        closers.add(events::close);
        setCenter(views);
        damage = DamageBanner.of("jfr-damage-banner", source.damageReport().sentence());
        setTop(damage);
        views.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> showing(is));
        // The overview is what a recording opens on: its findings are checked at once.
        overview.findings().load();
        range.addListener((obs, was, is) -> {
            allocations.invalidate();
            cpu.invalidate();
            locks.invalidate();
            events.invalidate();
            window.status().setText(is == null ? "Whole recording" : "Flame graphs and events limited to " + is.describe(summary.start()));
        });
    }

    private void add(String title, String id, FontIcon icon, javafx.scene.Node content) {
        // Icons only for the tabs not selected when the names do not all fit (presentation at 1024 px).
        views.add(title, icon, content).setId(id);
    }

    private void showing(Tab tab) {
        if (tab != null && tab.getContent() instanceof LazyView lazy) {
            lazy.ensureLoaded();
        }
    }

    /** What the selected view offers to pin: a flame frame, the heap trend, an old-object group. */
    @Override
    public Optional<Evidence> evidenceForSelection() {
        Tab tab = views.getSelectionModel().getSelectedItem();
        return tab != null && tab.getContent() instanceof EvidenceSourceView v ? v.evidenceForSelection() : Optional.empty();
    }

    /** The recording's path, as evidence names its artifact until the notebook gives it an id. */
    String artifactPath() {
        return source.file().toAbsolutePath().normalize().toString();
    }

    /** The time range in effect (null: the whole recording), so a reopened view shows the same slice. */
    Locator.TimeRange rangeLocator() {
        Range r = range.get();
        return r == null ? null : new dev.inquest.investigation.model.Locator.TimeRange(r.from(), r.to());
    }

    /** Selects a view by id ("jfr-alloc", ...). */
    public void select(String id) {
        for (Tab t : views.getTabs()) {
            if (t.getId().equals(id)) {
                views.getSelectionModel().select(t);
                showing(t);
            }
        }
    }

    @Override
    public List<String> viewNames() {
        return views.getTabs().stream().map(Tab::getText).toList();
    }

    @Override
    public void showView(int index) {
        if (index >= 0 && index < views.getTabs().size()) {
            select(views.getTabs().get(index).getId());
        }
    }

    public TabPane views() {
        return views;
    }

    public FlameView allocations() {
        return allocations;
    }

    public FlameView cpu() {
        return cpu;
    }

    public FlameView locks() {
        return locks;
    }

    NativeMemoryView nativeMemory() {
        return nativeMemory;
    }

    public EventsView events() {
        return events;
    }

    public OldObjectsView oldObjects() {
        return oldObjects;
    }

    public ObjectProperty<Range> rangeProperty() {
        return range;
    }

    /** The open recording, for readers outside the views (cross links); do not close it. */
    public Recording recording() {
        return source;
    }

    public RecordingSummary summary() {
        return summary;
    }

    /** The banner above the views (hidden while the recording reads whole). */
    public DamageBanner damageBanner() {
        return damage;
    }

    /** Shows the recording's damage as found so far (a copy of a small list: no I/O, fine on the FX thread). */
    void refreshDamage() {
        damage.show(source.damageReport().sentence());
    }

    OverviewView overview() {
        return overview;
    }

    /** Where a finding's evidence opens. */
    private final class Shows implements FindingsPane.Shows {
        @Override
        public void frame(dev.inquest.jfr.rules.RuleEvidence.Frame frame) {
            List<String> stack = frame.path().isEmpty() ? List.of(frame.method()) : frame.path();
            switch (frame.flame()) {
                case ALLOCATION -> {
                    select("jfr-alloc");
                    allocations.reveal(stack);
                }
                case CPU -> {
                    select("jfr-cpu");
                    cpu.reveal(stack);
                }
                case LOCK -> {
                    select("jfr-lock");
                    locks.reveal(stack);
                }
            }
        }

        @Override
        public void range(dev.inquest.jfr.rules.RuleEvidence.TimeRange r) {
            range.set(new Range(r.from(), r.to()));
            select("jfr-heap");
        }

        @Override
        public void series(dev.inquest.jfr.rules.RuleEvidence.Series series) {
            select(series.series().nativeMemory() ? "jfr-native" : "jfr-heap");
        }
    }

    /** What the views see of the document and the window: {@link JfrContext}, delegating here. */
    private final class Context implements JfrContext {
        @Override
        public Recording recording() {
            return source;
        }

        @Override
        public RecordingSummary summary() {
            return summary;
        }

        @Override
        public ObjectProperty<Range> rangeProperty() {
            return range;
        }

        @Override
        public Locator.TimeRange rangeLocator() {
            return JfrDocument.this.rangeLocator();
        }

        @Override
        public String artifactPath() {
            return JfrDocument.this.artifactPath();
        }

        @Override
        public <T> dev.inquest.ui.task.TaskRunner.Handle run(String title, dev.inquest.ui.task.TaskRunner.Work<T> work,
                java.util.function.Consumer<? super T> onSuccess, java.util.function.Consumer<Throwable> onFailure) {
            // A query may find a damaged chunk only while it reads: the banner follows each one.
            return window.tasks().submit(title, work, result -> {
                refreshDamage();
                onSuccess.accept(result);
            }, failure -> {
                refreshDamage();
                onFailure.accept(failure);
            });
        }

        @Override
        public void showError(String title, Throwable failure) {
            window.showError(title, failure);
        }

        @Override
        public void status(String text) {
            window.status().setText(text);
        }

        @Override
        public void pinSelection() {
            window.caseDesk().ifPresent(dev.inquest.ui.view.CaseDesk::pinSelection);
        }

        @Override
        public dev.inquest.ui.view.ClassLinks links() {
            return window.links();
        }

        @Override
        public java.util.List<java.nio.file.Path> otherRecordings() {
            return window.documents().allTabs().stream().map(javafx.scene.control.Tab::getContent)
                    .filter(c -> c instanceof JfrDocument d && d != JfrDocument.this)
                    .map(c -> ((JfrDocument) c).source.file()).toList();
        }

        @Override
        public void openTab(String title, javafx.scene.Node icon, javafx.scene.Node content) {
            window.documents().add(window.documents().newTab(title, icon, content));
        }
    }

    static String bytes(long b) {
        return b < 0 ? "not recorded" : Units.bytes(b);
    }

    void onClose(Runnable r) {
        closers.add(r);
    }

    void close() {
        closers.forEach(Runnable::run);
        JfrViews.closeQuietly(source);
    }

    /** A view that reads its data the first time it is shown. */
    interface LazyView {
        void ensureLoaded();
    }
}
