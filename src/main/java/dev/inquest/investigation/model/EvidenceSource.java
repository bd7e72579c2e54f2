package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Enough to reopen the view the evidence was pinned from: which artifact (its id in the case),
 * which view ({@code heap.dominators}, {@code heap.histogram}, {@code heap.compare},
 * {@code jfr.flame}, {@code jfr.heapTrend}, {@code jfr.oldObjects}...), and where in it
 * ({@code object=0x7f00..}, {@code frame=a;b;c}, {@code from=..,to=..}).
 */
@JsonPropertyOrder({"artifact", "view", "locator"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceSource(String artifact, String view, Map<String, String> locator) {
    public EvidenceSource {
        locator = locator == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(locator));
    }

    public static EvidenceSource of(String artifact, String view, String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return new EvidenceSource(artifact, view, map);
    }
}
