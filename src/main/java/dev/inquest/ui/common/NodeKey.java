package dev.inquest.ui.common;

import javafx.collections.ObservableMap;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.stage.Window;

/**
 * A value a JavaFX object carries for as long as it lives (a cell's measured text, a tab's file,
 * a context menu's row source), typed: one key per thing, each key its own identity in the
 * object's property map, so no two features can collide on a name and no call site casts.
 * Use it only where the object itself must carry the value (cells and tabs come and go with the
 * control that owns them); anything else is passed explicitly.
 *
 * @param <T> the value's type
 */
public final class NodeKey<T> {
    private final String name;
    private final Class<T> type;

    private NodeKey(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    /** A new key; {@code name} only shows in {@link #toString} (debugging). */
    public static <T> NodeKey<T> of(String name, Class<T> type) {
        return new NodeKey<>(name, type);
    }

    public T get(Node node) {
        return get(node.getProperties());
    }

    public T get(Tab tab) {
        return get(tab.getProperties());
    }

    public T get(Window window) {
        return get(window.getProperties());
    }

    public void set(Node node, T value) {
        set(node.getProperties(), value);
    }

    public void set(Tab tab, T value) {
        set(tab.getProperties(), value);
    }

    public void set(Window window, T value) {
        set(window.getProperties(), value);
    }

    /** Removes the value; returns what it was, or null. */
    public T remove(Node node) {
        return type.cast(node.getProperties().remove(this));
    }

    public boolean isSet(Node node) {
        return node.getProperties().containsKey(this);
    }

    public boolean isSet(Tab tab) {
        return tab.getProperties().containsKey(this);
    }

    private T get(ObservableMap<Object, Object> properties) {
        return type.cast(properties.get(this));
    }

    private void set(ObservableMap<Object, Object> properties, T value) {
        if (value == null) {
            properties.remove(this);
        } else {
            properties.put(this, value);
        }
    }

    @Override
    public String toString() {
        return "NodeKey[" + name + "]";
    }
}
