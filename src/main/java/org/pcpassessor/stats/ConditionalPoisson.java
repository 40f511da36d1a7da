package org.pcpassessor.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;
import org.pcpassessor.catalogue.Kind;

/**
 * The exact conditional test of two Poisson rates (Przyborowski and Wilenski 1940; the "C-test" of Gu et al.
 * 2008): given x1 events in t1 months and x2 in t2 months, under equal monthly rates x1 is
 * Binomial(x1 + x2, t1 / (t1 + t2)). Two-sided exact binomial p-value (Commons Statistics BinomialTest, which
 * sums the probabilities of outcomes no more likely than the one observed, as R's binom.test does).
 * Against a fixed benchmark, the exact Poisson test of x1 with mean equal to the benchmark scaled to t1 months.
 */
final class ConditionalPoisson extends NamedMethod {
    static final String NAME = "c-test";

    ConditionalPoisson() {
        super(NAME, Kind.COUNT);
    }

    @Override
    public TestResult compare(Sample observed, Sample expected, Sample reference, double confidence) {
        double x1 = observed.sumNumerators();
        double x2 = expected.sumNumerators();
        int t1 = observed.months();
        int t2 = expected.months();
        // Both sides on the observed side's exposure: a total against a total, a month against an average month.
        double expectedOnObserved = x2 * t1 / t2;
        Map<String, Object> details = Sample.countDetails(observed, expected);
        double p0 = (double) t1 / (t1 + t2);
        details.put("binomialN", x1 + x2);
        details.put("binomialP", p0);
        if (x1 + x2 == 0) {
            return TestResult.judged(NAME, x1, expectedOnObserved, "rate ratio", Double.NaN, 1.0, confidence, details);
        }
        double p = BinomialTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED)
                .test((int) (x1 + x2), (int) x1, p0).getPValue();
        double ratio = x2 == 0 ? Double.POSITIVE_INFINITY : x1 / expectedOnObserved;
        return TestResult.judged(NAME, x1, expectedOnObserved, "rate ratio", ratio, p, confidence, details);
    }

    @Override
    public TestResult compareWithFixed(Sample observed, double benchmark, double confidence) {
        double x = observed.sumNumerators();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("observedTotal", x);
        details.put("observedMonths", observed.months());
        details.put("poissonMean", benchmark);
        if (benchmark <= 0) {
            return TestResult.untested(NAME, x, benchmark, confidence, "the fixed benchmark is not positive");
        }
        PoissonDistribution d = PoissonDistribution.of(benchmark);
        // Two-sided exact Poisson p-value: the probability of outcomes no more likely than x (as R's poisson.test).
        double px = d.probability((int) x);
        double relErr = 1 + 1e-7;
        double p = 0;
        int mode = (int) Math.floor(benchmark);
        if (x >= benchmark) {
            p += d.survivalProbability((int) x - 1);
            int k = mode;
            while (k >= 0 && d.probability(k) > px * relErr) {
                k--;
            }
            p += k >= 0 ? d.cumulativeProbability(k) : 0;
        } else {
            p += d.cumulativeProbability((int) x);
            int k = mode;
            while (d.probability(k) > px * relErr) {
                k++;
            }
            p += d.survivalProbability(k - 1);
        }
        return TestResult.judged(NAME, x, benchmark, "rate ratio", x / benchmark, Math.min(1, p), confidence,
                details);
    }
}
