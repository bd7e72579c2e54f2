package dev.inquest.investigation.artifact;

import dev.inquest.input.FileKind;
import dev.inquest.investigation.model.Artifact;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.EvidenceSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns a file the user opened into an artifact entry for the case. */
public final class ArtifactFiles {
    private ArtifactFiles() {
    }

    /**
     * Describes a dump or recording: kind from its content, fingerprint, and a path relative to the
     * case's folder when it lies under it (so a case and its dumps can move together), absolute
     * otherwise. The id is left null: {@code Edits.addArtifact} assigns the next free one.
     */
    public static Artifact describe(Path file, Path caseDir) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        String path = abs.toString();
        if (caseDir != null) {
            Path dir = caseDir.toAbsolutePath().normalize();
            if (abs.startsWith(dir)) {
                path = dir.relativize(abs).toString().replace('\\', '/');
            }
        }
        FileKind kind = FileKind.detect(abs);
        return new Artifact(null, kind.label(), path, Fingerprints.of(abs));
    }

    /**
     * The case's artifact for {@code file} (its path resolved against the case's folder), if the
     * file is in the case. Compares paths only: reads nothing from disk.
     */
    public static java.util.Optional<Artifact> of(Case c, Path file, Path caseDir) {
        Path wanted = file.toAbsolutePath().normalize();
        return c.artifacts().stream().filter(a -> resolved(a, caseDir).filter(wanted::equals).isPresent()).findFirst();
    }

    /** The files the case says are its baseline, resolved against the case's folder. */
    public static java.util.Set<Path> baselines(Case c, Path caseDir) {
        return c.artifacts().stream().filter(Artifact::isBaseline).flatMap(a -> resolved(a, caseDir).stream())
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Where {@code a} is, absolute and normal; empty without a path or for one that names no file here (another system's). */
    private static java.util.Optional<Path> resolved(Artifact a, Path caseDir) {
        if (a.path() == null) {
            return java.util.Optional.empty();
        }
        try {
            Path dir = caseDir == null ? null : caseDir.toAbsolutePath().normalize();
            return java.util.Optional.of(ArtifactCheck.resolve(a, dir).toAbsolutePath().normalize());
        } catch (java.nio.file.InvalidPathException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The artifact to add for the file a draft's source names by path (a view names its file by
     * path; the case refers to files by artifact id), or null when the source names an artifact of
     * the case already, or nothing.
     *
     * @throws IOException when the source names neither an artifact of the case nor a file
     */
    public static Artifact forSource(Case c, EvidenceSource source, Path caseDir) throws IOException {
        if (source == null || source.artifact() == null || c.artifact(source.artifact()).isPresent()) {
            return null;
        }
        Path file = Path.of(source.artifact());
        if (!Files.isRegularFile(file)) {
            throw new IOException(source.artifact() + " is neither an artifact of the case nor a file");
        }
        return describe(file, caseDir);
    }
}
