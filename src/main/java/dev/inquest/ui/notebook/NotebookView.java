package dev.inquest.ui.notebook;

import dev.inquest.investigation.export.FigureText;
import dev.inquest.investigation.model.Artifact;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.CaseStatus;
import dev.inquest.investigation.model.Evidence;
import dev.inquest.investigation.model.Hypothesis;
import dev.inquest.investigation.model.HypothesisStatus;
import dev.inquest.investigation.model.NextStep;
import dev.inquest.investigation.model.Priority;
import dev.inquest.investigation.model.Reference;
import dev.inquest.investigation.model.Section;
import dev.inquest.investigation.model.Stance;
import dev.inquest.investigation.session.CaseSession;
import dev.inquest.investigation.session.Edits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.event.EventHandler;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/**
 * The notebook panel for one case: header, hypotheses with their evidence, the plain lists and
 * the checklist. It is rebuilt from the case value on every change: a case is a few dozen
 * items, rebuilding takes well under a frame, and it keeps the screen a pure function of the
 * case (no drift between what is shown and what is saved). Only UI state that is not in the case
 * (which hypotheses are expanded, the scroll position) is kept across rebuilds.
 */
final class NotebookView {

    private final Notebook notebook;
    private final CaseSession session;
    private final BorderPane root = new BorderPane();
    private final VBox body = new VBox(14);
    private final ScrollPane scroll = new ScrollPane(body);
    private final Label saveState = new Label();
    private final HBox problemBar = new HBox(8);
    private final Set<String> expanded = new HashSet<>();
    private TextField newHypothesisField;
    private javafx.scene.control.TextArea titleField;

    NotebookView(Notebook notebook, CaseSession session) {
        this.notebook = notebook;
        this.session = session;
        root.setId("notebook");
        root.getStyleClass().add("notebook");
        root.setMinWidth(280);
        root.setPrefWidth(420);
        body.getStyleClass().add("notebook-body");
        body.setPadding(new Insets(12, 14, 20, 14));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        saveState.setId("save-state");
        saveState.getStyleClass().add("save-state");
        // "Saved" keeps its word in a narrow notebook; the dates beside it wrap instead.
        saveState.setMinWidth(Region.USE_PREF_SIZE);
        problemBar.setId("save-problem");
        problemBar.getStyleClass().add("save-problem");
        problemBar.setAlignment(Pos.CENTER_LEFT);
        problemBar.setPadding(new Insets(6, 14, 6, 14));
        root.setTop(problemBar);
        root.setCenter(scroll);
        render();
    }

    BorderPane node() {
        return root;
    }

    /** Shows the presenter instead of the editing panel (presentation mode), or back with null. */
    void showInstead(Node other) {
        root.setCenter(other == null ? scroll : other);
    }

    void expand(String hypothesisId) {
        expanded.add(hypothesisId);
    }

    void focusNewHypothesis() {
        if (newHypothesisField != null) {
            newHypothesisField.requestFocus();
        }
    }

    void focusTitle() {
        if (titleField != null) {
            titleField.requestFocus();
            titleField.selectAll();
        }
    }

    // ---------------------------------------------------------------- rendering

    void render() {
        Case c = session.current();
        double v = scroll.getVvalue();
        // The tree is replaced: keep the keyboard where it was (the adder after adding an item).
        Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
        String focusedId = focused != null && focused.getId() != null && isInside(focused) ? focused.getId() : null;
        if (c == null) {
            // Broken file and no good autosave parsed: nothing to show but the reason above.
            Label none = new Label("The case file could not be read; nothing was changed on disk.");
            none.setWrapText(true);
            body.getChildren().setAll(none);
            renderProblem();
            return;
        }
        body.getChildren().setAll(header(c));
        if (c.hypotheses().isEmpty()) {
            body.getChildren().add(emptyHint());
        }
        Node[] parts = {
            hypotheses(c),
            itemList(c, Section.CONTEXT, "Context", "Add a fact that framed the investigation", "Add a fact"),
            itemList(c, Section.FINDINGS, "Findings", "Add a finding", "Add a finding"),
            itemList(c, Section.ACTIONS, "Actions taken", "Add an action (past tense)", "Add an action"),
            nextSteps(c),
            references(c),
            artifacts(c)};
        VBox editable = new VBox(18, parts);
        // A read-only case (broken or newer file) is shown but cannot be changed.
        editable.setDisable(session.readOnly());
        body.getChildren().add(editable);
        renderProblem();
        Platform.runLater(() -> scroll.setVvalue(v));
        if (focusedId != null) {
            Node again = body.lookup("#" + focusedId);
            if (again != null) {
                Platform.runLater(again::requestFocus);
            }
        }
    }

