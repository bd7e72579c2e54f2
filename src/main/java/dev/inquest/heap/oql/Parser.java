package dev.inquest.heap.oql;

import dev.inquest.heap.oql.Ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Recursive descent over the grammar (keywords in any case):
 * <pre>
 * query   = SELECT [DISTINCT] [OBJECTS | AS RETAINED SET] ('*' | item {',' item})
 *           FROM [OBJECTS] [INSTANCEOF] source [alias]
 *           [WHERE expr] [GROUP BY expr {',' expr}] [HAVING expr]
 *           [ORDER BY expr [ASC|DESC] {',' ...}] [LIMIT n]
 * item    = expr [AS (name | string)]
 * source  = className | string (a regular expression on class names) | 0xADDRESS | objectId | '(' query ')'
 * expr    = and {OR and};  and = not {AND not};  not = NOT not | compare
 * compare = sum [('=' | '!=' | '<>' | '<' | '<=' | '>' | '>=') sum | [NOT] LIKE string | [NOT] IN in]
 * sum     = product {('+' | '-') product};  product = unary {('*' | '/') unary};  unary = '-' unary | postfix
 * postfix = primary {'.' name | '.' @attribute | '[' expr ']'}
 * primary = number | string | TRUE | FALSE | NULL | @attribute | function '(' [expr | '*'] ')' | name | '(' expr ')'
 * </pre>
 */
public final class Parser {
    /**
     * Deepest expression tree: nesting of parentheses, NOT, minus, calls and sub-selects, plus the
     * length of each chain of operators and field steps (a left-deep tree). Far beyond a real query,
     * well within the stack of the evaluator, which recurses on the tree.
     */
    public static final int MAX_DEPTH = 200;

    private static final Set<String> RESERVED = Set.of("select", "distinct", "objects", "as", "from", "instanceof",
            "where", "and", "or", "not", "like", "in", "group", "by", "having", "order", "asc", "desc", "limit",
            "true", "false", "null");

    private final String text;
    private final List<Token> tokens;
    private int at;
    private int depth;

    private Parser(String text) throws SyntaxProblem {
        this.text = text;
        this.tokens = Lexer.tokens(text);
    }

    public static Ast.Query parse(String text) throws SyntaxProblem {
        Parser p = new Parser(text);
        Ast.Query q = p.query();
        if (p.peek().kind() != Token.Kind.EOF) {
            throw p.expected("the end of the query (or WHERE, GROUP BY, HAVING, ORDER BY, LIMIT)");
        }
        return q;
    }

