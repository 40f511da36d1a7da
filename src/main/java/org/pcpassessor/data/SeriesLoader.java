package org.pcpassessor.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pcpassessor.catalogue.Catalogue;
import org.pcpassessor.catalogue.Kind;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.problem.DataException;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.problem.Suggestions;

/**
 * Reads the long-format series CSV files ({@code measure,area,month,value,numerator,denominator}; extra
 * columns are allowed) and checks every row against the catalogue. All problems are collected with
 * file:line before anything is reported.
 */
public final class SeriesLoader {
    private final Catalogue catalogue;
    private final Problems problems;

    /** A row as read; an invalid one (already reported) still marks its month as present. */
    private record Row(double numerator, double denominator, String source, boolean valid) {
        Row(double numerator, double denominator, String source) {
            this(numerator, denominator, source, true);
        }
    }

    public SeriesLoader(Catalogue catalogue, Problems problems) {
        this.catalogue = catalogue;
        this.problems = problems;
    }

    /** Loads every data file of the catalogue and throws {@link DataException} on any error. */
    public static DataSet load(Catalogue catalogue) {
        Problems problems = new Problems();
        DataSet data = new SeriesLoader(catalogue, problems).read();
        problems.throwIfErrors("data");
        return data;
    }

    public DataSet read() {
        Map<String, Measure> measures = new HashMap<>();
        catalogue.measures().forEach(m -> measures.put(m.id(), m));
        Set<String> areas = Set.copyOf(catalogue.areas());
        // measure -> area -> month -> row; TreeMaps keep the result independent of file order.
        Map<String, Map<String, TreeMap<YearMonth, Row>>> rows = new TreeMap<>();
        for (Path path : catalogue.dataFiles()) {
            readFile(path, measures, areas, rows);
        }
        DataSet data = new DataSet();
        for (var byMeasure : rows.entrySet()) {
            Measure measure = measures.get(byMeasure.getKey());
            for (var byArea : byMeasure.getValue().entrySet()) {
                Series s = assemble(measure, byArea.getKey(), byArea.getValue());
                if (s != null) {
                    data.put(s);
                }
            }
        }
        for (Measure m : catalogue.measures()) {
            boolean rowsRead = rows.containsKey(m.id()) && rows.get(m.id()).containsKey(catalogue.headlineArea());
            if (!rowsRead) {
                problems.error(m.source().file(), m.source().line(), m.source().column(),
                        "no data for measure '" + m.id() + "' in the headline area '" + catalogue.headlineArea()
                                + "' in any data file");
            }
        }
        return data;
    }

