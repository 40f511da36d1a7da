package org.pcpassessor.stats;

import org.pcpassessor.facts.Snapshot;
import org.pcpassessor.facts.Extreme;
import org.pcpassessor.facts.Streak;
import org.pcpassessor.facts.SpcSignal;
import org.pcpassessor.facts.Months;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.pcpassessor.catalogue.Kind;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.catalogue.Polarity;
import org.pcpassessor.data.Series;

/** Figures on small series whose values are worked out by hand in each test. */
public class CalculatorTest {
    private static final YearMonth START = YearMonth.of(2017, 4);
    private static final YearMonth DEC_2020 = YearMonth.of(2020, 12);

    public static Measure measure(Kind kind, OptionalDouble baseline) {
        return new Measure("m", "M", "things", "they", kind, Polarity.NEUTRAL, "P", "Q", "m", baseline, Map.of(), Measure.ALL_BASES, "",
                java.util.Optional.empty(), java.util.List.of(), java.util.List.of(), java.util.Optional.empty(),
                new org.pcpassessor.problem.Location("test.yaml", 1, 1));
    }

    public static Series counts(double... values) {
        double[] ones = new double[values.length];
        Arrays.fill(ones, 1);
        return new Series("m", "Force", Kind.COUNT, START, values, ones, rows(values.length));
    }

