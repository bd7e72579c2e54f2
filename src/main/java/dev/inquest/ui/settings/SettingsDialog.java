package dev.inquest.ui.settings;

import dev.inquest.launch.MemoryRelaunch;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * File > Settings: the share of physical memory the window's JVM may use. Stored as
 * {@link MemoryRelaunch#SETTING}; {@code dev.inquest.Main} applies it at the next start.
 */
public final class SettingsDialog extends Dialog<Integer> {
    private final Spinner<Integer> percent;

    public SettingsDialog(Window owner, Settings settings) {
        initOwner(owner);
        setTitle("Settings");
        setHeaderText("Memory");
        int current = MemoryRelaunch.parse(settings.get(MemoryRelaunch.SETTING, null))
                .orElse((int) Math.round(MemoryRelaunch.currentPercent()));
        percent = new Spinner<>(MemoryRelaunch.MIN_PERCENT, MemoryRelaunch.MAX_PERCENT,
                Math.clamp(current, MemoryRelaunch.MIN_PERCENT, MemoryRelaunch.MAX_PERCENT), 5);
        percent.setId("settings-max-ram");
        percent.setEditable(true);
        percent.setPrefWidth(90);
        HBox row = new HBox(8, new Label("Maximum memory:"), percent, new Label("% of physical memory"));
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        long maxMb = Runtime.getRuntime().maxMemory() >> 20;
        Label note = new Label("Applies after restart. Now: " + maxMb + " MiB. Big heap dumps need a big share; "
                + "leave room for the rest of the machine.");
        note.setWrapText(true);
        note.setMaxWidth(420);
        note.getStyleClass().add("text-small");
        VBox box = new VBox(10, row, note);
        box.setPadding(new Insets(10));
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK ? percent.getValue() : null);
    }

    /** Shows the dialog and stores the choice; true when the user changed it. */
    public static boolean edit(Window owner, Settings settings) {
        String before = settings.get(MemoryRelaunch.SETTING, null);
        Optional<Integer> chosen = new SettingsDialog(owner, settings).showAndWait();
        if (chosen.isEmpty() || chosen.get().toString().equals(before)) {
            return false;
        }
        settings.put(MemoryRelaunch.SETTING, chosen.get().toString());
        return true;
    }
}
