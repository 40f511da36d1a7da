package org.pcpassessor.stats;

/**
 * The sums of the months of one part of a series (its numerators, or its denominators), read once for all the
 * windows a series' figures and tests need: every rolling 12 months, every comparison's sides and the earlier
 * months' tests that count a run.
 *
 * <p>When every value is a whole number and the sum of their magnitudes is under 2<sup>53</sup> (counts, and the
 * numerators and denominators of rates and proportions), every partial sum is exact in a double, so a window's sum
 * is the difference of two running totals, computed once: the same double as summing the window itself
 * ({@link Stats#sum}: with exact partial sums its compensation stays zero). Otherwise (medians of minutes, or a
 * value that is not finite) a window is summed month by month as before, so that no figure changes by the last bit.
 */
final class Sums {
    /** 2^53: up to this magnitude every whole number is a double, and so is every partial sum below it. */
    private static final double EXACT = 9_007_199_254_740_992d;

    private final double[] values;
    /** prefix[k] = values[0] + ... + values[k - 1], when exact; null otherwise. */
    private final double[] prefix;

    /** Sums of {@code values}, which the caller keeps unchanged (a series' own array, not copied). */
    Sums(double[] values) {
        this.values = values;
        this.prefix = runningTotals(values);
    }

    private static double[] runningTotals(double[] values) {
        double[] prefix = new double[values.length + 1];
        double magnitude = 0;
        for (int k = 0; k < values.length; k++) {
            double v = values[k];
            if (!Double.isFinite(v) || v != Math.rint(v)) {
                return null;
            }
            magnitude += Math.abs(v);
            if (magnitude >= EXACT) {
                return null;
            }
            prefix[k + 1] = prefix[k] + v;
        }
        return prefix;
    }

    /** The sum of values[from..to], both inclusive. */
    double sum(int from, int to) {
        if (prefix != null) {
            return prefix[to + 1] - prefix[from];
        }
        return Stats.sum(values, from, to + 1);
    }

    /** Whether a window's sum is a difference of running totals (for tests). */
    boolean exact() {
        return prefix != null;
    }
}
