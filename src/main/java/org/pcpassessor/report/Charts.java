package org.pcpassessor.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcpassessor.catalogue.Polarity;
import org.pcpassessor.facts.Months;
import org.pcpassessor.facts.Snapshot;
import org.pcpassessor.wording.Values;
import org.pcpassessor.narrative.MeasureReport;
import org.pcpassessor.stats.History;

/**
 * The geometry of a measure's two charts, for the HTML template to draw as SVG: the XmR (SPC) chart of the monthly
 * series over the SPC window, with its mean, process limits and each month's point classed as Making Data Count
 * colours it (common cause; special cause of improvement, of concern, or of neither for a measure with no
 * polarity), the report month marked; and the rolling 12-month line with the baseline.
 *
 * <p>The SVG itself is written by the template ({@code templates/report.html}), not here: the charts are lines,
 * circles and two axis labels, which a template draws more simply than a charting library would (no AWT fonts on
 * a headless server, the same bytes on every run, and the analyst can restyle them), so this class only places
 * the points. Every chart also gets a text alternative stating its values.
 */
final class Charts {
    static final int WIDTH = 360;
    static final int HEIGHT = 170;
    private static final int LEFT = 58;
    private static final int RIGHT = 8;
    /** Room above the plot for the chart's heading. */
    private static final int TOP = 24;
    private static final int BOTTOM = 22;

    private Charts() {
    }

    /** A measure's two charts: its SPC chart ({@link #spc}) and its rolling 12 months ({@link #rolling}). */
    record Drawn(Optional<Map<String, Object>> spc, Optional<Map<String, Object>> rolling) {
    }

    /**
     * How many measures' charts {@link #of} keeps: more than a force's page has (the bundled one 37), so that a watch
     * draws none again while the data stay as they are; few enough that the assessments they hold on to stay small
     * beside a run's. A page of more measures draws them all, as if nothing were kept.
     */
    static final int KEPT = 256;

