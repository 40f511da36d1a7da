package org.pcpassessor.stats;

import org.pcpassessor.facts.Snapshot;
import org.pcpassessor.facts.Figure;
import org.pcpassessor.facts.Comparison;
import org.pcpassessor.facts.Extreme;
import org.pcpassessor.facts.Streak;
import org.pcpassessor.facts.Trend;
import org.pcpassessor.facts.SpcSignal;
import org.pcpassessor.facts.Months;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcpassessor.catalogue.Basis;
import org.pcpassessor.catalogue.Kind;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.data.Series;

/**
 * Computes every figure and test of the design notes for one measure, area and month. Figures that need
 * months outside the series are NaN; tests that need them are left out.
 */
public final class Calculator {
    /** How many rolling 12-month values the trend test looks at. */
    public static final int TREND_MONTHS = 6;
    /** How far back a run of outcomes is followed. */
    private static final int MAX_RUN = 36;

    private final Measure measure;
    private final Series series;
    private final boolean headline;
    private final double confidence;
    private final Kind kind;
    private final org.pcpassessor.catalogue.SpcSettings spc;
    /** The series' running totals, read once: every window's sum comes from them (see {@link Sums}). */
    private final Sums numeratorSums;
    private final Sums denominatorSums;

    public Calculator(Measure measure, Series series, boolean headline, double confidence) {
        this(measure, series, headline, confidence, org.pcpassessor.catalogue.SpcSettings.DEFAULT);
    }

    public Calculator(Measure measure, Series series, boolean headline, double confidence,
                      org.pcpassessor.catalogue.SpcSettings spc) {
        this.measure = measure;
        this.series = series;
        this.headline = headline;
        this.confidence = confidence;
        this.kind = measure.kind();
        this.spc = spc;
        this.numeratorSums = new Sums(series.numerators());
        this.denominatorSums = new Sums(series.denominators());
    }

    /** The assessment at {@code month}, which must lie inside the series. */
    public Assessment assess(YearMonth month) {
        int i = series.indexOf(month);
        if (i < 0) {
            throw new IllegalArgumentException(series + " has no " + month);
        }
        Snapshot snapshot = snapshot(i);
        List<Comparison> comparisons = new ArrayList<>();
        for (Basis basis : Basis.values()) {
            if (measure.reports(basis)) {
                comparison(basis, i, snapshot).ifPresent(comparisons::add);
            }
        }
        List<Extreme> extremes = new ArrayList<>();
        List<Streak> streaks = new ArrayList<>();
        double[] monthly = series.values(0, i);
        double[] rolling = rollingSeries(i);
        for (String name : List.of("monthly", "rolling12")) {
            double[] values = name.equals("monthly") ? monthly : rolling;
            int first = name.equals("monthly") ? 0 : 11;
            if (i < first || !Double.isFinite(values[i])) {
                continue;
            }
            extremes.add(extreme(name, "high", values, first, i, snapshot));
            extremes.add(extreme(name, "low", values, first, i, snapshot));
            streak(name, values, first, i, snapshot).ifPresent(streaks::add);
        }
        Optional<Spc.Chart> chart = chart(monthly, i);
        return new Assessment(snapshot, comparisons, extremes, streaks, trend(rolling, i, snapshot),
                chart.flatMap(c -> spc(c, monthly, i, snapshot)),
                headline ? history(chart, monthly, rolling, i) : History.NONE);
    }

    /**
     * The XmR chart of the last {@code window} months to month i (months without a value, a rate over a zero
     * denominator, are left out of the chart); empty when fewer than two months have values.
     */
    private Optional<Spc.Chart> chart(double[] monthly, int i) {
        double[] y = java.util.Arrays.stream(monthly, firstCharted(i), i + 1).filter(Double::isFinite).toArray();
        return y.length < 2 ? Optional.empty()
                : Optional.of(Spc.chart(y, new Spc.Options(spc.shift(), spc.trend(), spc.screen())));
    }

    private int firstCharted(int i) {
        return Math.max(0, i - spc.window() + 1);
    }

