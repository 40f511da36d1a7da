package org.pcpassessor.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MannKendallTest {
    @Test
    void statisticVarianceAndPValueMatchAnIndependentComputation() {
        // Python 3.11 / SciPy 1.17.1: S = sum(sign(x[j] - x[i])) = 13; Var = n(n-1)(2n+5)/18 = 28.3333;
        // z = (S - 1)/sqrt(Var) = 2.2544074479065386; p = 2 * scipy.stats.norm.sf(z) = 0.024170547174545247;
        // (cross-check: scipy.stats.kendalltau(range(6), x).statistic = 0.8667 = 13/15); Sen's slope = 1.5
        MannKendall.Result r = MannKendall.test(new double[] {10, 12, 11, 15, 16, 18});
        assertEquals(13, r.s(), 0);
        assertEquals(28.333333333333332, r.variance(), 1e-12);
        assertEquals(2.2544074479065386, r.z(), 1e-12);
        assertEquals(0.024170547174545247, r.pValue(), 1e-12);
        assertEquals(1.5, r.senSlope(), 1e-12);
    }

    @Test
    void aFlatSeriesHasNoTrend() {
        MannKendall.Result r = MannKendall.test(new double[] {5, 5, 5, 5, 5, 5});
        assertEquals(0, r.s(), 0);
        assertEquals(1.0, r.pValue(), 0);
    }
}
