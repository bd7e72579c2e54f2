package dev.inquest.heap.query;

import dev.inquest.format.Units;
import java.util.List;
import java.util.Locale;

/**
 * A query cell as people read it, the same in the window's table and in pinned evidence: objects
 * as MAT names them ({@code class @ 0xaddress}), sizes in readable units, counts grouped, lists
 * by their first entries.
 */
public final class OqlCells {
    private OqlCells() {
    }

    /** How many entries of a list cell its text names. */
    static final int LIST_SHOWN = 3;

    /** Whether a column holds sizes in bytes: the object rows' shallow and retained, the size attributes. */
    public static boolean bytesColumn(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        return c.equals("shallow") || c.equals("retained") || c.endsWith("heapsize") || c.contains("@usedheapsize")
                || c.contains("@retainedheapsize");
    }

    /** The text of one cell of {@code column}. */
    public static String text(String column, Object v) {
        return switch (v) {
            case null -> "null";
            case ObjectBrief b -> b.className() + " @ 0x" + Long.toHexString(b.address());
            case Long l -> bytesColumn(column) ? Units.bytes(l) : Units.count(l);
            case Integer i -> Units.count(i);
            case Double x -> String.format(Locale.ROOT, "%,.2f", x);
            case List<?> list -> {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < list.size() && i < LIST_SHOWN; i++) {
                    sb.append(i == 0 ? "" : ", ").append(text("", list.get(i)));
                }
                if (list.size() > LIST_SHOWN) {
                    sb.append(", ... (").append(Units.count(list.size())).append(')');
                }
                yield sb.append(']').toString();
            }
            default -> String.valueOf(v);
        };
    }

    /** Whether a cell holds text read from the heap (a string's characters): such cells may hold secrets. */
    public static boolean heapText(Object v) {
        return v instanceof String || v instanceof List<?> l && l.stream().anyMatch(OqlCells::heapText);
    }
}