    /** The current month on the chart, when it has a value. */
    private Optional<SpcSignal> spc(Spc.Chart c, double[] monthly, int i, Snapshot snapshot) {
        if (!Double.isFinite(monthly[i])) {
            return Optional.empty();
        }
        double[] y = c.values();
        int last = y.length - 1;
        return Optional.of(new SpcSignal(measure.id(), series.area(), headline, kind.yamlName(),
                measure.polarity().yamlName(), y.length, Months.longName(series.month(firstCharted(i))), c.mean(),
                c.lpl(), c.upl(), c.screened(), y[last], c.side(last), c.special(last), c.rules(last), y.length < 12,
                snapshot));
    }

    /**
     * The months of the SPC window with their figures and chart marks, for the report's charts: only the headline
     * area's rows are charted, so other areas get {@link History#NONE} (24 points a series that nothing read: 115 MB
     * at 100,048 series).
     */
    private History history(Optional<Spc.Chart> chart, double[] monthly, double[] rolling, int i) {
        List<History.Point> points = new ArrayList<>();
        int charted = 0;
        for (int j = firstCharted(i); j <= i; j++) {
            boolean on = chart.isPresent() && Double.isFinite(monthly[j]);
            Spc.Chart c = chart.orElse(null);
            points.add(new History.Point(series.month(j), monthly[j], rolling[j], on && c.special(charted),
                    on ? c.side(charted) : 0, on ? c.rules(charted) : List.of()));
            charted += on ? 1 : 0;
        }
        return chart.map(c -> new History(points, c.mean(), c.lpl(), c.upl()))
                .orElse(new History(points, Double.NaN, Double.NaN, Double.NaN));
    }

