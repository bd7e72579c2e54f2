package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Enough to reopen the view the evidence was pinned from: which artifact (its id in the case),
 * which {@link EvidenceView}, and where in it. The locator is kept as the case file stores it
 * (string pairs in order, keys a newer build added included) and written and read through
 * {@link Locator}'s records.
 */
@JsonPropertyOrder({"artifact", "view", "locator"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceSource(String artifact, EvidenceView view, Map<String, String> locator) {
    public EvidenceSource {
        locator = locator == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(locator));
    }

    public static EvidenceSource of(String artifact, EvidenceView view, Locator where) {
        return new EvidenceSource(artifact, view, where.entries());
    }

    /**
     * A source as a case file stores it, pairs in order: for sources this build does not draft
     * (hand-written files, a newer build's keys).
     */
    public static EvidenceSource stored(String artifact, String view, String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return new EvidenceSource(artifact, view == null ? null : EvidenceView.of(view), map);
    }

    /** The locator's value for one key. */
    public Optional<String> get(LocatorKey key) {
        return Optional.ofNullable(locator.get(key.word()));
    }

    /** The same place in another artifact (a file path replaced by the case's artifact id). */
    public EvidenceSource withArtifact(String newArtifact) {
        return new EvidenceSource(newArtifact, view, locator);
    }
}
