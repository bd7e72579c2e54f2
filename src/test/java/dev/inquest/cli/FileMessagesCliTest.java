package dev.inquest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.inquest.investigation.SampleCases;
import dev.inquest.investigation.store.CaseFile;
import dev.inquest.investigation.store.CaseJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: every command says {@code inquest: <file>: <what is wrong>} in words for a file it
 * cannot use (exit 1, one line), for one heap verb, one jfr verb and one case verb alike; and the
 * case verbs never crash, hang or overwrite a case.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileMessagesCliTest {
    @TempDir
    Path dir;

    private static final List<List<String>> VERBS = List.of(List.of("heap", "summary"), List.of("jfr", "summary"),
            List.of("case", "show"));

    private static CliRun run(List<String> verb, String... more) {
        String[] args = new String[verb.size() + more.length];
        for (int i = 0; i < verb.size(); i++) {
            args[i] = verb.get(i);
        }
        System.arraycopy(more, 0, args, verb.size(), more.length);
        return CliRun.run(args);
    }

    /** Exit 1 and exactly one line on stderr. */
    private static void oneLine(CliRun r, String line) {
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(line + System.lineSeparator());
    }

    @Test
    void aDirectoryIsNamedAsOne() throws Exception {
        Path d = Files.createDirectory(dir.resolve("dumps"));
        for (List<String> verb : VERBS) {
            oneLine(run(verb, d.toString()), "inquest: " + d + ": is a directory, not a file");
        }
    }

    @Test
    void aFifoIsNamedAsOneAndNeverOpened() throws Exception {
        Path fifo = dir.resolve("pipe");
        assumeTrue(mkfifo(fifo), "mkfifo not available");
        for (List<String> verb : VERBS) {
            oneLine(run(verb, fifo.toString()), "inquest: " + fifo + ": is not a regular file (a FIFO)");
        }
        oneLine(CliRun.run("case", "import", fifo.toString(), "--out", dir.resolve("i.inquest").toString()),
                "inquest: " + fifo + ": is not a regular file (a FIFO)");
        oneLine(CliRun.run("jfr", "diff", fifo.toString(), fifo.toString(), "--event", "alloc"), "inquest: " + fifo + ": is not a regular file (a FIFO)");
    }

    @Test
    void aLinkToAnEndlessDeviceIsRefused() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        Path link = Files.createSymbolicLink(dir.resolve("zero.inquest"), Path.of("/dev/zero"));
        for (List<String> verb : VERBS) {
            oneLine(run(verb, link.toString()), "inquest: " + link + ": is not a regular file (a character device)");
        }
    }

    @Test
    void aLinkLoopIsNamedAsOne() throws Exception {
        Path a = dir.resolve("a.hprof");
        Path b = dir.resolve("b.hprof");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        for (List<String> verb : VERBS) {
            oneLine(run(verb, a.toString()), "inquest: " + a + ": too many levels of symbolic links (a link loop?)");
        }
    }

    @Test
    void aMissingFileIsNamedAsOne() {
        Path none = dir.resolve("none");
        for (List<String> verb : VERBS) {
            oneLine(run(verb, none.toString()), "inquest: " + none + ": no such file");
        }
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every file");
        Path f = Files.writeString(dir.resolve("secret.inquest"), CaseJson.toJson(SampleCases.rich()));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        for (List<String> verb : VERBS) {
            oneLine(run(verb, f.toString()), "inquest: " + f + ": permission denied");
        }
    }

    @Test
    void outputsThatCannotBeWrittenAreNamed() throws Exception {
        Path d = Files.createDirectory(dir.resolve("out"));
        oneLine(CliRun.run("case", "new", "T", "--out", d.toString()), "inquest: " + d + ": is a directory, not a file");
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        Path under = file.resolve("c.inquest");
        oneLine(CliRun.run("case", "new", "T", "--out", under.toString()),
                "inquest: " + under + ": " + file + " is a file, not a folder");
        oneLine(CliRun.run("demo", file.toString(), "--size", "small"), "inquest: " + file + ": is not a folder");
        // Permission: only when not root (root writes anywhere; the tests run as root here).
        if (!"root".equals(System.getProperty("user.name"))) {
            Path locked = Files.createDirectory(dir.resolve("locked"));
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
            Path in = locked.resolve("c.inquest");
            oneLine(CliRun.run("case", "new", "T", "--out", in.toString()),
                    "inquest: " + in + ": folder " + locked + " is not writable");
        }
    }

    @Test
    void anExportNeverReplacesTheCase() throws Exception {
        Path c = dir.resolve("c.inquest");
        CaseFile.create(c, SampleCases.rich());
        String before = Files.readString(c);
        oneLine(CliRun.run("case", "export", c.toString(), "--format", "subtask", "--out", c.toString()),
                "inquest: " + c + ": is the case being exported; not overwritten (choose another --out)");
        Path link = Files.createSymbolicLink(dir.resolve("link.md"), c);
        oneLine(CliRun.run("case", "export", c.toString(), "--format", "report", "--out", link.toString()),
                "inquest: " + link + ": is the case being exported; not overwritten (choose another --out)");
        Path other = dir.resolve("other.inquest");
        CaseFile.create(other, SampleCases.rich());
        String otherBefore = Files.readString(other);
        oneLine(CliRun.run("case", "export", c.toString(), "--format", "subtask", "--out", other.toString()),
                "inquest: " + other + ": is a case file; not overwritten (choose another --out)");
        assertThat(Files.readString(c)).isEqualTo(before);
        assertThat(Files.readString(other)).isEqualTo(otherBefore);
        assertThat(Files.isSymbolicLink(link)).isTrue();

        // An existing Markdown file is the export's own to replace.
        Path md = Files.writeString(dir.resolve("c.md"), "old export");
        CliRun ok = CliRun.run("case", "export", c.toString(), "--format", "subtask", "--out", md.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(Files.readString(md)).startsWith("#").contains("Session cache");
    }

    @Test
    void aNewCaseNeverReplacesOne() throws Exception {
        Path c = dir.resolve("c.inquest");
        CaseFile.create(c, SampleCases.rich());
        String before = Files.readString(c);
        oneLine(CliRun.run("case", "new", "Other", "--out", c.toString()), "inquest: " + c + ": already exists; not overwritten");
        assertThat(Files.readString(c)).isEqualTo(before);
    }

    @Test
    void badCaseContentIsOneLineWithTheFieldAndTheByte() throws Exception {
        String base = "{\"formatVersion\": 2, \"title\": \"x\"";
        record Bad(String json, String problem, String at) {
        }
        for (Bad bad : List.of(
                new Bad(base + ", \"created\": 20260127}", "not a valid case file: field created: expected a date like 2026-01-27 (text),"
                        + " found the number 20260127", "20260127"),
                new Bad(base + "} trailing", "not a valid case file: data after the end of the case", "trailing"),
                new Bad(base + ", \"title\": \"y\"}", "not a valid case file: field \"title\" appears twice in the same object", null),
                new Bad("{\"formatVersion\": 2.5, \"title\": \"x\"}",
                        "not an Inquest case (formatVersion must be a whole number from 1, found the number 2.5)", "2.5"),
                new Bad(base + ", \"authors\": {\"a\": 1}}", "not a valid case file: field authors: expected a list, found an object", "{\"a\""))) {
            Path f = Files.writeString(dir.resolve("bad.inquest"), bad.json());
            CliRun r = CliRun.run("case", "show", f.toString());
            assertThat(r.exit()).as(bad.json()).isEqualTo(1);
            assertThat(r.err()).as(bad.json()).startsWith("inquest: " + f + ": " + bad.problem() + " at byte ")
                    .endsWith(System.lineSeparator()).hasLineCount(1).doesNotContain("java.", "Exception", "`");
            if (bad.at() != null) {
                assertThat(r.err()).contains(" at byte " + bad.json().indexOf(bad.at()) + System.lineSeparator());
            }
            CliRun export = CliRun.run("case", "export", f.toString(), "--format", "subtask");
            assertThat(export.exit()).isEqualTo(1);
            assertThat(export.err()).isEqualTo(r.err());
        }
    }

    @Test
    void aNewerCaseIsShownWithAWarning() throws Exception {
        Path f = Files.writeString(dir.resolve("n.inquest"), "{\"formatVersion\": 999, \"title\": \"From the future\"}");
        CliRun r = CliRun.run("case", "show", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("From the future");
        assertThat(r.err()).isEqualTo("inquest: warning: " + f + ": written by a newer Inquest (format 999); this version reads up to 2;"
                + " what it does not know is left out" + System.lineSeparator());
    }

    @Test
    void aNulInAnArtifactPathIsAProblemOfThatArtifact() throws Exception {
        Path f = Files.writeString(dir.resolve("nul.inquest"), "{\"formatVersion\": 2, \"title\": \"x\", \"artifacts\": ["
                + "{\"id\": \"A1\", \"kind\": \"heap dump\", \"path\": \"a\\u0000b.hprof\"}]}");
        CliRun r = CliRun.run("case", "show", f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Artifact:   A1 heap dump a\\u0000b.hprof  [invalid: artifact A1: path \"a\\u0000b.hprof\""
                + " is not a valid file name here (Nul character not allowed)]").doesNotContain("\0");
    }

    static boolean mkfifo(Path p) throws Exception {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor() == 0 && Files.exists(p);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