    /** The data rows of n months from the second line of a file t.csv. */
    private static List<String> rows(int n) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add("t.csv:" + (i + 2));
        }
        return rows;
    }

    /** value(i) = 100 + i from April 2017 (i = 0) to December 2020 (i = 44). */
    public static double[] ramp() {
        double[] v = new double[45];
        for (int i = 0; i < v.length; i++) {
            v[i] = 100 + i;
        }
        return v;
    }

    @Test
    void countFiguresFollowTheDesignDefinitions() {
        Snapshot s = new Calculator(measure(Kind.COUNT, OptionalDouble.empty()), counts(ramp()), true, 0.95)
                .assess(DEC_2020).snapshot();
        assertEquals(144, s.current());
        assertEquals(132, s.sameMonthLastYear());
        assertEquals(120, s.twoYearsAgo());
        assertEquals(108, s.threeYearsAgo());
        // rolling 12: sum of i = 33..44 -> 1200 + (33 + 44) * 6 = 1662
        assertEquals(1662, s.rolling12());
        // baseline: FY 2019/20 = April 2019 (i = 24) to March 2020 (i = 35) -> 1200 + (24 + 35) * 6 = 1554
        assertEquals(1554, s.baseline());
        assertEquals("2019/20", s.baselineLabel());
        // 1yr average: i = 32..43 -> 100 + 37.5; 3yr: i = 8..43 -> 100 + 25.5
        assertEquals(137.5, s.avg1yr(), 1e-12);
        assertEquals(125.5, s.avg3yr(), 1e-12);
        assertEquals(12.0 / 132, s.changeVsLastYear(), 1e-12);
        assertEquals((1662.0 - 1554) / 1554, s.changeVsBaseline(), 1e-12);
    }

    @Test
    void theBaselineOfMarchIsTheFinancialYearBeforeTheOneContainingIt() {
        // March 2021 lies in FY 2020/21, so its baseline is FY 2019/20, like December 2020's.
        double[] v = Arrays.copyOf(ramp(), 48);
        for (int i = 45; i < 48; i++) {
            v[i] = 100 + i;
        }
        Snapshot s = new Calculator(measure(Kind.COUNT, OptionalDouble.empty()), counts(v), true, 0.95)
                .assess(YearMonth.of(2021, 3)).snapshot();
        assertEquals(1554, s.baseline());
        assertEquals("2019/20", s.baselineLabel());
        assertEquals(Months.baselineYearStart(YearMonth.of(2021, 3)), YearMonth.of(2019, 4));
        assertEquals(Months.baselineYearStart(YearMonth.of(2021, 4)), YearMonth.of(2020, 4));
    }

    @Test
    void aFixedBaselineFromTheCatalogueReplacesTheFinancialYear() {
        Snapshot s = new Calculator(measure(Kind.COUNT, OptionalDouble.of(1500)), counts(ramp()), true, 0.95)
                .assess(DEC_2020).snapshot();
        assertEquals(1500, s.baseline());
        assertEquals("fixed", s.baselineLabel());
    }

    @Test
    void anIncreasingSeriesIsAHighOnRecordWithAStreakOfEveryMove() {
        Assessment a = new Calculator(measure(Kind.COUNT, OptionalDouble.empty()), counts(ramp()), true, 0.95)
                .assess(DEC_2020);
        Extreme high = a.extremes().stream().filter(e -> e.series().equals("monthly") && e.direction().equals("high"))
                .findFirst().orElseThrow();
        assertTrue(high.twelveMonth());
        assertFalse(high.joint());
        assertTrue(high.onRecord());
        assertEquals(44, high.gapMonths());
        Streak streak = a.streaks().stream().filter(s -> s.series().equals("monthly")).findFirst().orElseThrow();
        assertEquals("rise", streak.direction());
        assertEquals(44, streak.length());
        assertEquals("up", a.trend().orElseThrow().direction());
    }

    @Test
    void onlyTheHeadlineAreaKeepsTheMonthsItsChartsShow() {
        Assessment headline = new Calculator(measure(Kind.COUNT, OptionalDouble.empty()), counts(ramp()), true, 0.95)
                .assess(DEC_2020);
        Assessment other = new Calculator(measure(Kind.COUNT, OptionalDouble.empty()), counts(ramp()), false, 0.95)
                .assess(DEC_2020);
        // the default SPC window: 24 months, January 2019 to December 2020
        assertEquals(24, headline.history().points().size());
        assertEquals(YearMonth.of(2019, 1), headline.history().points().get(0).month());
        assertTrue(headline.history().charted());
        assertEquals(History.NONE, other.history());
        // the rest is the same for both: the facts the rules see
        assertEquals(headline.extremes().size(), other.extremes().size());
        assertEquals(headline.spc().orElseThrow().upl(), other.spc().orElseThrow().upl());
    }

    @Test
    void aTieWithinTwelveMonthsIsAJointHighSinceTheTiedMonth() {
        double[] v = ramp();
        v[44] = v[39]; // December 2020 equals July 2020 (139), and is above every month in between
        for (int i = 40; i < 44; i++) {
            v[i] = 120;
        }
        Assessment a = new Calculator(measure(Kind.COUNT, OptionalDouble.empty()), counts(v), true, 0.95)
                .assess(DEC_2020);
        Extreme high = a.extremes().stream().filter(e -> e.series().equals("monthly") && e.direction().equals("high"))
                .findFirst().orElseThrow();
        assertTrue(high.twelveMonth());
        assertTrue(high.joint());
        assertEquals("July 2020", high.since());
        assertEquals(5, high.gapMonths());
        Extreme low = a.extremes().stream().filter(e -> e.series().equals("monthly") && e.direction().equals("low"))
                .findFirst().orElseThrow();
        assertFalse(low.twelveMonth());
        Streak streak = a.streaks().stream().filter(s -> s.series().equals("monthly")).findFirst().orElseThrow();
        assertEquals(1, streak.length()); // one rise, 120 -> 139, after a flat run
    }

    @Test
    void ratesAggregateAsRatiosOfSums() {
        double[] num = new double[24];
        double[] den = new double[24];
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            num[i] = i % 2 == 0 ? 1 : 3;
            den[i] = i % 2 == 0 ? 10 : 20;
            sources.add("t.csv:" + (i + 2));
        }
        Series s = new Series("m", "Force", Kind.RATE, YearMonth.of(2019, 4), num, den, sources);
        Snapshot snap = new Calculator(measure(Kind.RATE, OptionalDouble.empty()), s, true, 0.95)
                .assess(YearMonth.of(2021, 3)).snapshot();
        // 12 months: 6 x (1/10) and 6 x (3/20) -> (6 + 18) / (60 + 120) = 24/180
        assertEquals(24.0 / 180, snap.rolling12(), 1e-12);
        assertEquals(24.0 / 180, snap.baseline(), 1e-12);
        assertEquals(3.0 / 20, snap.current(), 1e-12);
        assertEquals(0.0, snap.changeVsBaseline(), 1e-12); // fraction points
    }

    @Test
    void aMedianSeriesAggregatesAsTheMedianOfMonthlyMedians() {
        double[] v = new double[24];
        for (int i = 0; i < 24; i++) {
            v[i] = i < 12 ? 200 + i : 100 + (i - 12) * 2;
        }
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            sources.add("t.csv:" + (i + 2));
        }
        double[] ones = new double[24];
        Arrays.fill(ones, 1);
        Series s = new Series("m", "Force", Kind.MEDIAN, YearMonth.of(2019, 4), v, ones, sources);
        Snapshot snap = new Calculator(measure(Kind.MEDIAN, OptionalDouble.empty()), s, true, 0.95)
                .assess(YearMonth.of(2021, 3)).snapshot();
        // 2020/21: 100, 102, ..., 122 -> median (110 + 112) / 2 = 111; 2019/20: 200..211 -> 205.5
        assertEquals(111, snap.rolling12(), 1e-12);
        assertEquals(205.5, snap.baseline(), 1e-12);
    }

    @Test
    void aMonthWithoutAValueIsLeftOutOfTheSpcChart() {
        // A rate with one month over a zero denominator (0/0: no value) in the 24 months charted.
        double[] num = new double[36];
        double[] den = new double[36];
        for (int i = 0; i < 36; i++) {
            num[i] = 10 + (i % 3);
            den[i] = 100;
        }
        num[30] = 0;
        den[30] = 0;
        Series s = new Series("m", "Force", Kind.RATE, YearMonth.of(2018, 1), num, den,
                java.util.Collections.nCopies(36, "t.csv:2"));
        SpcSignal spc = new Calculator(measure(Kind.RATE, OptionalDouble.empty()), s, true, 0.95)
                .assess(DEC_2020).spc().orElseThrow();
        assertEquals(23, spc.points()); // 24 months, one without a value
        assertEquals("January 2019", spc.from());
        // the values charted are 0.10, 0.11, 0.12 repeating: mean over the 23 kept months, worked by hand
        double sum = 0;
        for (int i = 12; i < 36; i++) {
            if (i != 30) {
                sum += num[i] / den[i];
            }
        }
        assertEquals(sum / 23, spc.mean(), 1e-12);
        // and a current month without a value has no chart at all
        den[35] = 0;
        num[35] = 0;
        Series none = new Series("m", "Force", Kind.RATE, YearMonth.of(2018, 1), num, den,
                java.util.Collections.nCopies(36, "t.csv:2"));
        assertTrue(new Calculator(measure(Kind.RATE, OptionalDouble.empty()), none, true, 0.95).assess(DEC_2020).spc()
                .isEmpty());
    }

    /**
     * A comparison with the same month last year carries that month's own test against the 12 months before it
     * (worked by hand in scenarios/57: December 2019's 300 against an average of 500, z = -8.73, lower); the other
     * comparisons say "untested".
     */
    @Test
    void theSameMonthLastYearCarriesItsOwnTestAgainstItsYear() {
        double[] v = new double[45]; // April 2017 (0) to December 2020 (44): 500 a month, 300 in December 2019
        Arrays.fill(v, 500);
        v[32] = 300;
        assertEquals(YearMonth.of(2019, 12), START.plusMonths(32));
        Assessment a = new Calculator(measure(Kind.COUNT, OptionalDouble.empty()), counts(v), true, 0.95)
                .assess(DEC_2020);
        for (org.pcpassessor.facts.Comparison c : a.comparisons()) {
            assertEquals(c.basis().equals("lastYear") ? "lower" : "untested",
                    c.evidence().get(org.pcpassessor.facts.Comparison.EXPECTED_MONTH_AGAINST_ITS_YEAR), c.basis());
        }
    }

    /**
     * The rolling 12 months against the 12 months a year earlier, worked by hand (scenarios/53 has the same series
     * from January 2018): the 12 months to December 2020, 3 x 700 + 8 x 540 + 480 = 6,900 (mean 575, Pearson sum
     * sum((y - 575)^2 / 575) = 114.26 on 11 degrees of freedom); the 12 months to December 2019, 12 x 500 = 6,000
     * (Pearson sum 0). Quasi-Poisson (QuasiPoisson's Javadoc): phi = 114.26 / 22 = 5.194, r = 12,900 / 24 = 537.5,
     * z = (575 - 500) / sqrt(5.194 x 537.5 x (1/12 + 1/12)) = 75 / 21.571 = 3.4769.
     */
    @Test
    void theTwelveMonthsAgainstTheTwelveMonthsAYearEarlier() {
        double[] v = new double[45]; // April 2017 (0) to December 2020 (44)
        for (int i = 0; i < 45; i++) {
            YearMonth m = START.plusMonths(i);
            v[i] = m.getYear() < 2020 ? 500 : m.getMonthValue() <= 3 ? 700 : m.getMonthValue() == 12 ? 480 : 540;
        }
        Assessment a = new Calculator(measure(Kind.COUNT, OptionalDouble.empty()), counts(v), true, 0.95)
                .assess(DEC_2020);
        org.pcpassessor.facts.Comparison c = a.comparisons().stream().filter(x -> x.basis().equals("yearEarlier"))
                .findFirst().orElseThrow();
        assertEquals(6900, c.observed());
        assertEquals(6000, c.expected());
        double pearson = 3 * 125.0 * 125 / 575 + 8 * 35.0 * 35 / 575 + 95.0 * 95 / 575;
        assertEquals(114.26, pearson, 0.005);
        assertEquals(3.4769, c.statistic(), 0.0005);
        assertEquals("higher", c.outcome());
        assertEquals("rolling 12 months January 2020 to December 2020", c.observedLabel());
        assertEquals("rolling 12 months January 2019 to December 2019", c.expectedLabel());
    }

    /**
     * The 12 months against a comparator's, the latest 12 months both have, worked by hand (scenarios/64 has the same
     * rates): the force 136 per 1,000 every month; the comparator 120,000 per 1,000,000 to March 2020 and 150,000 from
     * April 2020, published to October 2020 only. The 12 months to October 2020: the force 1,632 of 12,000 (13.6%),
     * the comparator 5 x 120,000 + 7 x 150,000 = 1,650,000 of 12,000,000 (13.75%). Two-proportion z (TwoProportionZ's
     * Javadoc): pooled p = 1,651,632 / 12,012,000 = 0.137499, se = sqrt(0.137499 x 0.862501 x (1/12,000 +
     * 1/12,000,000)) = 0.0031452, z = -0.0015 / 0.0031452 = -0.4769 (Python, math only). Its own 2019/20: 12.0%.
     */
    /**
     * A count per head against a comparator's (scenarios/75 has the same figures), by hand (Python, math only): the
     * force 5,000 a month over 860,000 people, the comparator 420,000 a month to March 2020 and 400,000 after, over
     * 59,600,000, published to October 2020. The 12 months to October 2020: 60,000 / 860,000 = 0.0697674 against
     * 4,900,000 / 59,600,000 = 0.0822148; pooled 4,960,000 / 60,460,000 = 0.0820377; se = sqrt(0.0820377 x 0.9179623
     * x (1/860,000 + 1/59,600,000)) = 0.00029804; z = -41.763. The comparator's own 2019/20: 5,040,000 / 59,600,000.
     */
    @Test
    void aCountIsComparedPerHeadWithItsComparator() {
        org.pcpassessor.catalogue.ComparatorSeries national = new org.pcpassessor.catalogue.ComparatorSeries(
                "national", "England and Wales", "the 43 forces", OptionalDouble.of(59_600_000),
                new org.pcpassessor.problem.Location("test.yaml", 2, 1));
        Measure m = new Measure("m", "M", "crimes", "they", Kind.COUNT, Polarity.DOWN_IS_GOOD, "P", "Q", "m",
                OptionalDouble.empty(), Map.of(), Measure.ALL_BASES, "", java.util.Optional.empty(), List.of(),
                List.of(national), java.util.Optional.empty(), new org.pcpassessor.problem.Location("test.yaml", 1, 1));
        double[] num = new double[45];
        Arrays.fill(num, 5000);
        Series force = counts(num);
        double[] nNum = new double[43]; // April 2017 (0) to October 2020 (42)
        for (int i = 0; i < 43; i++) {
            nNum[i] = START.plusMonths(i).isBefore(YearMonth.of(2020, 4)) ? 420_000 : 400_000;
        }
        double[] ones = new double[43];
        Arrays.fill(ones, 1);
        Series nation = new Series("national", "England and Wales", Kind.COUNT, START, nNum, ones, rows(43));
        org.pcpassessor.facts.Comparison c = new Calculator(m, force, true, 0.95)
                .against(Map.of(national, nation), OptionalDouble.of(860_000)).assess(DEC_2020).comparisons().stream()
                .filter(x -> x.basis().equals("comparator")).findFirst().orElseThrow();
        assertEquals(60_000.0 / 860_000, c.observed(), 1e-12);
        assertEquals(4_900_000.0 / 59_600_000, c.expected(), 1e-12);
        assertEquals(-41.763, c.statistic(), 0.001);
        assertEquals("lower", c.outcome());
        assertEquals(Boolean.TRUE, c.evidence().get("perThousand"));
        assertEquals(5_040_000.0 / 59_600_000, (Double) c.evidence().get("comparatorBaseline"), 1e-12);
        // without the force's population, a count is not compared
        assertTrue(new Calculator(m, force, true, 0.95).against(Map.of(national, nation)).assess(DEC_2020)
                .comparisons().stream().noneMatch(x -> x.basis().equals("comparator")));
    }

    @Test
    void theTwelveMonthsAgainstAComparatorThatEndsBeforeTheReportMonth() {
        org.pcpassessor.catalogue.ComparatorSeries national = new org.pcpassessor.catalogue.ComparatorSeries(
                "national", "England and Wales", "the 43 forces", OptionalDouble.empty(),
                new org.pcpassessor.problem.Location("test.yaml", 2, 1));
        Measure m = new Measure("m", "M", "the rate", "it", Kind.RATE, Polarity.UP_IS_GOOD, "P", "Q", "m",
                OptionalDouble.empty(), Map.of(), Measure.ALL_BASES, "", java.util.Optional.empty(), List.of(),
                List.of(national), java.util.Optional.empty(), new org.pcpassessor.problem.Location("test.yaml", 1, 1));
        double[] num = new double[45];
        double[] den = new double[45];
        Arrays.fill(num, 136);
        Arrays.fill(den, 1000);
        List<String> rows = rows(45);
        Series force = new Series("m", "Force", Kind.RATE, START, num, den, rows);
        double[] nNum = new double[43]; // April 2017 (0) to October 2020 (42)
        double[] nDen = new double[43];
        for (int i = 0; i < 43; i++) {
            nNum[i] = START.plusMonths(i).isBefore(YearMonth.of(2020, 4)) ? 120_000 : 150_000;
            nDen[i] = 1_000_000;
        }
        Series nation = new Series("national", "England and Wales", Kind.RATE, START, nNum, nDen, rows.subList(0, 43));
        Assessment a = new Calculator(m, force, true, 0.95).against(Map.of(national, nation)).assess(DEC_2020);
        org.pcpassessor.facts.Comparison c = a.comparisons().stream().filter(x -> x.basis().equals("comparator"))
                .findFirst().orElseThrow();
        assertEquals(0.136, c.observed(), 1e-12);
        assertEquals(0.1375, c.expected(), 1e-12);
        assertEquals(-0.4769, c.statistic(), 0.0005);
        assertEquals("comparable", c.outcome());
        assertEquals("rolling 12 months November 2019 to October 2020", c.observedLabel());
        assertEquals("the 43 forces, rolling 12 months November 2019 to October 2020", c.expectedLabel());
        assertEquals("October 2020", c.evidence().get("comparatorMonth"));
        assertEquals(0.12, (Double) c.evidence().get("comparatorBaseline"), 1e-12);
        assertEquals("2019/20", c.evidence().get("comparatorBaselineYear"));
        assertEquals("higher", c.evidence().get("comparatorTrend"));
        // twelve months behind or more: no comparison (the force's 12 months to December 2019 are not this month's)
        Series stale = new Series("national", "England and Wales", Kind.RATE, START, Arrays.copyOf(nNum, 32),
                Arrays.copyOf(nDen, 32), rows.subList(0, 32)); // to November 2019
        assertTrue(new Calculator(m, force, true, 0.95).against(Map.of(national, stale)).assess(DEC_2020)
                .comparisons().stream().noneMatch(x -> x.basis().equals("comparator")));
    }

    @Test
    void tooShortASeriesLeavesFiguresAndTestsOut() {
        double[] v = new double[10];
        Arrays.fill(v, 50);
        Series s = new Series("m", "Force", Kind.COUNT, YearMonth.of(2020, 3), v, fill(10),
                java.util.Collections.nCopies(10, "t.csv:2"));
        Assessment a = new Calculator(measure(Kind.COUNT, OptionalDouble.empty()), s, true, 0.95)
                .assess(DEC_2020);
        assertTrue(Double.isNaN(a.snapshot().rolling12()));
        assertTrue(Double.isNaN(a.snapshot().sameMonthLastYear()));
        assertTrue(a.comparisons().isEmpty());
        assertTrue(a.trend().isEmpty());
    }

    private static double[] fill(int n) {
        double[] d = new double[n];
        Arrays.fill(d, 1);
        return d;
    }
}
