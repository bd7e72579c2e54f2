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
 * @param role what the case uses it for; null (not written) for a subject, so older case files
 *             read and write unchanged (issue 18)
 */
@JsonPropertyOrder({"id", "kind", "path", "fingerprint", "provenance", "role"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Artifact(String id, String kind, String path, Fingerprint fingerprint, Provenance provenance,
                       ArtifactRole role) {
    public Artifact {
        // One spelling for "no special role": a subject is never written.
        role = role == ArtifactRole.SUBJECT ? null : role;
    }

    /** A file the user opened: no capture provenance. */
    public Artifact(String id, String kind, String path, Fingerprint fingerprint) {
        this(id, kind, path, fingerprint, null, null);
    }

    /** A subject artifact, captured ({@code provenance}) or opened (null). */
    public Artifact(String id, String kind, String path, Fingerprint fingerprint, Provenance provenance) {
        this(id, kind, path, fingerprint, provenance, null);
    }

    public Artifact withPath(String p) {
        return new Artifact(id, kind, p, fingerprint, provenance, role);
    }

    public Artifact withId(String newId) {
        return new Artifact(newId, kind, path, fingerprint, provenance, role);
    }

    public Artifact withRole(ArtifactRole r) {
        return new Artifact(id, kind, path, fingerprint, provenance, r);
    }

    /** Whether the case says this is the baseline the other dumps are compared with. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isBaseline() {
        return role == ArtifactRole.BASELINE;
    }
}