    // ---- tokens ----------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(at);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(at);
        if (t.kind() != Token.Kind.EOF) {
            at++;
        }
        return t;
    }

    private boolean accept(String word) {
        if (peek().is(word)) {
            next();
            return true;
        }
        return false;
    }

    private Token expect(String word, String what) throws SyntaxProblem {
        if (!peek().is(word)) {
            throw expected(what);
        }
        return next();
    }

    private SyntaxProblem expected(String what) {
        Token t = peek();
        return new SyntaxProblem(t.pos(), "expected " + what + ", found " + t.describe());
    }

    private int lastEnd() {
        return at == 0 ? 0 : tokens.get(at - 1).end();
    }

    private String span(int from) {
        return text.substring(from, Math.max(from, lastEnd()));
    }

    private void deeper(int pos) throws SyntaxProblem {
        if (++depth > MAX_DEPTH) {
            throw new SyntaxProblem(pos, "the query nests more than " + MAX_DEPTH + " levels deep");
        }
    }

    // ---- query -----------------------------------------------------------------------------

    private Ast.Query query() throws SyntaxProblem {
        int pos = expect("select", "SELECT").pos();
        boolean distinct = accept("distinct");
        Ast.Mode mode = Ast.Mode.VALUES;
        if (accept("objects")) {
            mode = Ast.Mode.OBJECTS;
        } else if (peek().is("as") && peek(1).is("retained")) {
            next();
            next();
            expect("set", "SET (in AS RETAINED SET)");
            mode = Ast.Mode.RETAINED_SET;
        }
        boolean star = false;
        List<Ast.Item> items = new ArrayList<>();
        if (accept("*")) {
            star = true;
        } else {
            do {
                items.add(item());
            } while (accept(","));
        }
        if (mode == Ast.Mode.OBJECTS && (star || items.size() != 1)) {
            throw new SyntaxProblem(pos, "SELECT OBJECTS takes exactly one expression (SELECT * already lists objects)");
        }
        if (mode == Ast.Mode.RETAINED_SET && !star && items.size() != 1) {
            throw new SyntaxProblem(pos, "SELECT AS RETAINED SET takes * or one expression");
        }
        expect("from", "FROM or ',' after the select list");
        Ast.From from = from();
        Expr where = accept("where") ? expr() : null;
        List<Expr> groupBy = new ArrayList<>();
        if (accept("group")) {
            expect("by", "BY after GROUP");
            do {
                groupBy.add(expr());
            } while (accept(","));
        }
        Expr having = null;
        Token havingAt = peek();
        if (accept("having")) {
            having = expr();
        }
        List<Ast.Order> orderBy = new ArrayList<>();
        if (accept("order")) {
            expect("by", "BY after ORDER");
            do {
                Expr e = expr();
                boolean desc = false;
                if (accept("desc")) {
                    desc = true;
                } else {
                    accept("asc");
                }
                orderBy.add(new Ast.Order(e, desc));
            } while (accept(","));
        }
        long limit = -1;
        if (accept("limit")) {
            Token n = peek();
            if (n.kind() != Token.Kind.NUMBER || n.text().contains(".") || n.text().startsWith("0x")) {
                throw expected("a whole number after LIMIT");
            }
            next();
            try {
                limit = Long.parseLong(n.text());
            } catch (NumberFormatException e) {
                throw new SyntaxProblem(n.pos(), "LIMIT " + n.text() + " is too large");
            }
        }
        boolean aggregates = false;
        for (Ast.Item i : items) {
            aggregates |= hasAggregate(i.expr());
        }
        if (having != null && groupBy.isEmpty() && !aggregates) {
            throw new SyntaxProblem(havingAt.pos(), "HAVING needs GROUP BY or an aggregate (count, sum, min, max, avg)");
        }
        if ((!groupBy.isEmpty() || aggregates) && (star || mode != Ast.Mode.VALUES)) {
            throw new SyntaxProblem(pos, "GROUP BY and aggregates need a select list of values, not * or OBJECTS");
        }
        if (where != null && hasAggregate(where)) {
            throw new SyntaxProblem(where.pos(), "an aggregate cannot be used in WHERE (use HAVING)");
        }
        return new Ast.Query(pos, distinct, mode, star, List.copyOf(items), from, where, List.copyOf(groupBy), having,
                List.copyOf(orderBy), limit);
    }

    public static boolean hasAggregate(Expr e) {
        return switch (e) {
            case Ast.Call c -> c.fn().aggregate() || c.args().stream().anyMatch(Parser::hasAggregate);
            case Ast.Unary u -> hasAggregate(u.operand());
            case Ast.Binary b -> hasAggregate(b.left()) || hasAggregate(b.right());
            case Ast.Field f -> hasAggregate(f.target());
            case Ast.Attribute a -> a.target() != null && hasAggregate(a.target());
            case Ast.Index i -> hasAggregate(i.target()) || hasAggregate(i.index());
            case Ast.Like l -> hasAggregate(l.operand());
            case Ast.In in -> hasAggregate(in.operand());
            case Ast.Literal l -> false;
            case Ast.Name n -> false;
        };
    }

    private Ast.Item item() throws SyntaxProblem {
        Expr e = expr();
        if (accept("as")) {
            Token n = peek();
            if (n.kind() == Token.Kind.STRING || (n.kind() == Token.Kind.IDENT && !RESERVED.contains(lower(n.text())))) {
                next();
                return new Ast.Item(e, n.text(), true);
            }
            throw expected("a column name after AS");
        }
        return new Ast.Item(e, e.text(), false);
    }

    private Ast.From from() throws SyntaxProblem {
        boolean objects = accept("objects");
        boolean instanceOf = accept("instanceof");
        Token t = peek();
        Ast.From f;
        if (t.is("(")) {
            next();
            deeper(t.pos());
            Ast.Query sub = query();
            depth--;
            expect(")", "')' after the sub-select");
            f = new Ast.From(t.pos(), Ast.SourceKind.SUBQUERY, objects, instanceOf, null, null, 0, sub, null);
        } else if (t.kind() == Token.Kind.STRING) {
            next();
            f = new Ast.From(t.pos(), Ast.SourceKind.REGEX, objects, instanceOf, t.text(), regex(t), 0, null, null);
        } else if (t.kind() == Token.Kind.NUMBER) {
            next();
            boolean hex = t.text().startsWith("0x") || t.text().startsWith("0X");
            long n;
            try {
                n = hex ? Long.parseUnsignedLong(t.text().substring(2), 16) : Long.parseLong(t.text());
            } catch (NumberFormatException e) {
                throw new SyntaxProblem(t.pos(), "expected an object address (0x...) or object id, found " + t.describe());
            }
            f = new Ast.From(t.pos(), hex ? Ast.SourceKind.ADDRESS : Ast.SourceKind.OBJECT_ID, objects, instanceOf,
                    t.text(), null, n, null, null);
        } else if (t.kind() == Token.Kind.IDENT) {
            // Any word: a source must follow FROM, so a class may be called Order or Set.
            f = new Ast.From(t.pos(), Ast.SourceKind.CLASS, objects, instanceOf, className(), null, 0, null, null);
        } else {
            throw expected("a class name, a quoted regular expression, an address (0x...) or '(' SELECT ... ')' after FROM");
        }
        Token a = peek();
        if (a.kind() == Token.Kind.IDENT && !RESERVED.contains(lower(a.text()))) {
            next();
            f = new Ast.From(f.pos(), f.kind(), f.objects(), f.instanceOf(), f.name(), f.regex(), f.number(), f.sub(),
                    a.text());
        }
        return f;
    }

    /** {@code java.util.HashMap}, {@code Outer$Inner}, {@code char[]}, {@code java.lang.Object[][]}. */
    private String className() throws SyntaxProblem {
        StringBuilder sb = new StringBuilder(next().text());
        while (peek().is(".") && peek(1).kind() == Token.Kind.IDENT && peek(1).pos() == peek().end()) {
            next();
            sb.append('.').append(next().text());
        }
        while (peek().is("[") && peek(1).is("]")) {
            next();
            next();
            sb.append("[]");
        }
        return sb.toString();
    }

    private static Pattern regex(Token t) throws SyntaxProblem {
        try {
            return Pattern.compile(t.text());
        } catch (PatternSyntaxException e) {
            throw new SyntaxProblem(t.pos() + 1 + Math.max(0, e.getIndex()), "bad regular expression: " + e.getDescription());
        }
    }

    // ---- expressions -----------------------------------------------------------------------

    private Expr expr() throws SyntaxProblem {
        int start = peek().pos();
        Expr left = and();
        int chain = 0;
        while (peek().is("or")) {
            deeper(next().pos());
            chain++;
            Expr right = and();
            left = new Ast.Binary(start, span(start), "OR", left, right);
        }
        depth -= chain;
        return left;
    }

    private Expr and() throws SyntaxProblem {
        int start = peek().pos();
        Expr left = not();
        int chain = 0;
        while (peek().is("and")) {
            deeper(next().pos());
            chain++;
            Expr right = not();
            left = new Ast.Binary(start, span(start), "AND", left, right);
        }
        depth -= chain;
        return left;
    }

    private Expr not() throws SyntaxProblem {
        Token t = peek();
        if (t.is("not")) {
            next();
            deeper(t.pos());
            Expr e = not();
            depth--;
            return new Ast.Unary(t.pos(), span(t.pos()), "NOT", e);
        }
        return compare();
    }

    private Expr compare() throws SyntaxProblem {
        int start = peek().pos();
        Expr left = sum();
        Token t = peek();
        for (String op : List.of("=", "!=", "<>", "<=", ">=", "<", ">")) {
            if (t.is(op)) {
                next();
                Expr right = sum();
                return new Ast.Binary(start, span(start), op.equals("<>") ? "!=" : op, left, right);
            }
        }
        boolean not = false;
        if (t.is("not") && (peek(1).is("like") || peek(1).is("in"))) {
            next();
            not = true;
        }
        if (accept("like")) {
            Token s = peek();
            if (s.kind() != Token.Kind.STRING) {
                throw expected("a quoted regular expression after LIKE");
            }
            next();
            return new Ast.Like(start, span(start), left, regex(s), not);
        }
        if (accept("in")) {
            Token p = peek();
            if (p.is("(") && peek(1).is("select")) {
                next();
                deeper(p.pos());
                Ast.Query sub = query();
                depth--;
                expect(")", "')' after the sub-select");
                return new Ast.In(start, span(start), left, null, sub, null, not);
            }
            if (p.is("(")) {
                next();
                List<Expr> values = new ArrayList<>();
                if (!peek().is(")")) {
                    do {
                        values.add(expr());
                    } while (accept(","));
                }
                expect(")", "',' or ')' in the IN list");
                return new Ast.In(start, span(start), left, List.copyOf(values), null, null, not);
            }
            Expr list = sum();
            return new Ast.In(start, span(start), left, null, null, list, not);
        }
        if (not) {
            throw expected("LIKE or IN after NOT");
        }
        return left;
    }

    private Expr sum() throws SyntaxProblem {
        int start = peek().pos();
        Expr left = product();
        int chain = 0;
        while (peek().is("+") || peek().is("-")) {
            Token opToken = next();
            String op = opToken.text();
            deeper(opToken.pos());
            chain++;
            Expr right = product();
            left = new Ast.Binary(start, span(start), op, left, right);
        }
        depth -= chain;
        return left;
    }

    private Expr product() throws SyntaxProblem {
        int start = peek().pos();
        Expr left = unary();
        int chain = 0;
        while (peek().is("*") || peek().is("/")) {
            Token opToken = next();
            String op = opToken.text();
            deeper(opToken.pos());
            chain++;
            Expr right = unary();
            left = new Ast.Binary(start, span(start), op, left, right);
        }
        depth -= chain;
        return left;
    }

    private Expr unary() throws SyntaxProblem {
        Token t = peek();
        if (t.is("-")) {
            next();
            deeper(t.pos());
            Expr e = unary();
            depth--;
            if (e instanceof Ast.Literal l && l.value() instanceof Long v) {
                return new Ast.Literal(t.pos(), span(t.pos()), -v);
            }
            if (e instanceof Ast.Literal l && l.value() instanceof Double v) {
                return new Ast.Literal(t.pos(), span(t.pos()), -v);
            }
            return new Ast.Unary(t.pos(), span(t.pos()), "-", e);
        }
        return postfix();
    }

    private Expr postfix() throws SyntaxProblem {
        int start = peek().pos();
        Expr e = primary();
        int chain = 0;
        while (true) {
            if (peek().is(".") || peek().is("[")) {
                deeper(peek().pos());
                chain++;
            }
            if (peek().is(".")) {
                next();
                Token n = peek();
                if (n.kind() == Token.Kind.ATTRIBUTE) {
                    next();
                    e = new Ast.Attribute(start, span(start), e, attribute(n));
                } else if (n.kind() == Token.Kind.IDENT) {
                    next();
                    if (peek().is("(")) {
                        throw new SyntaxProblem(n.pos(), "method calls such as " + n.text() + "() are not supported;"
                                + " use a field, an @attribute or a built-in function");
                    }
                    e = new Ast.Field(start, span(start), e, n.text());
                } else {
                    throw expected("a field name or @attribute after '.'");
                }
            } else if (peek().is("[")) {
                Token open = next();
                deeper(open.pos());
                Expr i = expr();
                depth--;
                expect("]", "']' after the array index");
                e = new Ast.Index(start, span(start), e, i);
            } else {
                depth -= chain;
                return e;
            }
        }
    }

    private Expr primary() throws SyntaxProblem {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                next();
                return new Ast.Literal(t.pos(), t.text(), number(t));
            }
            case STRING -> {
                next();
                return new Ast.Literal(t.pos(), text.substring(t.pos(), t.end()), t.text());
            }
            case ATTRIBUTE -> {
                next();
                return new Ast.Attribute(t.pos(), t.text(), null, attribute(t));
            }
            case IDENT -> {
                String w = lower(t.text());
                if (w.equals("true") || w.equals("false")) {
                    next();
                    return new Ast.Literal(t.pos(), t.text(), w.equals("true"));
                }
                if (w.equals("null")) {
                    next();
                    return new Ast.Literal(t.pos(), t.text(), null);
                }
                if (peek(1).is("(")) {
                    return call();
                }
                if (RESERVED.contains(w)) {
                    throw expected("an expression");
                }
                next();
                return new Ast.Name(t.pos(), t.text(), t.text());
            }
            default -> {
                if (t.is("(")) {
                    next();
                    deeper(t.pos());
                    Expr e = expr();
                    depth--;
                    expect(")", "')'");
                    return e;
                }
                throw expected("an expression");
            }
        }
    }

    private Expr call() throws SyntaxProblem {
        Token name = next();
        Ast.Fn fn = null;
        for (Ast.Fn f : Ast.Fn.values()) {
            if (f.word.equalsIgnoreCase(name.text())) {
                fn = f;
            }
        }
        if (fn == null) {
            StringBuilder known = new StringBuilder();
            for (Ast.Fn f : Ast.Fn.values()) {
                known.append(known.isEmpty() ? "" : ", ").append(f.word);
            }
            throw new SyntaxProblem(name.pos(), "unknown function '" + name.text() + "' (known: " + known + ")");
        }
        Token open = next(); // '('
        deeper(open.pos());
        boolean star = false;
        List<Expr> args = new ArrayList<>();
        if (fn == Ast.Fn.COUNT && peek().is("*")) {
            next();
            star = true;
        } else if (!peek().is(")")) {
            do {
                args.add(expr());
            } while (accept(","));
        }
        depth--;
        expect(")", "')' after the arguments of " + fn.word);
        if (!star && args.size() != fn.arity) {
            throw new SyntaxProblem(name.pos(), fn.word + " takes " + fn.arity + " argument" + (fn.arity == 1 ? "" : "s")
                    + ", not " + args.size());
        }
        if (fn.aggregate() && !args.isEmpty() && hasAggregate(args.getFirst())) {
            throw new SyntaxProblem(args.getFirst().pos(), "aggregates cannot be nested");
        }
        return new Ast.Call(name.pos(), span(name.pos()), fn, List.copyOf(args), star);
    }

    private static Ast.Attr attribute(Token t) throws SyntaxProblem {
        for (Ast.Attr a : Ast.Attr.values()) {
            if (a.word.equals(t.text())) {
                return a;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Ast.Attr a : Ast.Attr.values()) {
            known.append(known.isEmpty() ? "" : ", ").append('@').append(a.word);
        }
        throw new SyntaxProblem(t.pos(), "unknown attribute @" + t.text() + " (known: " + known + ")");
    }

    private static Object number(Token t) throws SyntaxProblem {
        String s = t.text();
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            return s.contains(".") ? (Object) Double.parseDouble(s) : (Object) Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new SyntaxProblem(t.pos(), "the number " + s + " is too large");
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
