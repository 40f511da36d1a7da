package org.pcpassessor.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pcpassessor.catalogue.Kind;

/**
 * Compares means with the month-to-month variation estimated as in an XmR chart: sigma = mean moving range /
 * 1.128 (d2 for subgroups of two), over the reference months (the 12 months before the current one).
 * z = (mean(observed) - mean(expected)) / (sigma sqrt(1/n_observed + 1/n_expected)); two-sided normal p-value.
 * Suited to medians and other figures without a sampling model; needs at least three reference months.
 */
final class MovingRangeZ extends NamedMethod {
    static final String NAME = "moving-range-z";
    static final double D2 = 1.128;

    MovingRangeZ() {
        super(NAME, Kind.values());
    }

    @Override
    public TestResult compare(Sample observed, Sample expected, Sample reference, double confidence) {
        double[] a = Stats.finite(observed.values());
        double[] b = Stats.finite(expected.values());
        double[] r = reference.values();
        double oMean = Arrays.stream(a).average().orElse(Double.NaN);
        double eMean = Arrays.stream(b).average().orElse(Double.NaN);
        double mr = Stats.meanMovingRange(r);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("meanMovingRange", mr);
        details.put("sigma", mr / D2);
        details.put("referenceMonths", reference.description());
        if (a.length == 0 || b.length == 0 || !Double.isFinite(mr) || Stats.finite(r).length < 3) {
            return TestResult.untested(NAME, oMean, eMean, confidence, "needs values on both sides and three reference months");
        }
        double sigma = mr / D2;
        if (sigma == 0) {
            return TestResult.judged(NAME, oMean, eMean, "z", 0, oMean == eMean ? 1 : 0, confidence, details);
        }
        double z = (oMean - eMean) / (sigma * Math.sqrt(1.0 / a.length + 1.0 / b.length));
        double p = Stats.twoSidedNormal(z);
        return TestResult.judged(NAME, oMean, eMean, "z", z, p, confidence, details);
    }

    @Override
    public TestResult compareWithFixed(Sample observed, double benchmark, double confidence) {
        double[] a = Stats.finite(observed.values());
        double mr = Stats.meanMovingRange(observed.values());
        double oMean = Arrays.stream(a).average().orElse(Double.NaN);
        if (a.length < 3 || !Double.isFinite(mr)) {
            return TestResult.untested(NAME, oMean, benchmark, confidence, "needs three months");
        }
        double sigma = mr / D2;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("meanMovingRange", mr);
        details.put("sigma", sigma);
        if (sigma == 0) {
            return TestResult.judged(NAME, oMean, benchmark, "z", 0, oMean == benchmark ? 1 : 0, confidence, details);
        }
        double z = (oMean - benchmark) / (sigma / Math.sqrt(a.length));
        double p = Stats.twoSidedNormal(z);
        return TestResult.judged(NAME, oMean, benchmark, "z", z, p, confidence, details);
    }

}
