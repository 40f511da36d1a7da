package org.pcpassessor.stats;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * What the report's charts show of a measure in an area: the months of the SPC window up to the report month
 * ({@code report.spc.window}, 24 by default), each with its monthly and rolling 12-month figure and its place on
 * the XmR chart of the monthly series, and the chart's mean and process limits. A month without a value (a rate
 * over a zero denominator) has NaN figures and is not on the XmR chart; the limits are NaN when fewer than two
 * months have values.
 */
public record History(List<Point> points, double mean, double lpl, double upl, List<Marker> markers) {

    public History {
        points = List.copyOf(points);
        markers = List.copyOf(markers);
    }

    /** An empty history (no month charted). */
    public static final History NONE = new History(List.of(), Double.NaN, Double.NaN, Double.NaN, List.of());

    /**
     * An event marked on the charts: a declared event (its kind and the analyst's text) or a break in supply the data
     * checks found.
     */
    public record Marker(YearMonth month, String kind, String text) {
        public Marker {
            Objects.requireNonNull(month, "month");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A month of the chart.
     *
     * @param special whether the month is part of any special-cause rule ({@code rules} says which)
     * @param side    +1 above the mean, -1 below, 0 on it (0 when not charted or ghosted)
     * @param ghost   shown, but left out of the mean, limits and rules (a declared lockdown, an implausible zero)
     * @param read    on the chart whose limits are drawn (false before a rebase, or when the chart is not read)
     */
    public record Point(YearMonth month, double value, double rolling12, boolean special, int side,
                        List<String> rules, boolean ghost, boolean read) {
        public Point {
            Objects.requireNonNull(month, "month");
            rules = List.copyOf(rules);
        }
    }

    public boolean charted() {
        return Double.isFinite(mean);
    }
}
