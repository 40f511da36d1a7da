package org.pcpassessor.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pcpassessor.catalogue.Kind;

/**
 * The pooled two-proportion z-test: p1 = x1/n1 and p2 = x2/n2 summed over each side's months,
 * z = (p1 - p2) / sqrt(p (1 - p) (1/n1 + 1/n2)) with p = (x1 + x2)/(n1 + n2); two-sided normal p-value.
 * Against a fixed benchmark p0: z = (p1 - p0) / sqrt(p0 (1 - p0) / n1).
 * Untested when a side's numerator is outside 0..denominator (a month of net negative outcomes) or a
 * denominator is zero.
 */
final class TwoProportionZ extends NamedMethod {
    static final String NAME = "two-proportion-z";

    TwoProportionZ() {
        super(NAME, Kind.RATE, Kind.PROPORTION);
    }

    @Override
    public TestResult compare(Sample observed, Sample expected, Sample reference, double confidence) {
        double x1 = observed.sumNumerators();
        double n1 = observed.sumDenominators();
        double x2 = expected.sumNumerators();
        double n2 = expected.sumDenominators();
        Map<String, Object> details = Sample.ratioDetails(observed, expected);
        if (n1 == 0 || n2 == 0) {
            return TestResult.untested(NAME, Double.NaN, Double.NaN, confidence, "a denominator is zero");
        }
        double p1 = x1 / n1;
        double p2 = x2 / n2;
        if (p1 < 0 || p1 > 1 || p2 < 0 || p2 > 1) {
            return TestResult.untested(NAME, p1, p2, confidence,
                    "a proportion outside 0..1 (numerator " + (p1 < 0 || p1 > 1 ? x1 : x2) + ")");
        }
        double pooled = (x1 + x2) / (n1 + n2);
        details.put("pooledProportion", pooled);
        double se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        if (se == 0) {
            return TestResult.judged(NAME, p1, p2, "z", 0, 1, confidence, details);
        }
        double z = (p1 - p2) / se;
        double p = Stats.twoSidedNormal(z);
        return TestResult.judged(NAME, p1, p2, "z", z, p, confidence, details);
    }

    @Override
    public TestResult compareWithFixed(Sample observed, double benchmark, double confidence) {
        double x1 = observed.sumNumerators();
        double n1 = observed.sumDenominators();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("observedNumerator", x1);
        details.put("observedDenominator", n1);
        details.put("benchmarkProportion", benchmark);
        if (n1 == 0) {
            return TestResult.untested(NAME, Double.NaN, benchmark, confidence, "the denominator is zero");
        }
        double p1 = x1 / n1;
        if (benchmark <= 0 || benchmark >= 1 || p1 < 0 || p1 > 1) {
            return TestResult.untested(NAME, p1, benchmark, confidence, "a proportion outside 0..1");
        }
        double z = (p1 - benchmark) / Math.sqrt(benchmark * (1 - benchmark) / n1);
        double p = Stats.twoSidedNormal(z);
        return TestResult.judged(NAME, p1, benchmark, "z", z, p, confidence, details);
    }
}
