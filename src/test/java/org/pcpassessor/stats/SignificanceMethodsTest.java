package org.pcpassessor.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pcpassessor.catalogue.Basis;
import org.pcpassessor.catalogue.Kind;

/**
 * Each p-value and statistic here was computed independently with SciPy 1.17.1 (Python 3.11, NumPy 2.4.6);
 * the call is given beside each expectation.
 */
class SignificanceMethodsTest {
    private static final YearMonth M = YearMonth.of(2020, 1);

    private static Sample counts(double... values) {
        double[] ones = new double[values.length];
        Arrays.fill(ones, 1);
        return new Sample(Kind.COUNT, M, M.plusMonths(values.length - 1L), values, ones, "test");
    }

    private static Sample ratio(Kind kind, double numerator, double denominator) {
        return new Sample(kind, M, M, new double[] {numerator}, new double[] {denominator}, "test");
    }

    private static Sample medians(double... values) {
        double[] ones = new double[values.length];
        Arrays.fill(ones, 1);
        return new Sample(Kind.MEDIAN, M, M.plusMonths(values.length - 1L), values, ones, "test");
    }

    @Test
    void conditionalPoissonTestOfTwoEqualPeriodsIsTheExactBinomialTestAtOneHalf() {
        // DA recorded crime, rolling 12 months 12,037 against the 2019/20 baseline 10,660 (12 months each).
        // scipy.stats.binomtest(12037, 22697, 0.5).pvalue = 6.468305840389162e-20
        TestResult r = new ConditionalPoisson().compare(counts(12037), counts(10660), null, 0.95);
        assertEquals(6.468305840389162e-20, r.pValue(), 1e-30);
        assertEquals(12037.0 / 10660.0, r.statistic(), 1e-12);
        assertEquals("higher", r.outcome());
    }

    @Test
    void conditionalPoissonTestWeighsOneMonthAgainstTwelve() {
        // December 2020 (1,057) against December 2019 to November 2020 (12,003 in 12 months): p0 = 1/13.
        // scipy.stats.binomtest(1057, 13060, 1/13).pvalue = 0.08767943211340548
        double[] twelve = new double[12];
        Arrays.fill(twelve, 12003.0 / 12);
        twelve[0] += 12003 - Arrays.stream(twelve).sum();
        TestResult r = new ConditionalPoisson().compare(counts(1057), counts(twelve), null, 0.95);
        assertEquals(0.08767943211340548, r.pValue(), 1e-12);
        assertEquals(1000.25, r.expected(), 1e-9);
        assertEquals("comparable", r.outcome());
    }

    @Test
    void conditionalPoissonTestOnSmallCountsIsExact() {
        // Modern Slavery, rolling 12 months 86 against 68: scipy.stats.binomtest(86, 154, 0.5).pvalue
        assertEquals(0.1705165486081881, new ConditionalPoisson().compare(counts(86), counts(68), null, 0.95)
                .pValue(), 1e-12);
        // scipy.stats.binomtest(11, 19, 0.5).pvalue = 0.6476058959960938
        assertEquals(0.6476058959960938, new ConditionalPoisson().compare(counts(11), counts(8), null, 0.95)
                .pValue(), 1e-12);
    }

    @Test
    void exactPoissonTestAgainstAFixedBenchmarkMatchesRsDefinition() {
        // R's poisson.test two-sided p: the sum of dpois(k, lambda) over k with dpois(k) <= dpois(x) * (1 + 1e-7),
        // computed in Python with scipy.stats.poisson.pmf over k = 0..150:
        // x = 30, lambda = 20 -> 0.03262993635221009; x = 12, lambda = 20 -> 0.0733455147490028
        assertEquals(0.03262993635221009, new ConditionalPoisson().compareWithFixed(counts(30), 20, 0.95)
                .pValue(), 1e-12);
        assertEquals(0.0733455147490028, new ConditionalPoisson().compareWithFixed(counts(12), 20, 0.95)
                .pValue(), 1e-12);
    }

    @Test
    void twoProportionZTestPoolsBothSides() {
        // 1,444/12,037 against 1,097/10,660; by hand: p = 2541/22697, se = sqrt(p(1-p)(1/12037 + 1/10660)),
        // z = (1444/12037 - 1097/10660) / se = 4.067043485146697; 2 * scipy.stats.norm.sf(z) = 4.76133608525952e-05
        TestResult r = new TwoProportionZ().compare(ratio(Kind.RATE, 1444, 12037), ratio(Kind.RATE, 1097, 10660),
                null, 0.95);
        assertEquals(4.067043485146697, r.statistic(), 1e-9);
        assertEquals(4.76133608525952e-05, r.pValue(), 1e-12);
        assertEquals("higher", r.outcome());
        // 109/1,057 against 1,431/12,003: z = -1.5557628386259768, p = 0.11976449782787021
        TestResult c = new TwoProportionZ().compare(ratio(Kind.RATE, 109, 1057), ratio(Kind.RATE, 1431, 12003),
                null, 0.95);
        assertEquals(-1.5557628386259768, c.statistic(), 1e-9);
        assertEquals(0.11976449782787021, c.pValue(), 1e-12);
        assertEquals("comparable", c.outcome());
    }

