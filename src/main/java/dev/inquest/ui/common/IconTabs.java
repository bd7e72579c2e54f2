package dev.inquest.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;

/**
 * A tab pane whose tabs give way as a side bar does (issue 18): while every tab's name fits
 * beside the others they show icon and name; when they do not (presentation's type at 1024 px,
 * a narrow tab group), the tabs not selected show their icons only, with the name in a tooltip,
 * and the selected tab keeps its name. JavaFX would otherwise draw the last tab cut at the edge
 * ("Heap o") behind its overflow menu.
 */
public class IconTabs extends TabPane {
    /** The style class of a tab showing its icon only (inquest.css hides the label's text). */
    public static final String ICON_ONLY = "icon-only";
    /** The overflow menu's button and a little air, which the headers must leave free. */
    private static final double CONTROLS = 32;

    /** Tabs that each have an icon ({@link Tab#setGraphic}); a tab's name is also its tooltip. */
    public IconTabs(Tab... tabs) {
        getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> requestLayout());
        getTabs().addListener((javafx.collections.ListChangeListener<Tab>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(IconTabs::nameTip);
            }
        });
        getTabs().setAll(tabs);
    }

    /** The tab's name on hover, following the name (counts in it change), for when only the icon shows. */
    private static void nameTip(Tab tab) {
        if (tab.getTooltip() == null) {
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(tab.textProperty());
            tab.setTooltip(tip);
        }
    }

    /** Adds a tab with an icon. */
    public Tab add(String title, Node icon, Node content) {
        Tab tab = new Tab(title, content);
        tab.setGraphic(icon);
        getTabs().add(tab);
        return tab;
    }

    /** True while the tabs not selected show their icons only. */
    public boolean iconsOnly() {
        return getTabs().stream().anyMatch(t -> t.getStyleClass().contains(ICON_ONLY));
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        boolean icons = namesWidth() > getWidth() - snappedLeftInset() - snappedRightInset() - CONTROLS;
        Tab selected = getSelectionModel().getSelectedItem();
        for (Tab t : getTabs()) {
            boolean want = icons && t != selected;
            if (want != t.getStyleClass().contains(ICON_ONLY)) {
                // Takes effect in the next pulse's CSS pass (the header's label changes display).
                if (want) {
                    t.getStyleClass().add(ICON_ONLY);
                } else {
                    t.getStyleClass().remove(ICON_ONLY);
                }
            }
        }
    }

    private static TabPane owner(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof TabPane pane) {
                return pane;
            }
        }
        return null;
    }

    /** The headers' width with every name shown: their width now plus the names the icon-only ones hide. */
    private double namesWidth() {
        double sum = 0;
        for (Node n : lookupAll(".tab")) {
            if (!n.getStyleClass().contains("tab") || owner(n) != this) {
                continue; // a nested tab pane's headers, in a tab's content
            }
            sum += ((javafx.scene.layout.Region) n).prefWidth(-1);
            if (n.getStyleClass().contains(ICON_ONLY) && n.lookup(".tab-label") instanceof Labeled l && l.getText() != null) {
                sum += FitText.width(l.getFont(), l.getText()) + l.getGraphicTextGap();
            }
        }
        return sum;
    }
}
