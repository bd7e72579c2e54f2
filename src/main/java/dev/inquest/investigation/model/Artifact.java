package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A heap dump or recording the case looks at.
 *
 * @param id   short stable id evidence refers to (A1, A2...)
 * @param kind {@code heap dump}, {@code flight recording}, or another label
 * @param path as the user gave it; relative paths are relative to the case file's folder
 * @param provenance the running JVM it was captured from, null for a file the user opened
 */
@JsonPropertyOrder({"id", "kind", "path", "fingerprint", "provenance"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Artifact(String id, String kind, String path, Fingerprint fingerprint, Provenance provenance) {
    /** A file the user opened: no capture provenance. */
    public Artifact(String id, String kind, String path, Fingerprint fingerprint) {
        this(id, kind, path, fingerprint, null);
    }

    public Artifact withPath(String p) {
        return new Artifact(id, kind, p, fingerprint, provenance);
    }

    public Artifact withId(String newId) {
        return new Artifact(newId, kind, path, fingerprint, provenance);
    }
}