    /** The charts drawn, by what they were drawn from ({@link Source}), least recently used first. */
    private static final Map<Source, Drawn> DRAWN = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Source, Drawn> eldest) {
            return size() > KEPT;
        }
    };

    /**
     * What a measure's charts are drawn from, and all they are drawn from: its declaration, its area and its
     * assessment (the series, statistics and SPC history), the first and last compared as objects, not by value.
     * A watch reuses the assessments while only the rules or the wording change; an edit to the data or the
     * catalogue makes new ones.
     */
    private record Source(Object measure, String area, Object assessment) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Source s && s.measure == measure && s.area.equals(area) && s.assessment == assessment;
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(measure) * 31 + area.hashCode()) * 31 + System.identityHashCode(assessment);
        }
    }

    /**
     * The measure's two charts, drawn once for the same measure, area and assessment (see {@link Source}): a
     * wording or rule edit under {@code watch} reuses the statistics, and drawing the charts again was a quarter of
     * the page's time (docs/performance.md). The views are never changed once drawn: a writer that adds to one
     * copies it first.
     */
    static Drawn of(MeasureReport r) {
        Source source = new Source(r.measure(), r.area(), r.assessment());
        synchronized (DRAWN) {
            Drawn kept = DRAWN.get(source);
            if (kept != null) {
                return kept;
            }
        }
        Drawn drawn = new Drawn(spc(r), rolling(r));
        synchronized (DRAWN) {
            DRAWN.put(source, drawn);
        }
        return drawn;
    }

    /** The SPC chart's view, empty when the window has fewer than two months with values. */
    static Optional<Map<String, Object>> spc(MeasureReport r) {
        History h = r.assessment().history();
        if (!h.charted()) {
            return Optional.empty();
        }
        Snapshot s = r.assessment().snapshot();
        List<History.Point> on = h.points().stream().filter(p -> Double.isFinite(p.value())).toList();
        Scale y = Scale.of(on.stream().mapToDouble(History.Point::value), h.mean(), h.lpl(), h.upl());
        int n = h.points().size();
        List<Map<String, Object>> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        List<String> said = new ArrayList<>();
        List<String> special = new ArrayList<>();
        List<String> ghosted = new ArrayList<>();
        int firstRead = -1;
        for (int i = 0; i < n; i++) {
            History.Point p = h.points().get(i);
            if (!Double.isFinite(p.value())) {
                continue;
            }
            firstRead = firstRead < 0 && p.read() ? i : firstRead;
            double px = x(i, n);
            double py = y.at(p.value());
            line.append(line.isEmpty() ? "" : " ").append(f(px)).append(',').append(f(py));
            String value = Values.cell(s, p.value());
            Map<String, Object> dot = new LinkedHashMap<>();
            dot.put("x", f(px));
            dot.put("y", f(py));
            String kind = p.ghost() ? "ghost" : p.read() ? kind(p, r.measure().polarity()) : "before";
            dot.put("kind", kind);
            dot.put("current", i == n - 1);
            // told apart by shape as well as colour: a circle, or a diamond (improvement), square (concern) or
            // triangle (neither) for a special cause
            dot.put("round", !Set.of("improvement", "concern", "neither").contains(kind));
            dot.put("d", shape(kind, px, py, i == n - 1 ? 5.5 : 4));
            dot.put("label", Months.shortName(p.month()) + ": " + value
                    + (p.special() ? " (special cause: " + String.join(", ", p.rules()) + ")" : "")
                    + (p.ghost() ? " (left out of the mean and limits)" : "")
                    + (!p.read() && !p.ghost() ? " (before the limits were recalculated)" : ""));
            if (p.ghost()) {
                ghosted.add(Months.shortName(p.month()));
            }
            dots.add(dot);
            said.add(Months.shortName(p.month()) + " " + value);
            if (p.special()) {
                special.add(Months.shortName(p.month()));
            }
        }
        Map<String, Object> view = frame(r, y, h.points());
        view.put("title", "SPC chart of " + r.measure().label() + ", " + r.area() + ", "
                + Months.shortName(h.points().get(0).month()) + " to " + Months.shortName(h.points().get(n - 1).month()));
        List<Map<String, Object>> markers = markers(h, n, r);
        view.put("desc", "Monthly values: " + String.join("; ", said) + ". Mean " + Values.cell(s, h.mean())
                + "; process limits " + Values.cell(s, h.lpl()) + " to " + Values.cell(s, h.upl())
                + (firstRead > 0 ? " (recalculated from " + Months.shortName(h.points().get(firstRead).month()) + ")"
                : "") + ". " + (special.isEmpty() ? "No special cause." : "Special cause in "
                + String.join(", ", special) + ".")
                + (ghosted.isEmpty() ? "" : " Left out of the mean and limits: " + String.join(", ", ghosted) + ".")
                + markers.stream().map(m -> " " + m.get("label") + ".").collect(java.util.stream.Collectors.joining()));
        view.put("limitsX", f(x(Math.max(0, firstRead), n)));
        view.put("markers", markers);
        view.put("line", line.toString());
        view.put("dots", dots);
        view.put("meanY", f(y.at(h.mean())));
        view.put("lplY", f(y.at(h.lpl())));
        view.put("uplY", f(y.at(h.upl())));
        view.put("heading", "Monthly, with its mean and process limits");
        // a count's lines labelled in whole numbers, as its text says them ("the average of the last 24 months (893)")
        java.util.function.DoubleFunction<String> whole = v -> Values.cell(s, "count".equals(s.kind())
                ? Math.floor(v + 0.5) : v);
        view.put("meanLabel", "mean " + whole.apply(h.mean()));
        view.put("uplLabel", "upper limit " + whole.apply(h.upl()));
        view.put("lplLabel", "lower limit " + whole.apply(h.lpl()));
        return Optional.of(view);
    }

    /** The outline of a special-cause point: a diamond, a square or a triangle of about radius r around x, y. */
    static String shape(String kind, double x, double y, double r) {
        return switch (kind) {
            case "improvement" -> "M" + f(x) + "," + f(y - r) + " L" + f(x + r) + "," + f(y) + " L" + f(x) + ","
                    + f(y + r) + " L" + f(x - r) + "," + f(y) + " Z";
            case "concern" -> "M" + f(x - r * 0.8) + "," + f(y - r * 0.8) + " h" + f(r * 1.6) + " v" + f(r * 1.6)
                    + " h" + f(-r * 1.6) + " Z";
            case "neither" -> "M" + f(x) + "," + f(y - r) + " L" + f(x + r) + "," + f(y + r * 0.8) + " L"
                    + f(x - r) + "," + f(y + r * 0.8) + " Z";
            default -> "";
        };
    }

    /** The events marked on a chart: a vertical line at the month, with what happened. */
    private static List<Map<String, Object>> markers(History h, int n, MeasureReport r) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (History.Marker m : h.markers()) {
            for (int i = 0; i < n; i++) {
                if (h.points().get(i).month().equals(m.month())) {
                    Map<String, Object> marker = new LinkedHashMap<>();
                    marker.put("x", f(x(i, n)));
                    marker.put("top", TOP);
                    marker.put("bottom", HEIGHT - BOTTOM);
                    marker.put("label", Months.shortName(m.month()) + ": " + m.kind() + " (" + m.text() + ")");
                    out.add(marker);
                }
            }
        }
        return out;
    }

    /** The rolling 12-month chart's view, empty when no month of the window has a rolling 12-month figure. */
    static Optional<Map<String, Object>> rolling(MeasureReport r) {
        History h = r.assessment().history();
        Snapshot s = r.assessment().snapshot();
        List<History.Point> on = h.points().stream().filter(p -> Double.isFinite(p.rolling12())).toList();
        if (on.isEmpty()) {
            return Optional.empty();
        }
        Scale y = Scale.of(on.stream().mapToDouble(History.Point::rolling12), s.baseline(), Double.NaN, Double.NaN);
        int n = h.points().size();
        StringBuilder line = new StringBuilder();
        List<String> said = new ArrayList<>();
        List<Map<String, Object>> dots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            History.Point p = h.points().get(i);
            if (!Double.isFinite(p.rolling12())) {
                continue;
            }
            line.append(line.isEmpty() ? "" : " ").append(f(x(i, n))).append(',').append(f(y.at(p.rolling12())));
            said.add(Months.shortName(p.month()) + " " + Values.cell(s, p.rolling12()));
            if (i == n - 1) {
                dots.add(Map.of("x", f(x(i, n)), "y", f(y.at(p.rolling12())), "kind", "common", "current", true,
                        "label", Months.shortName(p.month()) + ": " + Values.cell(s, p.rolling12())));
            }
        }
        Map<String, Object> view = frame(r, y, h.points());
        view.put("title", "Rolling 12 months of " + r.measure().label() + ", " + r.area() + ", with the baseline");
        view.put("desc", "Rolling 12-month figures: " + String.join("; ", said) + ". "
                + (Double.isFinite(s.baseline()) ? "Baseline (" + s.baselineLabel() + ") " + Values.cell(s, s.baseline())
                + "." : "No baseline."));
        view.put("line", line.toString());
        view.put("dots", dots);
        view.put("baseline", Double.isFinite(s.baseline()));
        view.put("markers", markers(h, n, r));
        view.put("baselineY", f(y.at(s.baseline())));
        view.put("heading", "Rolling 12 months, with the baseline");
        view.put("baselineLabel", Double.isFinite(s.baseline()) ? "baseline (" + s.baselineLabel() + ") "
                + Values.cell(s, s.baseline()) : "");
        return Optional.of(view);
    }

    /** The frame both charts share: size, plot area, axis labels (the scale's ends, the first and last month). */
    private static Map<String, Object> frame(MeasureReport r, Scale y, List<History.Point> points) {
        Snapshot s = r.assessment().snapshot();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("width", WIDTH);
        view.put("height", HEIGHT);
        view.put("left", LEFT);
        view.put("right", WIDTH - RIGHT);
        view.put("top", TOP);
        view.put("bottom", HEIGHT - BOTTOM);
        // A count's axis is labelled in whole numbers (medians of whole minutes are rounded by Values.cell itself).
        boolean count = "count".equals(s.kind());
        view.put("yMax", Values.cell(s, count ? Math.round(y.high) : y.high));
        view.put("yMin", Values.cell(s, count ? Math.round(y.low) : y.low));
        view.put("yTicks", yTicks(s, y, count));
        view.put("xTicks", xTicks(points));
        view.put("xFirst", Months.shortName(points.get(0).month()));
        view.put("xLast", Months.shortName(points.get(points.size() - 1).month()));
        view.put("labelY", HEIGHT - 6);
        return view;
    }

    /**
     * Values up the side a reader can read off: at least three round steps (1, 2 or 5 times a power of ten) inside
     * the scale, each with its grid line.
     */
    private static List<Map<String, Object>> yTicks(Snapshot s, Scale y, boolean count) {
        double range = y.high - y.low;
        List<Map<String, Object>> ticks = new ArrayList<>();
        if (!(range > 0)) {
            return ticks;
        }
        // the largest round step (5, 2, 2.5 or 1 times a power of ten) that puts at least three values inside
        double step = Math.pow(10, Math.ceil(Math.log10(range)));
        for (int k = 0; k < 40 && Math.floor(y.high / step) - Math.ceil(y.low / step) + 1 < 3; k++) {
            double[] next = {0.5, 0.4, 0.5}; // 10 -> 5 -> 2 -> 1, by factors of a half, two fifths and a half
            step *= next[k % 3];
        }
        if (count) {
            step = Math.max(1, Math.round(step));
        }
        for (long k = (long) Math.ceil(y.low / step); k * step <= y.high + step * 1e-9; k++) {
            double v = k * step + 0.0; // a whole multiple of the step, and never -0 ("-0.0%")
            ticks.add(Map.of("y", f(y.at(v)), "label", Values.cell(s, count ? Math.round(v) : v)));
        }
        return ticks;
    }

    /** Months along the bottom: each January and July of the window, and its last month. */
    private static List<Map<String, Object>> xTicks(List<History.Point> points) {
        int n = points.size();
        List<Map<String, Object>> ticks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int m = points.get(i).month().getMonthValue();
            boolean last = i == n - 1;
            if (last || ((m == 1 || m == 7) && n - 1 - i >= 3)) {
                ticks.add(Map.of("x", f(x(i, n)), "label", Months.shortName(points.get(i).month()),
                        "anchor", last ? "end" : i == 0 ? "start" : "middle"));
            }
        }
        return ticks;
    }

    /** Making Data Count's colour classes: grey common cause, blue improvement, orange concern, purple neither. */
    static String kind(History.Point p, Polarity polarity) {
        return kind(p.special(), p.side(), polarity);
    }

    /** The class of a month special cause or not, on its side of the mean (+1 above, -1 below), under a polarity. */
    static String kind(boolean special, int side, Polarity polarity) {
        if (!special || side == 0) {
            return "common";
        }
        if (polarity == Polarity.NEUTRAL) {
            return "neither";
        }
        return (side > 0) == (polarity == Polarity.UP_IS_GOOD) ? "improvement" : "concern";
    }

    private static double x(int i, int n) {
        return n == 1 ? (LEFT + WIDTH - RIGHT) / 2.0 : LEFT + (WIDTH - RIGHT - LEFT) * (double) i / (n - 1);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A vertical scale over the values and the given lines, padded by a twentieth of the range each side. */
    private record Scale(double low, double high) {
        static Scale of(java.util.stream.DoubleStream values, double... lines) {
            double[] all = java.util.stream.DoubleStream.concat(values, java.util.Arrays.stream(lines))
                    .filter(Double::isFinite).toArray();
            double lo = java.util.Arrays.stream(all).min().orElse(0);
            double hi = java.util.Arrays.stream(all).max().orElse(1);
            double pad = hi > lo ? (hi - lo) / 20 : Math.max(Math.abs(hi) / 10, 1);
            return new Scale(lo - pad, hi + pad);
        }

        double at(double v) {
            return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * (v - low) / (high - low);
        }
    }
}
