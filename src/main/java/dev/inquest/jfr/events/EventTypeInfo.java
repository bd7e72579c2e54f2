package dev.inquest.jfr.events;

import java.util.List;

/**
 * An event type present in the recording, with how many events it has.
 *
 * @param name     "jdk.ObjectAllocationSample"
 * @param label    "Object Allocation Sample", the name when the recording has none
 * @param category its category path, e.g. ["Java Application"], empty when not known
 * @param count    events of this type in the readable chunks
 */
public record EventTypeInfo(String name, String label, List<String> category, long count) {
}
