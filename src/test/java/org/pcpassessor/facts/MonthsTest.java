package org.pcpassessor.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The month labels are built from tables for speed (a label is made for every sample of a run); they must be the
 * text Java's own formatter writes for the patterns the reports use, which is the reference here.
 */
class MonthsTest {
    @Test
    void longNamesAreTheFormattersText() {
        DateTimeFormatter reference = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
        for (int year : new int[] {-5, 0, 999, 1000, 1899, 1900, 1999, 2020, 2021, 2299, 2300, 9999, 10000, 123456}) {
            for (int month = 1; month <= 12; month++) {
                YearMonth m = YearMonth.of(year, month);
                assertEquals(reference.format(m), Months.longName(m));
            }
        }
        assertEquals("December 2020", Months.longName(YearMonth.of(2020, 12)));
    }

    @Test
    void theLongNamesOfTheKeptYearsAreMadeOnce() {
        // 1900 to 2299 are kept: asked twice, the same string; outside them, made each time (still equal)
        assertSame(Months.longName(YearMonth.of(1900, 1)), Months.longName(YearMonth.of(1900, 1)));
        assertSame(Months.longName(YearMonth.of(2020, 12)), Months.longName(YearMonth.of(2020, 12)));
        assertSame(Months.longName(YearMonth.of(2299, 12)), Months.longName(YearMonth.of(2299, 12)));
        assertNotSame(Months.longName(YearMonth.of(2300, 1)), Months.longName(YearMonth.of(2300, 1)));
        assertNotSame(Months.longName(YearMonth.of(1899, 12)), Months.longName(YearMonth.of(1899, 12)));
    }

    @Test
    void financialYearLabels() {
        assertEquals("2019/20", Months.financialYearLabel(YearMonth.of(2019, 4)));
        assertEquals("2008/09", Months.financialYearLabel(YearMonth.of(2008, 4)));
        assertEquals("1999/00", Months.financialYearLabel(YearMonth.of(1999, 4)));
    }

    /**
     * Which months each comparison covers, counted by hand for report month December 2020: the benchmark's rolling
     * 12 months are January to December 2020; 1yr's average the 12 months before (December 2019 to November 2020);
     * 3yr's the 36 before (December 2017 to November 2020); lastYear's the one month December 2019.
     */
    @Test
    void periodsAreWordedFromTheMonthsTheyCover() {
        YearMonth dec = YearMonth.of(2020, 12);
        assertEquals("rolling 12 months January 2020 to December 2020",
                Months.observedPeriod(org.pcpassessor.catalogue.Basis.BENCHMARK, dec));
        assertEquals("December 2020", Months.observedPeriod(org.pcpassessor.catalogue.Basis.ONE_YEAR, dec));
        assertEquals("average of December 2019 to November 2020",
                Months.expectedPeriod(org.pcpassessor.catalogue.Basis.ONE_YEAR, dec, "unused"));
        assertEquals("average of December 2017 to November 2020",
                Months.expectedPeriod(org.pcpassessor.catalogue.Basis.THREE_YEAR, dec, "unused"));
        assertEquals("December 2019", Months.expectedPeriod(org.pcpassessor.catalogue.Basis.LAST_YEAR, dec, "unused"));
        assertEquals("financial year 2019/20", Months.financialYear(Months.baselineYearStart(dec)));
        assertEquals("12 months to December 2020", Months.twelveMonthsTo(dec));
        assertEquals("March 2021", Months.range(YearMonth.of(2021, 3), YearMonth.of(2021, 3)));
    }
}
