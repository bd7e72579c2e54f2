package dev.inquest.concurrent;

/** Small thread helpers shared by the engines. */
public final class Threads {
    private Threads() {
    }

    /**
     * Waits for {@code thread} to end even when interrupted, then restores the interrupt. Used
     * where a helper thread reads memory the caller is about to free: returning early would let
     * the caller close an arena under it.
     */
    public static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
