package dev.inquest.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Remembers the phases of one long piece of work as they come (name, time taken, the current
 * one's fraction) and estimates the time left, so a watcher can show more than one line: the
 * window's page of an opening dump lists the phases done with their times and the one under way.
 *
 * <p>The estimate starts from a prior (the work's expected length, e.g. from a dump's size) and
 * is refined as phases finish: each phase has a known share of the whole, so the time the shares
 * done so far took says how long the remaining shares will. Phases not in the table (a note such
 * as "(on disk, ...)" after a known name still matches it) count as no share.
 *
 * <p>Written by the work's thread, read by any: every method is synchronized.
 */
public final class PhaseLog {
    /** A phase seen so far: {@code millis} is its time until now while it is the current one. */
    public record Phase(String name, long millis, double fraction, boolean done) {
    }

    /** What a watcher shows: the phases in order (the last one under way unless finished) and the time left. */
    public record Snapshot(List<Phase> phases, long elapsedMillis, OptionalLong remainingMillis, boolean finished) {
        /** The phase under way, or null before the first and after the end. */
        public Phase current() {
            return finished || phases.isEmpty() ? null : phases.getLast();
        }

        /**
         * The whole work's share done, 0..1, as the time so far over the time so far and left;
         * empty while there is no estimate. The one figure every watcher shows (issue 18: the
         * status bar read "Dominators 0 %", the phase's own share, while the opening page's bar,
         * this figure, was half full).
         */
        public OptionalDouble overall() {
            if (finished) {
                return OptionalDouble.of(1);
            }
            if (remainingMillis.isEmpty()) {
                return OptionalDouble.empty();
            }
            long whole = elapsedMillis + remainingMillis.getAsLong();
            return OptionalDouble.of(whole > 0 ? Math.min(1, (double) elapsedMillis / whole) : 0);
        }

        /**
         * One line for a status bar: the phase under way and the whole work's share done
         * ("Dominators  ·  48 % done"); the phase's name alone while there is no estimate, since a
         * phase's own share (a phase of unknown length reads 0 %) says nothing of the whole.
         *
         * @param title what to say before the first phase ("Opening after.hprof")
         */
        public String headline(String title) {
            Phase now = current();
            String what = now != null ? now.name() : finished && !phases.isEmpty() ? phases.getLast().name() : title;
            OptionalDouble share = overall();
            if (share.isEmpty()) {
                return what;
            }
            // Whole percent, to the nearest: the shares add up to whole percents, and the estimate's
            // rounding put them a hair either side ("56 %" in one watcher, "57 %" in the other).
            // "100 %" only once the work is over.
            long percent = finished ? 100 : Math.min(99, Math.round(share.getAsDouble() * 100));
            return what + "  \u00b7  " + percent + " % done";
        }
    }

    /** Below this share of the work done, the prior says more than the measured rate. */
    private static final double TRUST_MEASURED = 0.08;

    private final Map<String, Double> shares;
    private long priorMillis;
    private final LongSupplier clock;
    private final long start;
    private final List<String> names = new ArrayList<>();
    private final List<Long> starts = new ArrayList<>();
    private final List<Long> ends = new ArrayList<>();
    private long done;
    private long total = -1;
    private boolean finished;
    private long finishedAt;

    /**
     * @param shares      the known phases' shares of the whole (they need not add up to one exactly)
     * @param priorMillis the expected length of the whole work before any phase has run
     */
    public PhaseLog(Map<String, Double> shares, long priorMillis) {
        this(shares, priorMillis, () -> System.nanoTime() / 1_000_000);
    }

    /** With a clock in milliseconds, for tests. */
    public PhaseLog(Map<String, Double> shares, long priorMillis, LongSupplier clockMillis) {
        this.shares = Map.copyOf(shares);
        this.priorMillis = priorMillis;
        this.clock = clockMillis;
        this.start = clockMillis.getAsLong();
    }

    /** Sets the expected length of the whole work (known only once the work has looked at its input). */
    public synchronized void expect(long millis) {
        this.priorMillis = millis;
    }

    /** {@code progress} that also reports to this log; cancelling stays {@code progress}'s. */
    public Progress watching(Progress progress) {
        return new Progress() {
            @Override
            public void phase(String name, long total, Unit unit) {
                PhaseLog.this.phase(name, total);
                progress.phase(name, total, unit);
            }

            @Override
            public void progress(long done) {
                PhaseLog.this.progress(done);
                progress.progress(done);
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }
        };
    }

    public synchronized void phase(String name, long total) {
        long now = clock.getAsLong();
        if (!ends.isEmpty() && ends.getLast() < 0) {
            ends.set(ends.size() - 1, now);
        }
        names.add(name);
        starts.add(now);
        ends.add(-1L);
        this.total = total;
        this.done = 0;
    }

    public synchronized void progress(long done) {
        this.done = done;
    }

    /** The work is over: the last phase ends now. */
    public synchronized void finish() {
        long now = clock.getAsLong();
        if (!ends.isEmpty() && ends.getLast() < 0) {
            ends.set(ends.size() - 1, now);
        }
        finished = true;
        finishedAt = now;
    }

    public synchronized Snapshot snapshot() {
        long now = finished ? finishedAt : clock.getAsLong();
        List<Phase> out = new ArrayList<>();
        // A phase may come twice (a step repeated under the same name): its share counts once, at its latest.
        Map<String, Double> fractions = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            boolean over = ends.get(i) >= 0;
            double fraction = over ? 1 : total > 0 ? Math.min(1, (double) done / total) : 0;
            long millis = (over ? ends.get(i) : now) - starts.get(i);
            fractions.put(names.get(i), fraction);
            out.add(new Phase(names.get(i), millis, fraction, over));
        }
        double shareDone = 0;
        for (var e : fractions.entrySet()) {
            shareDone += share(e.getKey()) * e.getValue();
        }
        long elapsed = now - start;
        OptionalLong remaining;
        if (finished) {
            remaining = OptionalLong.of(0);
        } else {
            double whole = totalShare();
            double left = Math.max(0, whole - shareDone);
            if (shareDone >= TRUST_MEASURED * whole && elapsed > 0) {
                remaining = OptionalLong.of(Math.round(elapsed / shareDone * left));
            } else if (priorMillis > 0) {
                // Early on: the prior, less what has passed (never below what the measured rate says).
                long fromPrior = Math.max(0, priorMillis - elapsed);
                long fromRate = shareDone > 0 ? Math.round(elapsed / shareDone * left) : 0;
                remaining = OptionalLong.of(Math.max(fromPrior, Math.min(fromRate, priorMillis)));
            } else {
                remaining = OptionalLong.empty();
            }
        }
        return new Snapshot(List.copyOf(out), elapsed, remaining, finished);
    }

    private double totalShare() {
        return shares.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The share of a phase by its name or the known name it starts with ("Scanning heap records (on disk, ...)"). */
    double share(String name) {
        Double s = shares.get(name);
        if (s != null) {
            return s;
        }
        for (var e : shares.entrySet()) {
            if (name.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return 0;
    }
}
