package dev.inquest.heap.model;

/** How histogram and dominator rows are grouped. */
public enum Grouping {
    CLASS, PACKAGE, LOADER;

    /** The group name of classes in the unnamed package, when grouping by {@link #PACKAGE}. */
    public static final String DEFAULT_PACKAGE = "<default package>";
}
