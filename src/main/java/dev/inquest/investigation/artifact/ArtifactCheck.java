package dev.inquest.investigation.artifact;

import dev.inquest.investigation.model.Artifact;
import dev.inquest.investigation.model.Fingerprint;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Is the file a case points at still the one it looked at? Never guesses silently: a file at
 * the old path with other content is {@link State#CHANGED}, not "same".
 *
 * @param found where the artifact is now (the path itself when SAME or CHANGED, the new place when
 *              MOVED), or null when MISSING
 */
public record ArtifactCheck(State state, Path found, String message) {

    /** INVALID: the path the case holds names no file on this system (a NUL character, say). */
    public enum State { SAME, MOVED, CHANGED, MISSING, INVALID }

    /**
     * Checks one artifact.
     *
     * @param caseDir    folder of the case file; relative artifact paths are relative to it
     * @param searchDirs extra folders to look in when the file is not where it was (flat, not recursive)
     */
    public static ArtifactCheck check(Artifact artifact, Path caseDir, List<Path> searchDirs) throws IOException {
        Path where;
        try {
            where = resolve(artifact, caseDir);
        } catch (InvalidPathException e) {
            // The path came from a case file anyone may have edited: a problem of this artifact, not a crash.
            String id = dev.inquest.format.Terminal.line(artifact.id());
            return new ArtifactCheck(State.INVALID, null, artifact.path() == null ? "artifact " + id + " has no path"
                    : "artifact " + id + ": path \"" + dev.inquest.format.Terminal.line(artifact.path())
                    + "\" is not a valid file name here (" + e.getReason() + ")");
        }
        Fingerprint expected = artifact.fingerprint();
        if (Files.isRegularFile(where)) {
            Fingerprint now = Fingerprints.of(where);
            if (expected == null || Fingerprints.sameContent(expected, now)) {
                return new ArtifactCheck(State.SAME, where, where + ": unchanged");
            }
            return new ArtifactCheck(State.CHANGED, where, where + ": changed since it was added to the case (size "
                    + expected.size() + " -> " + now.size() + " bytes" + (expected.headSha256()
                    .equals(now.headSha256()) ? "" : ", different content") + ")");
        }
        if (expected != null) {
            Set<Path> dirs = new LinkedHashSet<>();
            if (caseDir != null) {
                dirs.add(caseDir);
            }
            if (where.getParent() != null) {
                dirs.add(where.getParent());
            }
            dirs.addAll(searchDirs);
            for (Path dir : dirs) {
                for (Path candidate : sameSize(dir, expected.size())) {
                    if (Fingerprints.sameContent(expected, Fingerprints.of(candidate))) {
                        return new ArtifactCheck(State.MOVED, candidate, where + ": moved to " + candidate);
                    }
                }
            }
        }
        return new ArtifactCheck(State.MISSING, null, where + ": missing");
    }

    /**
     * Where the artifact's path points.
     *
     * @throws InvalidPathException when the stored path is not a path on this system
     */
    public static Path resolve(Artifact artifact, Path caseDir) {
        if (artifact.path() == null) {
            throw new InvalidPathException("", "no path");
        }
        Path p = Path.of(artifact.path());
        return p.isAbsolute() || caseDir == null ? p : caseDir.resolve(p).normalize();
    }

    /** Only files of the exact size are hashed: cheap to list, and the size must match anyway. */
    private static List<Path> sameSize(Path dir, long size) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p) && Files.size(p) == size) {
                    out.add(p);
                }
            }
        }
        return out;
    }
}
