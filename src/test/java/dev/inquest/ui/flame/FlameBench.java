package dev.inquest.ui.flame;

import dev.inquest.jfr.render.FlameIndex;
import dev.inquest.jfr.render.FlameSearch;
import dev.inquest.jfr.render.FlameTransforms;
import dev.inquest.jfr.render.Frame;
import dev.inquest.jfr.render.SampleProfiles;
import dev.inquest.jfr.render.WeightUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

/**
 * Frame times of the flame graph canvas on a sampled 100,000-frame tree (run by
 * bench/flame/run.sh, not by the test suite). For each width and zoom level it redraws many times
 * and reports the median and 95th percentile of (a) the draw call on the FX thread, which is what
 * makes the UI lag, and (b) draw plus a snapshot, which forces the software pipeline to rasterise.
 */
public final class FlameBench {
    public static void main(String[] args) throws Exception {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        long t0 = System.nanoTime();
        Frame tree = SampleProfiles.sampled(nodes, 42);
        long tBuild = System.nanoTime() - t0;
        System.out.printf(Locale.ROOT, "tree: %,d frames, depth %d, built in %.0f ms%n", tree.count(),
                FlameIndex.of(tree).maxDepth(), tBuild / 1e6);
        timeOnce("index (flatten)", () -> FlameIndex.of(tree));
        timeOnce("reverse", () -> FlameTransforms.reverse(tree));
        System.out.printf(Locale.ROOT, "  (reversed tree: %,d frames)%n", FlameTransforms.reverse(tree).count());
        timeOnce("collapse recursion", () -> FlameTransforms.collapseRecursion(tree));
        timeOnce("prune 0.1 %", () -> FlameTransforms.prune(tree, 0.001));
        timeOnce("search 'C1[0-9]'", () -> FlameSearch.of(FlameIndex.of(tree), java.util.regex.Pattern.compile("C1[0-9]")));

        System.out.println();
        System.out.println("width  zoom                 drawn  draw p50  draw p95  +raster p50  +raster p95   (ms)");
        for (int width : new int[] {800, 1600, 2560}) {
            run(() -> {
                FlameCanvas canvas = new FlameCanvas();
                StackPane root = new StackPane(canvas);
                new Scene(root, width, 900);
                root.applyCss();
                root.layout();
                canvas.setTree(tree, WeightUnit.SAMPLES);
                FlameIndex index = canvas.index();
                // Zoom targets: the root, and the widest frame at depth 2, 5 and 10 (a realistic drill-down).
                List<Integer> targets = new ArrayList<>(List.of(0));
                for (int depth : new int[] {2, 5, 10}) {
                    int best = -1;
                    for (int i = 0; i < index.count(); i++) {
                        if (index.depth(i) == depth && (best < 0 || index.total(i) > index.total(best))) {
                            best = i;
                        }
                    }
                    if (best >= 0) {
                        targets.add(best);
                    }
                }
                for (int target : targets) {
                    canvas.zoomTo(target);
                    int[] drawn = {0};
                    canvas.geometry().layout(index, (i, x, y, w, h) -> drawn[0]++);
                    double[] draw = new double[reps];
                    double[] raster = new double[reps];
                    for (int k = 0; k < reps + 5; k++) {
                        // Alternate a small pan so each redraw differs, as when dragging.
                        canvas.panBy(k % 2 == 0 ? 3 : -3);
                        long a = System.nanoTime();
                        canvas.draw();
                        long b = System.nanoTime();
                        canvas.canvas().snapshot(null, null);
                        long c = System.nanoTime();
                        if (k >= 5) {
                            draw[k - 5] = (b - a) / 1e6;
                            raster[k - 5] = (c - a) / 1e6;
                        }
                    }
                    String zoom = target == 0 ? "root" : "depth " + index.depth(target) + " ("
                            + String.format(Locale.ROOT, "%.1f", 100.0 * index.total(target) / index.total(0)) + " %)";
                    System.out.printf(Locale.ROOT, "%5d  %-18s %7d  %8.2f  %8.2f  %11.2f  %11.2f%n", width, zoom, drawn[0],
                            pct(draw, 50), pct(draw, 95), pct(raster, 50), pct(raster, 95));
                }
                // Ctrl+wheel zoom steps from the root down to a 1/1000 range and back.
                canvas.resetZoom();
                double[] zoomTimes = new double[60];
                for (int k = 0; k < 60; k++) {
                    long a = System.nanoTime();
                    canvas.zoomAround(width * 0.37, k < 30 ? 0.8 : 1.25);
                    zoomTimes[k] = (System.nanoTime() - a) / 1e6;
                }
                System.out.printf(Locale.ROOT, "%5d  %-18s %7s  %8.2f  %8.2f%n", width, "ctrl+wheel steps", "-", pct(zoomTimes, 50), pct(zoomTimes, 95));
            });
        }
        Platform.exit();
    }

    private static void timeOnce(String what, Runnable r) {
        r.run();  // warm up
        long a = System.nanoTime();
        r.run();
        System.out.printf(Locale.ROOT, "%-20s %8.1f ms%n", what, (System.nanoTime() - a) / 1e6);
    }

    private static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    private static void run(Runnable r) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Platform.runLater(() -> {
            try {
                r.run();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        done.await();
        if (failure.get() != null) {
            throw new RuntimeException(failure.get());
        }
    }
}
