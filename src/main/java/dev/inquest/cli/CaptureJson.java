package dev.inquest.cli;

import dev.inquest.capture.CaptureKind;
import dev.inquest.capture.CaptureResult;
import dev.inquest.capture.JvmDescriptor;
import dev.inquest.capture.JvmIdentity;
import dev.inquest.capture.TextSnapshot;
import dev.inquest.format.Units;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code jvm} verbs' JSON shapes (docs/cli-extensions.md, issue 21) and their text lines. */
final class CaptureJson {
    private CaptureJson() {
    }

    /** The contract's word for a kind: {@code heapDump}, {@code recording}, {@code classHistogram}... */
    static String kind(CaptureKind kind) {
        return switch (kind) {
            case HEAP_DUMP -> "heapDump";
            case RECORDING -> "recording";
            case CLASS_HISTOGRAM -> "classHistogram";
            case THREAD_DUMP -> "threadDump";
            case NATIVE_MEMORY -> "nativeMemory";
        };
    }

    static Map<String, Object> jvm(JvmDescriptor d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", d.pid());
        m.put("mainClass", d.mainClass());
        m.put("version", d.version());
        m.put("uptimeMillis", d.uptimeMillis() < 0 ? null : d.uptimeMillis());
        m.put("heapUsed", d.heapUsed() < 0 ? null : d.heapUsed());
        m.put("heapMax", d.heapMax() < 0 ? null : d.heapMax());
        m.put("attachable", d.attachable());
        m.put("problem", d.problem());
        return m;
    }

    static Map<String, Object> identity(JvmIdentity id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", id.pid());
        m.put("host", id.host());
        m.put("jmx", id.jmx());
        m.put("mainClass", id.mainClass());
        m.put("version", id.version());
        m.put("vm", id.vm());
        m.put("started", id.started().toString());
        return m;
    }

    static Map<String, Object> result(CaptureResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind(r.kind()));
        m.put("file", r.file().toString());
        m.put("remote", r.remote());
        m.put("size", r.fingerprint() == null ? null : r.fingerprint().size());
        m.put("headSha256", r.fingerprint() == null ? null : r.fingerprint().headSha256());
        m.put("jvm", identity(r.jvm()));
        m.put("taken", r.taken().toString());
        m.put("millis", r.millis());
        m.put("command", r.command());
        return m;
    }

    static Map<String, Object> snapshot(TextSnapshot s, CaptureResult saved) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind(s.kind()));
        m.put("jvm", identity(s.jvm()));
        m.put("taken", s.taken().toString());
        m.put("command", s.command());
        m.put("file", saved == null ? null : saved.file().toString());
        m.put("text", s.text());
        return m;
    }

    /** The text a capture command prints: where the file is, how big, and the equivalent command. */
    static void print(PrintWriter o, CaptureResult r) {
        String what = Character.toUpperCase(r.kind().label().charAt(0)) + r.kind().label().substring(1);
        o.println(what + " of " + r.jvm().describe() + (r.remote() ? " written on the JVM's machine at " : " written to ")
                + r.file() + (r.fingerprint() == null ? "" : " (" + Units.bytes(r.fingerprint().size()) + ")")
                + " in " + Units.elapsed(r.millis()));
        o.println("Equivalent: " + r.command());
        o.flush();
    }
}
