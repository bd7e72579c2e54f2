package dev.inquest.investigation.model;

/**
 * The keys of an {@link EvidenceSource}'s locator, as the case file stores them; {@link Locator}
 * writes and reads them, nothing else spells them out.
 */
public enum LocatorKey {
    /** A heap object's address, {@code 0x}-prefixed hex. */
    OBJECT("object"),
    /** A class name (of the object, or the class itself). */
    CLASS("class"),
    /** A flame-graph frame as its stack, root first, joined by {@code ;}. */
    FRAME("frame"),
    /** A flame graph's weight, lower case ({@code bytes}, {@code count}). */
    WEIGHT("weight"),
    /** A time range's start and end (ISO instants). */
    FROM("from"),
    TO("to"),
    /** An old-object group's key, and whether groups were by {@code type} or by {@code site}. */
    GROUP("group"),
    BY("by"),
    /** A heap query's text, as it was run. */
    QUERY("query"),
    /** A chart series' id ({@code rss}, {@code nmtCategory}), and the NMT category of a per-category series. */
    SERIES("series"),
    CATEGORY("category");

    private final String word;

    LocatorKey(String word) {
        this.word = word;
    }

    /** The key as stored. */
    public String word() {
        return word;
    }
}
