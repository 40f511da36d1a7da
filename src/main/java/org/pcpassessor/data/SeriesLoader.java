package org.pcpassessor.data;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import org.pcpassessor.catalogue.Catalogue;
import org.pcpassessor.catalogue.Kind;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.input.TextFile;
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

    /**
     * A row's figures and where it was read (the file's name is one string shared by its rows); an invalid row
     * (already reported) still marks its month as present.
     */
    private record Row(double numerator, double denominator, String file, int line, boolean valid) {
        Row(double numerator, double denominator, String file, int line) {
            this(numerator, denominator, file, line, true);
        }

        String source() {
            return file + ":" + line;
        }
    }

    // A number as a CSV should hold it: digits, an optional fraction and minus sign, nothing else. DECIMAL
    // -?[0-9]+(\.[0-9]+)? and MONTH [0-9]{4}-[0-9]{2} are checked by the two scans below, not by regular
    // expressions: they run on every cell of files of millions of rows (bench/scale.sh).
    /** The months a series may hold: anything else is a typing error, and would make a series of millions of months. */
    static final YearMonth FIRST_MONTH = YearMonth.of(1900, 1);
    static final YearMonth LAST_MONTH = YearMonth.of(2199, 12);

    /** Each comparator series' id and its one area (read() sets them). */
    private Map<String, String> comparatorAreas = Map.of();

    public SeriesLoader(Catalogue catalogue, Problems problems) {
        this.catalogue = catalogue;
        this.problems = problems;
    }

    /** Reads every data file of the catalogue; problems go to the collector given to the constructor. */
    public DataSet read() {
        Map<String, Measure> measures = new HashMap<>();
        catalogue.measures().forEach(m -> measures.put(m.id(), m));
        // a comparator's rows (the national rate, ...) read as a series of the kind of the measure compared with it,
        // in its own area only
        Map<String, String> comparators = new HashMap<>();
        for (Measure m : catalogue.measures()) {
            for (org.pcpassessor.catalogue.ComparatorSeries c : m.comparators()) {
                measures.put(c.id(), c.asSeriesOf(m));
                comparators.put(c.id(), c.area());
            }
        }
        this.comparatorAreas = Map.copyOf(comparators);
        // each area by the catalogue's own string: a row keeps it, not the string its field was read into
        Map<String, String> areas = new HashMap<>();
        catalogue.areas().forEach(a -> areas.put(a, a));
        // Each file is read and its rows checked on its own, on every core when there are many; what the files
        // hold is then merged in the catalogue's file order, as reading one after another would (a row repeating
        // an earlier file's is reported against the earlier one).
        // Files are read a batch at a time, so that the rows read and not yet merged are one batch's.
        List<Path> files = catalogue.dataFiles();
        // measure -> area -> months; TreeMaps keep the result independent of file order.
        Map<String, Map<String, MonthRows>> rows = new TreeMap<>();
        for (int from = 0; from < files.size(); from += BATCH_FILES) {
            List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH_FILES));
            List<FileRows> read = (batch.size() >= PARALLEL_FILES ? batch.parallelStream() : batch.stream())
                    .map(path -> readFile(path, measures, areas)).toList();
            read.forEach(file -> merge(file, rows));
        }
        for (org.pcpassessor.catalogue.DataSources.Query query : catalogue.data().queries()) {
            merge(readQuery(query, measures, areas), rows);
        }
        for (org.pcpassessor.catalogue.DataSources.PoliceUk archive : catalogue.data().archives()) {
            Problems found = new Problems();
            List<Read> counted = new ArrayList<>();
            for (PoliceUkArchive.Counted c : PoliceUkArchive.read(archive, measures, catalogue.areas(), found)) {
                java.util.Optional<YearMonth> until = measures.get(c.measure()).until();
                if (until.isPresent() && c.month().isAfter(until.get())) {
                    continue; // after the supply stopped (catalogue 'until'): not data
                }
                counted.add(new Read(c.measure(), areas.get(c.area()), c.month(), new Row(c.count(), 1, c.file(),
                        c.line())));
            }
            merge(new FileRows(counted, found), rows);
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
            for (org.pcpassessor.catalogue.ComparatorSeries c : m.comparators()) {
                if (!rows.containsKey(c.id())) { // a warning: national figures may not be to hand yet
                    problems.warning(c.source().file(), c.source().line(), c.source().column(), "no data for "
                            + "comparator '" + c.id() + "' (area '" + c.area() + "') in any data file; measure '"
                            + m.id() + "' is not compared with " + c.name());
                }
            }
            boolean rowsRead = rows.containsKey(m.id()) && rows.get(m.id()).containsKey(catalogue.headlineArea());
            if (!rowsRead) {
                problems.error(m.source().file(), m.source().line(), m.source().column(),
                        "no data for measure '" + m.id() + "' in the headline area '" + catalogue.headlineArea()
                                + "' in any data file");
            }
        }
        return data;
    }

    /**
     * The number of data files from which they are read on every core: measured, 296 files of 12,728 series
     * (bench/scale.sh 8x43) read in 1.8 to 2.0 s on two cores instead of 3.2 s on one; a catalogue of a few files
     * gains nothing.
     */
    static final int PARALLEL_FILES = 8;

    /** The files read (on every core) before their rows are merged. */
    static final int BATCH_FILES = 64;

    /** A row of a file that reached its series (valid, or invalid and reported), in the file's order. */
    private record Read(String measure, String area, YearMonth month, Row row) {
    }

    /** What one file held: its rows and the problems found in it alone. */
    private record FileRows(List<Read> rows, Problems problems) {
    }

    /**
     * A file's rows added to the series, in the file's order; a row whose month its series has already is a
     * duplicate (unless invalid, which was reported already). The file's problems and its duplicates are then
     * added in reading order, so the first of a file's errors are listed as when one collector read them all.
     */
    private void merge(FileRows file, Map<String, Map<String, MonthRows>> rows) {
        List<org.pcpassessor.problem.Problem> found = new ArrayList<>(file.problems().sorted());
        int before = found.size();
        MonthRows series = null;
        String measure = null;
        String area = null;
        for (Read r : file.rows()) {
            if (series == null || !r.measure().equals(measure) || !r.area().equals(area)) { // rows come in runs
                measure = r.measure();
                area = r.area();
                series = rows.computeIfAbsent(measure, k -> new TreeMap<>()).computeIfAbsent(area,
                        k -> new MonthRows());
            }
            Row previous = series.putIfAbsent(r.month(), r.row());
            if (previous != null && r.row().valid()) {
                found.add(org.pcpassessor.problem.Problem.error(r.row().file(), r.row().line(), 0, "duplicate row for "
                        + measure + ", " + area + ", " + r.month() + " (first at " + previous.source() + ")"));
            }
        }
        if (found.size() > before) {
            found.sort(org.pcpassessor.problem.Problem.READING_ORDER);
        }
        problems.addAll(found);
    }

    /**
     * A series' rows by month, as read: arrays from its first month, grown as rows come. The parts of each row are
     * kept in arrays, not as a row object each: a national run holds tens of millions of rows until every file is
     * read, and as objects they filled the old generation again and again (four full collections of 1.4 to 1.9 s
     * while 43 forces' 29 million rows were read).
     */
    private static final class MonthRows {
        private static final byte NONE = 0;
        private static final byte VALID = 1;
        private static final byte INVALID = 2;

        private YearMonth first;
        private double[] numerators = new double[16];
        private double[] denominators = new double[16];
        private String[] files = new String[16];
        private int[] lines = new int[16];
        private byte[] states = new byte[16];
        private int size;

        /** Adds the row unless the month has one already, which is returned. */
        Row putIfAbsent(YearMonth month, Row row) {
            if (first == null) {
                first = month;
            }
            long at = first.until(month, java.time.temporal.ChronoUnit.MONTHS);
            if (at < 0) { // a month before the first so far: move the rows up
                int shift = (int) -at;
                resize(Math.max(states.length, size + shift), shift);
                size += shift;
                first = month;
                at = 0;
            }
            if (at >= states.length) {
                resize((int) Math.max(at + 1, 2L * states.length), 0);
            }
            int i = (int) at;
            if (states[i] != NONE) {
                return at(i);
            }
            numerators[i] = row.numerator();
            denominators[i] = row.denominator();
            files[i] = row.file();
            lines[i] = row.line();
            states[i] = row.valid() ? VALID : INVALID;
            size = Math.max(size, i + 1);
            return null;
        }

        /** Arrays of {@code length}, the rows so far moved up by {@code shift}. */
        private void resize(int length, int shift) {
            numerators = moved(numerators, new double[length], shift);
            denominators = moved(denominators, new double[length], shift);
            files = moved(files, new String[length], shift);
            lines = moved(lines, new int[length], shift);
            states = moved(states, new byte[length], shift);
        }

        private <T> T moved(T from, T to, int shift) {
            System.arraycopy(from, 0, to, shift, size);
            return to;
        }

        YearMonth first() {
            return first;
        }

        /** Months from the first to the last with a row. */
        int span() {
            return size;
        }

        /** Whether the month {@code i} months after the first has a row. */
        boolean has(int i) {
            return states[i] != NONE;
        }

        /** Whether that row was read without error. */
        boolean valid(int i) {
            return states[i] == VALID;
        }

        /** The row of the month {@code i} months after the first, or null. */
        Row at(int i) {
            return has(i) ? new Row(numerators[i], denominators[i], files[i], lines[i], valid(i)) : null;
        }

        /** The series of these rows, when every month from the first to the last has a valid one. */
        Series series(Measure measure, String area) {
            return new Series(measure.id(), area, measure.kind(), first, Arrays.copyOf(numerators, size),
                    Arrays.copyOf(denominators, size),
                    new Sources(Arrays.copyOf(files, size), Arrays.copyOf(lines, size)));
        }
    }

    /**
     * The header's columns by name, or null when it names one twice or lacks a column the series need (reported at
     * the header's line).
     */
    static Map<String, Integer> columns(String file, int line, List<String> header, Problems found) {
        return columns(file, line, 1, header, found);
    }

    /** As {@link #columns(String, int, List, Problems)}, a missing column said at column {@code at} of the line. */
    static Map<String, Integer> columns(String file, int line, int at, List<String> header, Problems found) {
        Map<String, Integer> columns = new java.util.LinkedHashMap<>();
        boolean duplicates = false;
        for (int i = 0; i < header.size(); i++) {
            Integer earlier = columns.putIfAbsent(header.get(i), i);
            if (earlier != null && !header.get(i).isEmpty()) {
                found.error(file, line, i + 1, "the header names '" + header.get(i) + "' twice (columns "
                        + (earlier + 1) + " and " + (i + 1) + ")");
                duplicates = true;
            }
        }
        if (duplicates) {
            return null;
        }
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
            boolean policeUk = header.contains("Crime ID") || header.contains("Object of search");
            found.error(file, line, at, "the header lacks " + String.join(", ", missing)
                    + "; expected measure,area,month,value,numerator,denominator" + (policeUk ? " (this looks like a "
                    + "police.uk monthly file: count a folder of them with a police.uk: data entry, README)" : ""));
            return null;
        }
        return columns;
    }

    /** A data file: a CSV file, or an Excel workbook each of whose sheets holds series. */
    private FileRows readFile(Path path, Map<String, Measure> measures, Map<String, String> areas) {
        boolean undeclaredWarn = catalogue.data().undeclaredWarn().contains(path);
        if (Workbooks.isWorkbook(path)) {
            Problems found = new Problems();
            List<Read> rows = new ArrayList<>();
            Context ctx = new Context(measures, areas, rows, found, undeclaredWarn);
            for (Table table : Workbooks.read(path, found)) {
                readTable(table, ctx);
            }
            return new FileRows(rows, found);
        }
        String file = path.toString();
        Problems found = new Problems();
        List<Read> rows = new ArrayList<>();
        FileRows result = new FileRows(rows, found);
        java.util.Optional<String> text = TextFile.read(path, file, TextFile.CSV, found);
        if (text.isEmpty()) {
            return result;
        }
        if (text.get().isBlank()) {
            found.error(file, 1, 1, "the file is empty; expected a header: measure,area,month,value,numerator,"
                    + "denominator");
            return result;
        }
        // The header is read here, not by the CSV library, so that a repeated name is reported as such. A row of
        // another length than the header is reported here too (the library returns it as it is); a quote left open
        // or text after a closing quote stops the library, naming the line its record starts on.
        long lastLine = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE).missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .allowUnclosedQuote(false).trimWhitespacesAroundQuotes(true).ofCsvRecord(text.get())) {
            java.util.Iterator<CsvRecord> records = reader.iterator();
            CsvRecord first = records.next();
            lastLine = first.getStartingLineNumber();
            List<String> header = new ArrayList<>(first.getFieldCount());
            for (int i = 0; i < first.getFieldCount(); i++) {
                header.add(first.getField(i).trim());
            }
            Map<String, Integer> columns = columns(file, (int) lastLine, header, found);
            if (columns == null) {
                return result;
            }
            Context ctx = new Context(measures, areas, rows, found, undeclaredWarn);
            while (records.hasNext()) {
                CsvRecord record = records.next();
                lastLine = record.getStartingLineNumber();
                readRow(file, (int) lastLine, new CsvFields(columns, record), columns.size(), ctx);
            }
        } catch (CsvParseException e) {
            String m = String.valueOf(e.getMessage());
            Matcher starts = RECORD_START.matcher(m);
            int line = starts.find() ? Integer.parseInt(starts.group(1)) : (int) lastLine + 1;
            String why = m.startsWith("Unclosed quoted field")
                    ? "a quoted field (\"...) is not closed before the end of the file"
                    : m.startsWith("Unexpected character after closing quote")
                    ? "text after a closing quote: a quoted field must end at a comma (write \"\" for a quote inside it)"
                    : "the CSV cannot be read: " + RECORD_START.matcher(m).replaceAll("").strip();
            found.error(file, line, 0, why);
        } catch (IOException | java.io.UncheckedIOException e) {
            found.error(file, (int) lastLine + 1, 0, "the CSV cannot be read: " + e.getMessage());
        }
        return result;
    }

    /**
     * The rows of a sheet or a query, in the long layout (a wide sheet has been turned into it already): the same
     * header and row checks as a CSV file's.
     */
    private void readTable(Table table, Context ctx) {
        Map<String, Integer> columns = columns(table.source(), table.headerLine(), table.header(), ctx.found());
        if (columns == null) {
            return;
        }
        for (Table.Line line : table.rows()) {
            readRow(table.source(), line.line(), new Table.Fields(columns, line), columns.size(), ctx);
        }
    }

    /** A database entry's rows: its query run once, its result checked as a CSV file's rows are. */
    private FileRows readQuery(org.pcpassessor.catalogue.DataSources.Query query, Map<String, Measure> measures,
                               Map<String, String> areas) {
        Problems found = new Problems();
        List<Read> rows = new ArrayList<>();
        Queries.read(query, found).ifPresent(t -> {
            // a result without the series' columns is the entry's to mend: said at its line in the catalogue
            if (columns(query.at().file(), query.at().line(), query.at().column(), t.header(), found) != null) {
                readTable(t, new Context(measures, areas, rows, found, query.undeclaredWarn()));
            }
        });
        return new FileRows(rows, found);
    }

    /** Where the CSV library's message says the record it stopped in starts. */
    private static final java.util.regex.Pattern RECORD_START =
            java.util.regex.Pattern.compile("\\s*\\(record starting at line (\\d+)\\)");

    /** A row's fields by header name, whatever the source (a CSV record, a sheet's row, a query's row). */
    interface Fields {
        /** The header's columns by name. */
        Map<String, Integer> columns();

        /** The number of fields the row has. */
        int size();

        /** The row's i-th field as read. */
        String field(int i);

        /** The 1-based column of a field, for file:line:column (0 when the row has no such field). */
        int column(String column);

        default boolean has(String column) {
            return columns().containsKey(column);
        }

        /** The field's text, trimmed; empty when the row lacks it. */
        default String get(String column) {
            Integer i = columns().get(column);
            return i == null || i >= size() ? "" : field(i).trim();
        }
    }

    /** A CSV record's fields by header name; a row of another length than the header is reported, not read. */
    private record CsvFields(Map<String, Integer> columns, CsvRecord record) implements Fields {
        @Override
        public int size() {
            return record.getFieldCount();
        }

        @Override
        public String field(int i) {
            return record.getField(i);
        }

        @Override
        public int column(String column) {
            Integer i = columns.get(column);
            return i == null ? 0 : i + 1;
        }
    }

    /**
     * What the rows of one source are checked against and added to: the catalogue's measures and areas, the rows
     * read, the measures and areas already reported unknown (once each), the problems found, and whether rows of
     * measures the catalogue does not declare are skipped with a warning (the data entry's {@code undeclared: warn}).
     */
    private record Context(Map<String, Measure> measures, Map<String, String> areas, List<Read> rows,
                           Map<String, Integer> unknownMeasures, Map<String, Integer> unknownAreas, Problems found,
                           boolean undeclaredWarn) {
        Context(Map<String, Measure> measures, Map<String, String> areas, List<Read> rows, Problems found,
                boolean undeclaredWarn) {
            this(measures, areas, rows, new TreeMap<>(), new TreeMap<>(), found, undeclaredWarn);
        }
    }

    private void readRow(String file, int line, Fields record, int headerSize, Context ctx) {
        Map<String, Measure> measures = ctx.measures();
        Map<String, String> areas = ctx.areas();
        List<Read> rows = ctx.rows();
        Map<String, Integer> unknownMeasures = ctx.unknownMeasures();
        Map<String, Integer> unknownAreas = ctx.unknownAreas();
        Problems found = ctx.found();
        if (record.size() != headerSize) {
            found.error(file, line, 0, "the row has " + record.size() + " fields; the header has " + headerSize);
            return;
        }
        String id = record.get("measure");
        String area = record.get("area");
        String monthText = record.get("month");
        Measure measure = measures.get(id);
        if (measure == null && catalogue.rejected().contains(id)) {
            // declared with errors (reported against the catalogue): its rows are still read for their own errors, so
            // that mending the catalogue does not reveal a second round of them
            checkRejectedRow(file, line, record, id, areas, unknownAreas, found);
            return;
        }
        if (measure == null) {
            if (unknownMeasures.merge(id, 1, Integer::sum) == 1) {
                if (ctx.undeclaredWarn()) {
                    found.warning(file, line, record.column("measure"), "rows of measure '" + id + "' skipped: "
                            + catalogue.file() + " does not declare it (this data entry's undeclared: warn)"
                            + Suggestions.didYouMean(id, measures.keySet()));
                } else {
                    found.error(file, line, record.column("measure"), "unknown measure '" + id + "'"
                            + Suggestions.didYouMean(id, measures.keySet()) + ": it is not in " + catalogue.file()
                            + " (a data entry with undeclared: warn skips such rows)");
                }
            }
            return;
        }
        String comparatorArea = comparatorAreas.get(id);
        if (comparatorArea != null && !comparatorArea.equals(area)) {
            if (unknownAreas.merge(id + "/" + area, 1, Integer::sum) == 1) {
                found.error(file, line, record.column("area"), "comparator '" + id + "' is declared for area '"
                        + comparatorArea + "', not '" + area + "'");
            }
            return;
        }
        String areaName = comparatorArea != null ? comparatorArea : areas.get(area);
        if (areaName == null) {
            if (unknownAreas.merge(area, 1, Integer::sum) == 1) {
                found.error(file, line, record.column("area"), "unknown area '" + area + "'"
                        + Suggestions.didYouMean(area, areas.keySet())
                        + "; the catalogue's areas are " + catalogue.areas());
            }
            return;
        }
        YearMonth month;
        try {
            if (!isMonth(monthText)) {
                throw new DateTimeParseException("", monthText, 0);
            }
            month = YearMonth.of(Integer.parseInt(monthText, 0, 4, 10), Integer.parseInt(monthText, 5, 7, 10));
        } catch (java.time.DateTimeException e) { // a parse error, or a month 00 or 13
            found.error(file, line, record.column("month"), "month must be YYYY-MM, not '" + monthText + "'");
            return;
        }
        if (month.isBefore(FIRST_MONTH) || month.isAfter(LAST_MONTH)) {
            found.error(file, line, record.column("month"), "month " + month + " is outside " + FIRST_MONTH + " to "
                    + LAST_MONTH + ": a typing error?");
            return;
        }
        if (measure.until().isPresent() && month.isAfter(measure.until().get())) {
            return; // after the supply stopped (catalogue 'until'): not data
        }
        Row row = parseValues(file, line, record, measure, found);
        if (row == null) {
            row = new Row(Double.NaN, Double.NaN, file, line, false);
        }
        rows.add(new Read(measure.id(), areaName, month, row));
    }

    /**
     * The checks a row of a measure declared with errors can have without its kind: its area, its month, and every
     * number it gives (value, numerator, denominator) a plain decimal.
     */
    private void checkRejectedRow(String file, int line, Fields record, String id, Map<String, String> areas,
                                  Map<String, Integer> unknownAreas, Problems found) {
        String area = record.get("area");
        if (areas.get(area) == null && unknownAreas.merge(area, 1, Integer::sum) == 1) {
            found.error(file, line, record.column("area"), "unknown area '" + area + "'"
                    + Suggestions.didYouMean(area, areas.keySet()) + "; the catalogue's areas are " + catalogue.areas());
        }
        String monthText = record.get("month");
        if (!isMonth(monthText)) {
            found.error(file, line, record.column("month"), "month must be YYYY-MM, not '" + monthText + "'");
        }
        for (String column : List.of("value", "numerator", "denominator")) {
            String text = record.get(column);
            if (!text.isEmpty() && !isDecimal(text)) {
                found.error(file, line, record.column(column), column + " must be a plain decimal number, not '"
                        + text + "' (measure " + id + ", declared with errors)");
            }
        }
    }

    private Row parseValues(String file, int line, Fields record, Measure measure, Problems found) {
        Kind kind = measure.kind();
        Double numerator = number(file, line, record, kind.hasDenominator() ? "numerator" : "value", measure, found);
        Double denominator = kind.hasDenominator() ? number(file, line, record, "denominator", measure, found)
                : Double.valueOf(1);
        if (numerator == null || denominator == null) {
            return null;
        }
        java.util.Optional<Cells.Violation> wrong = Cells.check(kind, numerator, denominator);
        if (wrong.isPresent()) {
            found.error(file, line, record.column(wrong.get().field()), wrong.get().message() + " (measure "
                    + measure.id() + ")");
            return null;
        }
        return new Row(numerator, denominator, file, line);
    }

    private Double number(String file, int line, Fields record, String column, Measure measure,
                          Problems found) {
        String text = record.get(column);
        if (text.isEmpty()) {
            found.error(file, line, record.column(column) == 0 ? 1 : record.column(column), "'" + column + "' is "
                    + (record.has(column) ? "empty" : "not a column of this file") + "; a " + measure.kind().yamlName() + " needs "
                    + (measure.kind().hasDenominator() ? "numerator and denominator" : "value")
                    + " (measure " + measure.id() + ")");
            return null;
        }
        if (!isDecimal(text)) {
            found.error(file, line, record.column(column), column + " must be a plain decimal number, not '" + text
                    + "' (measure " + measure.id() + "; no thousands separators, signs other than '-', exponents or "
                    + "units)");
            return null;
        }
        return Double.parseDouble(text);
    }

    /** {@code [0-9]{4}-[0-9]{2}}. */
    static boolean isMonth(String s) {
        if (s.length() != 7 || s.charAt(4) != '-') {
            return false;
        }
        for (int i = 0; i < 7; i++) {
            if (i != 4 && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }

    /** {@code -?[0-9]+(\.[0-9]+)?}: a plain decimal, no sign but '-', no exponent, no grouping. */
    static boolean isDecimal(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        int digits = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i == s.length()) {
            return true;
        }
        if (s.charAt(i) != '.') {
            return false;
        }
        int fraction = 0;
        for (i++; i < s.length(); i++, fraction++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return fraction > 0;
    }

    private Series assemble(Measure measure, String area, MonthRows months) {
        YearMonth first = months.first();
        YearMonth gapStart = null;
        boolean gaps = false;
        for (int i = 0; i < months.span(); i++) {
            if (!months.has(i)) {
                if (gapStart == null) {
                    gapStart = first.plusMonths(i);
                }
                continue; // no row: no source (and the series is refused for the gap)
            }
            gaps |= !months.valid(i); // reported row by row already
            if (gapStart != null) {
                Row after = months.at(i);
                reportGap(measure, area, gapStart, first.plusMonths(i - 1), after.file(), after.line());
                gapStart = null;
                gaps = true;
            }
        }
        return gaps ? null : months.series(measure, area);
    }

    /** A gap, reported at the row after it. */
    private void reportGap(Measure measure, String area, YearMonth from, YearMonth to, String file, int line) {
        String months = from.equals(to) ? from.toString() : from + " to " + to;
        problems.error(file, line, 0, "missing month(s) " + months + " in the series of " + measure.id() + ", "
                + area + " (a series must have a row for every month between its first and last)");
    }
}
