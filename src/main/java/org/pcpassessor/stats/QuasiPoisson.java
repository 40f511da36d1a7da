package org.pcpassessor.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pcpassessor.catalogue.Kind;

/**
 * Two Poisson rates with overdispersion (quasi-Poisson; McCullagh and Nelder 1989, section 6.2): the variance of a
 * count is phi times its mean, with phi estimated from the monthly counts themselves, the Pearson statistic
 * sum((y - mean)^2 / mean) over each side's months divided by its degrees of freedom (months - 1 per side), and
 * floored at 1. The score form of the test: z = (x1/t1 - x2/t2) / sqrt(phi r (1/t1 + 1/t2)), r = (x1 + x2) /
 * (t1 + t2) the common monthly rate under the null hypothesis (so a month of 0 is not given a variance of 0);
 * two-sided normal p-value. With one month on a side, only the other side's months estimate phi; with none to
 * spare, phi = 1 (the plain Poisson score test).
 */
final class QuasiPoisson extends NamedMethod {
    static final String NAME = "quasi-poisson";

    QuasiPoisson() {
        super(NAME, Kind.COUNT);
    }

    static double dispersion(Sample... samples) {
        double pearson = 0;
        int df = 0;
        for (Sample s : samples) {
            int months = s.months();
            if (months < 2) {
                continue;
            }
            double mean = s.sumNumerators() / months;
            if (mean <= 0) {
                continue;
            }
            for (int k = 0; k < months; k++) {
                double v = s.numerator(k);
                pearson += (v - mean) * (v - mean) / mean;
            }
            df += months - 1;
        }
        return df == 0 ? 1 : Math.max(1, pearson / df);
    }

    @Override
    public TestResult compare(Sample observed, Sample expected, Sample reference, double confidence) {
        double x1 = observed.sumNumerators();
        double x2 = expected.sumNumerators();
        int t1 = observed.months();
        int t2 = expected.months();
        double phi = dispersion(observed, expected);
        Map<String, Object> details = Sample.countDetails(observed, expected);
        details.put("dispersion", phi);
        double expectedOnObserved = x2 * t1 / t2;
        double common = (x1 + x2) / (t1 + t2);
        double variance = phi * common * (1.0 / t1 + 1.0 / t2);
        if (variance <= 0) {
            return TestResult.judged(NAME, x1, expectedOnObserved, "z", 0, 1, confidence, details);
        }
        double z = (x1 / t1 - x2 / t2) / Math.sqrt(variance);
        return TestResult.judged(NAME, x1, expectedOnObserved, "z", z, Stats.twoSidedNormal(z),
                confidence, details);
    }

    @Override
    public TestResult compareWithFixed(Sample observed, double benchmark, double confidence) {
        double x = observed.sumNumerators();
        double phi = dispersion(observed);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("observedTotal", x);
        details.put("dispersion", phi);
        if (benchmark <= 0) {
            return TestResult.untested(NAME, x, benchmark, confidence, "the fixed benchmark is not positive");
        }
        double z = (x - benchmark) / Math.sqrt(phi * benchmark);
        return TestResult.judged(NAME, x, benchmark, "z", z, Stats.twoSidedNormal(z), confidence,
                details);
    }
}
