package dev.inquest.heap.query;

import dev.inquest.heap.index.ClassInfo;
import dev.inquest.heap.model.HeapDump;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a query editor offers at its caret: class names after {@code FROM} / {@code INSTANCEOF} /
 * {@code FROM OBJECTS}, field names after {@code alias.} where the alias was declared by
 * {@code FROM [INSTANCEOF] Class alias}. Reads the query's text only (a half-typed query does
 * not parse); the names come from the dump's classes.
 */
public final class OqlCompletion {
    private OqlCompletion() {
    }

    /** What is completed. */
    public enum Kind { CLASS, FIELD }

    /**
     * A completion to offer: replace {@code [start, caret)} (the typed {@code prefix}) by a
     * candidate; {@code className} is the class whose fields a FIELD completion lists.
     */
    public record Request(Kind kind, int start, String prefix, String className) {
    }

    /** A class name as the editor reads one: package dots, nested '$', array brackets. */
    private static boolean nameChar(char c) {
        return Character.isJavaIdentifierPart(c) || c == '.' || c == '[' || c == ']';
    }

    private static final Pattern ALIAS = Pattern.compile(
            "(?i)\\bFROM\\s+(?:OBJECTS\\s+)?(?:INSTANCEOF\\s+)?([\\w$.\\[\\]]+)\\s+(?!WHERE\\b|ORDER\\b|GROUP\\b|LIMIT\\b|HAVING\\b)([A-Za-z_$][\\w$]*)");

    /** What to complete at {@code caret} in {@code text}, or empty where no name is expected. */
    public static Optional<Request> at(String text, int caret) {
        if (caret < 0 || caret > text.length()) {
            return Optional.empty();
        }
        int start = caret;
        while (start > 0 && nameChar(text.charAt(start - 1))) {
            start--;
        }
        String token = text.substring(start, caret);
        String before = text.substring(0, start).stripTrailing();
        String word = lastWord(before).toUpperCase(Locale.ROOT);
        if (word.equals("FROM") || word.equals("INSTANCEOF") || word.equals("OBJECTS") && lastWord(
                before.substring(0, before.length() - word.length()).stripTrailing()).equalsIgnoreCase("FROM")) {
            return Optional.of(new Request(Kind.CLASS, start, token, null));
        }
        int dot = token.indexOf('.');
        // alias.field: one step only (the type a field holds is known only per object).
        if (dot > 0 && token.indexOf('.', dot + 1) < 0) {
            String alias = token.substring(0, dot);
            Matcher m = ALIAS.matcher(text);
            while (m.find()) {
                if (m.group(2).equals(alias)) {
                    return Optional.of(new Request(Kind.FIELD, start + dot + 1, token.substring(dot + 1), m.group(1)));
                }
            }
        }
        return Optional.empty();
    }

    private static String lastWord(String s) {
        int i = s.length();
        while (i > 0 && Character.isLetter(s.charAt(i - 1))) {
            i--;
        }
        return s.substring(i);
    }

    /**
     * The candidates for a request, at most {@code max}, sorted: class names whose whole name or
     * simple name starts with the prefix (case ignored), or the fields (own and inherited) of the
     * instances of the named class.
     */
    public static List<String> candidates(HeapDump dump, Request r, int max) {
        ObjectReader reader = new ObjectReader(dump);
        String p = r.prefix().toLowerCase(Locale.ROOT);
        TreeSet<String> out = new TreeSet<>();
        for (ClassInfo c : reader.index().classes()) {
            if (r.kind() == Kind.CLASS) {
                String name = c.name();
                String lower = name.toLowerCase(Locale.ROOT);
                int cut = Math.max(lower.lastIndexOf('.'), lower.lastIndexOf('$'));
                if (lower.startsWith(p) || lower.substring(cut + 1).startsWith(p)) {
                    out.add(name);
                }
            } else if (c.name().equals(r.className()) && c.kind() == ClassInfo.Kind.INSTANCE) {
                for (String f : reader.fieldNames(c)) {
                    if (f.toLowerCase(Locale.ROOT).startsWith(p)) {
                        out.add(f);
                    }
                }
            }
        }
        List<String> list = new ArrayList<>(out);
        return list.size() > max ? list.subList(0, max) : list;
    }
}
