package dev.inquest.ui.notebook;

import dev.inquest.investigation.model.Case;
import dev.inquest.ui.notebook.ExportWriter.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * Export from the window: subtask document or report, heap values or not, where to, and a live
 * preview that is byte for byte what gets written (both come from {@link ExportWriter}).
 */
final class ExportDialog {
    static final String VALUES_REASON = "Heap values are strings and array contents read from the dump: they can hold "
            + "passwords, tokens and personal data, and exports end up in wikis. Figures, class names and paths are "
            + "always included.";

    private ExportDialog() {
    }

    static Dialog<ButtonType> show(Window owner, Supplier<Case> caseNow, Path initialFolder,
                                   Function<Window, Path> folderChooser, java.util.function.Consumer<String> status) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Export");
        d.setHeaderText("Export the case as Markdown");
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setResizable(true);
        d.getDialogPane().setId("export-dialog");

        ToggleGroup formats = new ToggleGroup();
        RadioButton subtask = new RadioButton(Format.SUBTASK.label());
        subtask.setId("export-subtask");
        RadioButton report = new RadioButton(Format.REPORT.label());
        report.setId("export-report");
        subtask.setToggleGroup(formats);
        report.setToggleGroup(formats);
        subtask.setSelected(true);

        CheckBox values = new CheckBox("Include heap values");
        values.setId("export-values");
        values.setSelected(false);
        long valueCount = caseNow.get().hypotheses().stream().flatMap(h -> h.evidence().stream())
                .mapToLong(e -> e.values().size()).sum();
        Label reason = new Label(VALUES_REASON + (valueCount == 0 ? " (This case holds none.)"
                : " (This case holds " + valueCount + ".)"));
        reason.setId("export-values-reason");
        reason.setWrapText(true);
        reason.getStyleClass().addAll("text-small", "text-muted");

        TextField folder = new TextField(initialFolder.toString());
        folder.setId("export-folder");
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button browse = new Button("Choose...", new FontIcon(MaterialDesignF.FOLDER_OUTLINE));
        browse.setOnAction(e -> {
            Path p = folderChooser.apply(d.getDialogPane().getScene().getWindow());
            if (p != null) {
                folder.setText(p.toString());
            }
        });
        TextField name = new TextField(ExportWriter.suggestedName(caseNow.get(), Format.SUBTASK));
        name.setId("export-name");

        TextArea preview = new TextArea();
        preview.setId("export-preview");
        preview.setEditable(false);
        preview.getStyleClass().add("export-preview");
        preview.setWrapText(true);
        preview.setPrefRowCount(22);
        preview.setPrefColumnCount(70);
        VBox.setVgrow(preview, Priority.ALWAYS);

        Label figures = new Label();
        figures.setId("export-figures");
        figures.getStyleClass().addAll("text-small", "text-muted");
        Label result = new Label();
        result.setId("export-result");
        result.setWrapText(true);

        Runnable refresh = () -> {
            Format f = report.isSelected() ? Format.REPORT : Format.SUBTASK;
            var out = ExportWriter.render(caseNow.get(), f, values.isSelected(), mdName(name.getText()));
            preview.setText(out.markdown());
            figures.setText(out.files().isEmpty() ? (f == Format.REPORT ? "No figures (no heap trend or flame frame pinned)." : "")
                    : out.files().size() + " SVG figure(s) written next to the file: " + String.join(", ", new java.util.TreeSet<>(out.files().keySet())));
        };
        formats.selectedToggleProperty().addListener((o, a, b) -> {
            // Follow the format in the suggested name unless the user typed their own.
            Format was = a == report ? Format.REPORT : Format.SUBTASK;
            Format now = b == report ? Format.REPORT : Format.SUBTASK;
            if (name.getText().equals(ExportWriter.suggestedName(caseNow.get(), was))) {
                name.setText(ExportWriter.suggestedName(caseNow.get(), now));
            }
            refresh.run();
        });
        values.selectedProperty().addListener((o, a, b) -> refresh.run());
        name.textProperty().addListener((o, a, b) -> refresh.run());
        refresh.run();

        Button copy = new Button("Copy as Markdown", new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setId("export-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(preview.getText());
            Clipboard.getSystemClipboard().setContent(content);
            result.setText("Copied " + preview.getText().length() + " characters of Markdown.");
        });
        Button write = new Button("Export", new FontIcon(MaterialDesignF.FILE_EXPORT_OUTLINE));
        write.setId("export-write");
        write.getStyleClass().add("accent");
        write.setOnAction(e -> {
            Format f = report.isSelected() ? Format.REPORT : Format.SUBTASK;
            try {
                var w = ExportWriter.write(caseNow.get(), f, values.isSelected(), Path.of(folder.getText().strip()),
                        mdName(name.getText()));
                String msg = "Wrote " + w.markdown() + (w.figures().isEmpty() ? "" : " and " + w.figures().size() + " figure(s)");
                result.setText(msg);
                status.accept(msg);
            } catch (IOException | RuntimeException ex) {
                result.setText("Export failed: " + ex.getMessage());
            }
        });

        GridPane form = new GridPane(10, 8);
        form.addRow(0, new Label("Format"), new HBox(16, subtask, report));
        form.addRow(1, new Label("Heap values"), values);
        form.add(reason, 1, 2);
        form.addRow(3, new Label("Folder"), new HBox(6, folder, browse));
        form.addRow(4, new Label("File name"), name);
        GridPane.setHgrow(reason, Priority.ALWAYS);
        form.getChildren().stream().filter(n -> n instanceof Label && Integer.valueOf(0).equals(GridPane.getColumnIndex(n)))
                .forEach(n -> ((Label) n).setMinWidth(Label.USE_PREF_SIZE));
        reason.setMaxWidth(560);
        HBox buttons = new HBox(8, copy, write, result);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, form, new Label("Preview"), preview, figures, buttons);
        box.setPadding(new Insets(4, 4, 0, 4));
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.show();
        return d;
    }

    private static String mdName(String typed) {
        String t = typed.strip();
        return t.endsWith(".md") ? t : t + ".md";
    }
}
