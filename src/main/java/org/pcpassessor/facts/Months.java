package org.pcpassessor.facts;

import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.pcpassessor.catalogue.Basis;

/**
 * Calendar helpers, and the one place where months and periods are put into words: UK financial years (April to
 * March), the report's month formats, and which months a figure or a comparison covers ("12 months to December
 * 2020", "rolling 12 months January 2020 to December 2020", "average of December 2019 to November 2020",
 * "financial year 2019/20"). The wording files name these through the values {@code month}, {@code rolling12Period}
 * and the comparisons' {@code observedPeriod} and {@code expectedPeriod}.
 */
public final class Months {
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM-yy", Locale.UK);
    /** The month names of {@link #LONG}, made by it: "January", ... (labels are made for every sample of a run). */
    private static final String[] NAMES = java.util.stream.IntStream.rangeClosed(1, 12)
            .mapToObj(m -> DateTimeFormatter.ofPattern("MMMM", Locale.UK).format(Month.of(m))).toArray(String[]::new);

    private Months() {
    }

    /** April of the financial year that contains {@code month}. */
    public static YearMonth financialYearStart(YearMonth month) {
        int year = month.getMonthValue() >= Month.APRIL.getValue() ? month.getYear() : month.getYear() - 1;
        return YearMonth.of(year, Month.APRIL);
    }

    /** April of the last complete financial year before the one containing {@code month}. */
    public static YearMonth baselineYearStart(YearMonth month) {
        return financialYearStart(month).minusYears(1);
    }

    /** "2019/20" for the financial year starting April 2019. */
    public static String financialYearLabel(YearMonth aprilStart) {
        int y = aprilStart.getYear();
        int next = Math.floorMod(y + 1, 100);
        return y + "/" + (next < 10 ? "0" : "") + next;
    }

    /**
     * "December 2020". The names of the years 1900 to 2299 are each made once and shared: a run names months in
     * every fact of every series (since when, from when, which months), millions of strings of a few dozen names
     * at national scale.
     */
    public static String longName(YearMonth month) {
        int year = month.getYear();
        int m = (year - FIRST_YEAR) * 12 + month.getMonthValue() - 1;
        if (m < 0 || m >= LONG_NAMES.length) {
            // "yyyy" writes years 1000 to 9999 as they are; others (padded, signed) are left to the formatter
            return year >= 1000 && year <= 9999 ? NAMES[month.getMonthValue() - 1] + " " + year : LONG.format(month);
        }
        String kept = LONG_NAMES[m];
        if (kept == null) { // two threads may both make it: equal strings, either kept
            kept = NAMES[month.getMonthValue() - 1] + " " + year;
            LONG_NAMES[m] = kept;
        }
        return kept;
    }

    private static final int FIRST_YEAR = 1900;
    private static final String[] LONG_NAMES = new String[400 * 12];

    /** "Dec-19", as in the report tables' column headings. */
    public static String shortName(YearMonth month) {
        return SHORT.format(month);
    }

    /** "January 2020 to December 2020", or "December 2020" when the two are one month. */
    public static String range(YearMonth from, YearMonth to) {
        return from.equals(to) ? longName(from) : longName(from) + " to " + longName(to);
    }

    /** "financial year 2019/20" for the financial year starting April 2019. */
    public static String financialYear(YearMonth aprilStart) {
        return "financial year " + financialYearLabel(aprilStart);
    }

    /** "12 months to December 2020": the rolling 12 months that end with {@code month}. */
    public static String twelveMonthsTo(YearMonth month) {
        return "12 months to " + longName(month);
    }

    /**
     * Which months the observed side of a comparison covers for report month {@code month}: "December 2020" for a
     * single month, "rolling 12 months January 2020 to December 2020" for the benchmark's.
     */
    public static String observedPeriod(Basis basis, YearMonth month) {
        return basis.observedMonths() == 1 ? longName(month)
                : "rolling 12 months " + range(basis.observedFrom(month), month);
    }

    /**
     * Which months the expected side of a comparison covers: "December 2019" for one month, "average of December
     * 2019 to November 2020" for several; the benchmark's is its baseline, worded by the caller
     * ({@link #financialYear}, or the catalogue's fixed figure).
     */
    public static String expectedPeriod(Basis basis, YearMonth month, String baseline) {
        if (basis.isBaseline()) {
            return baseline;
        }
        if (basis.expectedMonths() == 1) {
            return longName(basis.expectedTo(month));
        }
        // 12 months against 12 months compares totals (or pooled rates), not averages
        return (basis.observedMonths() > 1 ? "rolling 12 months " : "average of ")
                + range(basis.expectedFrom(month), basis.expectedTo(month));
    }
}
