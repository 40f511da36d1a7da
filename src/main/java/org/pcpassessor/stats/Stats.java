package org.pcpassessor.stats;

import java.util.Arrays;

/** Small descriptive helpers used by several figures. */
final class Stats {
    private Stats() {
    }

    private static final org.apache.commons.statistics.distribution.NormalDistribution STANDARD =
            org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);

    /**
     * The sum of the values, by the compensated (Kahan) summation of {@code DoubleStream.sum()} in Java 17
     * ({@code Collectors.sumWithCompensation} and {@code computeFinalSum}), step for step, so that every figure is
     * the same double as before, without a stream for each of the many sums a series needs.
     */
    static double sum(double[] values) {
        return sum(values, 0, values.length);
    }

    /** {@link #sum(double[])} of values[from], ..., values[to - 1]. */
    static double sum(double[] values, int from, int to) {
        double sum = 0;
        double compensation = 0;
        double simple = 0;
        for (int i = from; i < to; i++) {
            double value = values[i];
            double tmp = value - compensation;
            double velvel = sum + tmp;
            compensation = (velvel - sum) - tmp;
            sum = velvel;
            simple += value;
        }
        double total = sum - compensation;
        return Double.isNaN(total) && Double.isInfinite(simple) ? simple : total;
    }

    /** The finite values, in order (months without a value, such as a rate over a zero denominator, left out). */
    static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    /** Two-sided p-value of a standard normal statistic. */
    static double twoSidedNormal(double z) {
        return 2 * STANDARD.survivalProbability(Math.abs(z));
    }

    /** Median of the finite values; NaN when there are none. */
    static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /** Mean absolute difference of consecutive finite values; NaN with fewer than two. */
    static double meanMovingRange(double[] values) {
        double sum = 0;
        int n = 0;
        for (int i = 1; i < values.length; i++) {
            if (Double.isFinite(values[i]) && Double.isFinite(values[i - 1])) {
                sum += Math.abs(values[i] - values[i - 1]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
