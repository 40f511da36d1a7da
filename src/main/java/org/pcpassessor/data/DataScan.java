package org.pcpassessor.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pcpassessor.problem.Problems;

/**
 * What data files hold, read before any catalogue exists ({@code assess init}): each measure's areas, months and
 * figures, from CSV files in the long layout or workbooks (either layout). Only what a catalogue needs to declare the
 * measures is kept; the values are checked again, fully, when the catalogue is used.
 */
public final class DataScan {
    private DataScan() {
    }

    /**
     * A measure as the data show it.
     *
     * @param id              its id
     * @param areas           its areas, in the order first met
     * @param first           its first month
     * @param last            its last month
     * @param ratio           whether it gives numerators and denominators (a rate or a proportion) rather than values
     * @param whole           whether every value (or numerator) is a whole number
     * @param beyond          whether some numerator is negative or exceeds its denominator (a rate, not a proportion)
     * @param lastNonZero     its last month with a figure other than 0 (a supply that stopped shows as zeros after it)
     */
    public record Found(String id, Set<String> areas, YearMonth first, YearMonth last, boolean ratio, boolean whole,
                        boolean beyond, YearMonth lastNonZero) {
    }

    /** The measures of the files, by id; problems (a file that cannot be read, a header that lacks a column) to found. */
    public static Map<String, Found> scan(List<Path> files, Problems found) {
        Map<String, Found> out = new TreeMap<>();
        for (Path path : files) {
            List<Table> tables = new ArrayList<>();
            if (Workbooks.isWorkbook(path)) {
                tables.addAll(Workbooks.read(path, found));
            } else {
                csv(path, found).ifPresent(tables::add);
            }
            for (Table t : tables) {
                Map<String, Integer> columns = SeriesLoader.columns(t.source(), t.headerLine(), t.header(), found);
                if (columns == null) {
                    continue;
                }
                for (Table.Line line : t.rows()) {
                    add(out, new Table.Fields(columns, line));
                }
            }
        }
        return out;
    }

    private static java.util.Optional<Table> csv(Path path, Problems found) {
        String file = path.toString();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(path)) {
            java.util.Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                found.error(file, 1, 1, "the file is empty; expected a header: measure,area,month,value,numerator,"
                        + "denominator");
                return java.util.Optional.empty();
            }
            CsvRecord head = records.next();
            List<String> header = head.getFields().stream().map(h -> h.replace("\uFEFF", "").trim()).toList();
            List<Table.Line> lines = new ArrayList<>();
            while (records.hasNext()) {
                CsvRecord r = records.next();
                lines.add(Table.Line.of((int) r.getStartingLineNumber(), r.getFields().toArray(String[]::new)));
            }
            return java.util.Optional.of(new Table(file, header, (int) head.getStartingLineNumber(), lines));
        } catch (CsvParseException | IOException | java.io.UncheckedIOException e) {
            found.error(file, 0, 0, "the file cannot be read as CSV: " + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static void add(Map<String, Found> out, SeriesLoader.Fields row) {
        String id = row.get("measure");
        String month = row.get("month");
        if (id.isEmpty() || !SeriesLoader.isMonth(month)) {
            return; // the check of the catalogue made from this reports the row
        }
        YearMonth m = YearMonth.parse(month);
        String numerator = row.get("numerator");
        String denominator = row.get("denominator");
        boolean ratio = !numerator.isEmpty() && !denominator.isEmpty() && row.get("value").isEmpty();
        String figure = ratio ? numerator : row.get("value");
        double n = SeriesLoader.isDecimal(figure) ? Double.parseDouble(figure) : Double.NaN;
        double d = ratio && SeriesLoader.isDecimal(denominator) ? Double.parseDouble(denominator) : Double.NaN;
        Found was = out.get(id);
        Set<String> areas = was == null ? new LinkedHashSet<>() : new LinkedHashSet<>(was.areas());
        areas.add(row.get("area"));
        boolean whole = !Double.isFinite(n) || n == Math.rint(n);
        boolean beyond = ratio && (n < 0 || n > d);
        YearMonth nonZero = Double.isFinite(n) && n != 0 ? m : null;
        out.put(id, was == null ? new Found(id, areas, m, m, ratio, whole, beyond, nonZero)
                : new Found(id, areas, was.first().isBefore(m) ? was.first() : m, was.last().isAfter(m) ? was.last() : m,
                was.ratio() || ratio, was.whole() && whole, was.beyond() || beyond,
                later(was.lastNonZero(), nonZero)));
    }

    private static YearMonth later(YearMonth a, YearMonth b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
