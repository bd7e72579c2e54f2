import dev.inquest.jfr.Recording;
import dev.inquest.jfr.events.*;
import dev.inquest.progress.Progress;
import java.nio.file.Path;
/**
 * The event browser's pages on a recording, as the window reads them (after the summary it already
 * has): the first page of 200 and every page to a million events, per type; then, on a fresh table,
 * a jump straight to the middle event and the page after it. Usage (after ./mvnw package):
 * java -cp target/inquest.jar bench/jfr/EventsBench.java RECORDING
 */
public class EventsBench {
    public static void main(String[] a) throws Exception {
        try (Recording r = Recording.open(Path.of(a[0]), Progress.NONE)) {
            r.summary(Progress.NONE); // the window has it before the Events tab shows
            for (String type : new String[] {"jdk.ObjectAllocationOutsideTLAB", "jdk.GCPhaseParallel", "jdk.ObjectAllocationSample"}) {
                long t0 = System.nanoTime();
                try (EventTable t = r.events(EventQuery.of(type), Progress.NONE)) {
                    var rows = t.rows(0, 200, Progress.NONE);
                    long t1 = System.nanoTime();
                    long maxPage = 0, t2 = System.nanoTime();
                    for (long from = 200; from < 1_000_000; from += 200) {
                        long p0 = System.nanoTime();
                        if (t.rows(from, 200, Progress.NONE).isEmpty()) break;
                        maxPage = Math.max(maxPage, System.nanoTime() - p0);
                    }
                    long t3 = System.nanoTime();
                    System.out.printf("%s: first page %d ms (%d rows); next pages to 1M: %d ms, slowest page %d ms%n", type,
                            (t1 - t0) / 1_000_000, rows.size(), (t3 - t2) / 1_000_000, maxPage / 1_000_000);
                }
                // A jump straight to the middle of the type's events, on a table of its own (no chunk copied yet),
                // then the next page after it (scrolling on from there).
                try (EventTable t = r.events(EventQuery.of(type), Progress.NONE)) {
                    long size = t.size(Progress.NONE);
                    long j0 = System.nanoTime();
                    var mid = t.rows(size / 2, 200, Progress.NONE);
                    long j1 = System.nanoTime();
                    t.rows(size / 2 + 200, 200, Progress.NONE);
                    long j2 = System.nanoTime();
                    System.out.printf("%s: jump to the middle (event %d of %d): %d ms (%d rows, first #%d), the page after: %d ms%n",
                            type, size / 2, size, (j1 - j0) / 1_000_000, mid.size(), mid.isEmpty() ? -1 : mid.getFirst().index(),
                            (j2 - j1) / 1_000_000);
                }
            }
        }
    }
}
