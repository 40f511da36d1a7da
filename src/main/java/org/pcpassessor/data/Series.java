package org.pcpassessor.data;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.pcpassessor.catalogue.Kind;

/**
 * The monthly series of one measure in one area, without gaps, from {@code start}. Counts and medians keep
 * their value as the numerator with a denominator of 1; rates and proportions keep both parts, because every
 * aggregate of them is a ratio of sums.
 *
 * @param sources for each month, the {@code file:line} it was read from (for explain and audit)
 */
public record Series(String measureId, String area, Kind kind, YearMonth start, double[] numerators,
                     double[] denominators, List<String> sources) {

    public Series {
        Objects.requireNonNull(measureId, "measureId");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        numerators = numerators.clone();
        denominators = denominators.clone();
        sources = sources instanceof Sources compact ? compact : List.copyOf(sources);
        if (numerators.length != denominators.length || numerators.length != sources.size()) {
            throw new IllegalArgumentException("series parts differ in length");
        }
        if (numerators.length == 0) {
            throw new IllegalArgumentException("empty series " + measureId + "/" + area);
        }
    }

    /**
     * The series carried on to a later month with months of no row (zero, no source): for the months of a declared
     * break in supply, which are not data, so that the report month can stand in them.
     */
    public Series extendedTo(YearMonth month) {
        int n = (int) start.until(month, java.time.temporal.ChronoUnit.MONTHS) + 1;
        if (n <= numerators.length) {
            return this;
        }
        List<String> rows = new java.util.ArrayList<>(sources);
        while (rows.size() < n) {
            rows.add("");
        }
        return new Series(measureId, area, kind, start, Arrays.copyOf(numerators, n), Arrays.copyOf(denominators, n),
                rows);
    }

    public int size() {
        return numerators.length;
    }

    public YearMonth end() {
        return start.plusMonths(numerators.length - 1L);
    }

    /** Index of a month, or -1 when it lies outside the series. */
    public int indexOf(YearMonth month) {
        long i = start.until(month, java.time.temporal.ChronoUnit.MONTHS);
        return i < 0 || i >= numerators.length ? -1 : (int) i;
    }

    public YearMonth month(int index) {
        int m = (start.getYear() - FIRST_YEAR) * 12 + start.getMonthValue() - 1 + index;
        if (m < 0 || m >= MONTHS.length) {
            return start.plusMonths(index);
        }
        YearMonth kept = MONTHS[m];
        if (kept == null) { // two threads may both make it: equal values, either kept
            kept = YearMonth.of(FIRST_YEAR + m / 12, m % 12 + 1);
            MONTHS[m] = kept;
        }
        return kept;
    }

    /**
     * The months of the years 1900 to 2299, each made once: a run keeps a month for every point of every series'
     * chart history and every figure, all of a few dozen months (2.6 million YearMonth objects, 62 MB, at 100,048
     * series before). A YearMonth is an immutable value, so one serves every series.
     */
    private static final int FIRST_YEAR = 1900;
    private static final YearMonth[] MONTHS = new YearMonth[400 * 12];

    public boolean covers(YearMonth from, YearMonth to) {
        return indexOf(from) >= 0 && indexOf(to) >= 0;
    }

    public double numerator(int i) {
        return numerators[i];
    }

    public double denominator(int i) {
        return denominators[i];
    }

    /** The month's figure: the count or median, or numerator / denominator (NaN when the denominator is 0). */
    public double value(int i) {
        if (!kind.hasDenominator()) {
            return numerators[i];
        }
        return denominators[i] == 0 ? Double.NaN : numerators[i] / denominators[i];
    }

    /** Monthly figures from index {@code from} to {@code to} inclusive. */
    public double[] values(int from, int to) {
        double[] out = new double[to - from + 1];
        for (int i = from; i <= to; i++) {
            out[i - from] = value(i);
        }
        return out;
    }

    public String source(int i) {
        return sources.get(i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && measureId.equals(s.measureId) && area.equals(s.area) && kind == s.kind
                && start.equals(s.start) && Arrays.equals(numerators, s.numerators)
                && Arrays.equals(denominators, s.denominators);
    }

    @Override
    public int hashCode() {
        return Objects.hash(measureId, area, start, Arrays.hashCode(numerators), Arrays.hashCode(denominators));
    }

    @Override
    public String toString() {
        return "Series[" + measureId + "/" + area + " " + start + ".." + end() + "]";
    }
}
