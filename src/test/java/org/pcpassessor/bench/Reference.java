package org.pcpassessor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.yaml.snakeyaml.Yaml;

/**
 * The plain-Java reference of bench/scale.sh: for a catalogue made by {@link Scale#generate}, the figures and the
 * significance tests of every measure and area at the report month, written straight from their definitions
 * (docs/methods.md, ../shared/design.md) with none of the tool's code: its own YAML walk (SnakeYAML), its own CSV
 * reading (bytes split on commas and line ends), its own windows and sums. It computes what the tool's statistics
 * stage computes for the default methods: current month, previous month, same month last year, rolling 12 months
 * now and a year ago, the 1- and 3-year averages, the financial-year baseline; for each of the four bases the
 * test (quasi-Poisson for counts; the pooled two-proportion z, or Fisher's exact test when an expected cell is
 * under 5, for rates and proportions; Mann-Whitney against the baseline and the moving-range z otherwise for
 * medians) and how many months running it has had the same outcome (up to 36); the 12-month high and low; the
 * run of monthly rises or falls; the XmR chart's mean and limits over the last 24 months. The normal tail, Fisher's
 * exact and Mann-Whitney p-values come from Commons Statistics (as in the tool: they are library calls, not ours).
 * Nothing else: no rules, findings, prose or report. It is the floor the tool's whole run is compared with.
 *
 * <p>Given the tool's JSON report of the same catalogue, it also compares every test (statistic, p-value, outcome,
 * run) with its own: the bench prints the largest p-value difference and the number of disagreements, a check of
 * the tool's statistics on thousands of series by code that shares none of it.
 */
