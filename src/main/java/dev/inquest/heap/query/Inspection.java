package dev.inquest.heap.query;

import dev.inquest.heap.model.ObjectRef;
import java.util.List;

/**
 * Everything the object inspector shows about one object.
 *
 * @param text for a String, its text (redacted unless values were asked for); else null
 * @param inboundTotal how many references point at the object ({@code inbound} lists at most the first ones)
 * @param retainedSet the objects the object alone keeps alive, per class, largest shallow first
 */
public record Inspection(ObjectBrief object, String rootKinds, String text, List<Field> fields, List<ObjectRef> outbound,
        List<ObjectRef> inbound, long inboundTotal, List<ClassCount> retainedSet) {

    /**
     * A field (or static) with its value as text: primitives as Java prints them, references as
     * "ClassName @ 0xADDRESS" (with a String's text when values are shown), or "null".
     *
     * @param target the referenced object's node, or -1 (primitive, null, missing)
     * @param text   the referenced String's text when values are shown, else null
     */
    public record Field(String name, String type, boolean isStatic, String value, long target, String text) {
    }

    /** Objects of one class inside a retained set. */
    public record ClassCount(String className, long count, long shallow) {
    }
}
