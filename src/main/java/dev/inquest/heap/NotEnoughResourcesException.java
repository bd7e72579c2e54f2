package dev.inquest.heap;

import dev.inquest.format.Units;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An open that cannot fit the memory or disk it has, said before the work starts rather than
 * found out by the kernel half an hour in. The message names the dump, what is needed, what is
 * there and what to change.
 */
public final class NotEnoughResourcesException extends IOException {
    /** Which resource is short. */
    public enum Resource { MEMORY, DISK }

    private final transient Path dump;
    private final Resource resource;
    private final long needed;
    private final long available;

    public NotEnoughResourcesException(Path dump, Resource resource, long needed, long available, String what, String advice) {
        super(dump + ": " + what + ": needs about " + Units.bytes(needed) + ", " + Units.bytes(available)
                + (resource == Resource.DISK ? " free" : " available") + "; " + advice);
        this.dump = dump;
        this.resource = resource;
        this.needed = needed;
        this.available = available;
    }

    /**
     * The same failure as another process reported it (the index build's child JVM): its message
     * word for word, so the window says what an open in its own process would have said.
     */
    public static NotEnoughResourcesException reported(Path dump, Resource resource, long needed, long available,
            String message) {
        return new NotEnoughResourcesException(message, dump, resource, needed, available);
    }

    private NotEnoughResourcesException(String message, Path dump, Resource resource, long needed, long available) {
        super(message);
        this.dump = dump;
        this.resource = resource;
        this.needed = needed;
        this.available = available;
    }

    public Path dump() {
        return dump;
    }

    public Resource resource() {
        return resource;
    }

    public long needed() {
        return needed;
    }

    public long available() {
        return available;
    }
}
