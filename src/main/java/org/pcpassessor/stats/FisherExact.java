package org.pcpassessor.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.pcpassessor.catalogue.Kind;

/**
 * Fisher's exact test of the 2x2 table [x1, n1 - x1; x2, n2 - x2] (Commons Statistics FisherExactTest, two-sided:
 * the sum of the hypergeometric probabilities of tables no more likely than the one observed); the statistic is
 * the conditional maximum likelihood odds ratio. For proportions with small numbers (an expected cell under 5).
 * Against a fixed benchmark it is the exact binomial test of x1 of n1 at the benchmark proportion.
 */
final class FisherExact extends NamedMethod {
    static final String NAME = "fisher-exact";

    FisherExact() {
        super(NAME, Kind.RATE, Kind.PROPORTION);
    }

    @Override
    public TestResult compare(Sample observed, Sample expected, Sample reference, double confidence) {
        long x1 = Math.round(observed.sumNumerators());
        long n1 = Math.round(observed.sumDenominators());
        long x2 = Math.round(expected.sumNumerators());
        long n2 = Math.round(expected.sumDenominators());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("observedNumerator", (double) x1);
        details.put("observedDenominator", (double) n1);
        details.put("expectedNumerator", (double) x2);
        details.put("expectedDenominator", (double) n2);
        if (n1 == 0 || n2 == 0) {
            return TestResult.untested(NAME, Double.NaN, Double.NaN, confidence, "a denominator is zero");
        }
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        if (x1 < 0 || x2 < 0 || x1 > n1 || x2 > n2) {
            return TestResult.untested(NAME, p1, p2, confidence, "a proportion outside 0..1");
        }
        int[][] table = {{(int) x1, (int) (n1 - x1)}, {(int) x2, (int) (n2 - x2)}};
        var r = FisherExactTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED).test(table);
        return TestResult.judged(NAME, p1, p2, "odds ratio", r.getStatistic(), r.getPValue(), confidence, details);
    }

    @Override
    public TestResult compareWithFixed(Sample observed, double benchmark, double confidence) {
        long x = Math.round(observed.sumNumerators());
        long n = Math.round(observed.sumDenominators());
        if (n == 0 || x < 0 || x > n || benchmark <= 0 || benchmark >= 1) {
            return TestResult.untested(NAME, n == 0 ? Double.NaN : (double) x / n, benchmark, confidence,
                    "needs 0 <= numerator <= denominator and a benchmark between 0 and 1");
        }
        double p = org.apache.commons.statistics.inference.BinomialTest.withDefaults()
                .with(AlternativeHypothesis.TWO_SIDED).test((int) n, (int) x, benchmark).getPValue();
        return TestResult.judged(NAME, (double) x / n, benchmark, "successes", x, p, confidence,
                Map.of("observedNumerator", (double) x, "observedDenominator", (double) n));
    }
}
