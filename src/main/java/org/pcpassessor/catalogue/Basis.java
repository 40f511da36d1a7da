package org.pcpassessor.catalogue;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Optional;

/**
 * The comparisons a measure is tested on, each with the months it compares (relative to the report month M)
 * and the names it goes by: in the catalogue and the rules ({@code "benchmark"}), and in the JSON report's label
 * fields ({@code "vsBenchmark"}).
 */
public enum Basis {
    /** The rolling 12 months (M-11..M) against the baseline: the last complete financial year, or a fixed number. */
    BENCHMARK("benchmark", "vsBenchmark", 12, 0, 0),
    /** The current month against the average of the 12 months before it (M-12..M-1). */
    ONE_YEAR("1yr", "vs1yrAvg", 1, 1, 12),
    /** The current month against the average of the 36 months before it (M-36..M-1). */
    THREE_YEAR("3yr", "vs3yrAvg", 1, 1, 36),
    /** The current month against the same month a year earlier (M-12). */
    LAST_YEAR("lastYear", "vsLastYear", 1, 12, 1),
    /**
     * The rolling 12 months (M-11..M) against the 12 months a year earlier (M-23..M-12): the seeds' "compared to the
     * 12 months ending December 2019", "the equivalent period last year". No table column of its own.
     */
    YEAR_EARLIER("yearEarlier", "vsYearEarlier", 12, 12, 12),
    /**
     * The rolling 12 months against a comparator series' (the national rate, a most similar group) over the same 12
     * months, ending with the comparator's latest month up to the report month: national figures come a month or two
     * behind a force's own. Only for a measure with {@code comparators:}; no table column.
     */
    COMPARATOR("comparator", "vsComparator", 12, 0, 12);

    /**
     * The JSON label fields of the bases the pillar tables print, in declaration order: vsBenchmark, vs1yrAvg,
     * vs3yrAvg, vsLastYear (the 12 months against the 12 months a year earlier has no column).
     */
    public static final java.util.List<String> LABEL_FIELDS = java.util.List.of("vsBenchmark", "vs1yrAvg",
            "vs3yrAvg", "vsLastYear");

    private final String id;
    private final String labelField;
    private final int observedMonths;
    private final int expectedEndsBefore;
    private final int expectedMonths;

    Basis(String id, String labelField, int observedMonths, int expectedEndsBefore, int expectedMonths) {
        this.id = id;
        this.labelField = labelField;
        this.observedMonths = observedMonths;
        this.expectedEndsBefore = expectedEndsBefore;
        this.expectedMonths = expectedMonths;
    }

    /** The name in the catalogue ({@code test:}, {@code comparisons:}), in rules and in JSON: "benchmark". */
    public String id() {
        return id;
    }

    /** The JSON report's field for this basis's table label: "vsBenchmark". */
    public String labelField() {
        return labelField;
    }

    /** How many months, ending with the report month, the observed side covers. */
    public int observedMonths() {
        return observedMonths;
    }

    /** Whether the pillar tables print a label for this basis (its field is one of {@link #LABEL_FIELDS}). */
    public boolean tabled() {
        return LABEL_FIELDS.contains(labelField);
    }

    /** For the bases other than the benchmark: the first and last index of the expected side at index i. */
    public int expectedFrom(int i) {
        return i - expectedEndsBefore - expectedMonths + 1;
    }

    public int expectedTo(int i) {
        return i - expectedEndsBefore;
    }

    /** Whether the expected side is another series (a comparator's), not this series' own months. */
    public boolean isComparator() {
        return this == COMPARATOR;
    }

    /** Whether the expected side is the baseline rather than a window of months before the report month. */
    public boolean isBaseline() {
        return this == BENCHMARK;
    }

    /** The first month of the observed side for report month {@code month} (the month itself for a single month). */
    public YearMonth observedFrom(YearMonth month) {
        return month.minusMonths(observedMonths - 1L);
    }

    /** The first month of the expected side for report month {@code month}; not for the benchmark. */
    public YearMonth expectedFrom(YearMonth month) {
        return month.minusMonths(expectedEndsBefore + expectedMonths - 1L);
    }

    /** The last month of the expected side for report month {@code month}; not for the benchmark. */
    public YearMonth expectedTo(YearMonth month) {
        return month.minusMonths(expectedEndsBefore);
    }

    /** How many months the expected side covers (the benchmark's baseline is a financial year, or fixed). */
    public int expectedMonths() {
        return expectedMonths;
    }

    public static Optional<Basis> parse(String id) {
        return Arrays.stream(values()).filter(b -> b.id.equals(id)).findFirst();
    }

    /** The ids, in declaration order. */
    public static java.util.List<String> ids() {
        return Arrays.stream(values()).map(Basis::id).toList();
    }
}
