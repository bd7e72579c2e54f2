package dev.inquest.jfr.read.rules;

import java.util.List;

/** Score curves and the straight-line fit the rules share. */
final class Scores {
    private Scores() {
    }

    /**
     * Piecewise-linear score of {@code x} through the points {@code (x0, s0, x1, s1, ...)}, x
     * ascending; flat beyond the ends.
     */
    static double interp(double x, double... points) {
        if (x <= points[0]) {
            return points[1];
        }
        for (int i = 2; i < points.length; i += 2) {
            if (x <= points[i]) {
                double x0 = points[i - 2];
                double s0 = points[i - 1];
                return s0 + (points[i + 1] - s0) * (x - x0) / (points[i] - x0);
            }
        }
        return points[points.length - 1];
    }

    /**
     * A least-squares line through points (seconds, value).
     *
     * @param slope     value per second
     * @param r2        the coefficient of determination, 0..1: how much of the variation the line explains
     * @param first     the line's value at the first point
     * @param last      the line's value at the last point
     * @param spanSeconds from the first point to the last
     */
    record Line(double slope, double r2, double first, double last, double spanSeconds, int n) {
        static Line fit(List<double[]> points) {
            int n = points.size();
            double sx = 0;
            double sy = 0;
            for (double[] p : points) {
                sx += p[0];
                sy += p[1];
            }
            double mx = sx / n;
            double my = sy / n;
            double sxx = 0;
            double sxy = 0;
            double syy = 0;
            for (double[] p : points) {
                double dx = p[0] - mx;
                double dy = p[1] - my;
                sxx += dx * dx;
                sxy += dx * dy;
                syy += dy * dy;
            }
            double slope = sxx == 0 ? 0 : sxy / sxx;
            double r2 = sxx == 0 || syy == 0 ? 0 : (sxy * sxy) / (sxx * syy);
            double x0 = points.getFirst()[0];
            double x1 = points.getLast()[0];
            return new Line(slope, r2, my + slope * (x0 - mx), my + slope * (x1 - mx), x1 - x0, n);
        }
    }
}
