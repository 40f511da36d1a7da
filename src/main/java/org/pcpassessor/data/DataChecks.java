package org.pcpassessor.data;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcpassessor.catalogue.Catalogue;
import org.pcpassessor.catalogue.Event;
import org.pcpassessor.catalogue.Kind;
import org.pcpassessor.catalogue.Measure;

/**
 * The checks of a series as data, before any statistic: what a run of zeros or a flat line says about the supply of
 * the data rather than about what it measures. Each finds an {@link Anomaly}; a measure's declared events (the
 * catalogue's {@code events:}) win over what would be found in their months.
 * <ul>
 * <li><b>Break in supply</b>: the series ends in a run of k zeros after months whose median is m, and zeros that many
 * in a row are implausible at that level: {@code exp(-m k) < } {@value #IMPLAUSIBLE} (the chance of k zero months
 * of a Poisson count of mean m). A declared {@code supply-break} is one from its month, found or not.</li>
 * <li><b>New series</b>: the series starts with a run of k zeros before months whose median is m, implausible as
 * above (a new crime or outcome type recorded as zero before it existed); or it starts later than the other series
 * of its file (nothing, then values).</li>
 * <li><b>Implausible zeros</b>: a run of zeros inside the series, implausible at the median of the
 * {@value #AROUND} months on either side (a month of missing rows), unless a declared event covers it. Since the
 * series goes on after them, they are read as missing only where a single zero month is itself unlikely: a level of
 * at least {@value #INTERIOR_LEVEL} a month (a chance of 1 in 150); a run of none in a series of a few a month is a
 * lull, not a gap.</li>
 * <li><b>Constant series</b>: every month of at least {@value #LONG} the same figure.</li>
 * <li><b>Proportion stuck at 0% or 100%</b>: for at least {@value #LONG} months, a proportion whose numerator is
 * always 0, or always its denominator.</li>
 * </ul>
 * For rates and proportions the zeros looked at are the denominator's (months with nothing to measure); for counts
 * and medians, the value's. A level of zero makes no zeros implausible: a series of rare events is left alone.
 */
public final class DataChecks {
    /** Zeros less likely than this at the series' level are not read as data (one in a thousand). */
    public static final double IMPLAUSIBLE = 0.001;
    /** The months whose median is the level before a break, or after the start of a new series. */
    static final int LEVEL = 12;
    /** The months on each side of a run of zeros inside the series whose median is its level. */
    static final int AROUND = 6;
    /** The lowest level at which zeros inside a series are read as missing data. */
    static final double INTERIOR_LEVEL = 5;
    /** The months a constant series or a stuck proportion lasts before it is named. */
    public static final int LONG = 12;

    private DataChecks() {
    }

