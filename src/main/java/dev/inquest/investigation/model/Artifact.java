package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A heap dump or recording the case looks at.
 *
 * @param id   short stable id evidence refers to (A1, A2...)
 * @param kind {@code heap dump}, {@code flight recording}, or another label
 * @param path as the user gave it; relative paths are relative to the case file's folder
 */
@JsonPropertyOrder({"id", "kind", "path", "fingerprint"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Artifact(String id, String kind, String path, Fingerprint fingerprint) {
    public Artifact withPath(String p) {
        return new Artifact(id, kind, p, fingerprint);
    }
}