public final class Reference {
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);
    private static final int MAX_RUN = 36;
    private static final String[] BASES = {"benchmark", "1yr", "3yr", "lastYear", "yearEarlier"};

    /** One series: monthly numerators and denominators from its first month (months counted from year 0). */
    private static final class Series {
        final String kind;
        int first = -1;
        int last = -1;
        double[] num = new double[64];
        double[] den = new double[64];

        Series(String kind) {
            this.kind = kind;
        }

        void put(int month, double numerator, double denominator) {
            if (first < 0) {
                first = month;
                last = month;
            } else if (month < first) { // rows out of order: move what is held up
                int shift = first - month;
                grow(last - month + 1);
                System.arraycopy(num, 0, num, shift, last - first + 1);
                System.arraycopy(den, 0, den, shift, last - first + 1);
                Arrays.fill(num, 0, shift, 0);
                Arrays.fill(den, 0, shift, 0);
                first = month;
            }
            last = Math.max(last, month);
            grow(last - first + 1);
            num[month - first] = numerator;
            den[month - first] = denominator;
        }

        private void grow(int size) {
            if (size > num.length) {
                num = Arrays.copyOf(num, Math.max(size, 2 * num.length));
                den = Arrays.copyOf(den, num.length);
            }
        }
    }

    /** A test's result: the statistic, the two-sided p-value (NaN untested), the outcome and its run of months. */
    record Result(double statistic, double p, String outcome, int run) {
        Result withRun(int months) {
            return new Result(statistic, p, outcome, months);
        }
    }

    /**
     * What the reference computed: each series' tests by basis ({@link #BASES} order; null where the series is too
     * short), keyed "measure area" (a NUL between), with its timings.
     */
    record Computed(Map<String, Result[]> tests, double checksum, long readNanos, long totalNanos) {
    }

    private Reference() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Reference CATALOGUE [TOOL-JSON-REPORT]");
            System.exit(2);
        }
        Computed c = compute(Path.of(args[0]));
        System.out.printf(Locale.ROOT, "reference: %d series, read %.2f s, figures and tests %.2f s, total %.2f s "
                + "(checksum %.1f)%n", c.tests().size(), c.readNanos() / 1e9, (c.totalNanos() - c.readNanos()) / 1e9,
                c.totalNanos() / 1e9, c.checksum());
        if (args.length == 2) {
            System.out.println(compare(new ObjectMapper().readTree(Path.of(args[1]).toFile()), c));
        }
    }

    /** Reads the catalogue and its data/*.csv, and computes every series' figures and tests at the report month. */
    @SuppressWarnings("unchecked")
    static Computed compute(Path catalogueFile) throws IOException {
        long start = System.nanoTime();
        Map<String, Object> yaml = new Yaml().load(Files.readString(catalogueFile));
        Map<String, Object> report = (Map<String, Object>) yaml.get("report");
        int month = monthIndex(String.valueOf(report.get("month")));
        double confidence = report.containsKey("confidence") ? ((Number) report.get("confidence")).doubleValue() : 0.95;
        Map<String, String> kinds = new LinkedHashMap<>();
        for (Map<String, Object> pillar : (List<Map<String, Object>>) yaml.get("pillars")) {
            for (Map<String, Object> priority : (List<Map<String, Object>>) pillar.get("priorities")) {
                for (Map<String, Object> m : (List<Map<String, Object>>) priority.get("measures")) {
                    kinds.put(String.valueOf(m.get("id")), String.valueOf(m.get("kind")));
                }
            }
        }
        Map<String, Series> series = new LinkedHashMap<>();
        try (var files = Files.list(catalogueFile.resolveSibling("data"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                read(Files.readAllBytes(f), kinds, series);
            }
        }
        long read = System.nanoTime();
        Map<String, Result[]> tests = new LinkedHashMap<>();
        double checksum = 0;
        for (var e : series.entrySet()) {
            Series s = e.getValue();
            int i = month - s.first;
            Result[] r = new Result[BASES.length];
            for (int b = 0; b < BASES.length; b++) {
                Result now = test(s, BASES[b], i, confidence);
                if (now != null) {
                    int run = 1;
                    for (int j = i - 1; j >= 0 && run < MAX_RUN; j--) {
                        Result earlier = test(s, BASES[b], j, confidence);
                        if (earlier == null || !earlier.outcome().equals(now.outcome())) {
                            break;
                        }
                        run++;
                    }
                    r[b] = now.withRun(run);
                }
            }
            checksum += figures(s, i);
            tests.put(e.getKey(), r);
        }
        return new Computed(tests, checksum, read - start, System.nanoTime() - start);
    }

    /** Rows of plain generated CSV (no quotes), the columns found by the header's names. */
    private static void read(byte[] bytes, Map<String, String> kinds, Map<String, Series> series) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf('\n');
        List<String> header = Arrays.asList(text.substring(0, headerEnd).trim().split(","));
        int measure = header.indexOf("measure");
        int area = header.indexOf("area");
        int month = header.indexOf("month");
        int value = header.indexOf("value");
        int numerator = header.indexOf("numerator");
        int denominator = header.indexOf("denominator");
        String[] f = new String[header.size()];
        int lineStart = headerEnd + 1;
        while (lineStart < text.length()) {
            int end = text.indexOf('\n', lineStart);
            if (end < 0) {
                end = text.length();
            }
            int from = lineStart;
            for (int k = 0; k < f.length; k++) {
                int comma = k == f.length - 1 ? end : text.indexOf(',', from);
                f[k] = text.substring(from, comma).trim();
                from = comma + 1;
            }
            Series s = series.computeIfAbsent(f[measure] + "\u0000" + f[area], k -> new Series(kinds.get(f[measure])));
            boolean ratio = !f[denominator].isEmpty();
            s.put(monthIndex(f[month]), Double.parseDouble(ratio ? f[numerator] : f[value]),
                    ratio ? Double.parseDouble(f[denominator]) : 1);
            lineStart = end + 1;
        }
    }

    private static int monthIndex(String yyyyMm) {
        return Integer.parseInt(yyyyMm.substring(0, 4)) * 12 + Integer.parseInt(yyyyMm.substring(5, 7)) - 1;
    }

    /** The figures (summed into a checksum so that none is left uncomputed). */
    private static double figures(Series s, int i) {
        double current = agg(s, i, i);
        double previous = agg(s, i - 1, i - 1);
        double lastYear = agg(s, i - 12, i - 12);
        double rolling = agg(s, i - 11, i);
        double rollingLastYear = i >= 23 ? agg(s, i - 23, i - 12) : Double.NaN;
        double avg1 = average(s, i - 12, i - 1);
        double avg3 = i >= 36 ? average(s, i - 36, i - 1) : Double.NaN;
        int[] fy = baselineYear(s, i);
        double baseline = fy == null ? Double.NaN : agg(s, fy[0], fy[1]);
        // 12-month high and low of the monthly values, the run of rises or falls, the XmR chart of 24 months
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        for (int j = Math.max(0, i - 11); j <= i; j++) {
            hi = Math.max(hi, value(s, j));
            lo = Math.min(lo, value(s, j));
        }
        int streak = 0;
        for (int j = i; j > 0 && Math.signum(value(s, j) - value(s, j - 1)) == Math.signum(value(s, i) - value(s, i - 1))
                && value(s, j) != value(s, j - 1); j--) {
            streak++;
        }
        int from = Math.max(0, i - 23);
        double mean = 0;
        double mr = 0;
        for (int j = from; j <= i; j++) {
            mean += value(s, j);
            if (j > from) {
                mr += Math.abs(value(s, j) - value(s, j - 1));
            }
        }
        mean /= i - from + 1;
        mr /= i - from;
        double upl = mean + 2.66 * mr;
        double lpl = mean - 2.66 * mr;
        double sum = current + previous + lastYear + rolling + rollingLastYear + avg1 + avg3 + baseline + hi + lo
                + streak + upl + lpl;
        return Double.isFinite(sum) ? sum : 0;
    }

    /** April to March of the financial year before the one holding month index i, as indexes; null if not held. */
    private static int[] baselineYear(Series s, int i) {
        int calendar = s.first + i;
        int monthOfYear = calendar % 12; // 0 = January
        int fyStart = calendar - (monthOfYear >= 3 ? monthOfYear - 3 : monthOfYear + 9);
        int from = fyStart - 12 - s.first;
        return from < 0 || from + 11 > i ? null : new int[] {from, from + 11};
    }

    private static double value(Series s, int j) {
        return s.kind.equals("count") || s.kind.equals("median") ? s.num[j] : s.num[j] / s.den[j];
    }

    private static double sum(double[] x, int from, int to) {
        double t = 0;
        for (int j = from; j <= to; j++) {
            t += x[j];
        }
        return t;
    }

    /** The aggregate of months from..to: a sum, a ratio of sums, or the median of the monthly values. */
    private static double agg(Series s, int from, int to) {
        if (from < 0) {
            return Double.NaN;
        }
        return switch (s.kind) {
            case "count" -> sum(s.num, from, to);
            case "median" -> median(Arrays.copyOfRange(s.num, from, to + 1));
            default -> sum(s.num, from, to) / sum(s.den, from, to);
        };
    }

    private static double average(Series s, int from, int to) {
        if (from < 0) {
            return Double.NaN;
        }
        return s.kind.equals("count") ? sum(s.num, from, to) / (to - from + 1)
                : s.kind.equals("median") ? mean(Arrays.copyOfRange(s.num, from, to + 1)) : agg(s, from, to);
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    private static double mean(double[] v) {
        return sum(v, 0, v.length - 1) / v.length;
    }

    /** The test of a basis at month index i: null when the series is too short for it. */
    private static Result test(Series s, String basis, int i, double confidence) {
        int oFrom = basis.equals("benchmark") || basis.equals("yearEarlier") ? i - 11 : i;
        int eFrom;
        int eTo;
        switch (basis) {
            case "benchmark" -> {
                int[] fy = baselineYear(s, i);
                if (fy == null) {
                    return null;
                }
                eFrom = fy[0];
                eTo = fy[1];
            }
            case "1yr" -> {
                eFrom = i - 12;
                eTo = i - 1;
            }
            case "3yr" -> {
                eFrom = i - 36;
                eTo = i - 1;
            }
            case "yearEarlier" -> { // the 12 months a year before the rolling 12 months
                eFrom = i - 23;
                eTo = i - 12;
            }
            default -> {
                eFrom = i - 12;
                eTo = i - 12;
            }
        }
        if (oFrom < 0 || eFrom < 0) {
            return null;
        }
        return switch (s.kind) {
            case "count" -> quasiPoisson(s.num, oFrom, i, eFrom, eTo, confidence);
            case "median" -> basis.equals("benchmark") || basis.equals("yearEarlier")
                    ? mannWhitney(Arrays.copyOfRange(s.num, oFrom, i + 1), Arrays.copyOfRange(s.num, eFrom, eTo + 1),
                    confidence)
                    : movingRange(s.num, i, eFrom, eTo, confidence);
            default -> proportions(sum(s.num, oFrom, i), sum(s.den, oFrom, i), sum(s.num, eFrom, eTo),
                    sum(s.den, eFrom, eTo), confidence);
        };
    }

    private static Result judged(double statistic, double p, double observed, double expected, double confidence) {
        String outcome = !Double.isFinite(p) ? "untested"
                : p < 1 - confidence && observed != expected ? (observed > expected ? "higher" : "lower")
                : "comparable";
        return new Result(statistic, p, outcome, 0);
    }

    private static double twoSided(double z) {
        return 2 * NORMAL.survivalProbability(Math.abs(z));
    }

    /**
     * McCullagh and Nelder's quasi-Poisson score test: phi = Pearson chi-square / df over both sides' months (a
     * side of one month adds nothing), at least 1; z = (x1/t1 - x2/t2) / sqrt(phi r (1/t1 + 1/t2)), r the pooled
     * monthly rate.
     */
    private static Result quasiPoisson(double[] y, int oFrom, int oTo, int eFrom, int eTo, double confidence) {
        double pearson = 0;
        int df = 0;
        for (int[] side : new int[][] {{oFrom, oTo}, {eFrom, eTo}}) {
            int n = side[1] - side[0] + 1;
            double mean = sum(y, side[0], side[1]) / n;
            if (n >= 2 && mean > 0) {
                for (int j = side[0]; j <= side[1]; j++) {
                    pearson += (y[j] - mean) * (y[j] - mean) / mean;
                }
                df += n - 1;
            }
        }
        double phi = df == 0 ? 1 : Math.max(1, pearson / df);
        double x1 = sum(y, oFrom, oTo);
        double x2 = sum(y, eFrom, eTo);
        int t1 = oTo - oFrom + 1;
        int t2 = eTo - eFrom + 1;
        double variance = phi * (x1 + x2) / (t1 + t2) * (1.0 / t1 + 1.0 / t2);
        double expected = x2 * t1 / t2;
        if (variance <= 0) {
            return judged(0, 1, x1, expected, confidence);
        }
        double z = (x1 / t1 - x2 / t2) / Math.sqrt(variance);
        return judged(z, twoSided(z), x1, expected, confidence);
    }

    /** Pooled two-proportion z; Fisher's exact test when an expected cell is under 5 (Cochran). */
    private static Result proportions(double x1, double n1, double x2, double n2, double confidence) {
        double n = n1 + n2;
        double x = x1 + x2;
        double p1 = x1 / n1;
        double p2 = x2 / n2;
        boolean small = n > 0 && Math.min(Math.min(n1 * x / n, n1 * (n - x) / n),
                Math.min(n2 * x / n, n2 * (n - x) / n)) < 5;
        if (small) {
            double p = FisherExactTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED)
                    .test(new int[][] {{(int) x1, (int) (n1 - x1)}, {(int) x2, (int) (n2 - x2)}}).getPValue();
            return judged(Double.NaN, p, p1, p2, confidence);
        }
        double pooled = x / n;
        double se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        if (se == 0) {
            return judged(0, 1, p1, p2, confidence);
        }
        double z = (p1 - p2) / se;
        return judged(z, twoSided(z), p1, p2, confidence);
    }

    /** Mann-Whitney U of the monthly values; the figures compared are the medians. */
    private static Result mannWhitney(double[] a, double[] b, double confidence) {
        var r = MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED).test(a, b);
        return judged(r.getStatistic(), r.getPValue(), median(a.clone()), median(b.clone()), confidence);
    }

    /** z of the month against the expected months' mean, sigma = mean moving range of the 12 months before / 1.128. */
    private static Result movingRange(double[] y, int i, int eFrom, int eTo, double confidence) {
        double mr = 0;
        for (int j = i - 11; j <= i - 1; j++) {
            mr += Math.abs(y[j] - y[j - 1]);
        }
        mr /= 11;
        double sigma = mr / 1.128;
        double expected = sum(y, eFrom, eTo) / (eTo - eFrom + 1);
        if (sigma == 0) {
            return judged(0, y[i] == expected ? 1 : 0, y[i], expected, confidence);
        }
        double z = (y[i] - expected) / (sigma * Math.sqrt(1.0 + 1.0 / (eTo - eFrom + 1)));
        return judged(z, twoSided(z), y[i], expected, confidence);
    }

    /** How the tool's tests agree with the reference's. */
    record Agreement(int compared, double largestPDifference, int outcomesDiffering, int runsDiffering, int lacking,
                     List<String> examples) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "reference vs tool: %d tests compared, largest p-value difference %.2e, "
                    + "outcomes differing %d, runs differing %d, tests the reference lacks %d", compared,
                    largestPDifference, outcomesDiffering, runsDiffering, lacking)
                    + examples.stream().map(e -> "\n  " + e).collect(java.util.stream.Collectors.joining());
        }
    }

    /** One test as the tool reported it. */
    record ToolTest(String measure, String area, String basis, double p, String outcome, int run) {
    }

    /** Every test of the tool's JSON report against the reference's. */
    static Agreement compare(JsonNode report, Computed reference) {
        List<ToolTest> tool = new ArrayList<>();
        for (JsonNode m : report.get("measures")) {
            for (JsonNode t : m.get("tests")) {
                tool.add(new ToolTest(m.get("id").asText(), m.get("area").asText(), t.get("basis").asText(),
                        t.get("pValue").isNumber() ? t.get("pValue").asDouble() : Double.NaN,
                        t.get("outcome").asText(), t.get("run").asInt()));
            }
        }
        return compare(tool, reference);
    }

    /** The tool's tests against the reference's. */
    static Agreement compare(List<ToolTest> tool, Computed reference) {
        int compared = 0;
        int outcomes = 0;
        int runs = 0;
        int lacking = 0;
        double largest = 0;
        List<String> examples = new ArrayList<>();
        for (ToolTest t : tool) {
            Result[] mine = reference.tests().get(t.measure() + "\u0000" + t.area());
            int b = Arrays.asList(BASES).indexOf(t.basis());
            if (mine == null || b < 0 || mine[b] == null) {
                lacking++;
                continue;
            }
            compared++;
            double dp = Double.isNaN(t.p()) && Double.isNaN(mine[b].p()) ? 0 : Math.abs(t.p() - mine[b].p());
            largest = Double.isNaN(dp) ? Double.POSITIVE_INFINITY : Math.max(largest, dp);
            boolean outcome = !t.outcome().equals(mine[b].outcome());
            boolean run = t.run() != mine[b].run();
            outcomes += outcome ? 1 : 0;
            runs += run ? 1 : 0;
            if ((outcome || run) && examples.size() < 5) {
                examples.add(t + " vs reference " + mine[b]);
            }
        }
        return new Agreement(compared, largest, outcomes, runs, lacking, examples);
    }
}
