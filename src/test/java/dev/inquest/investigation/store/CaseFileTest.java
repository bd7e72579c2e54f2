package dev.inquest.investigation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.investigation.SampleCases;
import dev.inquest.investigation.model.Case;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseFileTest {
    @TempDir
    Path dir;

    Case v(String title) {
        return SampleCases.rich().toBuilder().title(title).build();
    }

    @Test
    void saveReplacesAndKeepsThePreviousVersionAsBackup() throws Exception {
        Path f = dir.resolve("leak.inquest");
        CaseFile cf = CaseFile.create(f, v("one"));
        assertThat(CaseFile.read(f).value().title()).isEqualTo("one");
        assertThat(cf.backup()).isEmpty();
        cf.save(v("two"));
        cf.save(v("three"));
        assertThat(CaseFile.read(f).value().title()).isEqualTo("three");
        assertThat(cf.backup()).get().extracting(Case::title).isEqualTo("two");
        assertThat(Files.exists(dir.resolve(".leak.inquest.bak"))).isTrue();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aTextFieldTheReaderWouldRefuseIsNotSavedAndThePreviousFileStays() throws Exception {
        Path f = dir.resolve("big.inquest");
        CaseFile cf = CaseFile.create(f, v("one"));
        cf.save(v("two"));
        byte[] before = Files.readAllBytes(f);
        byte[] backupBefore = Files.readAllBytes(CaseFile.backupPath(f));
        Case big = v("three").toBuilder().build();
        Case.Builder b = big.toBuilder();
        b.notes.add(new dev.inquest.investigation.model.Note("Log", 2, "x".repeat(17 << 20), null));
        int index = b.notes.size() - 1;
        Case withBigNote = b.build();

        assertThatThrownBy(() -> cf.save(withBigNote)).isInstanceOf(java.nio.file.FileSystemException.class)
                .hasMessage(f + ": not saved: notes[" + index + "].markdown holds 17,825,792 characters, more than"
                        + " a case's text field may hold (16 MB), so the file could not be read back");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        assertThat(Files.readAllBytes(CaseFile.backupPath(f))).isEqualTo(backupBefore);
        assertThat(CaseFile.read(f).value().title()).isEqualTo("two");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        // A new case file holding such a field is not created at all.
        Path fresh = dir.resolve("fresh.inquest");
        assertThatThrownBy(() -> CaseFile.create(fresh, withBigNote)).hasMessageContaining("not saved: notes[");
        assertThat(fresh).doesNotExist();
        // Just under the limit saves and reads back.
        Case.Builder ok = v("four").toBuilder();
        ok.notes.add(new dev.inquest.investigation.model.Note("Log", 2, "y".repeat(CaseJson.MAX_TEXT_CHARS), null));
        cf.save(ok.build());
        assertThat(CaseFile.read(f).value().notes().getLast().markdown()).hasSize(CaseJson.MAX_TEXT_CHARS);
    }

    @Test
    void createRefusesToReplace() throws Exception {
        Path f = dir.resolve("x.inquest");
        CaseFile.create(f, v("one"));
        assertThatThrownBy(() -> CaseFile.create(f, v("two"))).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(CaseFile.read(f).value().title()).isEqualTo("one");
    }

    @Test
    void crashBetweenWriteAndRenameLeavesTheOldVersion() throws Exception {
        Path f = dir.resolve("c.inquest");
        CaseFile cf = CaseFile.create(f, v("old"));
        byte[] before = Files.readAllBytes(f);
        cf.beforeRename(temp -> {
            // The new version is complete and on disk in the temporary file...
            assertThat(CaseFile.read(temp).value().title()).isEqualTo("new");
            // ...and the process dies here.
            throw new IOException("simulated crash");
        });
        assertThatThrownBy(() -> cf.save(v("new"))).hasMessage("simulated crash");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        // Recovery: the same writer can save again, nothing was lost or mixed.
        cf.beforeRename(null);
        cf.save(v("new"));
        assertThat(CaseFile.read(f).value().title()).isEqualTo("new");
    }

    @Test
    void twoWritersDoNotOverwriteEachOtherSilently() throws Exception {
        Path f = dir.resolve("shared.inquest");
        CaseFile.create(f, v("base"));
        CaseFile windowA = CaseFile.open(f);
        CaseFile windowB = CaseFile.open(f);
        windowA.save(v("from A"));
        assertThatThrownBy(() -> windowB.save(v("from B"))).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.ours().title()).isEqualTo("from B");
            assertThat(e.theirs().title()).isEqualTo("from A");
        });
        assertThat(CaseFile.read(f).value().title()).isEqualTo("from A");
        // B chooses its version explicitly.
        windowB.overwrite(v("from B"));
        assertThat(CaseFile.read(f).value().title()).isEqualTo("from B");
        // Now A is the stale one.
        assertThatThrownBy(() -> windowA.save(v("A again"))).isInstanceOf(ConflictException.class);
        assertThat(windowA.reload().title()).isEqualTo("from B");
        windowA.save(v("A after reload"));
        assertThat(CaseFile.read(f).value().title()).isEqualTo("A after reload");
    }

    @Test
    void touchingTheFileIsNotAConflict() throws Exception {
        Path f = dir.resolve("t.inquest");
        CaseFile cf = CaseFile.create(f, v("one"));
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(0));
        cf.save(v("two"));
        assertThat(CaseFile.read(f).value().title()).isEqualTo("two");
    }

    @Test
    void brokenFileOpensReadOnlyAndOffersTheLastGoodAutosave() throws Exception {
        Path f = dir.resolve("b.inquest");
        CaseFile cf = CaseFile.create(f, v("one"));
        cf.save(v("two"));
        String json = Files.readString(f);
        Files.writeString(f, json.substring(0, json.length() / 2));
        CaseFile broken = CaseFile.open(f);
        assertThat(broken.readOnly()).isTrue();
        assertThat(broken.value()).isNull();
        assertThat(broken.problem()).startsWith(f + ": not a valid case file").contains("at byte");
        assertThatThrownBy(() -> broken.save(v("three"))).isInstanceOf(IOException.class);
        assertThat(broken.backup()).get().extracting(Case::title).isEqualTo("one");
        broken.overwrite(broken.backup().orElseThrow());
        assertThat(broken.readOnly()).isFalse();
        assertThat(CaseFile.read(f).value().title()).isEqualTo("one");
    }

    @Test
    void foreignAndNewerFilesOpenReadOnly() throws Exception {
        Path foreign = Files.writeString(dir.resolve("f.inquest"), "{\"compilerOptions\": {}}");
        CaseFile f = CaseFile.open(foreign);
        assertThat(f.readOnly()).isTrue();
        assertThat(f.problem()).contains("not an Inquest case");
        Path newer = Files.writeString(dir.resolve("n.inquest"),
                CaseJson.toJson(v("future")).replace("\"formatVersion\": 2", "\"formatVersion\": 9"));
        CaseFile n = CaseFile.open(newer);
        assertThat(n.readOnly()).isTrue();
        assertThat(n.value().title()).isEqualTo("future");
        assertThat(n.problem()).contains("newer Inquest (format 9");
        assertThatThrownBy(() -> n.save(v("x"))).isInstanceOf(IOException.class);
    }
}
