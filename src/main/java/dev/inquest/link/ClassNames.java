package dev.inquest.link;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One class, two spellings. A hidden class (every lambda, most method-handle classes) is named
 * {@code Foo$$Lambda/0x000000007e164210} by Java; HotSpot's heap dump writes its internal name,
 * {@code Foo$$Lambda+0x000000007e164210}, and a flight recording's consumer turns the slash into a
 * dot, {@code Foo$$Lambda.0x000000007e164210}. Ordinary names are spelled the same on both sides.
 * The address suffix identifies the class within one JVM run, so a dump and a recording of the
 * same process agree on it once the separator is translated.
 */
public final class ClassNames {
    /** A trailing {@code 0x<hex>} after {@code +}, {@code .} or {@code /}: no Java identifier starts with a digit, so only hidden classes end so. */
    private static final Pattern HIDDEN = Pattern.compile("^(.+)[+./](0x[0-9a-fA-F]+)((?:\\[\\])*)$");

    private ClassNames() {
    }

    /** How a heap dump names the class a recording calls {@code recordingName}. */
    public static String inHeap(String recordingName) {
        return respell(recordingName, '+');
    }

    /** How a recording names the class a heap dump calls {@code heapName}. */
    public static String inRecording(String heapName) {
        return respell(heapName, '.');
    }

    private static String respell(String name, char separator) {
        if (name == null) {
            return null;
        }
        Matcher m = HIDDEN.matcher(name);
        return m.matches() ? m.group(1) + separator + m.group(2) + m.group(3) : name;
    }
}
