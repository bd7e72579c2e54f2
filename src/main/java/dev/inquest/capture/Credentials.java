package dev.inquest.capture;

import java.util.Arrays;

/**
 * A remote JVM's JMX user and password. Held only as long as a connection is made: nothing in this
 * package stores or prints them ({@link #toString()} hides the password).
 */
public record Credentials(String user, char[] password) {
    public Credentials {
        password = password == null ? new char[0] : password.clone();
    }

    @Override
    public char[] password() {
        return password.clone();
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=***]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && java.util.Objects.equals(user, c.user) && Arrays.equals(password, c.password);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(user, Arrays.hashCode(password));
    }
}
