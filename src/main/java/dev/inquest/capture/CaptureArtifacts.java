package dev.inquest.capture;

import dev.inquest.investigation.model.Artifact;
import dev.inquest.investigation.model.Provenance;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A capture as the case keeps it (issue 21): where a capture for a case goes, and the artifact,
 * with its provenance, that the case records for it. Both faces use it, so a capture from the
 * window and one from the command line land alike.
 */
public final class CaptureArtifacts {
    /** The folder, beside the case file, that captures for a case go to. */
    public static final String FOLDER = "captures";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault());

    private CaptureArtifacts() {
    }

    /**
     * A new file for a capture in {@code folder}: {@code <main>-<pid>-<time><suffix>} (".gz" added for
     * a compressed heap dump), "-2", "-3"... before the suffix when taken.
     */
    public static Path fileFor(Path folder, long pid, String mainClass, CaptureKind kind, Instant when, boolean gz) {
        String main = mainClass == null || mainClass.isBlank() ? "jvm" : simpleName(mainClass);
        String stem = main + "-" + pid + "-" + STAMP.format(when);
        String suffix = kind.suffix() + (gz && kind == CaptureKind.HEAP_DUMP ? ".gz" : "");
        Path p = folder.resolve(stem + suffix);
        for (int n = 2; java.nio.file.Files.exists(p); n++) {
            p = folder.resolve(stem + "-" + n + suffix);
        }
        return p;
    }

    /**
     * The case's artifact for a saved capture: its kind in words, its path (relative to the case's
     * folder when under it, so case and captures move together), its fingerprint and provenance.
     * The id is left null: {@code Edits.addArtifact} gives the next free one.
     */
    public static Artifact artifact(CaptureResult r, Path caseDir) {
        Path abs = r.file().toAbsolutePath().normalize();
        String path = abs.toString();
        if (!r.remote() && caseDir != null) {
            Path dir = caseDir.toAbsolutePath().normalize();
            if (abs.startsWith(dir)) {
                path = dir.relativize(abs).toString().replace('\\', '/');
            }
        }
        return new Artifact(null, r.kind().label(), path, r.fingerprint(), provenance(r));
    }

    /** The capture's provenance as the case keeps it: the JVM, the time, the command; never credentials. */
    public static Provenance provenance(CaptureResult r) {
        JvmIdentity j = r.jvm();
        return new Provenance(j.pid(), j.host(), j.jmx(), j.mainClass(), j.version(), j.vm(), r.taken(), r.command());
    }

    /** "com.example.Main" -> "Main", "/opt/app/service.jar" -> "service", for a file name. */
    static String simpleName(String mainClass) {
        String s = mainClass.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1);
        if (s.endsWith(".jar") || s.endsWith(".java")) {
            s = s.substring(0, s.lastIndexOf('.'));
        } else if (s.contains(".")) {
            s = s.substring(s.lastIndexOf('.') + 1);
        }
        s = s.replaceAll("[^A-Za-z0-9_-]", "_");
        return s.isEmpty() ? "jvm" : s;
    }
}
