package org.pcpassessor.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pcpassessor.catalogue.Kind;

/**
 * The alternative methods against values computed independently with Python 3.11 / SciPy 1.17.1 (NumPy
 * 2.4.6); each expectation names the computation.
 */
class MoreMethodsTest {
    private static final YearMonth M = YearMonth.of(2020, 1);
    private static final double[] A = {100, 120, 90, 110, 130, 95, 105, 115, 125, 85, 100, 110};
    private static final double[] B = {90, 95, 85, 100, 80, 92, 88, 97, 83, 91, 86, 89};

    private static Sample counts(double... v) {
        double[] ones = new double[v.length];
        Arrays.fill(ones, 1);
        return new Sample(Kind.COUNT, M, M.plusMonths(v.length - 1L), v, ones, "test");
    }

    private static Sample ratio(double x, double n) {
        return new Sample(Kind.PROPORTION, M, M, new double[] {x}, new double[] {n}, "test");
    }

    @Test
    void quasiPoissonInflatesTheVarianceByThePearsonDispersion() {
        // phi = max(1, sum over sides of sum((y - mean)^2 / mean) / sum(n - 1)) = 1.0900471160332588;
        // z = (x1/12 - x2/12) / sqrt(phi (x1/144 + x2/144)) = 4.119795486413472; p = 2 norm.sf(z) = 3.7920883393890004e-05
        TestResult r = new QuasiPoisson().compare(counts(A), counts(B), null, 0.95);
        assertEquals(1.0900471160332588, (double) r.details().get("dispersion"), 1e-12);
        assertEquals(4.119795486413472, r.statistic(), 1e-9);
        assertEquals(3.7920883393890004e-05, r.pValue(), 1e-12);
    }

    @Test
    void quasiPoissonUsesTheCommonRateSoAMonthOfZeroIsNotCertain() {
        // 0 against 12 months totalling 8: r = 8/13, z = (0 - 8/12) / sqrt(1 x r x (1 + 1/12)) = -0.8164965809277259,
        // p = 2 norm.sf(|z|) = 0.41421617824252516 (NumPy/SciPy)
        double[] months = {1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1};
        TestResult r = new QuasiPoisson().compare(counts(0), counts(months), null, 0.95);
        assertEquals(1.0, (double) r.details().get("dispersion"), 0);
        assertEquals(-0.8164965809277259, r.statistic(), 1e-12);
        assertEquals("comparable", r.outcome());
    }

    @Test
    void quasiPoissonNeverShrinksBelowPoisson() {
        double[] flat = new double[12];
        Arrays.fill(flat, 100);
        assertEquals(1.0, QuasiPoisson.dispersion(counts(flat), counts(flat)), 0);
    }

    @Test
    void squareRootTestComparesRootsOfMonthlyMeans() {
        // m2 = mean(B) = 89.6667; z = 2 (sqrt(150) - sqrt(m2)) / sqrt(1/1 + 1/12) = 5.338416903385137;
        // p = 2 norm.sf(z) = 9.376166187797287e-08
        TestResult r = new SquareRoot().compare(counts(150), counts(B), null, 0.95);
        assertEquals(5.338416903385137, r.statistic(), 1e-9);
        assertEquals(9.376166187797287e-08, r.pValue(), 1e-14);
        assertEquals("higher", r.outcome());
    }

    @Test
    void fisherExactMatchesScipy() {
        // scipy.stats.fisher_exact([[3, 7], [10, 5]]).pvalue = 0.11070130569390227
        assertEquals(0.11070130569390227, new FisherExact().compare(ratio(3, 10), ratio(10, 15), null, 0.95).pValue(),
                1e-12);
        // scipy.stats.fisher_exact([[4, 11], [1, 20]]).pvalue = 0.13797905525846701
        assertEquals(0.13797905525846701, new FisherExact().compare(ratio(4, 15), ratio(1, 21), null, 0.95).pValue(),
                1e-12);
        // scipy.stats.binomtest(3, 10, 0.6).pvalue = 0.1011192832
        assertEquals(0.1011192832, new FisherExact().compareWithFixed(ratio(3, 10), 0.6, 0.95).pValue(), 1e-10);
    }

    @Test
    void theDefaultForProportionsTurnsExactWhenAnExpectedCellIsUnderFive() {
        // expected cells of [[3, 7], [10, 5]]: 13 x 10 / 25 = 5.2, 12 x 10 / 25 = 4.8 < 5 -> Fisher's exact test
        assertEquals("fisher-exact", new ProportionOrFisher().compare(ratio(3, 10), ratio(10, 15), null, 0.95).method());
        assertEquals("two-proportion-z", new ProportionOrFisher().compare(ratio(30, 100), ratio(100, 150), null, 0.95)
                .method());
    }

    @Test
    void xmrJudgesAtTheProcessLimitsOfTheExpectedMonths() {
        // B: mean 89.6667; moving ranges 5,10,15,20,12,4,9,14,8,5,3 -> mean 9.5455 (none screened: all < 3.267 x);
        // limits 89.6667 +/- 2.66 x 9.5455 = 64.2758 .. 115.0576 (worked by hand)
        TestResult in = new XmrLimits().compare(counts(110), counts(B), null, 0.95);
        assertEquals("comparable", in.outcome());
        assertEquals(115.0576, (double) in.details().get("upl"), 1e-4);
        assertEquals(64.2758, (double) in.details().get("lpl"), 1e-4);
        assertEquals("higher", new XmrLimits().compare(counts(116), counts(B), null, 0.95).outcome());
        assertEquals(0.9973, in.confidence(), 1e-4);
    }
}
