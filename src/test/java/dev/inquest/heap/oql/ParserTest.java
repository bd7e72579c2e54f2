package dev.inquest.heap.oql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The grammar without a dump: what parses into what, and where a bad query stops. */
class ParserTest {

    private static void fails(String q, int offset, String what) {
        assertThatThrownBy(() -> Parser.parse(q)).isInstanceOfSatisfying(SyntaxProblem.class, p -> {
            assertThat(p.offset()).as(q).isEqualTo(offset);
            assertThat(p.what()).as(q).contains(what);
        });
    }

    @Test
    void matExamplesParse() throws Exception {
        Ast.Query q = Parser.parse("select toString(f.path.value) from java.io.File f");
        assertThat(q.items()).singleElement().satisfies(i -> assertThat(i.name()).isEqualTo("toString(f.path.value)"));
        assertThat(q.from().name()).isEqualTo("java.io.File");
        assertThat(q.from().alias()).isEqualTo("f");

        q = Parser.parse("SELECT * FROM java.util.Vector v WHERE v.elementData.@length>15 AND v.@retainedHeapSize>1000");
        assertThat(q.star()).isTrue();
        assertThat(q.where()).isInstanceOfSatisfying(Ast.Binary.class, b -> assertThat(b.op()).isEqualTo("AND"));

        q = Parser.parse("SELECT DISTINCT OBJECTS classof(s) FROM java.lang.String s");
        assertThat(q.distinct()).isTrue();
        assertThat(q.mode()).isEqualTo(Ast.Mode.OBJECTS);

        q = Parser.parse("SELECT AS RETAINED SET * FROM INSTANCEOF java.lang.ref.Reference");
        assertThat(q.mode()).isEqualTo(Ast.Mode.RETAINED_SET);
        assertThat(q.from().instanceOf()).isTrue();

        q = Parser.parse("SELECT * FROM \"com\\.example\\..*\"");
        assertThat(q.from().kind()).isEqualTo(Ast.SourceKind.REGEX);
        assertThat(q.from().regex().matcher("com.example.Foo").matches()).isTrue();

        q = Parser.parse("SELECT v, v.@length FROM OBJECTS ( SELECT OBJECTS s.value FROM java.lang.String s ) v");
        assertThat(q.from().kind()).isEqualTo(Ast.SourceKind.SUBQUERY);
        assertThat(q.from().objects()).isTrue();
        assertThat(q.from().sub().mode()).isEqualTo(Ast.Mode.OBJECTS);

        q = Parser.parse("SELECT * FROM 0xe14a100");
        assertThat(q.from().number()).isEqualTo(0xe14a100L);
        q = Parser.parse("SELECT * FROM char[] s WHERE s.@length > 10");
        assertThat(q.from().name()).isEqualTo("char[]");
    }

    @Test
    void groupOrderLimit() throws Exception {
        Ast.Query q = Parser.parse("select toString(o.customer) as c, COUNT(*) as n from Order o group by toString(o.customer)"
                + " having count(*) > 100 order by n desc, 1 limit 5");
        assertThat(q.groupBy()).hasSize(1);
        assertThat(q.having()).isNotNull();
        assertThat(q.orderBy()).hasSize(2);
        assertThat(q.orderBy().get(0).descending()).isTrue();
        assertThat(q.limit()).isEqualTo(5);
        assertThat(q.items().get(1).expr()).isInstanceOfSatisfying(Ast.Call.class, c -> assertThat(c.star()).isTrue());
    }

    @Test
    void errorsStopAtTheirPosition() {
        fails("SELECT * FRM java.lang.String", 9, "expected FROM");
        fails("SELECT s.getClass() FROM java.lang.String s", 9, "method calls such as getClass() are not supported");
        fails("SELECT * FROM java.lang.String s WHERE s.x = 'abc", 45, "unterminated string");
        fails("SELECT * FROM java.lang.String s WHERE s.x # 1", 43, "unexpected character '#'");
        fails("SELECT count(*, 1) FROM X", 14, "')' after the arguments of count");
        fails("SELECT toHex() FROM X", 7, "toHex takes 1 argument, not 0");
        fails("SELECT sum(count(*)) FROM X", 11, "aggregates cannot be nested");
        fails("SELECT * FROM X x HAVING 1 = 1", 18, "HAVING needs GROUP BY");
        fails("SELECT OBJECTS a, b FROM X", 0, "SELECT OBJECTS takes exactly one expression");
        fails("SELECT * FROM X x WHERE x.a NOT 1", 28, "expected the end of the query");
        fails("SELECT * FROM X x WHERE x.a NOT", 28, "expected the end of the query");
        fails("SELECT * FROM X LIMIT 99999999999999999999", 22, "too large");
        fails("SELECT * FROM X x WHERE x.a = 1 extra", 32, "expected the end of the query");
        fails("", 0, "expected SELECT, found the end of the query");
    }

    @Test
    void longChainsAndDeepNestingStopBeforeTheStackDoes() throws Exception {
        Parser.parse("SELECT " + "1 + ".repeat(150) + "1 FROM X");
        fails("SELECT " + "1 + ".repeat(300) + "1 FROM X", 7 + 4 * 200 + 2, "nests more than 200 levels");
        fails("SELECT x" + ".f".repeat(300) + " FROM X", 8 + 2 * 200, "nests more than 200 levels");
        fails("SELECT " + "NOT ".repeat(300) + "true FROM X", 7 + 4 * 200, "nests more than 200 levels");
    }
}
