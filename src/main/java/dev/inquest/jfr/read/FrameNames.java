package dev.inquest.jfr.read;

import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedMethod;

/** How frames and classes are spelled in trees, collapsed stacks and flame graphs. */
public final class FrameNames {
    private FrameNames() {
    }

    /** "java.util.ArrayList.grow": dotted class name, then the method. */
    public static String method(RecordedMethod m) {
        if (m == null) {
            return "<unknown>";
        }
        RecordedClass type = m.getType();
        String name = m.getName();
        return (type == null ? "<unknown>" : className(type.getName())) + "." + (name == null ? "<unknown>" : name);
    }

    /**
     * Java source spelling of a class name: JFR records arrays in descriptor form ("[B",
     * "[Ljava.lang.String;"), which would also break the folded format's ';' separator.
     */
    public static String className(String name) {
        if (name == null) {
            return "<unknown>";
        }
        if (name.isEmpty() || name.charAt(0) != '[') {
            return name.replace('/', '.');
        }
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        String elem = switch (name.length() > dims ? name.charAt(dims) : '?') {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'L' -> name.substring(dims + 1, name.endsWith(";") ? name.length() - 1 : name.length()).replace('/', '.');
            default -> name.substring(dims);
        };
        return elem + "[]".repeat(dims);
    }
}
