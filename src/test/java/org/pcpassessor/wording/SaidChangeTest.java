package org.pcpassessor.wording;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pcpassessor.facts.Snapshot;

/**
 * Changes as people say them (Values.said) and averages of counts as whole numbers (Values.average). Every expected
 * value is worked by hand in its comment.
 */
class SaidChangeTest {
    @Test
    void countsThatDoubledOrMoreAreMultiples() {
        assertEquals("ten times as high as", Values.said(false, 10, 1)); // 10 / 1 = 10, a whole multiple
        assertEquals("twice as high as", Values.said(false, 2, 1)); // 2 / 1 = 2
        assertEquals("twice as high as", Values.said(false, 203, 100)); // 2.03: within 4% of 2
        assertEquals("almost three times as high as", Values.said(false, 28, 10)); // 2.8: not within 4% of 3 (2.88)
        assertEquals("more than twice as high as", Values.said(false, 22, 10)); // 2.2: 2.2 - 2 < 0.5
    }

    @Test
    void commonFractionsWithinHalfAPointAreSaidAsFractions() {
        assertEquals("a third higher than", Values.said(false, 91, 68)); // 91 / 68 - 1 = 0.3382, 0.0049 from 1/3
        assertEquals("34.0% higher than", Values.said(false, 134, 100)); // 0.34: 0.0067 from 1/3
        assertEquals("half as high as", Values.said(false, 50, 100)); // a fall of a half
        assertEquals("a quarter lower than", Values.said(false, 75, 100)); // 0.75 - 1 = -0.25
        assertEquals("a quarter higher than", Values.said(false, 125, 100));
        assertEquals("50.0% higher than", Values.said(false, 15, 10)); // not "half higher than"
    }

    @Test
    void otherChangesArePercentagesAndRatesArePoints() {
        assertEquals("13.9% lower than", Values.said(false, 4308, 5006)); // 4308 / 5006 - 1 = -0.13943
        assertEquals("90.0% higher than", Values.said(false, 19, 10)); // 1.9: under 1.95, no multiple
        assertEquals("0.9 percentage points higher than", Values.said(true, 0.103, 0.094)); // 10.3% - 9.4%, as printed
        assertEquals("1.2 percentage points lower than", Values.said(true, 0.06, 0.072)); // 6.0% - 7.2%
        assertEquals("1.0 percentage point higher than", Values.said(true, 0.11, 0.10));
        assertEquals("the same as", Values.said(true, 0.1, 0.1));
        assertEquals("the same as", Values.said(false, 9600, 9600));
        assertEquals("the same as", Values.said(false, 10000, 10004)); // -0.04%: prints as 0.0%
        assertEquals("higher than", Values.said(false, 12, 0)); // from none: no multiple
    }

    /** A count's change from fewer than a hundred, short of doubling, is said in numbers (worked by hand). */
    @Test
    void aSmallCountsChangeIsSaidInNumbers() {
        assertEquals("18 more than", Values.saidOfCount(86, 68)); // 86 - 68; not "26.5% higher than"
        assertEquals("25 fewer than", Values.saidOfCount(55, 80)); // 80 - 55
        assertEquals("51 more than", Values.saidOfCount(150, 99)); // 1.52 times: short of doubling
        assertEquals("ten times as high as", Values.saidOfCount(10, 1)); // a multiple stays a multiple
        assertEquals("the same as", Values.saidOfCount(68, 68));
        assertEquals("12.9% higher than", Values.saidOfCount(12037, 10660)); // from a hundred or more: as before
        assertEquals("a quarter higher than", Values.saidOfCount(125, 100));
    }

    @Test
    void anAverageOfCountsIsAWholeNumberRoundedHalfUp() {
        Snapshot count = snapshot("count");
        assertEquals("893", Values.average(count, 892.5)); // half up
        assertEquals("808", Values.average(count, 808.33));
        assertEquals("1,024", Values.average(count, 1023.6));
        assertEquals("66.1%", Values.average(snapshot("rate"), 0.661)); // other kinds as their figures
    }

    private static Snapshot snapshot(String kind) {
        return org.pcpassessor.TestSnapshots.recordedCrimes().kind(kind).build();
    }
}
