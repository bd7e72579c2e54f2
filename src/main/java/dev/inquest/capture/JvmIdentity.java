package dev.inquest.capture;

import java.time.Instant;

/**
 * Which JVM a capture came from, as a case keeps it.
 *
 * @param pid       the process id (as the JVM reports it: for a remote JVM, on its host)
 * @param host      the host name the JVM runs on, as it reports it
 * @param jmx       the JMX address it was reached at ({@code host:port}), null for a local attach
 * @param mainClass the main class, or the jar for {@code java -jar}
 * @param version   the Java version ({@code java.runtime.version})
 * @param vm        the VM's name and vendor ("OpenJDK 64-Bit Server VM, Eclipse Adoptium")
 * @param started   when the JVM started
 */
public record JvmIdentity(long pid, String host, String jmx, String mainClass, String version, String vm, Instant started) {

    /** For messages: "pid 4242 (com.example.Main)" or "host:port (pid 4242, com.example.Main)". */
    public String describe() {
        String main = mainClass == null || mainClass.isBlank() ? "" : mainClass;
        if (jmx != null) {
            return jmx + " (pid " + pid + (main.isEmpty() ? "" : ", " + main) + ")";
        }
        return "pid " + pid + (main.isEmpty() ? "" : " (" + main + ")");
    }
}
