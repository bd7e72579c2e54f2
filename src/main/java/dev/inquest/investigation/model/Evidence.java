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
 * @param kind    {@code dominatorRow}, {@code histogramDelta}, {@code flameFrame}, {@code heapTrend},
 *                {@code oldObjectSample}, {@code suspect}, {@code note} (free text), or any new word
 * @param summary one line of Markdown, e.g. {@code `HashMap$Node[]` retains most of the heap}
 * @param figures the numbers, in display order
 * @param values  contents read from the heap (string values, primitive arrays): may hold secrets, so
 *                exports leave them out unless asked
 * @param path    path elements, e.g. reference chain to a GC root or a stack root first
 * @param source  how to reopen the view; null for evidence typed in by hand or imported
 */
@JsonPropertyOrder({"id", "kind", "stance", "summary", "figures", "values", "path", "source", "pinned"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Evidence(String id, String kind, Stance stance, String summary, List<Figure> figures,
                       List<String> values, List<String> path, EvidenceSource source, Instant pinned) {
    public static final String NOTE = "note";
    public static final String DOMINATOR_ROW = "dominatorRow";
    public static final String HISTOGRAM_DELTA = "histogramDelta";
    public static final String FLAME_FRAME = "flameFrame";
    public static final String HEAP_TREND = "heapTrend";
    public static final String OLD_OBJECT_SAMPLE = "oldObjectSample";
    public static final String SUSPECT = "suspect";

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
        return new Evidence(null, NOTE, stance, text, List.of(), List.of(), List.of(), null, null);
    }

    public Evidence withId(String newId) {
        return new Evidence(newId, kind, stance, summary, figures, values, path, source, pinned);
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
}
