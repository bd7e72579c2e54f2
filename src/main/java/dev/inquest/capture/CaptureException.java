package dev.inquest.capture;

/**
 * A capture that could not be made, in words a user can act on: which JVM, what went wrong
 * ("pid 4242: the JVM exited during the heap dump; no file was kept"). Not a bug: the faces show
 * the message as it is (the command line exits 1).
 */
public class CaptureException extends RuntimeException {
    public CaptureException(String message) {
        super(message);
    }

    public CaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
