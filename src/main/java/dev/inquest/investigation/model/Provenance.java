package dev.inquest.investigation.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * Where an artifact came from when Inquest took it from a running JVM (issue 21): which JVM, when,
 * and the command that does the same by hand. Never holds credentials: a JMX address at most.
 *
 * @param pid         the JVM's process id (on its host)
 * @param host        the host it runs on, as it reports it
 * @param jmx         the JMX address it was reached at ({@code host:port}), null for a local attach
 * @param mainClass   its main class or jar
 * @param javaVersion its Java version
 * @param vm          its VM name and vendor
 * @param taken       when the capture started
 * @param command     the equivalent command ({@code jcmd 4242 GC.heap_dump ...})
 */
@JsonPropertyOrder({"pid", "host", "jmx", "mainClass", "javaVersion", "vm", "taken", "command"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(long pid, String host, String jmx, String mainClass, String javaVersion, String vm,
        Instant taken, String command) {

    /** The JVM in words: "pid 4242 (com.example.Main)" or "host:9010 (pid 4242, com.example.Main)". */
    @JsonIgnore
    public String jvm() {
        String main = mainClass == null || mainClass.isBlank() ? "" : mainClass;
        if (jmx != null) {
            return jmx + " (pid " + pid + (main.isEmpty() ? "" : ", " + main) + ")";
        }
        return "pid " + pid + (main.isEmpty() ? "" : " (" + main + ")");
    }
}
