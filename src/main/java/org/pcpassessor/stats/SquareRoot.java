package org.pcpassessor.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pcpassessor.catalogue.Kind;

/**
 * The square-root test for counts: a Poisson count's square root has a variance close to 1/4 whatever its mean
 * (Bartlett 1936; Anscombe 1948), so the mean monthly counts of two periods compare as
 * z = 2 (sqrt(m1) - sqrt(m2)) / sqrt(1/t1 + 1/t2), m = total / months, t = months; two-sided normal p-value.
 * Plain Poisson variation: for overdispersed series prefer quasi-poisson or xmr.
 */
final class SquareRoot extends NamedMethod {
    static final String NAME = "sqrt";

    SquareRoot() {
        super(NAME, Kind.COUNT);
    }

    @Override
    public TestResult compare(Sample observed, Sample expected, Sample reference, double confidence) {
        int t1 = observed.months();
        int t2 = expected.months();
        double m1 = observed.sumNumerators() / t1;
        double m2 = expected.sumNumerators() / t2;
        double z = 2 * (Math.sqrt(m1) - Math.sqrt(m2)) / Math.sqrt(1.0 / t1 + 1.0 / t2);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("observedMonthlyMean", m1);
        details.put("expectedMonthlyMean", m2);
        return TestResult.judged(NAME, m1 * t1, m2 * t1, "z", z, Stats.twoSidedNormal(z),
                confidence, details);
    }

    @Override
    public TestResult compareWithFixed(Sample observed, double benchmark, double confidence) {
        int t = observed.months();
        double m = observed.sumNumerators() / t;
        double z = 2 * (Math.sqrt(m) - Math.sqrt(benchmark / t)) * Math.sqrt(t);
        return TestResult.judged(NAME, m * t, benchmark, "z", z, Stats.twoSidedNormal(z),
                confidence, Map.of("observedMonthlyMean", m));
    }
}