    /** Whether every value of the series is whole (counts always; medians of whole minutes). */
    private boolean wholeData() {
        for (double v : series.numerators()) {
            if (Double.isFinite(v) && v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }

    private Snapshot snapshot(int i) {
        YearMonth month = series.month(i);
        List<Figure> figures = new ArrayList<>();
        double current = monthFigure("current", i, figures);
        double previous = monthFigure("previousMonth", i - 1, figures);
        double lastYear = monthFigure("sameMonthLastYear", i - 12, figures);
        double twoYears = monthFigure("twoYearsAgo", i - 24, figures);
        double threeYears = monthFigure("threeYearsAgo", i - 36, figures);
        double rolling12 = window("rolling12", i - 11, i, figures);
        double rolling12Previous = window("rolling12PreviousMonth", i - 12, i - 1, figures);
        double rolling12LastYear = window("rolling12LastYear", i - 23, i - 12, figures);
        double avg1yr = average("avg1yr", i - 12, i - 1, figures);
        double avg3yr = average("avg3yr", i - 36, i - 1, figures);
        YearMonth fyStart = Months.baselineYearStart(month);
        double baseline;
        String baselineLabel;
        if (measure.baseline().isPresent()) {
            baseline = measure.baseline().getAsDouble();
            baselineLabel = "fixed";
            figures.add(new Figure("baseline", baseline, Double.NaN, Double.NaN,
                    Labels.shared("fixed in the catalogue (" + measure.source() + ")")));
        } else {
            baselineLabel = Labels.shared(Months.financialYearLabel(fyStart));
            baseline = window("baseline", series.indexOf(fyStart), series.indexOf(fyStart.plusMonths(11)), figures,
                    "financial year " + baselineLabel + ": ");
        }
        return new Snapshot(measure.id(), series.area(), headline, measure.pillar(), measure.priority(),
                measure.label(), measure.subject(), measure.shortSubject(), kind.yamlName(), measure.polarity().yamlName(), measure.unit(),
                wholeData(), month, current, previous, lastYear, twoYears, threeYears, rolling12, rolling12Previous,
                rolling12LastYear, baseline, baselineLabel, avg1yr, avg3yr, change(current, lastYear),
                change(rolling12, baseline), change(rolling12, rolling12LastYear),
                figures.stream().filter(f -> f.name().equals("rolling12")).findFirst().map(Figure::denominator)
                        .orElse(Double.NaN), figures);
    }

    /** Relative change for counts and medians; difference in fraction points for rates and proportions. */
    private double change(double now, double then) {
        if (Double.isNaN(now) || Double.isNaN(then)) {
            return Double.NaN;
        }
        if (kind.hasDenominator()) {
            return now - then;
        }
        return then == 0 ? Double.NaN : (now - then) / then;
    }

    private double monthFigure(String name, int j, List<Figure> figures) {
        if (j < 0) {
            return Double.NaN;
        }
        double v = series.value(j);
        String how = Months.longName(series.month(j)) + " (" + series.source(j) + ")";
        figures.add(kind.hasDenominator()
                ? new Figure(name, v, series.numerator(j), series.denominator(j), how)
                : new Figure(name, v, Double.NaN, Double.NaN, how));
        return v;
    }

    private double window(String name, int from, int to, List<Figure> figures) {
        return window(name, from, to, figures, "");
    }

    private double window(String name, int from, int to, List<Figure> figures, String prefix) {
        if (from < 0 || to < 0 || to >= series.size()) {
            return Double.NaN;
        }
        Sample s = sample(from, to);
        String how = prefix + switch (kind) {
            case COUNT -> "sum of ";
            case RATE, PROPORTION -> "sum of numerators / sum of denominators, ";
            case MEDIAN -> "median of the monthly medians, ";
        };
        return addFigure(name, s, s.aggregate(), how, figures);
    }

    private double average(String name, int from, int to, List<Figure> figures) {
        if (from < 0) {
            return Double.NaN;
        }
        Sample s = sample(from, to);
        String how = switch (kind) {
            case COUNT -> "mean monthly count, ";
            case RATE, PROPORTION -> "pooled: sum of numerators / sum of denominators, ";
            case MEDIAN -> "mean of the monthly medians, ";
        };
        return addFigure(name, s, s.monthlyMean(), how, figures);
    }

    /** Adds a figure made from a run of months, saying which months and how, and returns its value. */
    private double addFigure(String name, Sample s, double value, String how, List<Figure> figures) {
        String text = Labels.shared(how + s.description() + " (" + s.months() + " months)");
        figures.add(kind.hasDenominator()
                ? new Figure(name, value, s.sumNumerators(), s.sumDenominators(), text)
                : new Figure(name, value, Double.NaN, Double.NaN, text));
        return value;
    }

    /** The test of one comparison at month index i, or empty when the series is too short for it. */
    private Optional<TestResult> test(Basis basis, int i) {
        return test(basis, i, true);
    }

    /**
     * As {@link #test(Basis, int)}; unnamed, the samples do not name their months (for the earlier months' tests
     * that count a run, whose outcome alone is kept: naming the months was a tenth of the statistics' time).
     */
    private Optional<TestResult> test(Basis basis, int i, boolean named) {
        SignificanceTest test = SignificanceTests.forMeasure(measure, basis);
        int observedFrom = i - basis.observedMonths() + 1;
        if (observedFrom < 0) {
            return Optional.empty();
        }
        Sample observed = sample(observedFrom, i, named);
        if (basis.isBaseline()) {
            if (measure.baseline().isPresent()) {
                return Optional.of(test.compareWithFixed(observed, measure.baseline().getAsDouble(), confidence));
            }
            YearMonth fy = Months.baselineYearStart(series.month(i));
            int from = series.indexOf(fy);
            int to = series.indexOf(fy.plusMonths(11));
            if (from < 0 || to < 0) {
                return Optional.empty();
            }
            return Optional.of(test.compare(observed, sample(from, to, named), observed, confidence));
        }
        if (basis.expectedFrom(i) < 0) {
            return Optional.empty();
        }
        // The reference for the tests' spread (dispersion, moving ranges) is the year before the month: for the
        // 1-year average, the expected months themselves.
        Sample expected = sample(basis.expectedFrom(i), basis.expectedTo(i), named);
        Sample reference = basis.expectedFrom(i) == i - 12 && basis.expectedTo(i) == i - 1 ? expected
                : sample(i - 12, i - 1, named);
        return Optional.of(test.compare(observed, expected, reference, confidence));
    }

    private Optional<Comparison> comparison(Basis basis, int i, Snapshot snapshot) {
        Optional<TestResult> result = test(basis, i);
        if (result.isEmpty()) {
            return Optional.empty();
        }
        TestResult r = result.get();
        int run = 1;
        for (int j = i - 1; j >= 0 && run < MAX_RUN; j--) {
            Optional<TestResult> earlier = test(basis, j, false);
            if (earlier.isEmpty() || !earlier.get().outcome().equals(r.outcome())) {
                break;
            }
            run++;
        }
        YearMonth month = series.month(i);
        // the snapshot of the same month named the baseline's year already
        String baseline = measure.baseline().isPresent() ? "fixed baseline"
                : "financial year " + snapshot.baselineLabel();
        return Optional.of(new Comparison(measure.id(), series.area(), headline, kind.yamlName(),
                measure.polarity().yamlName(), basis.id(), r.method(), r.observed(), r.expected(),
                Labels.shared(basis.observedLabel(month, Months::longName)),
                Labels.shared(basis.expectedLabel(month, Months::longName, baseline)),
                r.statisticName(), r.statistic(), r.pValue(), r.confidence(), r.outcome(), run, r.details(), snapshot));
    }

    private Sample sample(int from, int to) {
        return sample(from, to, true);
    }

    /** The months from..to (indexes), named ("January 2020 to December 2020") or not (""). */
    private Sample sample(int from, int to, boolean named) {
        String description = "";
        if (named) {
            YearMonth a = series.month(from);
            YearMonth b = series.month(to);
            description = a.equals(b) ? Months.longName(a) : Months.longName(a) + " to " + Months.longName(b);
        }
        return Sample.window(series, numeratorSums, denominatorSums, from, to, description);
    }

    /** The rolling 12-month figure at every index up to i (NaN before the 12th month). */
    private double[] rollingSeries(int i) {
        double[] r = new double[i + 1];
        for (int j = 0; j <= i; j++) {
            r[j] = j < 11 ? Double.NaN : sample(j - 11, j, false).aggregate();
        }
        return r;
    }

    private Extreme extreme(String name, String direction, double[] v, int first, int i, Snapshot snapshot) {
        boolean high = direction.equals("high");
        boolean twelve = i - first >= 11;
        boolean joint = false;
        for (int k = 1; k <= 11 && twelve; k++) {
            double other = v[i - k];
            if (!Double.isFinite(other) || (high ? other > v[i] : other < v[i])) {
                twelve = false;
            } else if (other == v[i]) {
                joint = true;
            }
        }
        int since = -1;
        for (int j = i - 1; j >= first; j--) {
            if (Double.isFinite(v[j]) && (high ? v[j] >= v[i] : v[j] <= v[i])) {
                since = j;
                break;
            }
        }
        boolean onRecord = since < 0;
        int gap = onRecord ? i - first : i - since;
        String sinceText = onRecord ? "" : Months.longName(series.month(since));
        return new Extreme(measure.id(), series.area(), headline, kind.yamlName(), measure.polarity().yamlName(),
                name, direction, v[i], twelve, twelve && joint, onRecord, sinceText, gap, snapshot);
    }

    private Optional<Streak> streak(String name, double[] v, int first, int i, Snapshot snapshot) {
        if (i - 1 < first || !Double.isFinite(v[i - 1]) || v[i] == v[i - 1]) {
            return Optional.empty();
        }
        boolean rise = v[i] > v[i - 1];
        int length = 0;
        int j = i;
        while (j - 1 >= first && Double.isFinite(v[j - 1]) && (rise ? v[j] > v[j - 1] : v[j] < v[j - 1])) {
            length++;
            j--;
        }
        return Optional.of(new Streak(measure.id(), series.area(), headline, kind.yamlName(),
                measure.polarity().yamlName(), name, rise ? "rise" : "fall", length,
                Months.longName(series.month(j)), v[j], v[i], snapshot));
    }

    private Optional<Trend> trend(double[] rolling, int i, Snapshot snapshot) {
        int from = i - TREND_MONTHS + 1;
        if (from < 11) {
            return Optional.empty();
        }
        double[] x = java.util.Arrays.copyOfRange(rolling, from, i + 1);
        if (java.util.Arrays.stream(x).anyMatch(d -> !Double.isFinite(d))) {
            return Optional.empty();
        }
        MannKendall.Result r = MannKendall.test(x);
        String direction = r.pValue() < 1 - confidence ? (r.s() > 0 ? "up" : "down") : "flat";
        return Optional.of(new Trend(measure.id(), series.area(), headline, kind.yamlName(),
                measure.polarity().yamlName(), direction, "mann-kendall", TREND_MONTHS,
                Months.longName(series.month(from)), r.s(), r.pValue(), confidence, r.senSlope(), snapshot));
    }
}
