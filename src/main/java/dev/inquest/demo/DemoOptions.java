package dev.inquest.demo;

/**
 * How big the demo service's leak is.
 *
 * @param ordersBefore orders taken before the baseline dump (each leaks one receipt)
 * @param ordersAfter  orders taken between the two dumps; a multiple of the service's 5 rounds
 */
public record DemoOptions(int ordersBefore, int ordersAfter) {
    /** A few seconds, for tests. */
    public static final DemoOptions SMALL = new DemoOptions(2_000, 10_000);
    /** What a new user runs: dumps of some tens of megabytes, well under a minute. */
    public static final DemoOptions NORMAL = new DemoOptions(20_000, 100_000);

    public DemoOptions {
        if (ordersBefore < 0 || ordersAfter <= 0 || ordersAfter % 5 != 0) {
            throw new IllegalArgumentException("orders after must be a positive multiple of 5: " + ordersAfter);
        }
    }
}
