package dev.inquest.capture;

import java.util.Objects;

/** The JVM to capture from: a local process (Attach API) or a remote JVM's JMX port. */
public sealed interface Target {

    /** For messages: "pid 4242", "127.0.0.1:9010". */
    String describe();

    /** A JVM on this machine, run by this user. */
    record Local(long pid) implements Target {
        public Local {
            if (pid <= 0) {
                throw new IllegalArgumentException("a process id is positive, not " + pid);
            }
        }

        @Override
        public String describe() {
            return "pid " + pid;
        }
    }

    /**
     * A JVM with a JMX port ({@code -Dcom.sun.management.jmxremote.port}); {@code tls} when the
     * port is SSL (the JVM's {@code jmxremote.ssl}, the default), credentials null when the port
     * asks for none. Credentials are used for the connection only.
     */
    record Remote(String host, int port, boolean tls, Credentials credentials) implements Target {
        public Remote {
            Objects.requireNonNull(host, "host");
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("a port is between 1 and 65535, not " + port);
            }
        }

        /**
         * {@code host:port} (an IPv6 host in brackets: {@code [::1]:9010}).
         *
         * @throws IllegalArgumentException with the words a user needs when it is not one
         */
        public static Remote parse(String hostPort, boolean tls, Credentials credentials) {
            int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
            if (colon <= 0 || colon == hostPort.length() - 1) {
                throw new IllegalArgumentException("a JMX address is host:port, such as localhost:9010, not '" + hostPort + "'");
            }
            String host = hostPort.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a JMX address is host:port, such as localhost:9010, not '" + hostPort + "'");
            }
            return new Remote(host, port, tls, credentials);
        }

        @Override
        public String describe() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
