package dev.inquest.heap.hprof;

/** HPROF record and sub-record tags, and basic-type sizes. */
public final class Tags {
    private Tags() {
    }

    public static final int STRING = 0x01;
    public static final int LOAD_CLASS = 0x02;
    public static final int UNLOAD_CLASS = 0x03;
    public static final int FRAME = 0x04;
    public static final int TRACE = 0x05;
    public static final int ALLOC_SITES = 0x06;
    public static final int HEAP_SUMMARY = 0x07;
    public static final int START_THREAD = 0x0A;
    public static final int END_THREAD = 0x0B;
    public static final int HEAP_DUMP = 0x0C;
    public static final int CPU_SAMPLES = 0x0D;
    public static final int CONTROL_SETTINGS = 0x0E;
    public static final int HEAP_DUMP_SEGMENT = 0x1C;
    public static final int HEAP_DUMP_END = 0x2C;

    public static final int ROOT_UNKNOWN = 0xFF;
    public static final int ROOT_JNI_GLOBAL = 0x01;
    public static final int ROOT_JNI_LOCAL = 0x02;
    public static final int ROOT_JAVA_FRAME = 0x03;
    public static final int ROOT_NATIVE_STACK = 0x04;
    public static final int ROOT_STICKY_CLASS = 0x05;
    public static final int ROOT_THREAD_BLOCK = 0x06;
    public static final int ROOT_MONITOR_USED = 0x07;
    public static final int ROOT_THREAD_OBJ = 0x08;
    public static final int CLASS_DUMP = 0x20;
    public static final int INSTANCE_DUMP = 0x21;
    public static final int OBJ_ARRAY_DUMP = 0x22;
    public static final int PRIM_ARRAY_DUMP = 0x23;

    public static final int T_OBJECT = 2;
    public static final int T_BOOLEAN = 4;
    public static final int T_CHAR = 5;
    public static final int T_FLOAT = 6;
    public static final int T_DOUBLE = 7;
    public static final int T_BYTE = 8;
    public static final int T_SHORT = 9;
    public static final int T_INT = 10;
    public static final int T_LONG = 11;

    public static boolean isTopLevel(int tag) {
        return switch (tag) {
            case STRING, LOAD_CLASS, UNLOAD_CLASS, FRAME, TRACE, ALLOC_SITES, HEAP_SUMMARY, START_THREAD, END_THREAD,
                    HEAP_DUMP, CPU_SAMPLES, CONTROL_SETTINGS, HEAP_DUMP_SEGMENT, HEAP_DUMP_END -> true;
            default -> false;
        };
    }

    /** Size in the dump of a value of basic type {@code type}; -1 for an invalid type. */
    public static int size(int type, int idSize) {
        return switch (type) {
            case T_OBJECT -> idSize;
            case T_BOOLEAN, T_BYTE -> 1;
            case T_CHAR, T_SHORT -> 2;
            case T_FLOAT, T_INT -> 4;
            case T_DOUBLE, T_LONG -> 8;
            default -> -1;
        };
    }

    /** Java name of a primitive basic type ({@code byte} for 8). */
    public static String primitiveName(int type) {
        return switch (type) {
            case T_BOOLEAN -> "boolean";
            case T_CHAR -> "char";
            case T_FLOAT -> "float";
            case T_DOUBLE -> "double";
            case T_BYTE -> "byte";
            case T_SHORT -> "short";
            case T_INT -> "int";
            case T_LONG -> "long";
            default -> "type" + type;
        };
    }

    public static String recordName(int tag) {
        return switch (tag) {
            case STRING -> "STRING";
            case LOAD_CLASS -> "LOAD_CLASS";
            case FRAME -> "FRAME";
            case TRACE -> "TRACE";
            case HEAP_DUMP -> "HEAP_DUMP";
            case HEAP_DUMP_SEGMENT -> "HEAP_DUMP_SEGMENT";
            case HEAP_DUMP_END -> "HEAP_DUMP_END";
            default -> String.format("record 0x%02X", tag);
        };
    }

    public static String subRecordName(int tag) {
        return switch (tag) {
            case ROOT_UNKNOWN -> "ROOT_UNKNOWN";
            case ROOT_JNI_GLOBAL -> "ROOT_JNI_GLOBAL";
            case ROOT_JNI_LOCAL -> "ROOT_JNI_LOCAL";
            case ROOT_JAVA_FRAME -> "ROOT_JAVA_FRAME";
            case ROOT_NATIVE_STACK -> "ROOT_NATIVE_STACK";
            case ROOT_STICKY_CLASS -> "ROOT_STICKY_CLASS";
            case ROOT_THREAD_BLOCK -> "ROOT_THREAD_BLOCK";
            case ROOT_MONITOR_USED -> "ROOT_MONITOR_USED";
            case ROOT_THREAD_OBJ -> "ROOT_THREAD_OBJECT";
            case CLASS_DUMP -> "CLASS_DUMP";
            case INSTANCE_DUMP -> "INSTANCE_DUMP";
            case OBJ_ARRAY_DUMP -> "OBJ_ARRAY_DUMP";
            case PRIM_ARRAY_DUMP -> "PRIM_ARRAY_DUMP";
            default -> String.format("sub-record 0x%02X", tag);
        };
    }
}
