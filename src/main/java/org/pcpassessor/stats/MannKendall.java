package org.pcpassessor.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Mann-Kendall trend test (Mann 1945, Kendall 1975): S = sum over i < j of sign(x_j - x_i),
 * Var(S) = [n(n-1)(2n+5) - sum over tie groups t(t-1)(2t+5)] / 18, z = (S - sign(S)) / sqrt(Var(S)) (continuity
 * corrected), two-sided normal p-value; with Sen's slope, the median of the pairwise slopes.
 */
final class MannKendall {
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    record Result(double s, double variance, double z, double pValue, double senSlope) {
    }

    private MannKendall() {
    }

    static Result test(double[] x) {
        int n = x.length;
        double s = 0;
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Math.signum(x[j] - x[i]);
                slopes.add((x[j] - x[i]) / (j - i));
            }
        }
        Map<Double, Integer> ties = new TreeMap<>();
        for (double v : x) {
            ties.merge(v, 1, Integer::sum);
        }
        double tieTerm = 0;
        for (int t : ties.values()) {
            tieTerm += t * (t - 1.0) * (2.0 * t + 5);
        }
        double variance = (n * (n - 1.0) * (2.0 * n + 5) - tieTerm) / 18.0;
        double z = variance <= 0 || s == 0 ? 0 : (s - Math.signum(s)) / Math.sqrt(variance);
        double p = variance <= 0 ? 1 : 2 * STANDARD.survivalProbability(Math.abs(z));
        double slope = Stats.median(slopes.stream().mapToDouble(Double::doubleValue).toArray());
        return new Result(s, variance, z, p, slope);
    }
}
