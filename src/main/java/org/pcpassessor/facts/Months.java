package org.pcpassessor.facts;

import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Calendar helpers: UK financial years (April to March) and the report's month formats. */
public final class Months {
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM-yy", Locale.UK);

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
        return y + "/" + String.format(Locale.ROOT, "%02d", (y + 1) % 100);
    }

    /** "December 2020". */
    public static String longName(YearMonth month) {
        return LONG.format(month);
    }

    /** "Dec-19", as in the report tables' column headings. */
    public static String shortName(YearMonth month) {
        return SHORT.format(month);
    }
}
