package dev.inquest.ui.shell;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.geometry.Orientation;

/**
 * The arrangement of the document area as data: a tree of splits whose leaves are tab groups,
 * each listing its tabs (by file where the tab shows one) and which of them is selected. A case
 * remembers it ({@link CaseLayouts}); {@link DocumentArea#layout()} takes it and
 * {@link DocumentArea#restore} rebuilds it.
 *
 * @param focused index (in {@link #groups()} order) of the group new tabs open in
 */
public record Layout(Part root, int focused) {

    /** A split or a tab group. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Split.class, name = "split"), @JsonSubTypes.Type(value = Group.class, name = "group")})
    public sealed interface Part permits Split, Group {
    }

    /** Parts side by side (HORIZONTAL) or stacked (VERTICAL); {@code dividers} as SplitPane fractions. */
    public record Split(Orientation orientation, List<Double> dividers, List<Part> parts) implements Part {
        public Split {
            dividers = List.copyOf(dividers);
            parts = List.copyOf(parts);
        }
    }

    /** One pane of tabs, left to right; {@code selected} indexes {@code tabs} (-1: none). */
    public record Group(List<Entry> tabs, int selected) implements Part {
        public Group {
            tabs = List.copyOf(tabs);
        }
    }

    /**
     * One tab: {@code key} names it among the open tabs (a view's own key, or its title), {@code file}
     * is the absolute file it shows, or null for tabs that are no file (the welcome page).
     */
    public record Entry(String key, String file) {
    }

    /** The groups, left to right and top to bottom. */
    @JsonIgnore
    public List<Group> groups() {
        List<Group> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Part p, List<Group> out) {
        switch (p) {
            case Group g -> out.add(g);
            case Split s -> s.parts().forEach(c -> collect(c, out));
        }
    }

    /** The files of every group, in layout order. */
    @JsonIgnore
    public List<String> files() {
        return groups().stream().flatMap(g -> g.tabs().stream()).map(Entry::file).filter(f -> f != null).toList();
    }

    /**
     * The same arrangement without the tabs of {@code files} (files that are gone); a group left
     * empty stays, with nothing to show, and disappears when the layout is restored.
     */
    public Layout without(Set<String> files) {
        return new Layout(strip(root, files), focused);
    }

    private static Part strip(Part p, Set<String> files) {
        return switch (p) {
            case Group g -> {
                List<Entry> kept = g.tabs().stream().filter(e -> e.file() == null || !files.contains(e.file())).toList();
                Entry sel = g.selected() >= 0 && g.selected() < g.tabs().size() ? g.tabs().get(g.selected()) : null;
                yield new Group(kept, sel == null ? -1 : kept.indexOf(sel));
            }
            case Split s -> new Split(s.orientation(), s.dividers(), s.parts().stream().map(c -> strip(c, files)).toList());
        };
    }

    /**
     * The same arrangement with files renamed ({@code renamed}: old absolute path to new): a case
     * folder moved with its dumps. Keys that name the file (a heap tab's {@code heap:/path#1}) follow.
     */
    public Layout withFiles(java.util.Map<String, String> renamed) {
        return renamed.isEmpty() ? this : new Layout(rename(root, renamed), focused);
    }

    private static Part rename(Part p, java.util.Map<String, String> renamed) {
        return switch (p) {
            case Group g -> new Group(g.tabs().stream().map(e -> {
                String to = e.file() == null ? null : renamed.get(e.file());
                return to == null ? e : new Entry(e.key().replace(e.file(), to), to);
            }).toList(), g.selected());
            case Split s -> new Split(s.orientation(), s.dividers(), s.parts().stream().map(c -> rename(c, renamed)).toList());
        };
    }
}
