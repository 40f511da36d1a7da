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
import org.pcpassessor.data.Anomaly;
import org.pcpassessor.catalogue.Event;
import org.pcpassessor.facts.DataIssue;

/**
 * Computes every figure and test of the design notes for one measure, area and month. Figures that need
 * months outside the series are NaN; tests that need them are left out.
 *
 * <p>What the data checks found ({@link Anomaly}) or the catalogue declared ({@link Event}) bounds what is data:
 * the months from a break in supply on are not data (a month in a break has no figure but those made before it, and
 * no test); a new series is not compared with months before it began (no figure or test reaches back past its first
 * month); a month of implausible zeros has no monthly figure (it is not a high, a low, a run's step or a tested
 * month) but stays in the sums it is part of, and is ghosted on the SPC chart. The SPC chart's limits are rebased at
 * a declared change of recording or system and leave out declared months (a lockdown), and are never read when fewer
 * than 12 months are left or when they span less than one unit of what is stated.
 */
public final class Calculator {
    /** How many rolling 12-month values the trend test looks at. */
    public static final int TREND_MONTHS = 6;
    /** How far back a run of outcomes is followed. */
    private static final int MAX_RUN = 36;

    private final Measure measure;
    private final Series series;
    private final boolean headline;
    private String areaLevel;
    private String parentArea = "";
    private final double confidence;
    private final Kind kind;
    private final org.pcpassessor.catalogue.SpcSettings spc;
    /** The series' running totals, read once: every window's sum comes from them (see {@link Sums}). */
    private final Sums numeratorSums;
    private final Sums denominatorSums;
    /** What the data checks found in the series. */
    private final List<Anomaly> anomalies;
    /** The first month (index) that is data: a new series' first month, else 0. */
    private final int lo;
    /** The first month (index) of a break in supply, or the series' size when there is none. */
    private final int breakAt;
    /** The months of implausible zeros: no monthly figure, ghosted on the chart. */
    private final boolean[] masked;
    /** The series the 12 months are compared with (national, peers): the headline area's only ({@link #against}). */
    private List<Against> comparators = List.of();
    /** The population of the series' area, for a count compared per head ({@link #against(java.util.Map, java.util.OptionalDouble)}). */
    private java.util.OptionalDouble population = java.util.OptionalDouble.empty();

    /** A comparator series with the sums its samples are made from. */
    private record Against(org.pcpassessor.catalogue.ComparatorSeries about, Series series, Sums numerators,
                           Sums denominators) {
    }

    /** The index of a month in a series, clamped to 0 .. size (a month after the series: its size). */
    private static int index(Series series, YearMonth month) {
        if (month.isBefore(series.start())) {
            return 0;
        }
        int i = series.indexOf(month);
        return i < 0 ? series.size() : i;
    }

    /** Whether month j is data: not before a new series began, not in a break. */
    private boolean usable(int j) {
        return j >= lo && j < breakAt;
    }

    /** Whether month j has a monthly figure: data, and not an implausible zero. */
    private boolean monthUsable(int j) {
        return j >= 0 && usable(j) && !masked[j];
    }

    public Calculator(Measure measure, Series series, boolean headline, double confidence) {
        this(measure, series, headline, confidence, org.pcpassessor.catalogue.SpcSettings.DEFAULT);
    }

    public Calculator(Measure measure, Series series, boolean headline, double confidence,
                      org.pcpassessor.catalogue.SpcSettings spc) {
        this(measure, series, headline, confidence, spc, List.of());
    }

