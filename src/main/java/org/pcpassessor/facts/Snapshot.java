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
 * @param areaLevel where the area sits in the catalogue's areas: {@code headline} (the Force), {@code area} (an area
 *                 of it: North), {@code district} (an area of an area: Huntingdonshire)
 * @param parentArea the area it is part of: the headline area for an area, its area for a district; empty for the
 *                 headline area
 * @param kind     count, rate, proportion or median (as written in the catalogue)
 * @param polarity up-is-good, down-is-good or neutral
 * @param subject  the noun phrase sentences talk about, with its article when it takes one
 * @param shortSubject its short form, used once a paragraph has named the subject ("these crimes", "the rate")
 * @param units    what the measure counts, as the catalogue's {@code unit} says it ("calls", "minutes"); empty when it
 *                 gives none. Not {@code unit}: that is a DRL keyword, and a rule could not match a field of that name
 * @param wholeData whether every value of the measure's data is a whole number (minutes, say): then a median of
 *                 months is stated whole too ("195 minutes", not "194.5")
 * @param baselineLabel "2019/20" (the financial year) or "fixed" (a number given in the catalogue)
 * @param rolling12Denominator for rates and proportions, the sum of the rolling 12 months' denominators (the
 *                 survey n); NaN for counts and medians
 * @param figures  each figure with how it was made
 */
public record Snapshot(String measureId, String area, boolean headline, String areaLevel, String parentArea,
                       String pillar, String priority, String label,
                       String subject, String shortSubject, String kind, String polarity, String units, boolean wholeData,
                       YearMonth month,
                       double current, double previousMonth, double sameMonthLastYear, double twoYearsAgo,
                       double threeYearsAgo, double rolling12, double rolling12PreviousMonth,
                       double rolling12LastYear, double baseline, String baselineLabel, double avg1yr,
                       double avg3yr, double changeVsLastYear, double changeVsBaseline,
                       double changeRolling12VsLastYear, double rolling12Denominator, List<Figure> figures) {

    public Snapshot {
        Objects.requireNonNull(measureId, "measureId");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(areaLevel, "areaLevel");
        Objects.requireNonNull(parentArea, "parentArea");
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

    /**
     * A snapshot made field by field, for code that builds one by hand (tests, tools): every figure {@code NaN} (not
     * made) until set, text fields empty, a headline count of neutral polarity with no figures listed. The record's
     * own constructor, with its 30 components in order, stays for the calculator that fills them all.
     */
    public static Builder builder(String measureId, String area, YearMonth month) {
        return new Builder(measureId, area, month);
    }

    /** See {@link #builder}; each setter sets the component of the same name. */
    public static final class Builder {
        private final String measureId;
        private final String area;
        private boolean headline = true;
        /** Unless {@link #within} says: the headline area's level, or an area's. */
        private String areaLevel;
        private String parentArea = "";
        private String pillar = "";
        private String priority = "";
        private String label = "";
        private String subject = "";
        private String shortSubject = "";
        private String kind = "count";
        private String polarity = "neutral";
        private String units = "";
        private boolean wholeData = false;
        private final YearMonth month;
        private double current = Double.NaN;
        private double previousMonth = Double.NaN;
        private double sameMonthLastYear = Double.NaN;
        private double twoYearsAgo = Double.NaN;
        private double threeYearsAgo = Double.NaN;
        private double rolling12 = Double.NaN;
        private double rolling12PreviousMonth = Double.NaN;
        private double rolling12LastYear = Double.NaN;
        private double baseline = Double.NaN;
        private String baselineLabel = "";
        private double avg1yr = Double.NaN;
        private double avg3yr = Double.NaN;
        private double changeVsLastYear = Double.NaN;
        private double changeVsBaseline = Double.NaN;
        private double changeRolling12VsLastYear = Double.NaN;
        private double rolling12Denominator = Double.NaN;
        private List<Figure> figures = List.of();

        private Builder(String measureId, String area, YearMonth month) {
            this.measureId = measureId;
            this.area = area;
            this.month = month;
        }

        public Builder headline(boolean headline) {
            this.headline = headline;
            return this;
        }

        public Builder pillar(String pillar) {
            this.pillar = pillar;
            return this;
        }

        public Builder priority(String priority) {
            this.priority = priority;
            return this;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder shortSubject(String shortSubject) {
            this.shortSubject = shortSubject;
            return this;
        }

        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        public Builder polarity(String polarity) {
            this.polarity = polarity;
            return this;
        }

        public Builder units(String units) {
            this.units = units;
            return this;
        }

        public Builder wholeData(boolean wholeData) {
            this.wholeData = wholeData;
            return this;
        }

        /** Where the area sits ({@code headline}, {@code area}, {@code district}) and the area it is part of. */
        public Builder within(String areaLevel, String parentArea) {
            this.areaLevel = areaLevel;
            this.parentArea = parentArea;
            return this;
        }

        public Builder current(double current) {
            this.current = current;
            return this;
        }

        public Builder previousMonth(double previousMonth) {
            this.previousMonth = previousMonth;
            return this;
        }

        public Builder sameMonthLastYear(double sameMonthLastYear) {
            this.sameMonthLastYear = sameMonthLastYear;
            return this;
        }

        public Builder twoYearsAgo(double twoYearsAgo) {
            this.twoYearsAgo = twoYearsAgo;
            return this;
        }

        public Builder threeYearsAgo(double threeYearsAgo) {
            this.threeYearsAgo = threeYearsAgo;
            return this;
        }

        public Builder rolling12(double rolling12) {
            this.rolling12 = rolling12;
            return this;
        }

        public Builder rolling12PreviousMonth(double rolling12PreviousMonth) {
            this.rolling12PreviousMonth = rolling12PreviousMonth;
            return this;
        }

        public Builder rolling12LastYear(double rolling12LastYear) {
            this.rolling12LastYear = rolling12LastYear;
            return this;
        }

        public Builder baseline(double baseline) {
            this.baseline = baseline;
            return this;
        }

        public Builder baselineLabel(String baselineLabel) {
            this.baselineLabel = baselineLabel;
            return this;
        }

        public Builder avg1yr(double avg1yr) {
            this.avg1yr = avg1yr;
            return this;
        }

        public Builder avg3yr(double avg3yr) {
            this.avg3yr = avg3yr;
            return this;
        }

        public Builder changeVsLastYear(double changeVsLastYear) {
            this.changeVsLastYear = changeVsLastYear;
            return this;
        }

        public Builder changeVsBaseline(double changeVsBaseline) {
            this.changeVsBaseline = changeVsBaseline;
            return this;
        }

        public Builder changeRolling12VsLastYear(double changeRolling12VsLastYear) {
            this.changeRolling12VsLastYear = changeRolling12VsLastYear;
            return this;
        }

        public Builder rolling12Denominator(double rolling12Denominator) {
            this.rolling12Denominator = rolling12Denominator;
            return this;
        }

        public Builder figures(List<Figure> figures) {
            this.figures = figures;
            return this;
        }

        public Snapshot build() {
            return new Snapshot(measureId, area, headline, areaLevel != null ? areaLevel : headline ? "headline" : "area",
                    parentArea, pillar, priority, label, subject, shortSubject, kind,
                    polarity, units, wholeData, month, current, previousMonth, sameMonthLastYear, twoYearsAgo,
                    threeYearsAgo, rolling12, rolling12PreviousMonth, rolling12LastYear, baseline, baselineLabel,
                    avg1yr, avg3yr, changeVsLastYear, changeVsBaseline, changeRolling12VsLastYear,
                    rolling12Denominator, figures);
        }
    }
}
