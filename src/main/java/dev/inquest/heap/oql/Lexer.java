package dev.inquest.heap.oql;

import java.util.ArrayList;
import java.util.List;

/** Splits a query into tokens, each with its offset; strings keep their backslashes (they are regular expressions). */
final class Lexer {
    private Lexer() {
    }

    static List<Token> tokens(String s) throws SyntaxProblem {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '"' || c == '\'') {
                i++;
                StringBuilder sb = new StringBuilder();
                while (true) {
                    if (i >= n) {
                        throw new SyntaxProblem(start, "unterminated string: expected a closing " + c);
                    }
                    char d = s.charAt(i);
                    if (d == c) {
                        if (i + 1 < n && s.charAt(i + 1) == c) { // a doubled quote stands for one
                            sb.append(c);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.append(d);
                    i++;
                }
                out.add(new Token(Token.Kind.STRING, sb.toString(), start, i));
            } else if (c == '@') {
                i++;
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                if (i == start + 1) {
                    throw new SyntaxProblem(start, "expected an attribute name after @ (such as @retainedHeapSize)");
                }
                out.add(new Token(Token.Kind.ATTRIBUTE, s.substring(start + 1, i), start, i));
            } else if (Character.isDigit(c)) {
                if (c == '0' && i + 1 < n && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
                    i += 2;
                    while (i < n && Character.digit(s.charAt(i), 16) >= 0) {
                        i++;
                    }
                    if (i == start + 2) {
                        throw new SyntaxProblem(start, "expected hexadecimal digits after 0x");
                    }
                } else {
                    while (i < n && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                    if (i + 1 < n && s.charAt(i) == '.' && Character.isDigit(s.charAt(i + 1))) {
                        i++;
                        while (i < n && Character.isDigit(s.charAt(i))) {
                            i++;
                        }
                    }
                }
                if (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                    throw new SyntaxProblem(i, "unexpected '" + s.charAt(i) + "' in a number");
                }
                out.add(new Token(Token.Kind.NUMBER, s.substring(start, i), start, i));
            } else if (Character.isJavaIdentifierStart(c)) {
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                out.add(new Token(Token.Kind.IDENT, s.substring(start, i), start, i));
            } else {
                String two = i + 1 < n ? s.substring(i, i + 2) : "";
                if (two.equals("!=") || two.equals("<>") || two.equals("<=") || two.equals(">=")) {
                    out.add(new Token(Token.Kind.SYMBOL, two, start, i + 2));
                    i += 2;
                } else if ("=<>,.()[]*+-/".indexOf(c) >= 0) {
                    out.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), start, i + 1));
                    i++;
                } else {
                    throw new SyntaxProblem(start, "unexpected character '" + c + "'");
                }
            }
        }
        out.add(new Token(Token.Kind.EOF, "", n, n));
        return out;
    }
}
