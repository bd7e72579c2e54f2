package dev.inquest.ui.heap;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The views a heap document shows, given by the composition root ({@code dev.inquest.ui.Views}):
 * the document names no view class, so the view packages depend on this package and never the
 * other way round.
 *
 * @param sections  one factory per navigation entry
 * @param inspector the inspector beside the views
 * @param paths     the paths to GC roots beside the views
 */
public record HeapViewSet(Map<HeapDocument.Section, Function<HeapContext, HeapView>> sections,
        Function<HeapContext, HeapView.Inspector> inspector, Function<HeapContext, HeapView.Paths> paths) {
    public HeapViewSet {
        sections = Map.copyOf(new EnumMap<>(sections));
        for (HeapDocument.Section s : HeapDocument.Section.values()) {
            if (!sections.containsKey(s)) {
                throw new IllegalArgumentException("no view for " + s);
            }
        }
    }
}