    @Test
    void oneProportionZTestAgainstAFixedBenchmark() {
        // z = (1444/12037 - 0.103) / sqrt(0.103 * 0.897 / 12037) = 6.122917080909813; p = 9.18775148275455e-10
        TestResult r = new TwoProportionZ().compareWithFixed(ratio(Kind.RATE, 1444, 12037), 0.103, 0.95);
        assertEquals(6.122917080909813, r.statistic(), 1e-9);
        assertEquals(9.18775148275455e-10, r.pValue(), 1e-15);
    }

    @Test
    void aMonthOfNetNegativeOutcomesIsNotTestedAsAProportion() {
        // Rape, December 2019: -2 outcomes over 52 crimes (-3.8% in the Victims report's table).
        TestResult r = new TwoProportionZ().compare(ratio(Kind.RATE, 5, 65), ratio(Kind.RATE, -2, 52), null, 0.95);
        assertEquals("untested", r.outcome());
    }

    @Test
    void mannWhitneyOnMonthlyMediansIsExactWithoutTies() {
        // scipy.stats.mannwhitneyu(a, b, alternative='two-sided', method='exact') -> U = 0.0, p = 7.39602301050679e-07
        double[] a = {174, 187, 192, 123, 77, 73, 85, 90, 101, 95, 88, 80};
        double[] b = {261, 311, 249, 285, 241, 210, 199, 230, 222, 205, 215, 240};
        TestResult r = new MannWhitney().compare(medians(a), medians(b), null, 0.95);
        assertEquals(0.0, r.statistic(), 0);
        assertEquals(7.39602301050679e-07, r.pValue(), 1e-15);
        assertEquals("lower", r.outcome());
        // [5,7,9,11,13] against [6,8,10,12,14,16]: U = 10.0, p = 0.42857142857142855
        TestResult s = new MannWhitney().compare(medians(5, 7, 9, 11, 13), medians(6, 8, 10, 12, 14, 16), null, 0.95);
        assertEquals(10.0, s.statistic(), 0);
        assertEquals(0.42857142857142855, s.pValue(), 1e-12);
    }

    @Test
    void oneSampleTTestOfMonthlyMediansAgainstAFixedBenchmark() {
        // scipy.stats.ttest_1samp([200, 210, 190, 220, 205], 195) -> t = 2.0, p = 0.11611652351681556
        TestResult r = new MannWhitney().compareWithFixed(medians(200, 210, 190, 220, 205), 195, 0.95);
        assertEquals(2.0, r.statistic(), 1e-12);
        assertEquals(0.11611652351681556, r.pValue(), 1e-12);
    }

    @Test
    void movingRangeZUsesTheXmrSigma() {
        // By hand: reference 100,110,105,115,95,100 -> moving ranges 10,5,10,20,5, mean 10, sigma = 10/1.128;
        // current 130 against the mean of the six (104.1666...): z = 25.8333 / (8.8652 * sqrt(1 + 1/6)) = 2.6978...
        Sample reference = medians(100, 110, 105, 115, 95, 100);
        TestResult r = new MovingRangeZ().compare(medians(130), reference, reference, 0.95);
        double sigma = 10 / 1.128;
        double z = (130 - 625.0 / 6) / (sigma * Math.sqrt(1 + 1.0 / 6));
        assertEquals(z, r.statistic(), 1e-12);
        assertEquals(2.69780, r.statistic(), 1e-4);
        assertEquals("higher", r.outcome());
    }

    @Test
    void everyNamedTestIsKnownAndDefaultsFollowTheKind() {
        assertEquals("quasi-poisson", SignificanceMethods.defaultFor(Kind.COUNT, Basis.BENCHMARK));
        assertEquals("two-proportion", SignificanceMethods.defaultFor(Kind.PROPORTION, Basis.ONE_YEAR));
        assertEquals("mann-whitney", SignificanceMethods.defaultFor(Kind.MEDIAN, Basis.BENCHMARK));
        assertEquals("moving-range-z", SignificanceMethods.defaultFor(Kind.MEDIAN, Basis.LAST_YEAR));
        assertEquals(java.util.Set.of("c-test", "quasi-poisson", "sqrt", "xmr", "two-proportion", "two-proportion-z",
                "fisher-exact", "mann-whitney", "moving-range-z"),
                SignificanceMethods.names());
    }
}
