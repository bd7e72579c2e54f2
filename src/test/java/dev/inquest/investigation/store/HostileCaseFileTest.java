package dev.inquest.investigation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.input.BadInputException;
import dev.inquest.investigation.SampleCases;
import dev.inquest.investigation.model.Case;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: case files that are damaged, foreign or hostile are named in words, never crash, hang or fill memory. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileCaseFileTest {
    private static final Path FILE = Path.of("t.inquest");

    @TempDir
    Path dir;

    private static final String MINIMAL = "{\"formatVersion\": 2, \"title\": \"x\"}";

    private static BadInputException refused(String json) {
        try {
            CaseJson.parse(json.getBytes(StandardCharsets.UTF_8), FILE);
        } catch (BadInputException e) {
            return e;
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void theMinimalCaseIsAccepted() {
        assertThat(CaseJson.parse(MINIMAL.getBytes(StandardCharsets.UTF_8), FILE).value().title()).isEqualTo("x");
    }

    @Test
    void aVersionThatIsNotAWholeNumberIsRefusedAtItsByte() {
        String json = "{\"formatVersion\": 2.5, \"title\": \"x\"}";
        BadInputException e = refused(json);
        assertThat(e.getMessage()).isEqualTo(
                "t.inquest: not an Inquest case (formatVersion must be a whole number from 1, found the number 2.5) at byte "
                        + json.indexOf("2.5"));
        assertThat(e.offset()).isEqualTo(json.indexOf("2.5"));
        assertThat(refused("{\"formatVersion\": \"2\", \"title\": \"x\"}").problem()).contains("found text \"2\"");
    }

    @Test
    void aNewerVersionIsReadAndSaysSo() {
        CaseJson.Parsed p = CaseJson.parse("{\"formatVersion\": 999, \"title\": \"x\"}".getBytes(StandardCharsets.UTF_8), FILE);
        assertThat(p.newerThanThisBuild()).isTrue();
        assertThat(CaseFile.newerProblem(p)).isEqualTo("written by a newer Inquest (format 999); this version reads up to "
                + Case.FORMAT_VERSION);
    }

    @Test
    void dataAfterTheCaseIsRefusedWhereItStarts() {
        String json = MINIMAL + "\n garbage";
        BadInputException e = refused(json);
        assertThat(e.problem()).isEqualTo("not a valid case file: data after the end of the case");
        assertThat(e.offset()).isEqualTo(json.indexOf("garbage"));
        String two = MINIMAL + MINIMAL;
        assertThat(refused(two).problem()).isEqualTo("not a valid case file: data after the end of the case");
        assertThat(refused(two).offset()).isEqualTo(MINIMAL.length());
    }

    @Test
    void aFieldTwiceIsRefused() {
        String json = "{\"formatVersion\": 2, \"title\": \"x\", \"title\": \"y\"}";
        BadInputException e = refused(json);
        assertThat(e.problem()).isEqualTo("not a valid case file: field \"title\" appears twice in the same object");
        assertThat(e.offset()).isBetween((long) json.lastIndexOf("\"title\""), (long) json.length());
    }

    @Test
    void aNumberForADateIsRefusedNotReadAsDaysSince1970() {
        String json = "{\"formatVersion\": 2, \"title\": \"x\", \"created\": 20260127}";
        BadInputException e = refused(json);
        assertThat(e.getMessage()).isEqualTo("t.inquest: not a valid case file: field created: expected a date like 2026-01-27"
                + " (text), found the number 20260127 at byte " + json.indexOf("20260127"));
        assertThat(refused("{\"formatVersion\": 2, \"title\": \"x\", \"updated\": \"+57440-05-06\"}").problem())
                .isEqualTo("not a valid case file: field updated: expected a date like 2026-01-27, found text \"+57440-05-06\"");
        assertThat(refused("{\"formatVersion\": 2, \"title\": \"x\", \"updated\": \"2026-02-30\"}").problem())
                .contains("field updated: expected a date like 2026-01-27, found text \"2026-02-30\"");
    }

    @Test
    void aNestedWrongValueIsNamedByItsPathAndByte() {
        String json = "{\"formatVersion\": 2, \"title\": \"x\", \"hypotheses\": [{\"statement\": \"a\"},"
                + " {\"statement\": \"b\", \"evidence\": [{\"kind\": \"note\"}, {\"pinned\": 1769472000}]}]}";
        BadInputException e = refused(json);
        assertThat(e.problem()).isEqualTo("not a valid case file: field hypotheses[1].evidence[1].pinned: expected a time"
                + " like 2026-01-27T10:15:30Z (text), found the number 1769472000");
        assertThat(e.offset()).isEqualTo(json.indexOf("1769472000"));
        String missing = "{\"formatVersion\": 2, \"title\": \"x\", \"hypotheses\": [{\"statement\": \"a\", \"evidence\": [{}]}]}";
        e = refused(missing);
        assertThat(e.problem()).isEqualTo("not a valid case file: field hypotheses[0].evidence[0]: kind is missing");
        assertThat(e.offset()).isEqualTo(missing.indexOf("{}"));
    }

    @Test
    void wrongTypesAreSaidInWordsWithoutJavaClassNames() {
        String list = "{\"formatVersion\": 2, \"title\": \"x\", \"authors\": \"dana\"}";
        BadInputException e = refused(list);
        assertThat(e.problem()).isEqualTo("not a valid case file: field authors: expected a list, found text \"dana\"");
        assertThat(e.offset()).isEqualTo(list.indexOf("\"dana\""));

        String text = "{\"formatVersion\": 2, \"title\": \"x\", \"hypotheses\": [{\"statement\": \"a\"}, {\"statement\": [1]}]}";
        e = refused(text);
        assertThat(e.problem()).isEqualTo("not a valid case file: field hypotheses[1].statement: expected text, found a list");
        assertThat(e.offset()).isEqualTo(text.indexOf("[1]"));

        // No quiet conversion of a number into text or of text into a number.
        assertThat(refused("{\"formatVersion\": 2, \"title\": 5}").problem())
                .isEqualTo("not a valid case file: field title: expected text, found the number 5");
        assertThat(refused("{\"formatVersion\": 2, \"title\": \"x\", \"subtask\": \"seven\"}").problem())
                .isEqualTo("not a valid case file: field subtask: expected a whole number, found text \"seven\"");
        assertThat(refused("{\"formatVersion\": 2, \"title\": \"x\", \"status\": \"Maybe\"}").problem())
                .isEqualTo("not a valid case file: field status: unknown case status: Maybe");
    }

    @Test
    void aHugeTextFieldIsNamedByWhatItIsNotByTheParsersLimit() {
        String prefix = "{\"formatVersion\": 2, \"title\": ";
        String json = prefix + "\"" + "x".repeat(CaseJson.MAX_TEXT_CHARS + 10) + "\"}";
        BadInputException e = refused(json);
        assertThat(e.problem()).isEqualTo("not a valid case file: a text field longer than 16 MB");
        assertThat(e.offset()).isEqualTo(prefix.length());
    }

    @Test
    void deepNestingIsRefusedWithoutRecursingIntoIt() {
        String prefix = "{\"formatVersion\": 2, \"title\": \"x\", \"deep\": ";
        String json = prefix + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        BadInputException e = refused(json);
        assertThat(e.problem()).isEqualTo("not a valid case file: values nested deeper than 64 levels");
        assertThat(e.offset()).isBetween((long) prefix.length() + CaseJson.MAX_DEPTH - 2, (long) prefix.length() + CaseJson.MAX_DEPTH);
    }

    @Test
    void aCaseOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        Path big = dir.resolve("big.inquest");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(CaseFile.MAX_BYTES + 1); // sparse: no disk, no memory
        }
        assertThatThrownBy(() -> CaseFile.read(big)).isInstanceOf(BadInputException.class)
                .hasMessage(big + ": larger than 64 MB (" + (CaseFile.MAX_BYTES + 1) + " bytes or more), too large for a case file at byte "
                        + CaseFile.MAX_BYTES);
        assertThatThrownBy(() -> CaseFile.open(big)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("larger than 64 MB");
    }

    @Test
    void aLinkToAnEndlessDeviceIsRefusedNotRead() throws Exception {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero));
        Path link = Files.createSymbolicLink(dir.resolve("zero.inquest"), zero);
        assertThatThrownBy(() -> CaseFile.read(link)).isInstanceOf(BadInputException.class)
                .hasMessage(link + ": is not a regular file (a character device)");
        assertThatThrownBy(() -> CaseFile.open(link)).isInstanceOf(BadInputException.class)
                .hasMessage(link + ": is not a regular file (a character device)");
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pipe.inquest");
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo(fifo));
        assertThatThrownBy(() -> CaseFile.read(fifo)).isInstanceOf(BadInputException.class)
                .hasMessage(fifo + ": is not a regular file (a FIFO)");
    }

    static boolean mkfifo(Path p) throws Exception {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor() == 0 && Files.exists(p);
        } catch (java.io.IOException e) {
            return false; // no mkfifo on this platform
        }
    }

    @Test
    void aSaveRemovesTheTempFilesAKilledSaveLeftAndNothingElse() throws Exception {
        Path f = dir.resolve("leak.inquest");
        CaseFile cf = CaseFile.create(f, SampleCases.rich());
        Path stale1 = Files.writeString(dir.resolve(".leak.inquest.123456789.tmp"), "half a case");
        Path stale2 = Files.writeString(dir.resolve(".leak.inquest.987.tmp"), "half a case");
        // Young: a save killed a moment ago is still ours to clean under the lock.
        Files.setLastModifiedTime(stale2, FileTime.from(Instant.now()));
        Path otherCase = Files.writeString(dir.resolve(".other.inquest.123.tmp"), "another file's temp");
        Path notOurs = Files.writeString(dir.resolve(".leak.inquest.notes.tmp"), "the user's");
        Path plain = Files.writeString(dir.resolve("leak.inquest.123.tmp"), "the user's");
        cf.save(SampleCases.rich().toBuilder().title("v2").build());
        assertThat(stale1).doesNotExist();
        assertThat(stale2).doesNotExist();
        assertThat(otherCase).exists();
        assertThat(notOurs).exists();
        assertThat(plain).exists();
        assertThat(CaseFile.read(f).value().title()).isEqualTo("v2");
    }

    @Test
    void openingLeavesYoungTempFilesToALiveWriter() throws Exception {
        Path f = dir.resolve("c.inquest");
        CaseFile.create(f, SampleCases.rich());
        Path young = Files.writeString(dir.resolve(".c.inquest.42.tmp"), "being written");
        Path old = Files.writeString(dir.resolve(".c.inquest.43.tmp"), "left behind");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        CaseFile.open(f);
        assertThat(young).exists();
        assertThat(old).doesNotExist();
    }
}