    private void readFile(Path path, Map<String, Measure> measures, Set<String> areas,
                          Map<String, Map<String, TreeMap<YearMonth, Row>>> rows) {
        String file = path.toString();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setTrim(true).get();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = new ArrayList<>();
            for (String column : List.of("measure", "area", "month")) {
                if (!header.contains(column)) {
                    missing.add(column);
                }
            }
            if (!header.contains("value") && !(header.contains("numerator") && header.contains("denominator"))) {
                missing.add("value (or numerator and denominator)");
            }
            if (!missing.isEmpty()) {
                problems.error(file, 1, 1, "the header lacks " + String.join(", ", missing)
                        + "; expected measure,area,month,value,numerator,denominator");
                return;
            }
            Map<String, Integer> unknownMeasures = new TreeMap<>();
            Map<String, Integer> unknownAreas = new TreeMap<>();
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                readRow(file, line, record, measures, areas, rows, unknownMeasures, unknownAreas);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            problems.error(file, 0, 0, "cannot read the CSV: " + e.getMessage());
        }
    }

    private void readRow(String file, int line, CSVRecord record, Map<String, Measure> measures, Set<String> areas,
                         Map<String, Map<String, TreeMap<YearMonth, Row>>> rows,
                         Map<String, Integer> unknownMeasures, Map<String, Integer> unknownAreas) {
        if (!record.isConsistent()) {
            problems.error(file, line, 0, "the row has " + record.size() + " fields; the header has "
                    + record.getParser().getHeaderNames().size());
            return;
        }
        String id = record.get("measure");
        String area = record.get("area");
        String monthText = record.get("month");
        Measure measure = measures.get(id);
        if (measure == null && catalogue.rejected().contains(id)) {
            return; // declared with errors, already reported against the catalogue
        }
        if (measure == null) {
            if (unknownMeasures.merge(id, 1, Integer::sum) == 1) {
                problems.error(file, line, 0, "unknown measure '" + id + "'"
                        + Suggestions.didYouMean(id, measures.keySet()) + ": it is not in " + catalogue.file());
            }
            return;
        }
        if (!areas.contains(area)) {
            if (unknownAreas.merge(area, 1, Integer::sum) == 1) {
                problems.error(file, line, 0, "unknown area '" + area + "'" + Suggestions.didYouMean(area, areas)
                        + "; the catalogue's areas are " + catalogue.areas());
            }
            return;
        }
        YearMonth month;
        try {
            month = YearMonth.parse(monthText);
        } catch (DateTimeParseException e) {
            problems.error(file, line, 0, "month must be YYYY-MM, not '" + monthText + "'");
            return;
        }
        if (measure.until().isPresent() && month.isAfter(measure.until().get())) {
            return; // after the supply stopped (catalogue 'until'): not data
        }
        Row row = parseValues(file, line, record, measure);
        if (row == null) {
            row = new Row(Double.NaN, Double.NaN, file + ":" + line, false);
        }
        TreeMap<YearMonth, Row> series = rows.computeIfAbsent(id, k -> new TreeMap<>())
                .computeIfAbsent(area, k -> new TreeMap<>());
        Row previous = series.putIfAbsent(month, row);
        if (previous != null) {
            problems.error(file, line, 0, "duplicate row for " + id + ", " + area + ", " + month
                    + " (first at " + previous.source() + ")");
        }
    }

    private Row parseValues(String file, int line, CSVRecord record, Measure measure) {
        String source = file + ":" + line;
        Kind kind = measure.kind();
        if (!kind.hasDenominator()) {
            Double value = number(file, line, record, "value", measure);
            if (value == null) {
                return null;
            }
            if (value < 0) {
                problems.error(file, line, 0, "a " + kind.yamlName() + " cannot be negative: value '"
                        + record.get("value") + "' for " + measure.id());
                return null;
            }
            if (kind == Kind.COUNT && value != Math.rint(value)) {
                problems.error(file, line, 0, "a count must be a whole number: value '" + record.get("value")
                        + "' for " + measure.id());
                return null;
            }
            return new Row(value, 1, source);
        }
        Double numerator = number(file, line, record, "numerator", measure);
        Double denominator = number(file, line, record, "denominator", measure);
        if (numerator == null || denominator == null) {
            return null;
        }
        if (denominator < 0) {
            problems.error(file, line, 0, "denominator cannot be negative: '" + record.get("denominator")
                    + "' for " + measure.id());
            return null;
        }
        if (denominator == 0 && numerator != 0) {
            problems.error(file, line, 0, "zero denominator with numerator '" + record.get("numerator") + "' for "
                    + measure.id() + ": the month's " + kind.yamlName() + " is undefined");
            return null;
        }
        if (kind == Kind.PROPORTION && (numerator < 0 || numerator > denominator)) {
            problems.error(file, line, 0, "a proportion needs 0 <= numerator <= denominator, not "
                    + record.get("numerator") + "/" + record.get("denominator") + " for " + measure.id());
            return null;
        }
        return new Row(numerator, denominator, source);
    }

    private Double number(String file, int line, CSVRecord record, String column, Measure measure) {
        String text = record.isMapped(column) ? record.get(column) : "";
        if (text.isEmpty()) {
            problems.error(file, line, 0, "'" + column + "' is empty; a " + measure.kind().yamlName() + " needs "
                    + (measure.kind().hasDenominator() ? "numerator and denominator" : "value")
                    + " (measure " + measure.id() + ")");
            return null;
        }
        try {
            double v = Double.parseDouble(text.replace(",", ""));
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            problems.error(file, line, 0, column + " must be a number, not '" + text + "' (measure " + measure.id()
                    + ")");
            return null;
        }
    }

    private Series assemble(Measure measure, String area, TreeMap<YearMonth, Row> months) {
        YearMonth first = months.firstKey();
        YearMonth last = months.lastKey();
        int size = (int) first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
        double[] num = new double[size];
        double[] den = new double[size];
        List<String> sources = new ArrayList<>(size);
        YearMonth gapStart = null;
        boolean gaps = months.values().stream().anyMatch(r -> !r.valid()); // reported row by row already
        for (int i = 0; i < size; i++) {
            YearMonth m = first.plusMonths(i);
            Row row = months.get(m);
            if (row == null) {
                if (gapStart == null) {
                    gapStart = m;
                }
                sources.add("");
                continue;
            }
            if (gapStart != null) {
                reportGap(measure, area, gapStart, m.minusMonths(1), row.source());
                gapStart = null;
                gaps = true;
            }
            num[i] = row.numerator();
            den[i] = row.denominator();
            sources.add(row.source());
        }
        return gaps ? null : new Series(measure.id(), area, measure.kind(), first, num, den, sources);
    }

    private void reportGap(Measure measure, String area, YearMonth from, YearMonth to, String nextSource) {
        int colon = nextSource.lastIndexOf(':');
        String file = nextSource.substring(0, colon);
        int line = Integer.parseInt(nextSource.substring(colon + 1));
        String months = from.equals(to) ? from.toString() : from + " to " + to;
        problems.error(file, line, 0, "missing month(s) " + months + " in the series of " + measure.id() + ", "
                + area + " (a series must have a row for every month between its first and last)");
    }
}
