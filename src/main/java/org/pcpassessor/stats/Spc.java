package org.pcpassessor.stats;

import java.util.Arrays;

/**
 * Statistical process control of a monthly series, as in NHS England's "Making Data Count" and its R
 * implementation NHSRplotthedots: an XmR chart whose process limits are mean +/- 2.66 x mean moving range
 * (optionally after screening out moving ranges of 3.267 x the mean moving range or more, then recomputing the
 * mean moving range), and four special-cause rules:
 * <ol>
 * <li>a point outside the process limits;</li>
 * <li>a shift: {@code shift} or more consecutive points on the same side of the mean (a point on the mean breaks
 * the run);</li>
 * <li>a trend: {@code trend} or more consecutive points each higher (or each lower) than the one before (an equal
 * point breaks the run);</li>
 * <li>two of three consecutive points between two thirds of the way to a limit and the limit, on the same side of
 * the mean.</li>
 * </ol>
 * A point is special cause when it is part of any of these.
 */
public final class Spc {
    /** Scaling constants of the XmR chart: 3 / d2 with d2 = 1.128, and the screening limit D4 = 3.267. */
    public static final double LIMIT = 2.66;
    public static final double SCREEN = 3.267;

    /** The rule settings; the defaults are NHSRplotthedots'. */
    public record Options(int shift, int trend, boolean screen) {
        public static final Options DEFAULT = new Options(7, 7, true);

        public Options {
            if (shift < 2 || trend < 2) {
                throw new IllegalArgumentException("runs need at least 2 points: shift " + shift + ", trend " + trend);
            }
        }
    }

    /**
     * The chart of a series and, per point, the special-cause rules it is part of.
     *
     * @param ghost     per point, whether it was left out of the mean, limits and rules (shown, not read)
     * @param amr       mean moving range used for the limits (after screening)
     * @param lpl       the lower process limit, within what the measure can take
     * @param screened  how many moving ranges the screening left out
     */
    public record Chart(double[] values, boolean[] ghost, double mean, double amr, double lpl, double upl, double nearLower,
                        double nearUpper, int screened, boolean[] outside, boolean[] shift, boolean[] trend,
                        boolean[] twoOfThree) {

        public boolean special(int i) {
            return outside[i] || shift[i] || trend[i] || twoOfThree[i];
        }

        /** Which rules point i is part of, in a stable order. */
        public java.util.List<String> rules(int i) {
            java.util.List<String> r = new java.util.ArrayList<>();
            if (outside[i]) {
                r.add("outside limits");
            }
            if (shift[i]) {
                r.add("shift");
            }
            if (trend[i]) {
                r.add("trend");
            }
            if (twoOfThree[i]) {
                r.add("two of three near a limit");
            }
            return r;
        }

        /** How many points were read (not ghosted). */
        public int readPoints() {
            int n = 0;
            for (boolean g : ghost) {
                n += g ? 0 : 1;
            }
            return n;
        }

        /** +1 above the mean, -1 below, 0 on it. */
        public int side(int i) {
            return (int) Math.signum(values[i] - mean);
        }

        /**
         * How many points in a row, ending with point i, lie on its side of the mean: "the ninth month in a row", so
         * a ghosted point (a month not read: missing data, an excluded event) ends the run, and the count is of
         * consecutive months; 0 for a point on the mean or ghosted. The run cannot reach past the chart's first
         * point: some read point of the chart lies on or across its own mean.
         */
        public int runOnSide(int i) {
            int s = side(i);
            if (ghost[i] || s == 0) {
                return 0;
            }
            int n = 0;
            for (int k = i; k >= 0; k--) {
                if (ghost[k] || side(k) != s) {
                    break;
                }
                n++;
            }
            return n;
        }
    }

    private Spc() {
    }

