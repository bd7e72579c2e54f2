package dev.inquest.heap.graph;

import dev.inquest.heap.store.LongArray;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** A growable FIFO of longs off-heap, for breadth-first searches whose size is not known ahead. */
final class LongQueue {
    private final Arena arena;
    private LongArray items;
    private long head;
    private long tail;

    LongQueue(Arena arena, long initial) {
        this.arena = arena;
        this.items = LongArray.allocate(arena, Math.max(16, initial));
    }

    void add(long value) {
        if (tail == items.length()) {
            if (head > items.length() / 2) {
                // Mostly consumed: slide the live part down instead of growing.
                MemorySegment.copy(items.segment(), head * Long.BYTES, items.segment(), 0, (tail - head) * Long.BYTES);
            } else {
                LongArray bigger = LongArray.allocate(arena, items.length() * 2);
                MemorySegment.copy(items.segment(), head * Long.BYTES, bigger.segment(), 0, (tail - head) * Long.BYTES);
                items = bigger;
            }
            tail -= head;
            head = 0;
        }
        items.set(tail++, value);
    }

    boolean isEmpty() {
        return head == tail;
    }

    long poll() {
        return items.get(head++);
    }
}