    /**
     * The anomalies of every series of the data set, by series ({@link #key}); series without any are left out.
     * A series that starts later than the earliest series read from its file is new ("nothing, then values"). A
     * database query gathers many feeds in one table, each measure's from its own system: there a series is set
     * against the other areas of its own measure, not every series of the query.
     */
    public static Map<String, List<Anomaly>> findAll(Catalogue catalogue, DataSet data) {
        Map<String, YearMonth> firstOfFile = new HashMap<>();
        for (Series s : data.all()) {
            firstOfFile.merge(group(s), s.start(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<String, List<Anomaly>> out = new HashMap<>();
        for (Measure m : catalogue.measures()) {
            for (String area : catalogue.areas()) {
                data.series(m.id(), area).ifPresent(s -> {
                    List<Anomaly> found = find(m, s, firstOfFile.getOrDefault(group(s), s.start()));
                    if (!found.isEmpty()) {
                        out.put(key(m.id(), area), found);
                    }
                });
            }
        }
        return out;
    }

    /** The key of a series in {@link #findAll}'s map. */
    public static String key(String measureId, String area) {
        return measureId + "\u0000" + area;
    }

    /** The series a series' start is set against: those of its file, or of its measure in a query's result. */
    private static String group(Series s) {
        String file = file(s.source(0));
        return file.startsWith("jdbc:") ? file + "\u0000" + s.measureId() : file;
    }

    private static String file(String source) {
        int colon = source.lastIndexOf(':');
        return colon < 0 ? source : source.substring(0, colon);
    }

    /** Where an anomaly's first row is ({@code file:line}), when it has rows. */
    public static java.util.Optional<org.pcpassessor.problem.Location> firstRow(Anomaly a) {
        if (a.rows().isEmpty()) {
            return java.util.Optional.empty();
        }
        String row = a.rows().get(0);
        try {
            return java.util.Optional.of(org.pcpassessor.problem.Location.of(file(row),
                    Integer.parseInt(row.substring(row.lastIndexOf(':') + 1))));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The anomalies of one series, in month order; {@code firstOfFile} is the earliest month of any series of its
     * file (the series itself when unknown).
     */
    public static List<Anomaly> find(Measure m, Series s, YearMonth firstOfFile) {
        List<Anomaly> out = new ArrayList<>();
        double[] v = volume(m.kind(), s);
        int end = s.size() - 1; // the last month that is data
        Optional<Event> declared = m.events().stream().filter(e -> e.kind() == Event.Kind.SUPPLY_BREAK).findFirst();
        if (declared.isPresent()) {
            YearMonth b = declared.get().month().isBefore(s.start()) ? s.start() : declared.get().month();
            YearMonth last = b.isAfter(s.end()) ? b : s.end();
            out.add(anomaly(m, s, Anomaly.Type.SUPPLY_BREAK, b, last, Double.NaN, Double.NaN, declared));
            end = Math.min(end, s.indexOf(b) < 0 ? end : s.indexOf(b) - 1);
        } else {
            int k = 0;
            while (k <= end && v[end - k] == 0) {
                k++;
            }
            if (k >= 1 && k <= end) {
                double level = median(v, Math.max(0, end - k + 1 - LEVEL), end - k);
                double p = Math.exp(-level * k);
                if (p < IMPLAUSIBLE) {
                    out.add(anomaly(m, s, Anomaly.Type.SUPPLY_BREAK, s.month(end - k + 1), s.end(), level, p,
                            Optional.empty()));
                    end -= k;
                }
            }
        }
        if (end < 0) {
            return out;
        }
        int first = 0;
        int j = 0;
        while (j <= end && v[j] == 0) {
            j++;
        }
        if (j >= 1 && j <= end) {
            double level = median(v, j, Math.min(end, j + LEVEL - 1));
            double p = Math.exp(-level * j);
            if (p < IMPLAUSIBLE) {
                out.add(0, anomaly(m, s, Anomaly.Type.NEW_SERIES, s.month(j), s.month(j), level, p, Optional.empty()));
                first = j;
            }
        } else if (s.start().isAfter(firstOfFile)) {
            out.add(0, anomaly(m, s, Anomaly.Type.NEW_SERIES, s.start(), s.start(), Double.NaN, Double.NaN,
                    Optional.empty()));
        }
        for (int a = first + 1; a < end; a++) {
            if (v[a] != 0) {
                continue;
            }
            int b = a;
            while (b + 1 < end && v[b + 1] == 0) {
                b++;
            }
            if (!explained(m, s.month(a), s.month(b))) {
                double[] around = concat(v, Math.max(first, a - AROUND), a - 1, b + 1, Math.min(end, b + AROUND));
                double level = median(around, 0, around.length - 1);
                double p = Math.exp(-level * (b - a + 1));
                if (level >= INTERIOR_LEVEL && p < IMPLAUSIBLE) {
                    out.add(anomaly(m, s, Anomaly.Type.IMPLAUSIBLE_ZERO, s.month(a), s.month(b), level, p,
                            Optional.empty()));
                }
            }
            a = b;
        }
        if (end - first + 1 >= LONG) {
            if (m.kind() == Kind.PROPORTION && stuck(s, first, end)) {
                out.add(anomaly(m, s, Anomaly.Type.STUCK_PROPORTION, s.month(first), s.month(end), s.value(end),
                        Double.NaN, Optional.empty()));
            } else if (constant(s, first, end)) {
                out.add(anomaly(m, s, Anomaly.Type.CONSTANT, s.month(first), s.month(end), s.value(end), Double.NaN,
                        Optional.empty()));
            }
        }
        out.sort(java.util.Comparator.comparing(Anomaly::from));
        return out;
    }

    /**
     * What {@code check} says of an anomaly found in the data: what was found, where, what the draft does with it,
     * and how to declare it when it is known.
     */
    public static String describe(Measure m, Anomaly a) {
        String series = "data check: measure '" + m.id() + "' (" + a.area() + ")";
        String zero = m.kind().hasDenominator() ? "has a denominator of 0" : "is 0";
        String rows = a.rows().isEmpty() ? "" : "; rows " + rows(a.rows(), a.months());
        return switch (a.type()) {
            case SUPPLY_BREAK -> series + " " + zero + " in every month from " + a.from() + " to " + a.to()
                    + ", after a median of " + level(a.level()) + " a month in the months before (" + a.months()
                    + " zeros in a row at that level: a chance of " + chance(a.probability()) + "); read as a break in "
                    + "supply: the months from " + a.from() + " are not compared. Declare it to say why (events: "
                    + "[{month: " + a.from() + ", kind: supply-break, text: ...}])" + rows;
            case NEW_SERIES -> Double.isNaN(a.level())
                    ? series + " starts in " + a.from() + ", later than other series of its file: read as a new "
                    + "series, not compared with months before it began" + rows
                    : series + " " + zero + " in every month before " + a.from() + ", then a median of "
                    + level(a.level()) + " a month: read as a new series from " + a.from()
                    + ", not compared with months before it began" + rows;
            case IMPLAUSIBLE_ZERO -> series + " " + zero + " in " + (a.months() == 1 ? a.from().toString()
                    : a.from() + " to " + a.to()) + ", against a median of " + level(a.level())
                    + " in the months around (a chance of " + chance(a.probability()) + "): read as missing data: no "
                    + "monthly figure or test of " + (a.months() == 1 ? "that month" : "those months")
                    + ", ghosted on the SPC chart, kept in the 12-month sums" + rows;
            case CONSTANT -> series + " is " + level(a.level()) + " in every month from " + a.from() + " to "
                    + a.to() + ": a constant series (a placeholder?)" + rows;
            case STUCK_PROPORTION -> series + " is " + (a.level() == 0 ? "0%" : "100%") + " in every month from "
                    + a.from() + " to " + a.to() + ": a proportion stuck at " + (a.level() == 0 ? "0%" : "100%") + rows;
        };
    }

    private static String level(double x) {
        return x == Math.rint(x) ? String.format(java.util.Locale.UK, "%,.0f", x)
                : String.format(java.util.Locale.UK, "%,.1f", x);
    }

    private static String chance(double p) {
        return p < 1e-6 ? "below 1 in a million" : String.format(java.util.Locale.UK, "1 in %,.0f", 1 / p);
    }

    /** The rows as "file:62, :63, ..., :80" (one file named once; "..." where rows were left out). */
    private static String rows(List<String> rows, int months) {
        StringBuilder out = new StringBuilder(rows.get(0));
        String file = file(rows.get(0));
        for (int k = 1; k < rows.size(); k++) {
            String r = rows.get(k);
            out.append(k == rows.size() - 1 && months > rows.size() ? ", ..., " : ", ")
                    .append(file(r).equals(file) ? r.substring(file.length()) : r);
        }
        return out.toString();
    }

    /** What zeros are looked at: the denominator of a rate or proportion, the value of a count or median. */
    private static double[] volume(Kind kind, Series s) {
        return kind.hasDenominator() ? s.denominators() : s.numerators();
    }

    /** Whether a declared event other than a supply break covers every month from a to b. */
    private static boolean explained(Measure m, YearMonth a, YearMonth b) {
        return m.events().stream().anyMatch(e -> e.kind() != Event.Kind.SUPPLY_BREAK && e.covers(a) && e.covers(b));
    }

    private static boolean constant(Series s, int from, int to) {
        double x = s.value(from);
        for (int i = from; i <= to; i++) {
            if (!(s.value(i) == x)) { // NaN (no denominator) is never constant
                return false;
            }
        }
        return true;
    }

    private static boolean stuck(Series s, int from, int to) {
        boolean none = true;
        boolean all = true;
        for (int i = from; i <= to; i++) {
            if (s.denominator(i) <= 0) {
                return false;
            }
            none &= s.numerator(i) == 0;
            all &= s.numerator(i) == s.denominator(i);
        }
        return none || all;
    }

    /** The median of v[from..to] (NaN when empty). */
    static double median(double[] v, int from, int to) {
        if (to < from) {
            return Double.NaN;
        }
        double[] x = Arrays.copyOfRange(v, from, to + 1);
        Arrays.sort(x);
        int n = x.length;
        return n % 2 == 1 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
    }

    private static double[] concat(double[] v, int a0, int a1, int b0, int b1) {
        double[] before = a1 < a0 ? new double[0] : Arrays.copyOfRange(v, a0, a1 + 1);
        double[] after = b1 < b0 ? new double[0] : Arrays.copyOfRange(v, b0, b1 + 1);
        double[] all = Arrays.copyOf(before, before.length + after.length);
        System.arraycopy(after, 0, all, before.length, after.length);
        return all;
    }

    private static Anomaly anomaly(Measure m, Series s, Anomaly.Type type, YearMonth from, YearMonth to, double level,
                                   double p, Optional<Event> declared) {
        List<String> rows = new ArrayList<>();
        String last = null;
        for (YearMonth x = from; !x.isAfter(to); x = x.plusMonths(1)) {
            int i = s.indexOf(x);
            if (i >= 0 && !s.source(i).isEmpty()) {
                if (rows.size() < Anomaly.ROWS_KEPT - 1) {
                    rows.add(s.source(i));
                } else {
                    last = s.source(i);
                }
            }
        }
        if (last != null) {
            rows.add(last); // the first rows and the last: where it starts and where it ends
        }
        return new Anomaly(m.id(), s.area(), type, from, to, level, p, declared, rows);
    }
}
