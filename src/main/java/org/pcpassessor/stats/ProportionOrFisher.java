package org.pcpassessor.stats;

import org.pcpassessor.catalogue.Kind;

/**
 * The default for rates and proportions: the pooled two-proportion z-test, or Fisher's exact test when any
 * expected cell of the 2x2 table is under 5 (Cochran's rule, where the normal approximation is poor). The result
 * names the method actually used.
 */
final class ProportionOrFisher extends NamedMethod {
    static final String NAME = "two-proportion";
    static final double MIN_EXPECTED = 5;
    private final SignificanceMethod z = new TwoProportionZ();
    private final SignificanceMethod exact = new FisherExact();

    ProportionOrFisher() {
        super(NAME, Kind.RATE, Kind.PROPORTION);
    }

    @Override
    public TestResult compare(Sample observed, Sample expected, Sample reference, double confidence) {
        double x1 = observed.sumNumerators();
        double n1 = observed.sumDenominators();
        double x2 = expected.sumNumerators();
        double n2 = expected.sumDenominators();
        double n = n1 + n2;
        double x = x1 + x2;
        boolean small = n > 0 && Math.min(Math.min(n1 * x / n, n1 * (n - x) / n),
                Math.min(n2 * x / n, n2 * (n - x) / n)) < MIN_EXPECTED;
        return (small ? exact : z).compare(observed, expected, reference, confidence);
    }

    @Override
    public TestResult compareWithFixed(Sample observed, double benchmark, double confidence) {
        double n = observed.sumDenominators();
        boolean small = Math.min(n * benchmark, n * (1 - benchmark)) < MIN_EXPECTED;
        return (small ? exact : z).compareWithFixed(observed, benchmark, confidence);
    }
}
