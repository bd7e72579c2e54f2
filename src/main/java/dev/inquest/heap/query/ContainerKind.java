package dev.inquest.heap.query;

/** What kind of container holds an accumulation, in the words an analyst uses. */
public enum ContainerKind {
    MAP("map"), CACHE("cache"), LIST("list"), QUEUE("queue"), SET("set"), ARRAY("array");

    private final String label;

    ContainerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
