package dev.inquest.heap.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inquest.heap.model.HeapDump;
import dev.inquest.heap.model.OpenOptions;
import dev.inquest.progress.Progress;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the query editor completes (issue 19): where a name is expected, and the names the OqlShapes dump offers. */
@Tag("slow")
class OqlCompletionTest {
    private static HeapDump dump;

    @BeforeAll
    static void open() throws Exception {
        dump = HeapDump.open(OqlDump.path(), OpenOptions.DEFAULT.withIndexFile(false), Progress.NONE);
    }

    @AfterAll
    static void close() {
        dump.close();
    }

    private static Optional<OqlCompletion.Request> at(String textWithCaret) {
        int caret = textWithCaret.indexOf('|');
        return OqlCompletion.at(textWithCaret.replace("|", ""), caret);
    }

    @Test
    void classNamesAfterFromInstanceofAndObjects() {
        assertThat(at("SELECT * FROM OqlSh|")).contains(new OqlCompletion.Request(OqlCompletion.Kind.CLASS, 14, "OqlSh", null));
        assertThat(at("select * from instanceof java.util.Ha|")).get().extracting(OqlCompletion.Request::prefix).isEqualTo("java.util.Ha");
        assertThat(at("SELECT * FROM OBJECTS Oql|")).get().extracting(OqlCompletion.Request::kind).isEqualTo(OqlCompletion.Kind.CLASS);
        assertThat(at("SELECT * FROM |")).get().extracting(OqlCompletion.Request::prefix).isEqualTo("");
        // After WHERE no class is expected, and an unknown alias offers nothing.
        assertThat(at("SELECT * FROM OqlShapes$Order o WHERE |")).isEmpty();
        assertThat(at("SELECT x.cu| FROM OqlShapes$Order o")).isEmpty();
    }

    @Test
    void fieldNamesAfterAnAliasDeclaredByFrom() {
        assertThat(at("SELECT o.cu| FROM OqlShapes$Order o"))
                .contains(new OqlCompletion.Request(OqlCompletion.Kind.FIELD, 9, "cu", "OqlShapes$Order"));
        assertThat(at("SELECT * FROM INSTANCEOF OqlShapes$Base b WHERE b.|")).get()
                .extracting(OqlCompletion.Request::className).isEqualTo("OqlShapes$Base");
        // Two steps: the type a field holds is per object, so nothing is guessed.
        assertThat(at("SELECT c.pool.na| FROM OqlShapes$Connection c")).isEmpty();
    }

    @Test
    void candidatesComeFromTheDumpsClassesAndFields() {
        assertThat(OqlCompletion.candidates(dump, at("SELECT * FROM OqlShapes$C|").orElseThrow(), 40))
                .containsExactly("OqlShapes$Connection", "OqlShapes$Connection[]");
        // The simple name matches too, case ignored.
        assertThat(OqlCompletion.candidates(dump, at("SELECT * FROM hashm|").orElseThrow(), 40)).contains("java.util.HashMap");
        assertThat(OqlCompletion.candidates(dump, at("SELECT c.| FROM OqlShapes$Connection c").orElseThrow(), 40))
                .containsExactly("buffer", "closed", "pool");
        assertThat(OqlCompletion.candidates(dump, at("SELECT c.p| FROM OqlShapes$Connection c").orElseThrow(), 40))
                .containsExactly("pool");
        assertThat(OqlCompletion.candidates(dump, at("SELECT * FROM java.|").orElseThrow(), 5)).hasSize(5);
    }
}
