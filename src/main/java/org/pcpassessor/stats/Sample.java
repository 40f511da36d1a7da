package org.pcpassessor.stats;

import java.time.YearMonth;
import java.util.Arrays;
import org.pcpassessor.catalogue.Kind;
import org.pcpassessor.data.Series;

/**
 * The months on one side of a comparison: their numerators and denominators (denominator 1 for counts and
 * medians), and a description of which months they are, for evidence and explain.
 */
public record Sample(Kind kind, YearMonth from, YearMonth to, double[] numerators, double[] denominators,
                     String description) {

    public Sample {
        numerators = numerators.clone();
        denominators = denominators.clone();
        if (numerators.length != denominators.length || numerators.length == 0) {
            throw new IllegalArgumentException("a sample needs at least one month");
        }
    }

    /** The months from..to of a series (both inclusive and inside the series). */
    public static Sample of(Series series, YearMonth from, YearMonth to, String description) {
        int a = series.indexOf(from);
        int b = series.indexOf(to);
        if (a < 0 || b < 0 || b < a) {
            throw new IllegalArgumentException(series + " does not cover " + from + ".." + to);
        }
        return ofIndexes(series, a, b, description);
    }

    /** The months at indexes a..b of a series (both inclusive, checked by the caller). */
    static Sample ofIndexes(Series series, int a, int b, String description) {
        YearMonth from = series.month(a);
        YearMonth to = series.month(b);
        double[] num = new double[b - a + 1];
        double[] den = new double[b - a + 1];
        for (int i = a; i <= b; i++) {
            num[i - a] = series.numerator(i);
            den[i - a] = series.denominator(i);
        }
        return new Sample(series.kind(), from, to, num, den, description);
    }

    /** The inputs of a two-sample count test: each side's total and months, for the evidence. */
    static java.util.Map<String, Object> countDetails(Sample observed, Sample expected) {
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("observedTotal", observed.sumNumerators());
        details.put("observedMonths", observed.months());
        details.put("expectedTotal", expected.sumNumerators());
        details.put("expectedMonths", expected.months());
        return details;
    }

    /** The inputs of a two-sample proportion test: each side's summed numerator and denominator. */
    static java.util.Map<String, Object> ratioDetails(Sample observed, Sample expected) {
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("observedNumerator", observed.sumNumerators());
        details.put("observedDenominator", observed.sumDenominators());
        details.put("expectedNumerator", expected.sumNumerators());
        details.put("expectedDenominator", expected.sumDenominators());
        return details;
    }

    public int months() {
        return numerators.length;
    }

    public double sumNumerators() {
        return Stats.sum(numerators);
    }

    public double sumDenominators() {
        return Stats.sum(denominators);
    }

    /** Monthly figures (the value, or numerator / denominator, NaN when the denominator is 0). */
    public double[] values() {
        double[] out = new double[numerators.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = kind.hasDenominator() ? (denominators[i] == 0 ? Double.NaN : numerators[i] / denominators[i])
                    : numerators[i];
        }
        return out;
    }

    /**
     * The sample's single summary figure: the total of a count, the pooled ratio (sum of numerators over sum of
     * denominators) of a rate or proportion, the median of the monthly medians.
     */
    public double aggregate() {
        return switch (kind) {
            case COUNT -> sumNumerators();
            case RATE, PROPORTION -> sumDenominators() == 0 ? Double.NaN : sumNumerators() / sumDenominators();
            case MEDIAN -> Stats.median(values());
        };
    }

    /** The mean monthly figure: count per month, pooled ratio, or mean of monthly medians. */
    public double monthlyMean() {
        return switch (kind) {
            case COUNT -> sumNumerators() / months();
            case RATE, PROPORTION -> aggregate();
            case MEDIAN -> Arrays.stream(values()).average().orElse(Double.NaN);
        };
    }
}
