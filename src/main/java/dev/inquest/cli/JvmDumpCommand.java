package dev.inquest.cli;

import dev.inquest.capture.CaptureResult;
import dev.inquest.capture.HeapDumpRequest;
import dev.inquest.capture.JvmConnection;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest jvm dump PID --out F [--live] [--gz] [--json]}. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Take a heap dump of a running JVM (jcmd GC.heap_dump). The file appears only when complete; "
                + "with --jmx it is written on the JVM's machine, at --out there.")
public final class JvmDumpCommand implements Callable<Integer> {
    @CommandLine.Mixin
    JvmTarget jvm;

    @CommandLine.Mixin
    OutputFormat format;

    @CommandLine.Option(names = "--out", required = true, paramLabel = "FILE", description = "The heap dump file (.hprof, or .hprof.gz with --gz).")
    Path out;

    @CommandLine.Option(names = "--live", description = "Only live objects (the JVM runs a full GC first); default: all objects.")
    boolean live;

    @CommandLine.Option(names = "--gz", description = "Compressed: the chunked gzip jcmd's -gz writes (compressed here, for any local JVM; not with --jmx).")
    boolean gz;

    @Override
    public Integer call() throws Exception {
        jvm.target(); // usage errors before any work
        CaptureResult r = Meter.run(progress -> {
            try (JvmConnection c = jvm.connect(progress)) {
                return c.heapDump(new HeapDumpRequest(out, live, gz), progress);
            }
        });
        if (format.json()) {
            format.printJson(CaptureJson.result(r));
        } else {
            CaptureJson.print(format.out(), r);
        }
        return 0;
    }
}
