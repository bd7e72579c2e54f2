package dev.inquest.link;

import dev.inquest.format.Units;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which of several open heap dumps a link from a recording goes to, and the sentence saying why.
 * A recording explains how the heap got where it is at its end, so the dump to look in is the one
 * taken at the recording's end or nearest after it: first the dumps taken during or after the
 * recording, nearest to its end first; then those taken before it started, latest first; then
 * those whose header has no time. On equal distance the later dump wins (it has seen everything
 * the recording saw), then the one opened first. Going to the first dump opened instead sent users
 * to the baseline, where the objects the recording allocated late were not yet (issue 18).
 *
 * <p>Before all of that, a dump the case (or an open comparison) names as the baseline yields to
 * any other open dump: the baseline is what the others are compared with, not what the recording
 * explains. With only baselines open, one of them is chosen and the reason says it is the baseline.
 *
 * @param <T> the caller's handle on a dump (the window's document), carried through untouched
 */
public final class DumpChoice<T> {
    /** What the case or the window says a dump is for. */
    public enum Role {
        /** The earlier dump others are compared with. */
        BASELINE,
        OTHER
    }

    /**
     * A recording's time span, from its chunks; either end may be unknown (null).
     */
    public record Span(Instant start, Instant end) {
        /** No times known: the choice falls back to roles and the order the dumps were opened in. */
        public static final Span UNKNOWN = new Span(null, null);

        /** From a recording summary's start and duration. */
        public static Span of(Instant start, long durationMillis) {
            return start == null ? UNKNOWN : new Span(start, start.plusMillis(Math.max(0, durationMillis)));
        }
    }

    /**
     * One open dump.
     *
     * @param taken when the JVM wrote it (its HPROF header's time), or null
     */
    public record Candidate<T>(T dump, String name, Instant taken, Role role) {
        public Candidate {
            Objects.requireNonNull(dump, "dump");
            Objects.requireNonNull(name, "name");
            role = role == null ? Role.OTHER : role;
        }
    }

    private final List<Candidate<T>> ranked;
    private final String reason;

    private DumpChoice(List<Candidate<T>> ranked, String reason) {
        this.ranked = List.copyOf(ranked);
        this.reason = reason;
    }

    /**
     * Ranks the open dumps (in the order they were opened) for a link from a recording spanning
     * {@code recording}; null when there is none.
     */
    public static <T> DumpChoice<T> rank(Span recording, List<Candidate<T>> dumps) {
        if (dumps.isEmpty()) {
            return null;
        }
        Span span = recording == null ? Span.UNKNOWN : recording;
        Instant end = span.end() != null ? span.end() : span.start();
        List<Candidate<T>> order = new ArrayList<>(dumps);
        Comparator<Candidate<T>> byTier = Comparator.comparingInt(c -> tier(span, end, c));
        Comparator<Candidate<T>> byDistance = Comparator.comparingLong(c -> c.taken() == null || end == null ? 0
                : Math.abs(Duration.between(end, c.taken()).toMillis()));
        Comparator<Candidate<T>> laterFirst = Comparator.comparing(c -> c.taken() == null ? Instant.MIN : c.taken(),
                Comparator.reverseOrder());
        // List.sort is stable: the order of opening decides what nothing else does.
        Comparator<Candidate<T>> notBaselineFirst = Comparator.comparing(c -> c.role() == Role.BASELINE);
        order.sort(notBaselineFirst.thenComparing(byTier).thenComparing(byDistance).thenComparing(laterFirst));
        return new DumpChoice<>(order, reason(span, end, order));
    }

    /** 0: during or after the recording; 1: before it; 2: no time to compare. */
    private static int tier(Span span, Instant end, Candidate<?> c) {
        if (c.taken() == null || end == null) {
            return 2;
        }
        Instant start = span.start() != null ? span.start() : end;
        return c.taken().isBefore(start) ? 1 : 0;
    }

    private static <T> String reason(Span span, Instant end, List<Candidate<T>> order) {
        Candidate<T> c = order.getFirst();
        String role;
        if (c.role() == Role.BASELINE) {
            role = order.size() == 1 ? "; it is the baseline, the only dump open" : "; it is the baseline, as are the others open";
        } else {
            // Named whenever one is open: the user sees the link did not go there, and why.
            role = order.stream().filter(o -> o.role() == Role.BASELINE).findFirst()
                    .map(b -> "; the baseline is " + b.name()).orElse("");
        }
        if (end == null) {
            return "the recording has no time to match" + (role.isEmpty() ? "; the first dump opened" : role);
        }
        if (c.taken() == null) {
            // Only a timed baseline can stand ahead of it in time: then it alone lacks one.
            String none = order.stream().anyMatch(o -> o.taken() != null) ? "no time in its header" : "no dump has a time in its header";
            return none + (role.isEmpty() ? "; the first dump opened" : role);
        }
        long ms = Duration.between(end, c.taken()).toMillis();
        String when;
        if (ms == 0) {
            when = "taken as the recording ends";
        } else if (ms > 0) {
            when = "taken " + Units.elapsed(ms) + " after the recording ends";
        } else if (span.start() == null || !c.taken().isBefore(span.start())) {
            when = "taken during the recording, " + Units.elapsed(ms) + " before it ends";
        } else {
            // Only a dump that could have been chosen counts: a baseline from later is not one.
            boolean laterBaseline = order.stream().anyMatch(o -> o.role() == Role.BASELINE && o.role() != c.role()
                    && tier(span, end, o) == 0);
            when = "taken " + Units.elapsed(Duration.between(c.taken(), span.start()).toMillis())
                    + " before the recording starts" + (laterBaseline ? ""
                    : "; no open dump is from during or after it");
        }
        return when + role;
    }

    /**
     * The same dumps with {@code dump} first, as when the user follows an offer: the reason then
     * names the dump the recording matched, so the window does not pass the other one off as it.
     */
    public DumpChoice<T> instead(T dump) {
        Candidate<T> best = chosen();
        if (best.dump().equals(dump)) {
            return this;
        }
        Candidate<T> asked = ranked.stream().filter(c -> c.dump().equals(dump)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not one of the open dumps: " + dump));
        List<Candidate<T>> order = new ArrayList<>(ranked);
        order.remove(asked);
        order.addFirst(asked);
        return new DumpChoice<>(order, "as asked; the recording matches " + best.name() + ", " + reason);
    }

    /** The dumps, best first. */
    public List<Candidate<T>> ranked() {
        return ranked;
    }

    /** The dump the link goes to. */
    public Candidate<T> chosen() {
        return ranked.getFirst();
    }

    /** The other open dumps, best first: what the window offers beside the choice. */
    public List<Candidate<T>> others() {
        return ranked.subList(1, ranked.size());
    }

    /** Why the chosen dump: "taken 2.0 s after the recording ends". */
    public String reason() {
        return reason;
    }

    /**
     * What the window says on following the link: "Showing in after.hprof (taken 2.0 s after the
     * recording ends); also open: baseline.hprof".
     */
    public String notice(String verb) {
        return verb + " " + chosen().name() + " (" + reason + ")"
                + (others().isEmpty() ? "" : "; also open: " + others().stream().map(Candidate::name).collect(Collectors.joining(", ")));
    }
}