    /** What to do first in an empty case: a new notebook otherwise shows only blank sections. */
    private Node emptyHint() {
        Label hint = new Label("Write a hypothesis below (Ctrl+H): what might explain what you see?\n"
                + "Then pin evidence from any view with Ctrl+P: a dominator row, a histogram class, a flame frame, "
                + "an old-object chain. Each pin says whether it supports or refutes a hypothesis.\n"
                + session.path().map(p -> "The case saves itself as you go, to " + p + ".").orElse("This case is not saved to a file."));
        hint.setId("notebook-hint");
        hint.getStyleClass().add("notebook-hint");
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        return hint;
    }

    private boolean isInside(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == body) {
                return true;
            }
        }
        return false;
    }

    /** Save state and recovery choices; called from the session listener on the FX thread. */
    void renderSaveState(String text, boolean failed) {
        saveState.setText(text);
        saveState.getStyleClass().removeAll("failed");
        if (failed) {
            saveState.getStyleClass().add("failed");
        }
        renderProblem();
    }

    private void renderProblem() {
        problemBar.getChildren().clear();
        if (session.readOnly()) {
            Label why = new Label("Read-only: " + session.readOnlyReason());
            why.setWrapText(true);
            HBox.setHgrow(why, javafx.scene.layout.Priority.ALWAYS);
            problemBar.getChildren().add(why);
            if (session.backup().isPresent()) {
                Button restore = new Button("Restore last good autosave");
                restore.setId("restore-backup");
                restore.setOnAction(e -> notebook.restoreBackup());
                problemBar.getChildren().add(restore);
            }
        } else if (session.saveProblem().orElse(null) instanceof dev.inquest.investigation.store.ConflictException ce) {
            Label why = new Label("The case file changed on disk (another window or a git pull). Which version wins?");
            why.setWrapText(true);
            HBox.setHgrow(why, javafx.scene.layout.Priority.ALWAYS);
            Button mine = new Button("Keep mine");
            mine.setId("keep-mine");
            mine.setOnAction(e -> notebook.keepMine());
            Button theirs = new Button("Take theirs");
            theirs.setId("take-theirs");
            theirs.setDisable(ce.theirs() == null);
            theirs.setOnAction(e -> notebook.takeTheirs());
            problemBar.getChildren().addAll(why, mine, theirs);
        }
        boolean show = !problemBar.getChildren().isEmpty();
        problemBar.setVisible(show);
        problemBar.setManaged(show);
    }

    private Node header(Case c) {
        // A wrapping area, not a field: long titles stay readable in a narrow panel. Enter commits.
        // As many rows as the title needs at the notebook's width and type size (Fields.fitRows).
        titleField = Fields.area(c.title(), "Title", t -> apply(Edits.title(t.strip().replace('\n', ' '))), 1);
        titleField.setId("case-title");
        titleField.getStyleClass().add("case-title");
        titleField.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                e.consume();
                body.requestFocus();
            }
        });

        TextField subtask = Fields.field(c.subtask() == null ? "" : String.format("%03d", c.subtask()), "none",
                t -> {
                    String s = t.strip();
                    if (s.isEmpty()) {
                        apply(Edits.subtask(null));
                    } else if (s.matches("#?\\d{1,6}")) {
                        apply(Edits.subtask(Integer.parseInt(s.replace("#", ""))));
                    } else {
                        notebook.status("Subtask number: digits only, e.g. 004");
                        render();
                    }
                });
        subtask.setId("case-subtask");
        subtask.setPrefColumnCount(4);

        ComboBox<CaseStatus> status = new ComboBox<>();
        status.getItems().setAll(CaseStatus.values());
        status.setValue(c.status());
        status.setId("case-status");
        status.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(CaseStatus s) {
                return s == null ? "" : s.label();
            }

            @Override
            public CaseStatus fromString(String s) {
                return CaseStatus.find(s).orElse(null);
            }
        });
        status.setOnAction(e -> {
            if (status.getValue() != null && status.getValue() != c.status()) {
                apply(Edits.status(status.getValue(), c.statusDetail()));
            }
        });

        // Each label stays whole beside its control; a narrow notebook or larger type moves the
        // second pair to the next line instead of cutting "Subtask" to "Su..." (issue 18).
        FlowPane meta = new FlowPane(14, 6, pair("Subtask", subtask), pair("Status", status));
        meta.setAlignment(Pos.CENTER_LEFT);

        // Created and Updated are two whole units that wrap as units, never "Updated" alone at
        // the end of a line and its date on the next; the save state keeps its word on the right.
        FlowPane dates = new FlowPane(12, 2,
                whole("Created " + (c.created() == null ? "—" : c.created()), "text-small", "text-muted"),
                whole("Updated " + (c.updated() == null ? "—" : c.updated()), "text-small", "text-muted"));
        dates.setId("case-dates");
        dates.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(dates, javafx.scene.layout.Priority.ALWAYS);
        dates.setMinWidth(0);
        saveState.setMinWidth(Region.USE_PREF_SIZE);
        HBox footer = new HBox(8, dates, saveState);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.setMinHeight(Region.USE_PREF_SIZE);

        VBox header = new VBox(8, titleField, meta, footer);
        header.getStyleClass().add("case-header");
        header.setDisable(false);
        titleField.setDisable(session.readOnly());
        meta.setDisable(session.readOnly());
        return header;
    }

    /** A muted label and its control, kept together on one line. */
    private static HBox pair(String label, Node control) {
        HBox box = new HBox(8, whole(label, "text-muted"), control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A label never narrower than its text: its container wraps or gives way instead. */
    private static Label whole(String text, String... styles) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styles);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label sectionTitle(String text, String count) {
        Label l = new Label(count == null ? text : text + "  " + count);
        l.getStyleClass().addAll("section-title", "title-4");
        return l;
    }

    // ---------------------------------------------------------------- hypotheses

    private Node hypotheses(Case c) {
        VBox box = new VBox(8);
        box.setId("hypotheses");
        long decided = c.hypotheses().stream().filter(h -> h.status() != HypothesisStatus.OPEN).count();
        Label title = sectionTitle("Hypotheses", c.hypotheses().isEmpty() ? null : decided + "/" + c.hypotheses().size() + " decided");
        box.getChildren().add(title);
        for (int i = 0; i < c.hypotheses().size(); i++) {
            box.getChildren().add(hypothesisCard(c, c.hypotheses().get(i), i));
        }
        newHypothesisField = Fields.adder(List.of("New hypothesis, as a question (Ctrl+H)", "New hypothesis (Ctrl+H)", "New hypothesis"), text -> {
            String before = lastHypothesisId();
            apply(Edits.addHypothesis(text));
            String added = lastHypothesisId();
            if (added != null && !added.equals(before)) {
                expanded.add(added);
                render();
            }
            Platform.runLater(this::focusNewHypothesis);
        });
        newHypothesisField.setId("new-hypothesis");
        box.getChildren().add(newHypothesisField);
        return box;
    }

    private String lastHypothesisId() {
        List<Hypothesis> hs = session.current().hypotheses();
        return hs.isEmpty() ? null : hs.getLast().id();
    }

    private Node hypothesisCard(Case c, Hypothesis h, int index) {
        boolean open = expanded.contains(h.id());
        VBox card = new VBox(8);
        card.getStyleClass().addAll("hypothesis-card", "status-" + h.status().word());
        card.setId("hypothesis-" + h.id());

        Label chip = Chips.status(h.status());
        chip.setTooltip(new Tooltip("Click to set the verdict"));
        ContextMenu verdicts = new ContextMenu();
        for (HypothesisStatus s : HypothesisStatus.values()) {
            MenuItem item = new MenuItem(s.label(), new FontIcon(Chips.statusIcon(s)));
            item.setId("verdict-" + s.word());
            item.setOnAction(e -> apply(Edits.hypothesisStatus(h.id(), s)));
            verdicts.getItems().add(item);
        }
        chip.setOnMouseClicked(e -> {
            verdicts.show(chip, javafx.geometry.Side.BOTTOM, 0, 0);
            e.consume();
        });

        FontIcon handle = new FontIcon(MaterialDesignD.DRAG_VERTICAL);
        handle.getStyleClass().add("drag-handle");
        Label id = new Label(h.id());
        id.getStyleClass().add("hypothesis-id");
        id.setMinWidth(Region.USE_PREF_SIZE);
        Label statement = new Label(h.statement());
        statement.setWrapText(true);
        statement.getStyleClass().add("hypothesis-statement");
        statement.setMaxWidth(Double.MAX_VALUE);
        statement.setMinHeight(Region.USE_PREF_SIZE);
        Label counts = new Label(h.supporting().size() + " for · " + h.refuting().size() + " against");
        counts.getStyleClass().addAll("text-small", "text-muted");
        FontIcon chevron = new FontIcon(open ? MaterialDesignC.CHEVRON_UP : MaterialDesignC.CHEVRON_DOWN);
        Region gap = new Region();
        HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        HBox chips = new HBox(8, handle, chip, id, gap, chevron);
        chips.setAlignment(Pos.CENTER_LEFT);
        // The statement has the card's whole width under its chips: beside them, a narrow notebook
        // at a large type left it less than a word's width ("or/der", issue 18).
        VBox top = new VBox(4, chips, statement);
        top.getStyleClass().add("hypothesis-header");
        top.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                if (!expanded.remove(h.id())) {
                    expanded.add(h.id());
                }
                notebook.setCurrentHypothesis(h.id());
                render();
            }
        });
        card.getChildren().addAll(top, counts);

        // The keyboard way to reorder and open a card: Tab to its header, Alt+Up/Down moves it,
        // Enter or Space opens it (the header keeps the focus across the re-render by its id).
        top.setId("hypothesis-header-" + h.id());
        top.setFocusTraversable(true);
        top.setOnKeyPressed(e -> {
            int size = c.hypotheses().size();
            if (e.isAltDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                int to = index + (e.getCode() == KeyCode.UP ? -1 : 1);
                if (to >= 0 && to < size) {
                    apply(Edits.moveHypothesis(h.id(), to));
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                if (!expanded.remove(h.id())) {
                    expanded.add(h.id());
                }
                notebook.setCurrentHypothesis(h.id());
                render();
                e.consume();
            }
        });

        // Drag to reorder: the whole header is the handle; released over another card, the dragged
        // one takes its place. A plain press-drag-release gesture, not platform drag and drop: the
        // cards only move within this list, and the gesture works the same on every glass (the
        // headless one used by the tests has no platform drag and drop). Scene filters follow the
        // gesture wherever the pointer goes: some glass implementations retarget drag events to
        // the node under the pointer instead of the pressed one.
        top.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY || card.getScene() == null) {
                return;
            }
            var scene = card.getScene();
            EventHandler<MouseEvent> drag = d -> {
                if (d.isStillSincePress()) {
                    return;
                }
                if (!card.getStyleClass().contains("dragging")) {
                    card.getStyleClass().add("dragging");
                }
                int target = dropIndex(card, d.getSceneY());
                hypothesisCards(card).forEach(n -> n.getStyleClass().removeAll("drop-above", "drop-below"));
                if (target >= 0 && target != index) {
                    hypothesisCards(card).get(target).getStyleClass().add(target < index ? "drop-above" : "drop-below");
                }
            };
            List<EventHandler<MouseEvent>> release = new ArrayList<>(1);
            release.add(r -> {
                scene.removeEventFilter(MouseEvent.MOUSE_DRAGGED, drag);
                scene.removeEventFilter(MouseEvent.MOUSE_RELEASED, release.getFirst());
                if (!card.getStyleClass().remove("dragging")) {
                    return;
                }
                hypothesisCards(card).forEach(n -> n.getStyleClass().removeAll("drop-above", "drop-below"));
                int target = dropIndex(card, r.getSceneY());
                if (target >= 0 && target != index) {
                    apply(Edits.moveHypothesis(h.id(), target));
                }
            });
            scene.addEventFilter(MouseEvent.MOUSE_DRAGGED, drag);
            scene.addEventFilter(MouseEvent.MOUSE_RELEASED, release.getFirst());
        });

        if (open) {
            card.getChildren().add(hypothesisBody(c, h));
        } else if (!h.evidence().isEmpty()) {
            // Collapsed cards still show the strongest fact, so the list reads as a summary.
            card.getChildren().add(evidenceRow(h.evidence().getFirst(), true));
        }
        return card;
    }

    /** The hypothesis cards beside {@code card}, in order. */
    private static List<Node> hypothesisCards(Node card) {
        return card.getParent() == null ? List.of() : card.getParent().getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("hypothesis-card")).toList();
    }

    /** The index of the card under a scene y (above the first: 0, below the last: the last), or -1. */
    private static int dropIndex(Node card, double sceneY) {
        List<Node> cards = hypothesisCards(card);
        for (int i = 0; i < cards.size(); i++) {
            var b = cards.get(i).localToScene(cards.get(i).getBoundsInLocal());
            if (sceneY < b.getMaxY() || i == cards.size() - 1) {
                return i;
            }
        }
        return -1;
    }

    private Node hypothesisBody(Case c, Hypothesis h) {
        var statement = Fields.area(h.statement(), "Statement", t -> apply(
                Edits.updateHypothesis(h.id(), "Edit hypothesis", x -> x.withStatement(t.strip()))));
        statement.setId("statement-" + h.id());
        statement.setPrefRowCount(2);
        TextField tags = Fields.field(String.join(", ", h.tags()), List.of("Tags, comma separated", "Tags"), t -> apply(
                Edits.updateHypothesis(h.id(), "Edit tags", x -> x.withTags(Arrays.stream(t.split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList()))));
        tags.setId("tags-" + h.id());
        var notes = Fields.area(h.notes(), "Notes", t -> apply(
                Edits.updateHypothesis(h.id(), "Edit notes", x -> x.withNotes(t))));
        notes.setId("notes-" + h.id());

        VBox forBox = evidenceList(h, Stance.SUPPORTS);
        VBox againstBox = evidenceList(h, Stance.REFUTES);

        Button remove = new Button("Delete hypothesis", new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        remove.getStyleClass().addAll("flat", "danger", "small");
        remove.setOnAction(e -> apply(Edits.removeHypothesis(h.id())));
        Button pinNote = new Button("Add a note as evidence");
        pinNote.getStyleClass().addAll("flat", "small");
        pinNote.setOnAction(e -> notebook.pin(Evidence.note(Stance.SUPPORTS, ""), h.id()));
        HBox actions = new HBox(8, pinNote, remove);
        VBox box = new VBox(8, statement, tags, notes, forBox, againstBox, actions);
        box.getStyleClass().add("hypothesis-body");
        return box;
    }

    private VBox evidenceList(Hypothesis h, Stance stance) {
        List<Evidence> list = stance == Stance.SUPPORTS ? h.supporting() : h.refuting();
        VBox box = new VBox(4);
        box.setId((stance == Stance.SUPPORTS ? "for-" : "against-") + h.id());
        box.getChildren().add(new HBox(6, Chips.stance(stance), new Label(list.isEmpty() ? "nothing yet" : "")));
        for (Evidence e : list) {
            box.getChildren().add(evidenceRow(e, false));
        }
        return box;
    }

    private Node evidenceRow(Evidence e, boolean compact) {
        Label summary = Chips.breakingLabel(Chips.plain(e.summary().isBlank() ? Chips.kindLabel(e.kind()) : e.summary()),
                Chips.kindIcon(e.kind()));
        summary.getStyleClass().add("evidence-summary");
        VBox row = new VBox(2, summary);
        row.getStyleClass().addAll("evidence-row", "stance-" + e.stance().word());
        if (e.id() != null) {
            row.setId("evidence-" + e.id());
        }
        if (!e.figures().isEmpty()) {
            Label figs = Chips.breakingLabel(e.figures().stream().limit(compact ? 3 : 8).map(FigureText::named)
                    .collect(Collectors.joining("  ·  ")), null);
            figs.getStyleClass().addAll("evidence-figures", "text-small");
            row.getChildren().add(figs);
        }
        Tooltip.install(row, new Tooltip((e.source() != null ? "Click to reopen " + e.source().view() : "Click to show the stored figures")
                + (e.pinned() != null ? "\nPinned " + e.pinned() : "")));
        row.setOnMouseClicked(ev -> {
            if (ev.getButton() == MouseButton.PRIMARY) {
                notebook.reopen(e);
                ev.consume();
            }
        });
        if (e.id() != null && !compact) {
            MenuItem figures = new MenuItem("Show stored figures");
            figures.setOnAction(x -> notebook.showFigures(e));
            Stance other = e.stance() == Stance.SUPPORTS ? Stance.REFUTES : Stance.SUPPORTS;
            MenuItem flip = new MenuItem(other == Stance.SUPPORTS ? "Move to For" : "Move to Against");
            flip.setOnAction(x -> apply(Edits.evidenceStance(e.id(), other)));
            MenuItem remove = new MenuItem("Remove evidence");
            remove.setOnAction(x -> apply(Edits.unpinEvidence(e.id())));
            ContextMenu menu = new ContextMenu(figures, flip, new SeparatorMenuItem(), remove);
            row.setOnContextMenuRequested(x -> menu.show(row, x.getScreenX(), x.getScreenY()));
        }
        return row;
    }

    // ---------------------------------------------------------------- plain lists

    private Node itemList(Case c, Section section, String title, String prompt, String shortPrompt) {
        VBox box = new VBox(6);
        box.setId("list-" + section.key());
        List<String> items = c.items(section);
        box.getChildren().add(sectionTitle(title, items.isEmpty() ? null : Integer.toString(items.size())));
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            // Wrapping, not a field: a long fact reads whole at the notebook's width (issue 18).
            var f = Fields.line(items.get(i), "", t -> apply(t.isBlank()
                    ? Edits.removeItem(section, index) : Edits.setItem(section, index, t.strip())));
            HBox.setHgrow(f, javafx.scene.layout.Priority.ALWAYS);
            Button up = iconButton(MaterialDesignC.CHEVRON_UP, "Move up");
            up.setDisable(i == 0);
            up.setOnAction(e -> apply(Edits.moveItem(section, index, index - 1)));
            Button delete = iconButton(MaterialDesignD.DELETE_OUTLINE, "Delete");
            delete.setOnAction(e -> apply(Edits.removeItem(section, index)));
            HBox row = new HBox(4, f, up, delete);
            row.setAlignment(Pos.TOP_LEFT);
            box.getChildren().add(row);
        }
        TextField add = Fields.adder(List.of(prompt, shortPrompt), t -> apply(Edits.addItem(section, t)));
        add.setId("add-" + section.key());
        box.getChildren().add(add);
        return box;
    }

    private static Button iconButton(org.kordamp.ikonli.Ikon icon, String tip) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll("button-icon", "flat");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }

    // ---------------------------------------------------------------- next steps

    private Node nextSteps(Case c) {
        VBox box = new VBox(6);
        box.setId("next-steps");
        long done = c.nextSteps().stream().filter(NextStep::done).count();
        box.getChildren().add(sectionTitle("Next steps", c.nextSteps().isEmpty() ? null : done + "/" + c.nextSteps().size() + " done"));
        List<String> hypothesisIds = new ArrayList<>();
        hypothesisIds.add("—");
        c.hypotheses().forEach(h -> hypothesisIds.add(h.id()));
        for (int i = 0; i < c.nextSteps().size(); i++) {
            box.getChildren().add(stepRow(c.nextSteps().get(i), i, hypothesisIds));
        }
        TextField add = Fields.adder(List.of("Add a next step, e.g. P1 Bound the cache", "Add a next step"), t -> {
            Matcher m = Pattern.compile("^\\[?(P[0-3])]?:?\\s+(.+)$").matcher(t);
            NextStep step = m.matches() ? NextStep.of(m.group(2)).withPriority(Priority.parse(m.group(1))) : NextStep.of(t);
            apply(Edits.addNextStep(step));
        });
        add.setId("add-next-step");
        box.getChildren().add(add);
        return box;
    }

    private Node stepRow(NextStep s, int index, List<String> hypothesisIds) {
        CheckBox tick = new CheckBox();
        tick.setSelected(s.done());
        tick.setId("step-done-" + index);
        tick.setOnAction(e -> apply(Edits.tickNextStep(index)));
        Node text;
        if (s.done()) {
            Label l = Chips.breakingLabel(s.text(), null);
            l.getStyleClass().add("step-done-text");
            text = l;
        } else {
            var f = Fields.line(s.text(), "", t -> apply(t.isBlank() ? Edits.removeNextStep(index)
                    : Edits.updateNextStep(index, x -> x.withText(t.strip()))));
            f.setId("step-text-" + index);
            text = f;
        }
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        ((Region) text).setMaxWidth(Double.MAX_VALUE);
        Button delete = iconButton(MaterialDesignD.DELETE_OUTLINE, "Delete step");
        delete.setOnAction(e -> apply(Edits.removeNextStep(index)));
        HBox top = new HBox(6, tick, text, delete);
        top.setAlignment(Pos.TOP_LEFT);

        ComboBox<String> priority = new ComboBox<>();
        priority.getItems().setAll("—", "P0", "P1", "P2", "P3");
        priority.setValue(s.priority() == null ? "—" : s.priority().name());
        priority.setId("step-priority-" + index);
        priority.getStyleClass().add("small");
        priority.setOnAction(e -> {
            Priority p = "—".equals(priority.getValue()) ? null : Priority.parse(priority.getValue());
            if (p != s.priority()) {
                apply(Edits.updateNextStep(index, x -> x.withPriority(p)));
            }
        });
        TextField owner = Fields.field(s.owner() == null ? "" : s.owner(), "owner", t -> apply(
                Edits.updateNextStep(index, x -> x.withOwner(t.isBlank() ? null : t.strip()))));
        owner.setId("step-owner-" + index);
        owner.setPrefColumnCount(7);
        ComboBox<String> hypothesis = new ComboBox<>();
        hypothesis.getItems().setAll(hypothesisIds);
        hypothesis.setValue(s.hypothesis() == null || !hypothesisIds.contains(s.hypothesis()) ? "—" : s.hypothesis());
        hypothesis.setId("step-hypothesis-" + index);
        hypothesis.setOnAction(e -> {
            String h = "—".equals(hypothesis.getValue()) ? null : hypothesis.getValue();
            if (!java.util.Objects.equals(h, s.hypothesis())) {
                apply(Edits.updateNextStep(index, x -> x.withHypothesis(h)));
            }
        });
        // Flows onto a second line when the notebook is narrow or the type large, every control whole.
        FlowPane details = new FlowPane(6, 4, priority, owner, pair("tests", hypothesis));
        details.setAlignment(Pos.CENTER_LEFT);
        details.setPadding(new Insets(0, 0, 0, 26));
        VBox row = new VBox(4, top, details);
        row.getStyleClass().add("step-row");
        if (s.done()) {
            row.getStyleClass().add("done");
            details.setDisable(true);
        }
        if (s.priority() != null) {
            row.getStyleClass().add("priority-" + s.priority().name().toLowerCase(java.util.Locale.ROOT));
        }
        return row;
    }

    // ---------------------------------------------------------------- references, artifacts

    private static final Pattern LINK = Pattern.compile("^\\[(.+)]\\((.+)\\)$");

    private Node references(Case c) {
        VBox box = new VBox(4);
        box.setId("references");
        box.getChildren().add(sectionTitle("References", null));
        for (int i = 0; i < c.references().size(); i++) {
            Reference r = c.references().get(i);
            int index = i;
            Label l = Chips.breakingLabel(r.link() == null ? r.title() : r.title() + "  (" + r.link() + ")", null);
            HBox.setHgrow(l, javafx.scene.layout.Priority.ALWAYS);
            l.setMaxWidth(Double.MAX_VALUE);
            Button delete = iconButton(MaterialDesignD.DELETE_OUTLINE, "Delete reference");
            delete.setOnAction(e -> apply(Edits.removeReference(index)));
            HBox row = new HBox(4, l, delete);
            row.setAlignment(Pos.CENTER_LEFT);
            box.getChildren().add(row);
        }
        TextField add = Fields.adder(List.of("Add a reference: [title](link) or a name", "Add a reference"), t -> {
            Matcher m = LINK.matcher(t);
            apply(Edits.addReference(m.matches() ? Reference.of(m.group(1), m.group(2))
                    : Reference.of(t.replaceAll("^\\[|]$", ""), null)));
        });
        add.setId("add-reference");
        box.getChildren().add(add);
        return box;
    }

    private Node artifacts(Case c) {
        VBox box = new VBox(4);
        box.setId("artifacts");
        if (c.artifacts().isEmpty()) {
            return box;
        }
        box.getChildren().add(sectionTitle("Artifacts", null));
        Path dir = session.path().map(Path::getParent).orElse(null);
        java.util.Map<Artifact, Label> labels = new java.util.LinkedHashMap<>();
        for (Artifact a : c.artifacts()) {
            Label l = new Label();
            l.getStyleClass().add("text-small");
            l.setWrapText(true);
            showState(l, a, artifactStates.getOrDefault(a, "checking"));
            if (a.id() != null) {
                l.setContextMenu(roleMenu(a));
            }
            labels.put(a, l);
            box.getChildren().add(l);
        }
        // Checking hashes each file's head: off the FX thread. Until it answers, the state the
        // last check found (or "checking") shows.
        notebook.checkArtifacts(List.copyOf(labels.keySet()), dir, states -> {
            artifactStates.putAll(states);
            states.forEach((a, state) -> {
                Label l = labels.get(a);
                if (l != null) {
                    showState(l, a, state);
                }
            });
        });
        return box;
    }

    /**
     * The artifact row's menu: mark it as the case's baseline (links from a recording then go to
     * the other dumps), or unmark it (issue 18).
     */
    private javafx.scene.control.ContextMenu roleMenu(Artifact a) {
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(
                a.isBaseline() ? "Not the baseline" : "Mark as the baseline");
        item.setId("artifact-baseline-" + a.id());
        item.setMnemonicParsing(false);
        item.setOnAction(e -> apply(Edits.markBaseline(a.id(), !a.isBaseline())));
        return new javafx.scene.control.ContextMenu(item);
    }

    /** The artifacts' states as last checked ("same", "moved", "missing"...), shown while a new check runs. */
    private final java.util.Map<Artifact, String> artifactStates = new java.util.HashMap<>();

    private static void showState(Label l, Artifact a, String state) {
        String from = a.provenance() == null ? ""
                : "\ncaptured from " + a.provenance().jvm() + ", " + a.provenance().taken() + ": " + a.provenance().command();
        Chips.setBreakable(l, a.id() + "  " + a.kind() + "  " + a.path() + "  (" + state + ")"
                + (a.isBaseline() ? "  baseline" : "") + from);
        l.getStyleClass().removeIf(style -> style.startsWith("artifact-"));
        l.getStyleClass().add("artifact-" + state);
    }

    private void apply(dev.inquest.investigation.session.CaseEdit edit) {
        notebook.apply(edit);
    }
}
