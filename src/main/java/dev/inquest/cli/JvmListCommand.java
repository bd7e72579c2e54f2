package dev.inquest.cli;

import dev.inquest.capture.JvmDescriptor;
import dev.inquest.capture.Jvms;
import dev.inquest.format.Terminal;
import dev.inquest.format.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code inquest jvm list [--json]}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "The JVMs running on this machine that this user can see: pid, main class or jar, Java version, "
                + "uptime, heap used and maximum; those that cannot be attached with the reason.")
public final class JvmListCommand implements Callable<Integer> {
    @CommandLine.Mixin
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        List<JvmDescriptor> jvms = Jvms.list();
        if (format.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("jvms", jvms.stream().map(CaptureJson::jvm).toList());
            format.printJson(m);
            return 0;
        }
        if (jvms.isEmpty()) {
            format.out().println("No other JVM is running for this user.");
            format.out().flush();
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (JvmDescriptor d : jvms) {
            rows.add(List.of(Long.toString(d.pid()), Terminal.line(d.mainClass().isEmpty() ? "-" : d.mainClass()),
                    d.version() == null ? "-" : d.version(),
                    d.uptimeMillis() < 0 ? "-" : Units.elapsed(d.uptimeMillis()),
                    d.heapUsed() < 0 ? "-" : Units.bytes(d.heapUsed()),
                    d.heapMax() < 0 ? "-" : Units.bytes(d.heapMax()),
                    d.attachable() ? "" : "cannot attach: " + d.problem()));
        }
        format.table(List.of("PID", "MAIN CLASS / JAR", "JAVA", "UPTIME", "HEAP USED", "HEAP MAX", "NOTE"), rows,
                new boolean[] {true, false, false, true, true, true, false});
        return 0;
    }
}
