package dev.inquest.investigation.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inquest.investigation.SampleCases;
import dev.inquest.investigation.model.Case;
import dev.inquest.investigation.model.HypothesisStatus;
import dev.inquest.investigation.model.NextStep;
import dev.inquest.investigation.model.Priority;
import dev.inquest.investigation.model.Section;
import dev.inquest.investigation.store.CaseFile;
import dev.inquest.investigation.store.ConflictException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseSessionTest {
    @TempDir
    Path dir;

    static final LocalDate DAY = LocalDate.of(2026, 2, 3);

    record Event(String label, Case before, Case after) {
    }

    @Test
    void everyEditIsSavedAndCanBeUndoneAndRedone() throws Exception {
        Path f = dir.resolve("s.inquest");
        CaseSession s = CaseSession.create(f, Case.create("Leak", LocalDate.of(2026, 2, 1))).useClock(() -> DAY);
        List<Event> events = new ArrayList<>();
        List<Path> saves = new ArrayList<>();
        s.addListener(new CaseListener() {
            @Override
            public void changed(Case before, Case after, String label) {
                events.add(new Event(label, before, after));
            }

            @Override
            public void saved(Path file) {
                saves.add(file);
            }
        });
        s.apply(Edits.addItem(Section.FINDINGS, "`byte[]` dominates"));
        s.apply(Edits.addHypothesis("Is the cache unbounded?"));
        s.apply(Edits.pinEvidence("H1", SampleCases.dominatorRow().withId(null), Instant.EPOCH));
        s.apply(Edits.hypothesisStatus("H1", HypothesisStatus.SUPPORTED));
        s.apply(Edits.addNextStep(new NextStep("Bound the cache", false, Priority.P1, "@lee", "H1")));

        Case now = CaseFile.read(f).value();
        assertThat(now).isEqualTo(s.current());
        assertThat(now.updated()).isEqualTo(DAY);
        assertThat(now.created()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(now.hypotheses().get(0).evidence().get(0).id()).isEqualTo("E1");
        assertThat(now.hypotheses().get(0).status()).isEqualTo(HypothesisStatus.SUPPORTED);
        assertThat(saves).hasSize(5);
        assertThat(events).extracting(Event::label).containsExactly("Add finding", "Add hypothesis", "Pin evidence",
                "Mark hypothesis supported", "Add next step");

        assertThat(s.undoLabel()).contains("Add next step");
        s.undo();
        s.undo();
        assertThat(CaseFile.read(f).value().hypotheses().get(0).status()).isEqualTo(HypothesisStatus.OPEN);
        assertThat(s.current().nextSteps()).isEmpty();
        assertThat(events.getLast().label()).isEqualTo("Undo Mark hypothesis supported");
        s.redo();
        assertThat(s.current().hypotheses().get(0).status()).isEqualTo(HypothesisStatus.SUPPORTED);
        // A new edit drops the redo branch.
        s.apply(Edits.removeHypothesis("H1"));
        assertThat(s.canRedo()).isFalse();
        while (s.canUndo()) {
            s.undo();
        }
        assertThat(CaseFile.read(f).value()).isEqualTo(Case.create("Leak", LocalDate.of(2026, 2, 1)));
    }

    @Test
    void anEditThatChangesNothingIsNotRecorded() {
        CaseSession s = CaseSession.inMemory(SampleCases.rich());
        s.apply(Edits.title(SampleCases.rich().title()));
        assertThat(s.canUndo()).isFalse();
    }

    @Test
    void secondWindowGetsAConflictNotASilentOverwrite() throws Exception {
        Path f = dir.resolve("two.inquest");
        CaseSession a = CaseSession.create(f, SampleCases.rich());
        CaseSession b = CaseSession.open(f);
        List<IOException> failures = new ArrayList<>();
        b.addListener(new CaseListener() {
            @Override
            public void changed(Case before, Case after, String label) {
            }

            @Override
            public void saveFailed(IOException problem) {
                failures.add(problem);
            }
        });
        a.apply(Edits.addItem(Section.ACTIONS, "Restarted node 3"));
        b.apply(Edits.addItem(Section.ACTIONS, "Raised -Xmx"));
        assertThat(failures).singleElement().isInstanceOf(ConflictException.class);
        assertThat(b.dirty()).isTrue();
        assertThat(CaseFile.read(f).value().actions()).contains("Restarted node 3").doesNotContain("Raised -Xmx");

        b.takeTheirs();
        assertThat(b.current().actions()).contains("Restarted node 3");
        b.apply(Edits.addItem(Section.ACTIONS, "Raised -Xmx"));
        assertThat(b.dirty()).isFalse();
        assertThat(CaseFile.read(f).value().actions()).contains("Restarted node 3", "Raised -Xmx");

        a.apply(Edits.title("A wins"));
        assertThat(a.saveProblem()).get().isInstanceOf(ConflictException.class);
        a.keepMine();
        assertThat(CaseFile.read(f).value().title()).isEqualTo("A wins");
    }

    @Test
    void aSaveTheFileCouldNotHoldReachesTheListenersAndLeavesTheFile() throws Exception {
        Path f = dir.resolve("huge.inquest");
        CaseSession s = CaseSession.create(f, SampleCases.rich());
        byte[] before = Files.readAllBytes(f);
        List<IOException> failures = new ArrayList<>();
        s.addListener(new CaseListener() {
            @Override
            public void changed(Case before, Case after, String label) {
            }

            @Override
            public void saveFailed(IOException problem) {
                failures.add(problem);
            }
        });
        s.apply(new CaseEdit("paste", c -> c.toBuilder().summary("z".repeat(17 << 20)).build()));
        assertThat(failures).singleElement().extracting(IOException::getMessage).isEqualTo(f
                + ": not saved: summary holds 17,825,792 characters, more than a case's text field may hold (16 MB),"
                + " so the file could not be read back");
        assertThat(s.saveProblem()).containsSame(failures.getFirst());
        assertThat(s.dirty()).isTrue();
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
    }

    @Test
    void brokenFileIsReadOnlyUntilTheBackupIsRestored() throws Exception {
        Path f = dir.resolve("broken.inquest");
        CaseSession s = CaseSession.create(f, SampleCases.rich());
        s.apply(Edits.title("second"));
        Files.writeString(f, "{\"formatVersion\": 2, \"title\": ");
        CaseSession reopened = CaseSession.open(f);
        assertThat(reopened.readOnly()).isTrue();
        assertThat(reopened.readOnlyReason()).contains("not a valid case file");
        assertThatThrownBy(() -> reopened.apply(Edits.title("x"))).isInstanceOf(IllegalStateException.class);
        assertThat(reopened.backup()).get().isEqualTo(SampleCases.rich());
        reopened.restoreBackup();
        assertThat(reopened.readOnly()).isFalse();
        reopened.apply(Edits.title("third"));
        assertThat(CaseFile.read(f).value().title()).isEqualTo("third");
    }

    @Test
    void idsStayUniqueAfterDeletes() {
        CaseSession s = CaseSession.inMemory(Case.create("x", DAY));
        s.apply(Edits.addHypothesis("a"));
        s.apply(Edits.addHypothesis("b"));
        s.apply(Edits.removeHypothesis("H1"));
        s.apply(Edits.addHypothesis("c"));
        assertThat(s.current().hypotheses()).extracting(h -> h.id()).containsExactly("H2", "H3");
    }

    @Test
    void backgroundSavesCoalesceAndNeverLeaveAnOlderVersionOnDisk() throws Exception {
        Path f = dir.resolve("bg.inquest");
        java.util.concurrent.ExecutorService saver = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            CaseSession s = CaseSession.create(f, Case.create("bg", DAY)).useClock(() -> DAY).autosaveWith(saver);
            java.util.concurrent.atomic.AtomicInteger saves = new java.util.concurrent.atomic.AtomicInteger();
            s.addListener(new CaseListener() {
                @Override
                public void changed(Case before, Case after, String label) {
                }

                @Override
                public void saved(Path file) {
                    saves.incrementAndGet();
                }
            });
            int edits = 60;
            for (int i = 0; i < edits; i++) {
                s.apply(Edits.addItem(Section.FINDINGS, "finding " + i));
            }
            saver.submit(() -> { }).get();
            assertThat(s.dirty()).isFalse();
            assertThat(CaseFile.read(f).value()).isEqualTo(s.current());
            assertThat(CaseFile.read(f).value().findings()).hasSize(edits);
            // Each save writes the newest value, so fewer saves than edits happen on a slow disk;
            // never more.
            assertThat(saves.get()).isBetween(1, edits);
            s.undo();
            assertThat(s.save()).isTrue();
            assertThat(CaseFile.read(f).value().findings()).hasSize(edits - 1);
        } finally {
            saver.shutdownNow();
        }
    }
}
