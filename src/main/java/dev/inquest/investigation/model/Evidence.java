package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A fact captured from a view, frozen as it was when pinned so the case reads the same when the
 * dump is gone. Generic on purpose: heap and JFR code build these without this package knowing
 * them.
 *
 * @param kind    what it is ({@link EvidenceKind}: a dominator row, a flame frame, a note...)
 * @param summary one line of Markdown, e.g. {@code `HashMap$Node[]` retains most of the heap}
 * @param figures the numbers, in display order
 * @param values  contents read from the heap (string values, primitive arrays): may hold secrets, so
 *                exports leave them out unless asked
 * @param path    path elements, e.g. reference chain to a GC root or a stack root first
 * @param source  how to reopen the view; null for evidence typed in by hand or imported
 */
@JsonPropertyOrder({"id", "kind", "stance", "summary", "figures", "values", "path", "source", "pinned"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(String id, EvidenceKind kind, Stance stance, String summary, List<Figure> figures,
                       List<String> values, List<String> path, EvidenceSource source, Instant pinned) {
    public Evidence {
        Objects.requireNonNull(kind, "kind");
        stance = stance == null ? Stance.SUPPORTS : stance;
        summary = summary == null ? "" : summary;
        figures = figures == null ? List.of() : List.copyOf(figures);
        values = values == null ? List.of() : List.copyOf(values);
        path = path == null ? List.of() : List.copyOf(path);
    }

    /** Free-text evidence, as typed or imported from a document. */
    public static Evidence note(Stance stance, String text) {
        return new Evidence(null, EvidenceKind.NOTE, stance, text, List.of(), List.of(), List.of(), null, null);
    }

    public Evidence withId(String newId) {
        return new Evidence(newId, kind, stance, summary, figures, values, path, source, pinned);
    }

    /** Same evidence with another source (null: no link to a view). */
    public Evidence withSource(EvidenceSource s) {
        return new Evidence(id, kind, stance, summary, figures, values, path, s, pinned);
    }

    /** Same evidence pinned at another time. */
    public Evidence withPinned(Instant at) {
        return new Evidence(id, kind, stance, summary, figures, values, path, source, at);
    }

    public Evidence withStance(Stance s) {
        return new Evidence(id, kind, s, summary, figures, values, path, source, pinned);
    }

    /** Same evidence with the heap-read contents removed (what an export shows by default). */
    public Evidence redacted() {
        return values.isEmpty() ? this : new Evidence(id, kind, stance, summary, figures, List.of(), path, source, pinned);
    }

    public java.util.Optional<Figure> figure(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Starts evidence of one kind; for heap and JFR views pinning what the user selected. */
    public static Builder builder(EvidenceKind kind) {
        return new Builder(kind);
    }

    /**
     * Builds evidence step by step, e.g.
     * {@code Evidence.builder(EvidenceKind.DOMINATOR_ROW).summary("`byte[]` ...").bytes("retained", r)
     * .percent("percent", p).path(chain).source(artifactId, EvidenceView.HEAP_OBJECT, new Locator.HeapObject(a, c)).build()}.
     */
    public static final class Builder {
        private final EvidenceKind kind;
        private Stance stance = Stance.SUPPORTS;
        private String summary = "";
        private final java.util.List<Figure> figures = new java.util.ArrayList<>();
        private final java.util.List<String> values = new java.util.ArrayList<>();
        private java.util.List<String> path = List.of();
        private EvidenceSource source;
        private Instant pinned;

        private Builder(EvidenceKind kind) {
            this.kind = Objects.requireNonNull(kind);
        }

        public Builder stance(Stance s) {
            stance = s;
            return this;
        }

        /** One line of Markdown; put class names in backticks, never heap contents (use {@link #value}). */
        public Builder summary(String s) {
            summary = s;
            return this;
        }

        public Builder figure(Figure f) {
            figures.add(f);
            return this;
        }

        public Builder bytes(String name, long bytes) {
            return figure(Figure.bytes(name, bytes));
        }

        public Builder count(String name, long count) {
            return figure(Figure.count(name, count));
        }

        public Builder percent(String name, double percent) {
            return figure(Figure.percent(name, percent));
        }

        /** Content read from the heap (a string's characters, an array's elements): redacted in exports by default. */
        public Builder value(String v) {
            values.add(v);
            return this;
        }

        public Builder path(java.util.List<String> p) {
            path = p;
            return this;
        }

        /** Where to reopen it: the artifact's id in the case, or the absolute path of the file the view shows. */
        public Builder source(String artifactId, EvidenceView view, Locator where) {
            source = EvidenceSource.of(artifactId, view, where);
            return this;
        }

        public Builder source(EvidenceSource s) {
            source = s;
            return this;
        }

        public Builder source(String artifactId, EvidenceView view) {
            return source(artifactId, view, Locator.NONE);
        }

        public Builder pinned(Instant at) {
            pinned = at;
            return this;
        }

        public Evidence build() {
            return new Evidence(null, kind, stance, summary, figures, values, path, source, pinned);
        }
    }
}
