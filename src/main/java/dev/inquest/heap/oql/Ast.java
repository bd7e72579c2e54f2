package dev.inquest.heap.oql;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The syntax tree of a query. Every node keeps its offset in the text (for errors found when the
 * query meets a dump) and expressions keep their source text (a column's default name; how a
 * GROUP BY key or an ORDER BY column is recognised in the select list).
 */
public final class Ast {
    private Ast() {
    }

    /** What a SELECT returns: values, the objects themselves, or the objects they keep alive. */
    public enum Mode { VALUES, OBJECTS, RETAINED_SET }

    public record Query(int pos, boolean distinct, Mode mode, boolean star, List<Item> items, From from, Expr where,
            List<Expr> groupBy, Expr having, List<Order> orderBy, long limit) {
    }

    /** A select item: an expression and its column name (the AS name, else its text). */
    public record Item(Expr expr, String name, boolean named) {
    }

    public enum SourceKind { CLASS, REGEX, ADDRESS, OBJECT_ID, SUBQUERY }

    /**
     * FROM: a class (name, quoted regular expression, or the address of its class object), one
     * object (address or id), or the objects a sub-select returns. {@code objects}: FROM OBJECTS,
     * the class objects themselves rather than their instances.
     */
    public record From(int pos, SourceKind kind, boolean objects, boolean instanceOf, String name, Pattern regex,
            long number, Query sub, String alias) {
    }

    public record Order(Expr expr, boolean descending) {
    }

    public sealed interface Expr {
        int pos();

        /** The expression's text in the query, as written. */
        String text();
    }

    /** A number (Long or Double), string, boolean or null. */
    public record Literal(int pos, String text, Object value) implements Expr {
    }

    /** A bare name: the FROM alias, a column name (in HAVING), or a field of the current object. */
    public record Name(int pos, String text, String name) implements Expr {
    }

    /** {@code target.field}. */
    public record Field(int pos, String text, Expr target, String field) implements Expr {
    }

    /** {@code target.@attribute}, or a bare {@code @attribute} of the current object ({@code target} null). */
    public record Attribute(int pos, String text, Expr target, Attr attr) implements Expr {
    }

    public enum Attr {
        OBJECT_ID("objectId"), OBJECT_ADDRESS("objectAddress"), CLASS("class"), CLAZZ("clazz"),
        USED_HEAP_SIZE("usedHeapSize"), RETAINED_HEAP_SIZE("retainedHeapSize"), DISPLAY_NAME("displayName"),
        LENGTH("length");

        public final String word;

        Attr(String word) {
            this.word = word;
        }
    }

    /** {@code target[index]}. */
    public record Index(int pos, String text, Expr target, Expr index) implements Expr {
    }

    /** A built-in function or an aggregate; {@code star}: {@code count(*)}. */
    public record Call(int pos, String text, Fn fn, List<Expr> args, boolean star) implements Expr {
    }

    public enum Fn {
        TO_STRING("toString", 1), TO_HEX("toHex", 1), DOMINATORS("dominators", 1), DOMINATOROF("dominatorof", 1),
        INBOUNDS("inbounds", 1), OUTBOUNDS("outbounds", 1), CLASSOF("classof", 1),
        /** Beyond MAT: when the dump was written (its header's time, ms since 1970), for "older than the dump by an hour". */
        DUMPTIME("dumptime", 0),
        COUNT("count", 1), SUM("sum", 1), MIN("min", 1), MAX("max", 1), AVG("avg", 1);

        public final String word;
        public final int arity;

        Fn(String word, int arity) {
            this.word = word;
            this.arity = arity;
        }

        public boolean aggregate() {
            return ordinal() >= COUNT.ordinal();
        }
    }

    /** NOT, unary minus. */
    public record Unary(int pos, String text, String op, Expr operand) implements Expr {
    }

    /** AND, OR, comparisons (= != < <= > >=) and arithmetic (+ - * /). */
    public record Binary(int pos, String text, String op, Expr left, Expr right) implements Expr {
    }

    public record Like(int pos, String text, Expr operand, Pattern pattern, boolean not) implements Expr {
    }

    /** {@code x [NOT] IN (a, b, ...)}, {@code x IN (SELECT ...)} or {@code x IN listValuedExpression}. */
    public record In(int pos, String text, Expr operand, List<Expr> values, Query sub, Expr listExpr, boolean not)
            implements Expr {
    }
}
