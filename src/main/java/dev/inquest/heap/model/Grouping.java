package dev.inquest.heap.model;

/** How histogram and dominator rows are grouped. */
public enum Grouping { CLASS, PACKAGE, LOADER }