    /** The chart of the values (at least two); non-finite values are not allowed here: drop them first. */
    public static Chart chart(double[] values, Options options) {
        return chart(values, new boolean[values.length], options, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /**
     * The chart of the values, with some months ghosted and the limits kept within what the measure can take.
     * Ghosted months (a lockdown, zeros that are missing data: Making Data Count's and PowerBI-SPC's "ghosting") are
     * shown but left out of the mean, of the moving ranges (the range is taken between the months on either side of
     * them) and of every special-cause rule, and are never special cause themselves. The process limits are then
     * clamped to [{@code lower}, {@code upper}] (0 for counts, 0 and 1 for proportions): a count cannot fall below 0,
     * so a month of 0 is never "below the range" of a chart whose lower limit would be negative.
     *
     * @param ghost  per value, whether it is ghosted; at least two values must not be
     */
    public static Chart chart(double[] values, boolean[] ghost, Options options, double lower, double upper) {
        if (ghost.length != values.length) {
            throw new IllegalArgumentException("a ghost flag per value");
        }
        int[] kept = java.util.stream.IntStream.range(0, values.length).filter(i -> !ghost[i]).toArray();
        if (kept.length < 2) {
            throw new IllegalArgumentException("an XmR chart needs at least two points that are not ghosted");
        }
        double[] y = new double[kept.length];
        for (int k = 0; k < kept.length; k++) {
            y[k] = values[kept[k]];
        }
        double mean = Arrays.stream(y).average().orElseThrow();
        double[] mr = new double[y.length - 1];
        for (int i = 1; i < y.length; i++) {
            mr[i - 1] = Math.abs(y[i] - y[i - 1]);
        }
        double amr = Arrays.stream(mr).average().orElseThrow();
        int screened = 0;
        if (options.screen()) {
            double cut = SCREEN * amr;
            double[] below = Arrays.stream(mr).filter(m -> m < cut).toArray();
            screened = below.length == 0 ? 0 : mr.length - below.length;
            // All moving ranges equal to a zero mean: nothing is below the cut, keep them (the range is zero).
            amr = below.length == 0 ? amr : Arrays.stream(below).average().orElseThrow();
        }
        double lpl = Math.min(upper, Math.max(lower, mean - LIMIT * amr));
        double upl = Math.max(lower, Math.min(upper, mean + LIMIT * amr));
        double nearLower = mean - 2 * (LIMIT / 3) * amr;
        double nearUpper = mean + 2 * (LIMIT / 3) * amr;
        int n = y.length;
        boolean[] outside = new boolean[n];
        boolean[] close = new boolean[n];
        int[] side = new int[n];
        for (int i = 0; i < n; i++) {
            outside[i] = y[i] > upl || y[i] < lpl;
            close[i] = !outside[i] && (y[i] < nearLower || y[i] > nearUpper);
            side[i] = (int) Math.signum(y[i] - mean);
        }
        boolean[] shift = partOf(runsOnOneSide(side, options.shift()), options.shift());
        boolean[] trend = partOf(trendEnds(y, options.trend()), options.trend());
        boolean[] twoOfThree = partOfTwoInThree(twoInThree(close, side), close);
        return new Chart(values.clone(), ghost.clone(), mean, amr, lpl, upl, nearLower, nearUpper, screened,
                spread(outside, kept, values.length), spread(shift, kept, values.length),
                spread(trend, kept, values.length), spread(twoOfThree, kept, values.length));
    }

    /** Flags of the kept points, placed back among all the points (a ghosted point is never flagged). */
    private static boolean[] spread(boolean[] flags, int[] kept, int n) {
        boolean[] out = new boolean[n];
        for (int k = 0; k < kept.length; k++) {
            out[kept[k]] = flags[k];
        }
        return out;
    }

    /**
     * For each point, +1/-1 when it ends a run of {@code length} points on the same side of the mean (0
     * otherwise): NHSRplotthedots' {@code ptd_seven_point_one_side_mean} for length 7.
     */
    static int[] runsOnOneSide(int[] side, int length) {
        int[] out = new int[side.length];
        for (int i = length - 1; i < side.length; i++) {
            boolean same = side[i] != 0;
            for (int k = 1; k < length && same; k++) {
                same = side[i - k] == side[i];
            }
            out[i] = same ? side[i] : 0;
        }
        return out;
    }

    /**
     * For each point, +1/-1 when it ends {@code length} points each higher (lower) than the one before:
     * NHSRplotthedots' {@code ptd_seven_point_trend} for length 7.
     */
    static int[] trendEnds(double[] y, int length) {
        int[] out = new int[y.length];
        for (int i = length - 1; i < y.length; i++) {
            int direction = (int) Math.signum(y[i] - y[i - 1]);
            boolean same = direction != 0;
            for (int k = 1; k < length - 1 && same; k++) {
                same = (int) Math.signum(y[i - k] - y[i - k - 1]) == direction;
            }
            out[i] = same ? direction : 0;
        }
        return out;
    }

    /** A point is part of a run when it or one of the next length-1 points ends one: {@code ptd_part_of_seven_trend}. */
    static boolean[] partOf(int[] ends, int length) {
        boolean[] out = new boolean[ends.length];
        for (int i = 0; i < ends.length; i++) {
            for (int k = 0; k < length && i + k < ends.length && !out[i]; k++) {
                out[i] = ends[i + k] != 0;
            }
        }
        return out;
    }

    /**
     * For each point, whether some window of three consecutive points containing it has at least two points close
     * to a limit and all three on the same side of the mean: {@code ptd_two_in_three}.
     */
    static boolean[] twoInThree(boolean[] close, int[] side) {
        int n = close.length;
        boolean[] out = new boolean[n];
        for (int start = 0; start + 2 < n; start++) {
            int closeCount = 0;
            int sideSum = 0;
            for (int k = 0; k < 3; k++) {
                closeCount += close[start + k] ? 1 : 0;
                sideSum += side[start + k];
            }
            if (closeCount >= 2 && Math.abs(sideSum) == 3) {
                out[start] = true;
                out[start + 1] = true;
                out[start + 2] = true;
            }
        }
        return out;
    }

    /** Only the close points of a two-in-three window are special cause: {@code ptd_part_of_two_in_three}. */
    static boolean[] partOfTwoInThree(boolean[] windows, boolean[] close) {
        boolean[] out = new boolean[close.length];
        for (int i = 0; i < close.length; i++) {
            out[i] = windows[i] && close[i];
        }
        return out;
    }
}
