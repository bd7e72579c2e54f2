package dev.inquest.capture;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.rmi.ssl.SslRMIClientSocketFactory;

/** Makes the JMX connection a {@link JvmConnection} talks through. */
final class Connections {
    private Connections() {
    }

    static JvmConnection local(Target.Local target) {
        long pid = target.pid();
        if (pid == ProcessHandle.current().pid()) {
            throw new CaptureException(target.describe() + " is Inquest itself; choose another JVM");
        }
        if (ProcessHandle.of(pid).isEmpty()) {
            throw new CaptureException(target.describe() + ": no such process");
        }
        // Only a process that says it is a JVM (its perf data file): attaching signals the process
        // (SIGQUIT), which would stop a program that is not a JVM.
        if (VirtualMachine.list().stream().noneMatch(d -> d.id().equals(Long.toString(pid)))) {
            throw new CaptureException(target.describe() + " is not a Java process this user can attach to"
                    + " (a JVM run with -XX:-UsePerfData is not seen here: reach it over JMX)");
        }
        String address;
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException | IOException | RuntimeException e) {
            throw new CaptureException(target.describe() + " " + Jvms.reason(pid, e), e);
        }
        try {
            return new JvmConnection(target, open(address, null));
        } catch (IOException e) {
            throw new CaptureException(target.describe() + ": its JMX agent did not accept the connection ("
                    + e.getMessage() + ")", e);
        }
    }

    static JvmConnection remote(Target.Remote target) {
        String url = "service:jmx:rmi:///jndi/rmi://" + target.describe() + "/jmxrmi";
        Map<String, Object> env = new HashMap<>();
        if (target.tls()) {
            // The registry lookup over TLS too, as the JVM's jmxremote.registry.ssl asks; the
            // connection itself uses the socket factory the server's stub carries.
            env.put("com.sun.jndi.rmi.factory.socket", new SslRMIClientSocketFactory());
        }
        try {
            return new JvmConnection(target, open(url, target.credentials(), env));
        } catch (SecurityException e) {
            throw new CaptureException(target.describe() + ": the JVM refused the credentials (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new CaptureException(target.describe() + ": no JMX connection (" + rootMessage(e)
                    + (target.tls() ? "" : "; if the port uses TLS, connect with TLS") + ")", e);
        }
    }

    static JMXConnector open(String url, Credentials credentials) throws IOException {
        return open(url, credentials, new HashMap<>());
    }

    private static JMXConnector open(String url, Credentials credentials, Map<String, Object> env) throws IOException {
        if (credentials != null) {
            // The password lives in this map for the handshake only; nothing keeps the map.
            env.put(JMXConnector.CREDENTIALS, new String[] {credentials.user(), new String(credentials.password())});
        }
        return JMXConnectorFactory.connect(new JMXServiceURL(url), env);
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return msg == null || msg.isBlank() ? root.getClass().getSimpleName() : root.getClass().getSimpleName() + ": " + msg;
    }
}
