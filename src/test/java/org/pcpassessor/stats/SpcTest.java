package org.pcpassessor.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * SPC against the NHSRplotthedots R package (nhs-r-community/NHSRplotthedots): its snapshot limits in
 * tests/testthat/_snaps/ptd_spc_standard.md (commit ea2177d) and its unit-test vectors in
 * tests/testthat/test-ptd_calculate_point_type.R and test-ptd_spc_standard.R.
 */
class SpcTest {
    /** R: set.seed(123); rnorm(20), as printed in the snapshot. */
    static final double[] RNORM = {-0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499,
        0.46091621, -1.26506123, -0.68685285, -0.44566197, 1.22408180, 0.35981383, 0.40077145, 0.11068272,
        -0.55584113, 1.78691314, 0.49785048, -1.96661716, 0.70135590, -0.47279141};

    @Test
    void limitsMatchTheSnapshotWithScreening() {
        // snapshot r1: mean_col 0.1416238, lpl -3.01138, upl 3.294627
        Spc.Chart c = Spc.chart(RNORM, Spc.Options.DEFAULT);
        assertEquals(0.1416238, c.mean(), 1e-7);
        assertEquals(-3.01138, c.lpl(), 1e-5);
        assertEquals(3.294627, c.upl(), 1e-6);
    }

    @Test
    void screeningRemovesTheOutliersMovingRanges() {
        double[] y = RNORM.clone();
        y[14] = 10; // the test's data$y[15] <- 10
        // snapshot r2 (screened): mean 0.6694159, lpl -2.383666, upl 3.722497
        Spc.Chart screened = Spc.chart(y, Spc.Options.DEFAULT);
        assertEquals(0.6694159, screened.mean(), 1e-7);
        assertEquals(-2.383666, screened.lpl(), 1e-6);
        assertEquals(3.722497, screened.upl(), 1e-6);
        assertEquals(2, screened.screened());
        // snapshot r3 (screen_outliers = FALSE): lpl -4.596625, upl 5.935457
        Spc.Chart raw = Spc.chart(y, new Spc.Options(7, 7, false));
        assertEquals(-4.596625, raw.lpl(), 1e-6);
        assertEquals(5.935457, raw.upl(), 1e-6);
        // the test's own assertion: without screening the range is wider
        assertTrue(raw.upl() - raw.lpl() > screened.upl() - screened.lpl());
        assertTrue(screened.outside()[14]);
    }

    private static int[] abs(int[] v) {
        return Arrays.stream(v).map(Math::abs).toArray();
    }