    /** As above, with what the data checks found in the series ({@link org.pcpassessor.data.DataChecks}). */
    public Calculator(Measure measure, Series series, boolean headline, double confidence,
                      org.pcpassessor.catalogue.SpcSettings spc, List<Anomaly> anomalies) {
        this.anomalies = List.copyOf(anomalies);
        int first = 0;
        int end = series.size();
        boolean[] zeros = new boolean[series.size()];
        for (Anomaly a : this.anomalies) {
            int at = index(series, a.from());
            switch (a.type()) {
                case NEW_SERIES -> first = Math.max(first, at);
                case SUPPLY_BREAK -> end = Math.min(end, at);
                case IMPLAUSIBLE_ZERO -> {
                    for (int j = at; j <= Math.min(series.size() - 1, index(series, a.to())); j++) {
                        zeros[j] = true;
                    }
                }
                default -> {
                    // constant series and stuck proportions are said, not left out
                }
            }
        }
        this.lo = first;
        this.breakAt = end;
        this.masked = zeros;
        this.measure = measure;
        this.series = series;
        this.headline = headline;
        this.confidence = confidence;
        this.kind = measure.kind();
        this.spc = spc;
        this.numeratorSums = new Sums(series.numerators());
        this.denominatorSums = new Sums(series.denominators());
    }

    /**
     * Compares the 12 months with these comparator series too (the measure's {@code comparators:}, each with its
     * series in the data; a comparator without data is left out by the caller). Returns this calculator.
     */
    public Calculator against(java.util.Map<org.pcpassessor.catalogue.ComparatorSeries, Series> series) {
        return against(series, java.util.OptionalDouble.empty());
    }

    /**
     * As {@link #against(java.util.Map)}, with the population of the series' area, for a count compared per head with
     * a comparator that gives its own (a count's comparator without both is not compared).
     */
    public Calculator against(java.util.Map<org.pcpassessor.catalogue.ComparatorSeries, Series> series,
                              java.util.OptionalDouble population) {
        this.population = population;
        List<Against> out = new ArrayList<>();
        for (org.pcpassessor.catalogue.ComparatorSeries c : measure.comparators()) {
            Series s = series.get(c);
            if (s != null) {
                out.add(new Against(c, s, new Sums(s.numerators()), new Sums(s.denominators())));
            }
        }
        this.comparators = List.copyOf(out);
        return this;
    }

    /**
     * Where the series' area sits among the catalogue's areas ({@code headline}, {@code area}, {@code district}) and
     * the area it is part of (empty for the headline area), for the snapshot rules read. Returns this calculator.
     */
    public Calculator within(String areaLevel, String parentArea) {
        this.areaLevel = java.util.Objects.requireNonNull(areaLevel, "areaLevel");
        this.parentArea = java.util.Objects.requireNonNull(parentArea, "parentArea");
        return this;
    }

