package org.pcpassessor.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Stats#sum} replaces {@code Arrays.stream(values).sum()} for speed; it must give the very same double,
 * compensation and special values included, or every figure and p-value downstream could move in its last bits.
 * The reference is the JDK's own stream sum. {@link Sums} takes a window's sum from running totals when the values are
 * whole: the same reference must hold for every window.
 */
class SumTest {
    @Test
    void theSameDoubleAsTheStreamSumOnRandomAndAwkwardValues() {
        SplittableRandom random = new SplittableRandom(20261123);
        for (int n = 0; n < 2000; n++) {
            double[] values = new double[random.nextInt(0, 80)];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(0, 1000);                      // counts
                    case 1 -> random.nextDouble() * 100;                    // decimals (medians)
                    case 2 -> random.nextDouble() * 1e16 - 5e15;            // large, both signs
                    default -> Math.scalb(random.nextDouble(), -40);        // tiny
                };
            }
            assertEquals(Arrays.stream(values).sum(), Stats.sum(values), 0.0, Arrays.toString(values));
            assertEquals(Double.doubleToLongBits(Arrays.stream(values).sum()), Double.doubleToLongBits(Stats.sum(values)));
        }
        for (double[] special : new double[][] {{}, {Double.NaN}, {1, Double.POSITIVE_INFINITY},
                {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, {Double.MAX_VALUE, Double.MAX_VALUE},
                {0.1, 0.2, 0.3}, {1e100, 1, -1e100}}) {
            assertEquals(Double.doubleToLongBits(Arrays.stream(special).sum()),
                    Double.doubleToLongBits(Stats.sum(special)), Arrays.toString(special));
        }
    }

    @Test
    void everyWindowOfRunningTotalsIsTheStreamSumOfItsMonths() {
        SplittableRandom random = new SplittableRandom(20261124);
        for (int n = 0; n < 500; n++) {
            int kind = random.nextInt(5);
            double[] values = new double[random.nextInt(1, 61)];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (kind) {
                    case 0 -> random.nextInt(0, 5000);                      // counts: running totals
                    case 1 -> random.nextInt(-50, 50);                      // net outcomes: running totals
                    case 2 -> Math.rint(random.nextDouble() * 1e14);       // whole, large: running totals
                    case 3 -> random.nextDouble() * 100;                    // medians of minutes: month by month
                    default -> random.nextInt(10) == 0 ? Double.NaN : random.nextInt(0, 100); // a gap: month by month
                };
            }
            Sums sums = new Sums(values);
            assertEquals(kind <= 2 || Arrays.stream(values).allMatch(v -> v == Math.rint(v)), sums.exact(),
                    Arrays.toString(values));
            for (int from = 0; from < values.length; from++) {
                for (int to = from; to < values.length; to++) {
                    double expected = Arrays.stream(values, from, to + 1).sum();
                    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(sums.sum(from, to)),
                            from + ".." + to + " of " + Arrays.toString(values));
                }
            }
        }
    }

    @Test
    void wholeValuesWhoseTotalCouldBeInexactAreSummedMonthByMonth() {
        // 2^53 + 1 is not a double: with 2^52 twice and a 1, a running total would round where a compensated sum
        // does not; so the running totals are refused from a magnitude of 2^53.
        double big = Math.scalb(1.0, 52);
        Sums sums = new Sums(new double[] {big, big, 1, -big});
        assertEquals(false, sums.exact());
        assertEquals(Double.doubleToLongBits(Arrays.stream(new double[] {big, 1, -big}).sum()),
                Double.doubleToLongBits(sums.sum(1, 3)));
        assertEquals(true, new Sums(new double[] {big - 1, 0, -1}).exact());
    }
}
