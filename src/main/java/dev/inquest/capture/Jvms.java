package dev.inquest.capture;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import dev.inquest.progress.Progress;
import java.io.IOException;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;

/**
 * The door of the capture engine: the JVMs on this machine, and a connection to one (local or
 * remote) to take captures from.
 */
public final class Jvms {
    /** How long {@link #list()} waits for a JVM to answer before it lists it as not answering. */
    public static final Duration LIST_TIMEOUT = Duration.ofSeconds(10);

    private Jvms() {
    }

    /** {@link #list(Duration)} with {@link #LIST_TIMEOUT}. */
    public static List<JvmDescriptor> list() {
        return list(LIST_TIMEOUT);
    }

    /**
     * The JVMs this user can see on this machine, this process left out, by pid. Each is asked
     * for its version and heap (attaching, and starting its local JMX agent, as VisualVM and JMC
     * do), all at once; one that cannot be attached, or does not answer within {@code timeout},
     * is listed with the reason.
     */
    public static List<JvmDescriptor> list(Duration timeout) {
        long self = ProcessHandle.current().pid();
        List<VirtualMachineDescriptor> found = VirtualMachine.list();
        List<CompletableFuture<JvmDescriptor>> probes = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        List<AtomicReference<JvmDescriptor>> partial = new ArrayList<>();
        for (VirtualMachineDescriptor vmd : found) {
            long pid;
            try {
                pid = Long.parseLong(vmd.id());
            } catch (NumberFormatException e) {
                continue; // not a process id: a provider of another kind
            }
            if (pid == self) {
                continue;
            }
            pids.add(pid);
            // Virtual threads: a JVM that never answers keeps one cheap thread, not the caller.
            // The probe publishes what it knows as it goes: a slow JMX agent costs the heap figures, not the JVM.
            CompletableFuture<JvmDescriptor> probe = new CompletableFuture<>();
            AtomicReference<JvmDescriptor> known = new AtomicReference<>();
            Thread.ofVirtual().name("inquest-jvm-probe-" + pid).start(() -> {
                try {
                    probe.complete(probe(vmd, pid, known));
                } catch (Throwable t) {
                    probe.complete(unattachable(pid, vmd.displayName(), reason(pid, t)));
                }
            });
            probes.add(probe);
            partial.add(known);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JvmDescriptor> out = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            long pid = pids.get(i);
            try {
                out.add(probes.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                JvmDescriptor soFar = partial.get(i).get();
                out.add(soFar != null ? soFar : unattachable(pid, found.get(indexOf(found, pid)).displayName(),
                        "did not answer within " + timeout.toSeconds() + " s"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("cancelled");
            } catch (ExecutionException e) {
                out.add(unattachable(pid, "", reason(pid, e.getCause())));
            }
        }
        out.sort(Comparator.comparingLong(JvmDescriptor::pid));
        return out;
    }

    /**
     * Connects to a JVM to take captures from it: a local one through the Attach API (which starts
     * its local JMX agent), a remote one through its JMX port.
     *
     * @throws CaptureException when it cannot be reached, in words naming the JVM and the reason
     */
    public static JvmConnection connect(Target target, Progress progress) {
        progress.phase("Connecting to " + target.describe(), -1, Progress.Unit.ITEMS);
        return switch (target) {
            case Target.Local local -> Connections.local(local);
            case Target.Remote remote -> Connections.remote(remote);
        };
    }

    private static int indexOf(List<VirtualMachineDescriptor> found, long pid) {
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i).id().equals(Long.toString(pid))) {
                return i;
            }
        }
        return 0;
    }

    private static JvmDescriptor probe(VirtualMachineDescriptor vmd, long pid, AtomicReference<JvmDescriptor> known)
            throws Exception {
        VirtualMachine vm = VirtualMachine.attach(vmd);
        String version;
        String command;
        String address;
        try {
            Properties props = vm.getSystemProperties();
            version = Optional.ofNullable(props.getProperty("java.runtime.version")).orElse(props.getProperty("java.version"));
            command = props.getProperty("sun.java.command", vmd.displayName());
            known.set(new JvmDescriptor(pid, Names.mainClassOf(command), version, uptime(pid), -1, -1, null));
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        long used = -1;
        long max = -1;
        long uptime = uptime(pid);
        try (JMXConnector c = Connections.open(address, null)) {
            MBeanServerConnection mbs = c.getMBeanServerConnection();
            MemoryUsage heap = JMX.newMXBeanProxy(mbs, new ObjectName("java.lang:type=Memory"), MemoryMXBean.class)
                    .getHeapMemoryUsage();
            used = heap.getUsed();
            max = heap.getMax();
            uptime = JMX.newMXBeanProxy(mbs, new ObjectName("java.lang:type=Runtime"), RuntimeMXBean.class).getUptime();
        } catch (IOException | RuntimeException e) {
            // The heap is "when it can be read": the JVM is listed, attachable, without it.
        }
        return new JvmDescriptor(pid, Names.mainClassOf(command), version, uptime, used, max, null);
    }

    private static JvmDescriptor unattachable(long pid, String displayName, String reason) {
        return new JvmDescriptor(pid, Names.mainClassOf(displayName), null, uptime(pid), -1, -1, reason);
    }

    private static long uptime(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant())
                .map(s -> Math.max(0, Duration.between(s, Instant.now()).toMillis())).orElse(-1L);
    }

    /** Why a local JVM cannot be attached, in words. */
    static String reason(long pid, Throwable t) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return "has exited";
        }
        String me = System.getProperty("user.name");
        Optional<String> user = process.get().info().user();
        if (user.isPresent() && me != null && !user.get().equals(me) && !"root".equals(me)) {
            return "runs as another user (" + user.get() + ")";
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        if (t instanceof AttachNotSupportedException) {
            return "cannot be attached (" + msg + "; attach may be disabled with -XX:+DisableAttachMechanism)";
        }
        if (t instanceof SecurityException) {
            return "attach refused (" + msg + ")";
        }
        return "cannot be attached (" + msg + ")";
    }
}