    /** The assessment at {@code month}, which must lie inside the series. */
    public Assessment assess(YearMonth month) {
        int i = series.indexOf(month);
        if (i < 0) {
            throw new IllegalArgumentException(series + " has no " + month);
        }
        Snapshot snapshot = snapshot(i);
        List<DataIssue> issues = issues(i, snapshot);
        if (i >= breakAt) { // nothing of the month is data: the break is all that is said
            return new Assessment(snapshot, List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                    headline ? history(Optional.empty(), monthly(i), rollingSeries(i), i) : History.NONE, issues);
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (Basis basis : Basis.values()) {
            if (measure.reports(basis) && !basis.isComparator()) {
                comparison(basis, i, snapshot).ifPresent(comparisons::add);
            }
        }
        if (measure.reports(Basis.COMPARATOR)) {
            for (Against a : comparators) {
                comparison(a, i, snapshot).ifPresent(comparisons::add);
            }
        }
        List<Extreme> extremes = new ArrayList<>();
        List<Streak> streaks = new ArrayList<>();
        double[] monthly = monthly(i);
        double[] rolling = rollingSeries(i);
        for (String name : List.of("monthly", "rolling12")) {
            double[] values = name.equals("monthly") ? monthly : rolling;
            int first = name.equals("monthly") ? lo : lo + 11;
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
                headline ? history(chart, monthly, rolling, i) : History.NONE, issues);
    }

    /** The monthly figures to month i, NaN where a month is not data or an implausible zero. */
    private double[] monthly(int i) {
        double[] monthly = series.values(0, i);
        for (int j = 0; j <= i; j++) {
            if (!monthUsable(j)) {
                monthly[j] = Double.NaN;
            }
        }
        return monthly;
    }

    /** The most a test or a small-numbers check counts as few: fewer than one a month over the 12 months. */
    public static final double SMALL_COUNT = 12;
    /** The smallest rolling 12-month denominator of a rate or proportion that is not called small. */
    public static final double SMALL_DENOMINATOR = 30;

    /**
     * The data issues of month i: the anomalies of the series that bear on it (a break it is in; a new series while a
     * comparison of up to three years would reach back past its start; implausible zeros in the 24 months its figures
     * use; a constant series or stuck proportion that runs to it), numbers too small to test, and the declared events
     * in the 24 months to it (those the rolling 12 months and its baseline year span).
     */
    private List<DataIssue> issues(int i, Snapshot snapshot) {
        List<DataIssue> out = new ArrayList<>();
        YearMonth month = series.month(i);
        for (Anomaly a : anomalies) {
            boolean bears = switch (a.type()) {
                case SUPPLY_BREAK -> !month.isBefore(a.from());
                case NEW_SERIES -> !month.isBefore(a.from()) && month.isBefore(a.from().plusMonths(36));
                case IMPLAUSIBLE_ZERO -> i < breakAt && !a.to().isBefore(month.minusMonths(23))
                        && !a.from().isAfter(month);
                case CONSTANT, STUCK_PROPORTION -> i < breakAt && a.covers(month);
            };
            if (bears) {
                Optional<Event> e = a.declared();
                out.add(issue(a.type().id(), a.from(), a.to().isAfter(month) ? month : a.to(), month, a.level(),
                        a.probability(), e, a.rows(), snapshot));
            }
        }
        if (i < breakAt) {
            double size = kind.hasDenominator() ? snapshot.rolling12Denominator() : snapshot.rolling12();
            double small = kind.hasDenominator() ? SMALL_DENOMINATOR : SMALL_COUNT;
            if (kind != Kind.MEDIAN && Double.isFinite(size) && size < small) {
                out.add(issue("small-numbers", month.minusMonths(11), month, month, size, Double.NaN,
                        Optional.empty(), List.of(), snapshot));
            }
        }
        for (Event e : measure.events()) {
            if (e.kind() != Event.Kind.SUPPLY_BREAK && !e.month().isAfter(month)
                    && !e.last().isBefore(month.minusMonths(23))) {
                out.add(issue("event", e.month(), e.last().isAfter(month) ? month : e.last(), month, Double.NaN,
                        Double.NaN, Optional.of(e), List.of(), snapshot));
            }
        }
        return out;
    }

    private DataIssue issue(String issue, YearMonth from, YearMonth to, YearMonth month, double level, double p,
                            Optional<Event> event, List<String> rows, Snapshot snapshot) {
        int months = (int) from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
        int ago = (int) to.until(month, java.time.temporal.ChronoUnit.MONTHS);
        YearMonth before = from.minusMonths(1);
        return new DataIssue(measure.id(), series.area(), headline, kind.yamlName(), measure.polarity().yamlName(),
                issue, Months.longName(from), Months.longName(to), months,
                before.isBefore(series.start()) ? "" : Months.longName(before), ago, level, p, event.isPresent(),
                event.map(e -> e.kind().yamlName()).orElse(""), event.map(Event::text).orElse(""), rows, snapshot);
    }

    /**
     * The XmR chart of the last {@code window} months to month i (months without a value, a rate over a zero
     * denominator, are left out of the chart); empty when fewer than two months have values.
     */
    private Optional<Spc.Chart> chart(double[] monthly, int i) {
        int from = firstRead(i);
        List<Double> y = new ArrayList<>();
        List<Boolean> ghost = new ArrayList<>();
        for (int j = from; j <= i; j++) {
            double v = charted(j, monthly);
            if (Double.isFinite(v)) {
                y.add(v);
                ghost.add(masked[j] || excluded(series.month(j)));
            }
        }
        if (ghost.stream().filter(g -> !g).count() < 2) {
            return Optional.empty();
        }
        boolean[] g = new boolean[ghost.size()];
        for (int k = 0; k < g.length; k++) {
            g[k] = ghost.get(k);
        }
        double lower = kind == Kind.RATE ? Double.NEGATIVE_INFINITY : 0;
        double upper = kind == Kind.PROPORTION ? 1 : Double.POSITIVE_INFINITY;
        return Optional.of(Spc.chart(y.stream().mapToDouble(Double::doubleValue).toArray(), g,
                new Spc.Options(spc.shift(), spc.trend(), spc.screen()), lower, upper));
    }

    /** The first month (index) the chart of month i reads: the latest declared rebase at or before it, else 0. */
    private int rebase(int i) {
        YearMonth month = series.month(i);
        int at = 0;
        for (Event e : measure.events()) {
            if (e.spc() == Event.Spc.REBASE && !e.month().isAfter(month)) {
                at = Math.max(at, index(series, e.month()));
            }
        }
        return at;
    }

    /** Whether a declared event leaves the month out of the chart's limits (ghosted). */
    private boolean excluded(YearMonth month) {
        return measure.events().stream().anyMatch(e -> e.spc() == Event.Spc.EXCLUDE && e.covers(month));
    }

    private int firstCharted(int i) {
        return Math.max(0, i - spc.window() + 1);
    }

    /** The first month (index) whose value the chart of month i reads: the window's, a new series' or a rebase's. */
    private int firstRead(int i) {
        return Math.max(firstCharted(i), Math.max(lo, rebase(i)));
    }

    /** Month j's value on the chart: its monthly figure, or the zero of a missing month (drawn, ghosted). */
    private double charted(int j, double[] monthly) {
        return masked[j] && usable(j) ? series.value(j) : monthly[j];
    }

    /** The current month on the chart, when it has a value. */
    private Optional<SpcSignal> spc(Spc.Chart c, double[] monthly, int i, Snapshot snapshot) {
        if (!Double.isFinite(monthly[i]) || excluded(series.month(i))) {
            return Optional.empty(); // a month that is not data, or is ghosted, is not read
        }
        double[] y = c.values();
        int last = y.length - 1;
        int from = firstRead(i);
        boolean shortSeries = c.readPoints() < 12;
        boolean degenerate = degenerate(c.lpl(), c.upl());
        boolean readable = !shortSeries && !degenerate;
        double target = measure.target().flatMap(t -> {
            java.util.OptionalDouble v = t.at(series.month(i));
            return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
        }).orElse(Double.NaN);
        String assurance = !readable || Double.isNaN(target) ? "none"
                : org.pcpassessor.catalogue.Target.Assurance.of(target, c.lpl(), c.upl(), measure.polarity())
                        .map(org.pcpassessor.catalogue.Target.Assurance::code).orElse("none");
        return Optional.of(new SpcSignal(measure.id(), series.area(), headline, kind.yamlName(),
                measure.polarity().yamlName(), c.readPoints(), Months.longName(series.month(from)), c.mean(),
                c.lpl(), c.upl(), c.screened(), y[last], c.side(last), c.special(last), c.rules(last), shortSeries,
                degenerate, readable, c.runOnSide(last), target,
                measure.target().map(org.pcpassessor.catalogue.Target::name).orElse(""), assurance, snapshot));
    }

    /**
     * Whether process limits are too close to read: for a count (or a median of whole numbers) less than one unit
     * apart, so that no two whole figures lie between them ("0 to 0", "3 to 3"); for a rate or proportion, the same
     * when stated to a tenth of a percentage point; for another median, the same to a tenth.
     */
    private boolean degenerate(double lpl, double upl) {
        if (kind == Kind.COUNT || (kind == Kind.MEDIAN && wholeData())) {
            return upl - lpl < 1;
        }
        double unit = kind.hasDenominator() ? 1000 : 10;
        return Math.round(lpl * unit) == Math.round(upl * unit);
    }

    /**
     * The months of the SPC window with their figures and chart marks, for the report's charts: only the headline
     * area's rows are charted, so other areas get {@link History#NONE} (24 points a series that nothing read: 115 MB
     * at 100,048 series).
     */
    private History history(Optional<Spc.Chart> chart, double[] monthly, double[] rolling, int i) {
        List<History.Point> points = new ArrayList<>();
        int from = firstRead(i);
        int charted = 0;
        for (int j = firstCharted(i); j <= i; j++) {
            double v = charted(j, monthly);
            boolean on = chart.isPresent() && j >= from && Double.isFinite(v);
            Spc.Chart c = chart.orElse(null);
            boolean ghost = on && c.ghost()[charted];
            points.add(new History.Point(series.month(j), v, rolling[j], on && c.special(charted),
                    on && !ghost ? c.side(charted) : 0, on ? c.rules(charted) : List.of(), ghost, on));
            charted += on ? 1 : 0;
        }
        List<History.Marker> markers = new ArrayList<>();
        YearMonth first = series.month(firstCharted(i));
        for (Event e : measure.events()) {
            if (!e.month().isAfter(series.month(i)) && !e.last().isBefore(first)) {
                markers.add(new History.Marker(e.month().isBefore(first) ? first : e.month(), e.kind().yamlName(),
                        e.text()));
            }
        }
        for (Anomaly a : anomalies) {
            if (a.type() == Anomaly.Type.SUPPLY_BREAK && a.declared().isEmpty() && !a.from().isAfter(series.month(i))
                    && !a.from().isBefore(first)) {
                markers.add(new History.Marker(a.from(), a.type().id(), "no data from " + Months.longName(a.from())));
            }
        }
        return chart.map(c -> new History(points, c.mean(), c.lpl(), c.upl(), markers))
                .orElse(new History(points, Double.NaN, Double.NaN, Double.NaN, markers));
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
                    Months.financialYear(fyStart) + ": ");
        }
        return Snapshot.builder(measure.id(), series.area(), month).headline(headline)
                .within(areaLevel != null ? areaLevel : headline ? "headline" : "area", parentArea)
                .pillar(measure.pillar())
                .priority(measure.priority()).label(measure.label()).subject(measure.subject())
                .shortSubject(measure.shortSubject()).kind(kind.yamlName()).polarity(measure.polarity().yamlName())
                .units(measure.unit()).wholeData(wholeData()).current(current).previousMonth(previous)
                .sameMonthLastYear(lastYear).twoYearsAgo(twoYears).threeYearsAgo(threeYears).rolling12(rolling12)
                .rolling12PreviousMonth(rolling12Previous).rolling12LastYear(rolling12LastYear).baseline(baseline)
                .baselineLabel(baselineLabel).avg1yr(avg1yr).avg3yr(avg3yr)
                .changeVsLastYear(change(current, lastYear)).changeVsBaseline(change(rolling12, baseline))
                .changeRolling12VsLastYear(change(rolling12, rolling12LastYear))
                .rolling12Denominator(figures.stream().filter(f -> f.name().equals("rolling12")).findFirst()
                        .map(Figure::denominator).orElse(Double.NaN))
                .figures(figures).build();
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
        if (!monthUsable(j)) {
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
        if (from < lo || to < 0 || to >= breakAt) {
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
        if (from < lo || to >= breakAt) {
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
        SignificanceMethod test = SignificanceMethods.forMeasure(measure, basis);
        int observedFrom = i - basis.observedMonths() + 1;
        if (observedFrom < lo || i >= breakAt || (basis.observedMonths() == 1 && masked[i])) {
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
            if (from < lo || to < 0 || to >= breakAt) {
                return Optional.empty();
            }
            return Optional.of(test.compare(observed, sample(from, to, named), observed, confidence));
        }
        if (basis.expectedFrom(i) < lo
                || (basis.expectedFrom(i) == basis.expectedTo(i) && masked[basis.expectedFrom(i)])) {
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
        int run = run(i, r.outcome(), j -> test(basis, j, false).map(TestResult::outcome));
        YearMonth month = series.month(i);
        String baseline = measure.baseline().isPresent() ? "fixed baseline"
                : Months.financialYear(Months.baselineYearStart(month));
        // The same month last year against the average of the 12 months before it (its own "1yr" test): a rise on
        // a month that was itself unusually low is the low month's story, not this one's. Only a comparison with
        // one earlier month has it; the others say "untested".
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>(r.details());
        details.put(Comparison.EXPECTED_MONTH_AGAINST_ITS_YEAR, basis == Basis.LAST_YEAR
                ? test(Basis.ONE_YEAR, i - 12, false).map(TestResult::outcome).orElse(TestResult.UNTESTED)
                : TestResult.UNTESTED);
        return Optional.of(new Comparison(measure.id(), series.area(), headline, kind.yamlName(),
                measure.polarity().yamlName(), basis.id(), r.method(), r.observed(), r.expected(),
                Labels.shared(Months.observedPeriod(basis, month)),
                Labels.shared(Months.expectedPeriod(basis, month, baseline)),
                r.statisticName(), r.statistic(), r.pValue(), r.confidence(), r.outcome(), run, details, snapshot));
    }

    /**
     * The latest month, from the report month i back to 11 months before it, whose 12 months the force and the
     * comparator both have: {force index, comparator index}; empty when there is none (the comparator's figures
     * more than a year behind, or too short).
     */
    private Optional<int[]> latestShared(Against a, int i) {
        for (int j = i; j >= Math.max(lo + 11, i - 11); j--) {
            if (j >= breakAt) {
                continue;
            }
            int k = a.series().indexOf(series.month(j));
            if (k >= 11) {
                return Optional.of(new int[] {j, k});
            }
        }
        return Optional.empty();
    }

    /** Whether the comparison is per head: a count, with the population of both areas. */
    private boolean perHead(Against a) {
        return kind == Kind.COUNT && population.isPresent() && a.about().population().isPresent();
    }

    /**
     * Twelve months of a count per head: the counts over {@code population} / 12 a month, so that the months' sum is
     * the count over the population (a proportion, as a rate per person).
     */
    private static Sample perHead(Series s, int from, int to, double population, String description) {
        double[] num = new double[to - from + 1];
        double[] den = new double[num.length];
        for (int t = from; t <= to; t++) {
            num[t - from] = s.value(t);
            den[t - from] = population / 12;
        }
        return new Sample(Kind.PROPORTION, s.month(from), s.month(to), num, den, description);
    }

    /**
     * The force's 12 months to its month j against the comparator's 12 months to the same month (index k). A count is
     * compared per head: the two-proportion z-test of count over population ({@link TwoProportionZ}; with populations
     * in the hundreds of thousands, the normal approximation of the Poisson rate comparison).
     */
    private TestResult test(Against a, int j, int k, boolean named) {
        if (perHead(a)) {
            Sample observed = perHead(series, j - 11, j, population.getAsDouble(),
                    named ? Months.range(series.month(j - 11), series.month(j)) : "");
            Sample expected = perHead(a.series(), k - 11, k, a.about().population().getAsDouble(),
                    named ? Months.range(a.series().month(k - 11), a.series().month(k)) : "");
            return new TwoProportionZ().compare(observed, expected, observed, confidence);
        }
        Sample observed = sample(j - 11, j, named);
        Sample expected = Sample.window(a.series(), a.numerators(), a.denominators(), k - 11, k,
                named ? Months.range(a.series().month(k - 11), a.series().month(k)) : "");
        return SignificanceMethods.forMeasure(measure, Basis.COMPARATOR).compare(observed, expected, observed,
                confidence);
    }

    /**
     * The 12 months against a comparator's over the same 12 months, the latest both have; its evidence names the
     * comparator, the month compared, and the comparator's own baseline year and how it moved since
     * ({@link Comparison#COMPARATOR_KEYS}): "the rate for the 43 forces had risen 1.9ppts from 12.3% in 2019/20 to
     * 14.2% in the 12 months to January 2021".
     */
    private Optional<Comparison> comparison(Against a, int i, Snapshot snapshot) {
        if (kind == Kind.COUNT && !perHead(a)) {
            return Optional.empty(); // a count is comparable with another area's only per head
        }
        Optional<int[]> at = latestShared(a, i);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        int j = at.get()[0];
        int k = at.get()[1];
        TestResult r = test(a, j, k, true);
        int run = run(i, r.outcome(), earlier -> latestShared(a, earlier)
                .map(e -> test(a, e[0], e[1], false).outcome()));
        YearMonth shared = series.month(j);
        YearMonth fy = Months.baselineYearStart(shared);
        int from = a.series().indexOf(fy);
        int to = a.series().indexOf(fy.plusMonths(11));
        double baseline = from < 0 || to < 0 ? Double.NaN
                : perHead(a) ? perHead(a.series(), from, to, a.about().population().getAsDouble(), "").aggregate()
                : Sample.window(a.series(), a.numerators(), a.denominators(), from, to, "").aggregate();
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>(r.details());
        details.put(Comparison.EXPECTED_MONTH_AGAINST_ITS_YEAR, TestResult.UNTESTED);
        details.put("comparator", a.about().name());
        details.put("comparatorMonth", Months.longName(shared));
        details.put("comparatorLag", i - j);
        details.put("comparatorBaseline", baseline);
        details.put("comparatorBaselineYear", Double.isNaN(baseline) ? "" : Months.financialYearLabel(fy));
        details.put("comparatorTrend", Double.isNaN(baseline) ? TestResult.UNTESTED
                : org.pcpassessor.facts.Direction.of(r.expected(), baseline).word());
        details.put("perThousand", perHead(a)); // observed, expected and the baseline are per head
        String months = "rolling 12 months " + Months.range(shared.minusMonths(11), shared);
        return Optional.of(new Comparison(measure.id(), series.area(), headline, kind.yamlName(),
                measure.polarity().yamlName(), Basis.COMPARATOR.id(), r.method(), r.observed(), r.expected(),
                Labels.shared(months), Labels.shared(a.about().name() + ", " + months), r.statisticName(),
                r.statistic(), r.pValue(), r.confidence(), r.outcome(), run, details, snapshot));
    }

    /**
     * How many consecutive report months, ending with month i, a comparison has had this outcome (at most
     * {@link #MAX_RUN}): the month's own, then each earlier month's, until one differs or has no test.
     */
    private static int run(int i, String outcome, java.util.function.IntFunction<Optional<String>> outcomeAt) {
        int run = 1;
        for (int j = i - 1; j >= 0 && run < MAX_RUN; j--) {
            Optional<String> earlier = outcomeAt.apply(j);
            if (earlier.isEmpty() || !earlier.get().equals(outcome)) {
                break;
            }
            run++;
        }
        return run;
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
            description = Months.range(a, b);
        }
        return Sample.window(series, numeratorSums, denominatorSums, from, to, description);
    }

    /** The rolling 12-month figure at every index up to i (NaN before the 12th month). */
    private double[] rollingSeries(int i) {
        double[] r = new double[i + 1];
        for (int j = 0; j <= i; j++) {
            r[j] = j < lo + 11 || j >= breakAt ? Double.NaN : sample(j - 11, j, false).aggregate();
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
                name, direction, v[i], twelve, twelve && joint, onRecord, sinceText, gap,
                Months.longName(series.month(first)), snapshot);
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
