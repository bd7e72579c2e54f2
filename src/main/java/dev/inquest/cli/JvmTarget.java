package dev.inquest.cli;

import dev.inquest.capture.Credentials;
import dev.inquest.capture.JvmConnection;
import dev.inquest.capture.Jvms;
import dev.inquest.capture.Target;
import dev.inquest.progress.Progress;
import java.io.Console;
import picocli.CommandLine;

/**
 * The JVM a {@code jvm} verb captures from: a local pid, or {@code --jmx host:port} (with
 * {@code --tls} and {@code --user}; the password from {@code INQUEST_JMX_PASSWORD} or asked for on
 * the terminal, never an option a shell history keeps).
 */
final class JvmTarget {
    static final String PASSWORD_VARIABLE = "INQUEST_JMX_PASSWORD";

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "PID", description = "The local JVM's process id (see 'inquest jvm list').")
    Long pid;

    @CommandLine.Option(names = "--jmx", paramLabel = "HOST:PORT", description = "A remote JVM's JMX port instead of a local pid.")
    String jmx;

    @CommandLine.Option(names = "--tls", description = "The JMX port uses TLS (with --jmx).")
    boolean tls;

    @CommandLine.Option(names = "--user", paramLabel = "USER",
            description = "JMX user (with --jmx); the password is read from " + PASSWORD_VARIABLE + " or asked for.")
    String user;

    Target target() {
        if ((pid == null) == (jmx == null)) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "Give a PID or --jmx HOST:PORT (one of them).");
        }
        if (pid != null) {
            if (tls || user != null) {
                throw new CommandLine.ParameterException(mixee.commandLine(), "--tls and --user go with --jmx, not with a PID.");
            }
            if (pid <= 0) {
                throw new CommandLine.ParameterException(mixee.commandLine(), "A PID is a positive number, not " + pid + ".");
            }
            return new Target.Local(pid);
        }
        try {
            return Target.Remote.parse(jmx, tls, user == null ? null : new Credentials(user, password()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(), "--jmx: " + e.getMessage() + ".");
        }
    }

    boolean remote() {
        return jmx != null;
    }

    private char[] password() {
        String env = System.getenv(PASSWORD_VARIABLE);
        if (env != null) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new CommandLine.ParameterException(mixee.commandLine(),
                    "--user needs a password: set " + PASSWORD_VARIABLE + " (no terminal to ask on).");
        }
        char[] typed = console.readPassword("JMX password for %s: ", user);
        return typed == null ? new char[0] : typed;
    }

    JvmConnection connect(Progress progress) {
        return Jvms.connect(target(), progress);
    }
}