    @Test
    void sevenPointsOnOneSideOfTheMean() {
        // ptd_seven_point_one_side_mean: 1 where a point ends a run of 7 (the R function marks both sides with 1)
        assertArrayEquals(new int[0], Spc.runsOnOneSide(new int[0], 7));
        assertArrayEquals(new int[6], Spc.runsOnOneSide(new int[] {1, 1, 1, 1, 1, 1}, 7));
        assertArrayEquals(new int[7], Spc.runsOnOneSide(new int[] {1, 1, 1, 1, 1, 1, -1}, 7));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1, 1, 0},
                abs(Spc.runsOnOneSide(new int[] {1, 1, 1, 1, 1, 1, 1, 1, -1}, 7)));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1, 1, 0},
                abs(Spc.runsOnOneSide(new int[] {-1, -1, -1, -1, -1, -1, -1, -1, 1}, 7)));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 0},
                abs(Spc.runsOnOneSide(new int[] {-1, 1, 1, 1, 1, 1, 1, 1, 1, -1}, 7)));
        // a point on the mean (0) breaks a run
        assertArrayEquals(new int[8], Spc.runsOnOneSide(new int[] {1, 1, 1, 0, 1, 1, 1, 1}, 7));
    }

    @Test
    void sevenPointTrends() {
        // ptd_seven_point_trend
        assertArrayEquals(new int[6], Spc.trendEnds(new double[] {1, 2, 3, 4, 5, 6}, 7));
        assertArrayEquals(new int[7], Spc.trendEnds(new double[] {1, 2, 3, 3, 4, 5, 6}, 7)); // a tie breaks it
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1}, Spc.trendEnds(new double[] {1, 2, 3, 4, 5, 6, 7}, 7));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 1, 0},
                Spc.trendEnds(new double[] {2, 1, 2, 3, 4, 5, 6, 7, 3}, 7));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, -1}, Spc.trendEnds(new double[] {7, 6, 5, 4, 3, 2, 1}, 7));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, -1, 0},
                Spc.trendEnds(new double[] {2, 7, 6, 5, 4, 3, 2, 1, 3}, 7));
        // part of a trend: every point of the run; falling runs count too (Making Data Count)
        boolean[] part = Spc.partOf(Spc.trendEnds(new double[] {2, 7, 6, 5, 4, 3, 2, 1, 3}, 7), 7);
        assertArrayEquals(new boolean[] {false, true, true, true, true, true, true, true, false}, part);
    }

    @Test
    void twoOfThreeNearALimitOnTheSameSide() {
        int[] up3 = {1, 1, 1};
        boolean[] t = {true, true, true};
        // ptd_two_in_three: c(1,0,1), c(0,1,1), c(1,1,0) -> all three points in the window
        assertArrayEquals(t, Spc.twoInThree(new boolean[] {true, false, true}, up3));
        assertArrayEquals(t, Spc.twoInThree(new boolean[] {false, true, true}, up3));
        assertArrayEquals(t, Spc.twoInThree(new boolean[] {true, true, false}, up3));
        int[] up7 = {1, 1, 1, 1, 1, 1, 1};
        assertArrayEquals(new boolean[] {false, false, true, true, true, false, false},
                Spc.twoInThree(new boolean[] {false, false, true, false, true, false, false}, up7));
        assertArrayEquals(new boolean[] {false, true, true, true, true, false, false},
                Spc.twoInThree(new boolean[] {false, false, true, true, false, false, false}, up7));
        // ptd_part_of_two_in_three: only the close points themselves; c(1,0,0,1) -> none, c(1,0,0,1,1) -> the last two
        boolean[] h = {true, false, false, true};
        assertArrayEquals(new boolean[4], Spc.partOfTwoInThree(Spc.twoInThree(h, new int[] {1, 1, 1, 1}), h));
        boolean[] i = {true, false, false, true, true};
        assertArrayEquals(new boolean[] {false, false, false, true, true},
                Spc.partOfTwoInThree(Spc.twoInThree(i, new int[] {1, 1, 1, 1, 1}), i));
    }

    @Test
    void twoPointsNearOppositeLimitsAreCommonCause() {
        // test-ptd_spc_standard.R: rep(c(1, -1), 8) with points 15 and 16 set to 5.5 and -5.5 -> both common cause
        double[] y = new double[16];
        for (int k = 0; k < 16; k++) {
            y[k] = k % 2 == 0 ? 1 : -1;
        }
        y[14] = 5.5;
        y[15] = -5.5;
        Spc.Chart c = Spc.chart(y, Spc.Options.DEFAULT);
        assertFalse(c.special(14));
        assertFalse(c.special(15));
    }

    @Test
    void edgeCasesDoNotBreakTheChart() {
        // all values equal: zero moving range, limits on the mean, nothing special
        Spc.Chart flat = Spc.chart(new double[] {5, 5, 5, 5, 5}, Spc.Options.DEFAULT);
        assertEquals(5, flat.lpl(), 0);
        assertEquals(5, flat.upl(), 0);
        for (int k = 0; k < 5; k++) {
            assertFalse(flat.special(k));
        }
        // a zero moving range and then a different value: outside the (zero-width) limits
        Spc.Chart step = Spc.chart(new double[] {5, 5, 5, 5, 6}, Spc.Options.DEFAULT);
        assertTrue(step.outside()[4]);
        // negative values and fewer than 12 points are charted like any other
        Spc.Chart neg = Spc.chart(new double[] {-3, -1, -2, -4, -2}, Spc.Options.DEFAULT);
        assertEquals(-2.4, neg.mean(), 1e-12);
        assertEquals(-2.4 + 2.66 * 1.75, neg.upl(), 1e-12); // moving ranges 2,1,2,2 -> 1.75
    }

    @Test
    void limitsAreKeptWithinWhatTheMeasureCanTake() {
        // 0, 0, 3, 0, 0: mean 0.6, moving ranges 0, 3, 3, 0 (mean 1.5; none at or over 3.267 x 1.5 = 4.9 is screened),
        // limits 0.6 -/+ 2.66 x 1.5 = -3.39 and 4.59: a count's lower limit is 0, and a month of 0 is not below it
        Spc.Chart count = Spc.chart(new double[] {0, 0, 3, 0, 0}, new boolean[5], Spc.Options.DEFAULT, 0,
                Double.POSITIVE_INFINITY);
        assertEquals(0, count.lpl());
        assertEquals(4.59, count.upl(), 1e-12);
        for (int i = 0; i < 5; i++) {
            assertFalse(count.outside()[i]);
        }
        // 90%, 100%, 95%, 100%, 90%: mean 0.95, moving ranges 0.1, 0.05, 0.05, 0.1 (mean 0.075), limits 0.95 -/+ 0.1995:
        // 0.7505 and 1.1495, which a proportion cannot reach: 1
        Spc.Chart share = Spc.chart(new double[] {0.9, 1.0, 0.95, 1.0, 0.9}, new boolean[5], Spc.Options.DEFAULT, 0,
                1);
        assertEquals(0.7505, share.lpl(), 1e-12);
        assertEquals(1, share.upl());
    }

    @Test
    void aGhostedMonthIsShownButLeftOutOfTheLimitsAndTheRules() {
        // 10, 10, [0], 10, 12 with the 0 ghosted: the chart reads 10, 10, 10, 12: mean 10.5, moving ranges 0, 0, 2
        // (the range is taken across the ghost), mean 2/3, limits 10.5 -/+ 2.66 x 2/3 = 8.72667 and 12.27333
        boolean[] ghost = {false, false, true, false, false};
        Spc.Chart c = Spc.chart(new double[] {10, 10, 0, 10, 12}, ghost, Spc.Options.DEFAULT, 0,
                Double.POSITIVE_INFINITY);
        assertEquals(10.5, c.mean(), 1e-12);
        assertEquals(8.726667, c.lpl(), 1e-6);
        assertEquals(12.273333, c.upl(), 1e-6);
        assertEquals(4, c.readPoints());
        assertFalse(c.special(2));
        assertEquals(0, c.values()[2]);
        // not ghosted, the 0 pulls the mean of all five down to 8.4
        Spc.Chart all = Spc.chart(new double[] {10, 10, 0, 10, 12}, Spc.Options.DEFAULT);
        assertEquals(8.4, all.mean(), 1e-12);
    }

    /**
     * The months in a row on the current point's side of the mean, counted by hand. 1, 9, 8, 2, 7, 9: mean 36 / 6 = 6;
     * ending at the last point, 9 and 7 lie above and the 2 before them below: 2. With the 8 ghosted (left out of
     * the mean and the rules): mean of 1, 9, 2, 7, 9 = 28 / 5 = 5.6; 9 and 7 lie above, the 2 below: 2 again. With the
     * 2 ghosted: mean of 1, 9, 8, 7, 9 = 6.8, and 9, 8, 7, 9 lie above, but the ghosted month between them is not
     * read, so the months in a row are 7, 9: 2. 4, 8, 6: the last point is on the mean (6), with no side: 0.
     */
    @Test
    void runOnSideCountsTheReadPointsInARowOnTheCurrentSide() {
        double[] y = {1, 9, 8, 2, 7, 9};
        assertEquals(2, Spc.chart(y, new boolean[6], Spc.Options.DEFAULT, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY).runOnSide(5));
        boolean[] ghostEight = {false, false, true, false, false, false};
        assertEquals(2, Spc.chart(y, ghostEight, Spc.Options.DEFAULT, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY).runOnSide(5));
        boolean[] ghostTwo = {false, false, false, true, false, false};
        Spc.Chart c = Spc.chart(y, ghostTwo, Spc.Options.DEFAULT, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertEquals(6.8, c.mean(), 1e-12);
        assertEquals(2, c.runOnSide(5));
        assertEquals(0, Spc.chart(new double[] {4, 8, 6}, new boolean[3], Spc.Options.DEFAULT,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY).runOnSide(2));
    }
}
