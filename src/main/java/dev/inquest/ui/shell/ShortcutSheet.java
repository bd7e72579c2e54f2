package dev.inquest.ui.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The keyboard shortcuts sheet (F1, Help > Keyboard Shortcuts). It is generated from the
 * accelerators the menus actually carry, so it cannot drift from what the keys do: a key added to
 * a menu is on the sheet, a key removed is gone. Items that only carry another key for the same
 * action (Ctrl+= beside Ctrl+Plus, hidden from the menu) are listed on their visible twin's line.
 */
public final class ShortcutSheet {
    /** One line of the sheet: the menu it lives in, what it does, and its keys as the user types them. */
    public record Entry(String menu, String action, List<String> keys) {
    }

    private ShortcutSheet() {
    }

    /** Every accelerator in the menu bar, in menu order; one entry per action. */
    public static List<Entry> entries(MenuBar bar, List<Entry> extra) {
        Map<String, Entry> byAction = new LinkedHashMap<>();
        for (Menu m : bar.getMenus()) {
            collect(m.getText(), m.getItems(), byAction);
        }
        // A key two menus carry for the same action (the notebook toggle in View and Case) is listed once.
        List<Entry> out = new ArrayList<>();
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (Entry e : byAction.values()) {
            if (!listed.containsAll(e.keys())) {
                out.add(e);
            }
            listed.addAll(e.keys());
        }
        out.addAll(extra);
        return List.copyOf(out);
    }

    private static void collect(String menu, List<MenuItem> items, Map<String, Entry> into) {
        for (MenuItem i : items) {
            if (i instanceof Menu sub) {
                collect(menu + " > " + sub.getText(), sub.getItems(), into);
                continue;
            }
            KeyCombination k = i.getAccelerator();
            if (k == null) {
                continue;
            }
            String action = actionOf(i);
            String id = menu + "\u0000" + action;
            String key = keyText(k);
            Entry was = into.get(id);
            if (was == null) {
                into.put(id, new Entry(menu, action, List.of(key)));
            } else if (!was.keys().contains(key)) {
                List<String> keys = new ArrayList<>(was.keys());
                keys.add(key);
                into.put(id, new Entry(menu, action, List.copyOf(keys)));
            }
        }
    }

    /** The item's words without the mnemonic underscore; a "go to view" item says which view. */
    private static String actionOf(MenuItem i) {
        String t = i.getText() == null ? "" : i.getText().replace("_", "");
        return t.endsWith("...") ? t.substring(0, t.length() - 3) : t;
    }

    /**
     * A key as people write it: "Ctrl+Plus", "Ctrl+=", "Ctrl+Numpad +", "F5". Modifiers that may
     * be up or down (the zoom keys accept Shift either way) are not part of what one types.
     */
    public static String keyText(KeyCombination k) {
        if (!(k instanceof KeyCodeCombination c)) {
            return k.getDisplayText();
        }
        StringBuilder b = new StringBuilder();
        if (c.getShortcut() == KeyCombination.ModifierValue.DOWN || c.getControl() == KeyCombination.ModifierValue.DOWN) {
            b.append(System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac") ? "Cmd+" : "Ctrl+");
        }
        if (c.getAlt() == KeyCombination.ModifierValue.DOWN) {
            b.append("Alt+");
        }
        if (c.getShift() == KeyCombination.ModifierValue.DOWN) {
            b.append("Shift+");
        }
        b.append(switch (c.getCode()) {
            case PLUS -> "Plus";
            case EQUALS -> "=";
            case MINUS -> "Minus";
            case ADD -> "Numpad +";
            case SUBTRACT -> "Numpad -";
            case BACK_SLASH -> "\\";
            default -> c.getCode().getName();
        });
        return b.toString();
    }

    /** Shows the sheet as a dialog over the window. */
    static void show(Window owner, List<Entry> entries) {
        GridPane grid = new GridPane(24, 6);
        grid.setId("shortcut-sheet");
        // Room on the right for the vertical scroll bar, so it never pushes the words out.
        grid.setPadding(new Insets(8, 28, 8, 8));
        int row = 0;
        String menu = null;
        for (Entry e : entries) {
            if (!e.menu().equals(menu)) {
                menu = e.menu();
                Label head = new Label(menu);
                head.getStyleClass().add("text-bold");
                head.setPadding(new Insets(row == 0 ? 0 : 8, 0, 0, 0));
                grid.add(head, 0, row++, 2, 1);
            }
            Label keys = new Label(String.join(", ", e.keys()));
            keys.getStyleClass().add("shortcut-keys");
            keys.setMinWidth(Label.USE_PREF_SIZE);
            Label action = new Label(e.action());
            action.setMinWidth(Label.USE_PREF_SIZE);
            grid.addRow(row++, keys, action);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);

        scroll.setPrefViewportHeight(Math.min(520, row * 26.0));
        Alert alert = new Alert(Alert.AlertType.NONE, null, ButtonType.CLOSE);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(scroll);
        alert.getDialogPane().setId("shortcut-dialog");
        alert.setResizable(true);
        alert.initOwner(owner);
        alert.show();
    }

    /** The key a digit 1..9 goes with (the view shortcuts). */
    static KeyCode digit(int n) {
        return KeyCode.valueOf("DIGIT" + n);
    }
}
