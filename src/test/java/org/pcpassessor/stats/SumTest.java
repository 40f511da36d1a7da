package org.pcpassessor.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Stats#sum} replaces {@code Arrays.stream(values).sum()} for speed; it must give the very same double,
 * compensation and special values included, or every figure and p-value downstream could move in its last bits.
 * The reference is the JDK's own stream sum.
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
}
