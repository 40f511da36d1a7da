package org.pcpassessor.facts;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * Every figure of one measure in one area for the report month: the fact that rules classify. Figures that
 * cannot be made (too little history) are {@code NaN}; {@link #has(double)} tells. Rates and proportions are
 * fractions (0.103), changes of them are in fraction points (0.012 = 1.2ppts); changes of counts and medians
 * are relative (0.147 = 14.7%).
 *
 * @param headline true for the catalogue's first (headline) area
 * @param kind     count, rate, proportion or median (as written in the catalogue)
 * @param polarity up-is-good, down-is-good or neutral
 * @param subject  the noun phrase sentences talk about, with its article when it takes one
 * @param shortSubject its short form, used once a paragraph has named the subject ("these crimes", "the rate")
 * @param wholeData whether every value of the measure's data is a whole number (minutes, say): then a median of
 *                 months is stated whole too ("195 minutes", not "194.5")
 * @param baselineLabel "2019/20" (the financial year) or "fixed" (a number given in the catalogue)
 * @param rolling12Denominator for rates and proportions, the sum of the rolling 12 months' denominators (the
 *                 survey n); NaN for counts and medians
 * @param figures  each figure with how it was made
 */
public record Snapshot(String measureId, String area, boolean headline, String pillar, String priority, String label,
                       String subject, String shortSubject, String kind, String polarity, String unit, boolean wholeData,
                       YearMonth month,
                       double current, double previousMonth, double sameMonthLastYear, double twoYearsAgo,
                       double threeYearsAgo, double rolling12, double rolling12PreviousMonth,
                       double rolling12LastYear, double baseline, String baselineLabel, double avg1yr,
                       double avg3yr, double changeVsLastYear, double changeVsBaseline,
                       double changeRolling12VsLastYear, double rolling12Denominator, List<Figure> figures) {

    public Snapshot {
        Objects.requireNonNull(measureId, "measureId");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(baselineLabel, "baselineLabel");
        figures = List.copyOf(figures);
    }

    /**
     * The hash of the series and month only, consistent with the record's equality (equal snapshots have the same
     * measure, area and month): the default hash walks every figure, and the engine and the composer hash a
     * snapshot, or a finding holding one, many times a run.
     */
    @Override
    public int hashCode() {
        return Objects.hash(measureId, area, month);
    }

    /**
     * The denominator of a figure of a rate or proportion ({@code "current"}: the month's cases, responses or calls),
     * or NaN when the figure has none: {@code snapshot.denominatorOf("current") < 20}.
     */
    public double denominatorOf(String figure) {
        for (Figure f : figures) {
            if (f.name().equals(figure) && f.hasParts()) {
                return f.denominator();
            }
        }
        return Double.NaN;
    }

    /** True when a figure could be made. */
    public static boolean has(double figure) {
        return !Double.isNaN(figure);
    }

    /** True for rates and proportions, whose changes are in percentage points. */
    public boolean isRatio() {
        return "rate".equals(kind) || "proportion".equals(kind);
    }

    @Override
    public String toString() {
        return "Snapshot[" + measureId + "/" + area + " " + month + "]";
    }
}
