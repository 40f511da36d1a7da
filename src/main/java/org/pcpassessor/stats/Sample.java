package org.pcpassessor.stats;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pcpassessor.catalogue.Kind;
import org.pcpassessor.data.Series;

/**
 * The months on one side of a comparison: their numerators and denominators (denominator 1 for counts and
 * medians), and a description of which months they are, for evidence and explain.
 *
 * <p>A sample of a series is a window on the series' months, not a copy: a series' figures and tests read dozens of
 * overlapping windows (every rolling 12 months, the earlier months' tests that count a run), and their sums come
 * from {@link Sums} read once per series. A sample is used by one thread (its sums are kept once computed).
 */
public final class Sample {
    private final Kind kind;
    private final YearMonth from;
    private final YearMonth to;
    private final double[] numerators;
    private final double[] denominators;
    private final int offset;
    private final int length;
    private final Sums numeratorSums;
    private final Sums denominatorSums;
    private final String description;
    private double sumNumerators;
    private double sumDenominators;
    private boolean numeratorsSummed;
    private boolean denominatorsSummed;

    /** A sample of the given months (the arrays are copied). */
    public Sample(Kind kind, YearMonth from, YearMonth to, double[] numerators, double[] denominators,
                  String description) {
        this(kind, from, to, numerators.clone(), denominators.clone(), 0, numerators.length, null, null, description);
        if (numerators.length != denominators.length || numerators.length == 0) {
            throw new IllegalArgumentException("a sample needs at least one month");
        }
    }

    private Sample(Kind kind, YearMonth from, YearMonth to, double[] numerators, double[] denominators, int offset,
                   int length, Sums numeratorSums, Sums denominatorSums, String description) {
        this.kind = kind;
        this.from = from;
        this.to = to;
        this.numerators = numerators;
        this.denominators = denominators;
        this.offset = offset;
        this.length = length;
        this.numeratorSums = numeratorSums;
        this.denominatorSums = denominatorSums;
        this.description = description;
    }

    /**
     * The months at indexes a..b of a series (both inclusive, inside the series: checked by the caller), a window
     * on the series' own arrays, whose sums {@code numeratorSums} and {@code denominatorSums} were read from them.
     */
    static Sample window(Series series, Sums numeratorSums, Sums denominatorSums, int a, int b,
                         String description) {
        return new Sample(series.kind(), series.month(a), series.month(b), series.numerators(),
                series.denominators(), a, b - a + 1, numeratorSums, denominatorSums, description);
    }

    /** The inputs of a two-sample count test: each side's total and months, for the evidence. */
    static Map<String, Object> countDetails(Sample observed, Sample expected) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("observedTotal", observed.sumNumerators());
        details.put("observedMonths", observed.months());
        details.put("expectedTotal", expected.sumNumerators());
        details.put("expectedMonths", expected.months());
        return details;
    }

    /** The inputs of a two-sample proportion test: each side's summed numerator and denominator. */
    static Map<String, Object> ratioDetails(Sample observed, Sample expected) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("observedNumerator", observed.sumNumerators());
        details.put("observedDenominator", observed.sumDenominators());
        details.put("expectedNumerator", expected.sumNumerators());
        details.put("expectedDenominator", expected.sumDenominators());
        return details;
    }

    public Kind kind() {
        return kind;
    }

    public YearMonth from() {
        return from;
    }

    public YearMonth to() {
        return to;
    }

    /** The months' numerators, in order (a copy). */
    public double[] numerators() {
        return Arrays.copyOfRange(numerators, offset, offset + length);
    }

    /** The months' denominators, in order (a copy). */
    public double[] denominators() {
        return Arrays.copyOfRange(denominators, offset, offset + length);
    }

    /** Which months these are, in words ("January 2020 to December 2020"), or "" where no one reads it. */
    public String description() {
        return description;
    }

    public int months() {
        return length;
    }

    /** The numerator of the sample's k-th month (0 is the first). */
    double numerator(int k) {
        return numerators[offset + k];
    }

    public double sumNumerators() {
        if (!numeratorsSummed) {
            sumNumerators = sum(numerators, numeratorSums);
            numeratorsSummed = true;
        }
        return sumNumerators;
    }

    public double sumDenominators() {
        if (!denominatorsSummed) {
            sumDenominators = sum(denominators, denominatorSums);
            denominatorsSummed = true;
        }
        return sumDenominators;
    }

    /** This window's sum of one part: from the series' running totals when there are, else month by month. */
    private double sum(double[] part, Sums sums) {
        return sums != null ? sums.sum(offset, offset + length - 1) : Stats.sum(part, offset, offset + length);
    }

    /** Monthly figures (the value, or numerator / denominator, NaN when the denominator is 0). */
    public double[] values() {
        double[] out = new double[length];
        for (int k = 0; k < length; k++) {
            double n = numerators[offset + k];
            double d = denominators[offset + k];
            out[k] = kind.hasDenominator() ? (d == 0 ? Double.NaN : n / d) : n;
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

    @Override
    public String toString() {
        return kind + " sample " + from + ".." + to + " (" + length + " months)";
    }
}
