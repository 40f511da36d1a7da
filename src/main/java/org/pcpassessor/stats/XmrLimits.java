package org.pcpassessor.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.pcpassessor.catalogue.Kind;

/**
 * XmR process limits (Wheeler; NHS England "Making Data Count"): the observed value is "higher" or "lower" when it
 * lies outside mean +/- 2.66 x mean moving range of the expected months (moving ranges screened as in
 * {@link Spc}). For a mean of n observed months (the rolling 12 months against the baseline) the limits narrow by
 * sqrt(n), as the spread of a mean does. The outcome is judged at the limits, three sigma (99.73%), whatever the catalogue's confidence;
 * the statistic is the distance from the mean in sigma units (sigma = mean moving range / 1.128) and the p-value
 * its two-sided normal tail, reported for comparison only.
 */
final class XmrLimits extends NamedMethod {
    static final String NAME = "xmr";
    static final double THREE_SIGMA = 1 - 2 * NormalDistribution.of(0, 1).survivalProbability(3);

    XmrLimits() {
        super(NAME, Kind.values());
    }

    @Override
    public TestResult compare(Sample observed, Sample expected, Sample reference, double confidence) {
        double[] base = Stats.finite(expected.values());
        double x = java.util.Arrays.stream(observed.values()).filter(Double::isFinite).average().orElse(Double.NaN);
        if (base.length < 2 || !Double.isFinite(x)) {
            return TestResult.untested(NAME, x, Double.NaN, THREE_SIGMA, "needs two expected months and a value");
        }
        Spc.Chart chart = Spc.chart(base, Spc.Options.DEFAULT);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mean", chart.mean());
        details.put("lpl", chart.lpl());
        details.put("upl", chart.upl());
        details.put("meanMovingRange", chart.amr());
        details.put("screenedMovingRanges", chart.screened());
        int n = (int) java.util.Arrays.stream(observed.values()).filter(Double::isFinite).count();
        double half = Spc.LIMIT * chart.amr() / Math.sqrt(n);
        details.put("observedMonths", n);
        details.put("limitHalfWidth", half);
        double sigma = chart.amr() / MovingRangeZ.D2 / Math.sqrt(n);
        double z = sigma == 0 ? (x == chart.mean() ? 0 : Math.copySign(Double.POSITIVE_INFINITY, x - chart.mean()))
                : (x - chart.mean()) / sigma;
        double p = Double.isInfinite(z) ? 0 : Stats.twoSidedNormal(z);
        String outcome = x > chart.mean() + half ? TestResult.HIGHER
                : x < chart.mean() - half ? TestResult.LOWER : TestResult.COMPARABLE;
        return new TestResult(NAME, x, chart.mean(), "sigmas", z, p, THREE_SIGMA, outcome, details);
    }

    @Override
    public TestResult compareWithFixed(Sample observed, double benchmark, double confidence) {
        double[] v = Stats.finite(observed.values());
        if (v.length < 2) {
            return TestResult.untested(NAME, Double.NaN, benchmark, THREE_SIGMA, "needs two months");
        }
        Spc.Chart chart = Spc.chart(v, Spc.Options.DEFAULT);
        double half = Spc.LIMIT * chart.amr() / Math.sqrt(v.length);
        double sigma = chart.amr() / MovingRangeZ.D2 / Math.sqrt(v.length);
        double z = sigma == 0 ? 0 : (chart.mean() - benchmark) / sigma;
        String outcome = chart.mean() - benchmark > half ? TestResult.HIGHER
                : benchmark - chart.mean() > half ? TestResult.LOWER : TestResult.COMPARABLE;
        return new TestResult(NAME, chart.mean(), benchmark, "sigmas", z,
                Stats.twoSidedNormal(z), THREE_SIGMA, outcome,
                Map.of("meanMovingRange", chart.amr()));
    }
}
