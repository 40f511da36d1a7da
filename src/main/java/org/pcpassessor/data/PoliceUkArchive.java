package org.pcpassessor.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pcpassessor.catalogue.DataSources;
import org.pcpassessor.catalogue.Kind;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.problem.Suggestions;

/**
 * The police.uk monthly archive as data: a folder of the files police.uk publishes for a force each month
 * ({@code 2020-12/2020-12-cambridgeshire-street.csv}, {@code -outcomes.csv}, {@code -stop-and-search.csv}), each row
 * one crime, one outcome or one stop and search, counted into the catalogue's measures as the entry says. Each file is
 * read once, as a stream, every measure of its kind counted in the same pass. A month is the row's {@code Month} (a
 * stop and search's {@code Date}); a measure has a figure for every month some file of its kind covers, 0 when no
 * row matched. With {@code areas: districts} a row also counts to the district its LSOA name gives ("Huntingdonshire
 * 012C": Huntingdonshire), with {@code areas: lsoa} to the LSOA itself (by its name), when that is an area of the
 * catalogue; a row without a location, and every stop and search (police.uk gives it no LSOA), counts to the
 * headline area only.
 */
final class PoliceUkArchive {
    private PoliceUkArchive() {
    }

    /** A police.uk monthly file's name: its month, its force and its kind. */
    static final Pattern FILE = Pattern.compile("(\\d{4}-\\d{2})-([a-z0-9-]+?)-(street|outcomes|stop-and-search)\\.csv");

    /** An LSOA name: its local authority district, then a space and the LSOA's code within it ("012C"). */
    private static final Pattern LSOA = Pattern.compile("(.+) [0-9]{3}[A-Z]");

    /** A month's count of a measure in an area, and the file it was counted from (its first row that counted). */
    record Counted(String measure, String area, YearMonth month, int count, String file, int line) {
    }

    /** A measure to count, with its kind of file and conditions. */
    private record Rule(String measure, Map<Integer, Set<String>> where) {
    }

    /**
     * Every count of the entry; problems (a file that is not police.uk's, a header that lacks a column, a row whose
     * month cannot be read, a measure the catalogue does not declare or that is not a count) go to {@code found}.
     */
    static List<Counted> read(DataSources.PoliceUk entry, Map<String, Measure> measures, List<String> areas,
                              Problems found) {
        String headline = areas.get(0);
        boolean valid = true;
        for (DataSources.Count c : entry.counts()) {
            Measure m = measures.get(c.measure());
            if (m == null) {
                found.error(c.at().file(), c.at().line(), c.at().column(), "measure '" + c.measure() + "' is not "
                        + "declared in the catalogue" + Suggestions.didYouMean(c.measure(), measures.keySet()));
                valid = false;
            } else if (m.kind() != Kind.COUNT) {
                found.error(c.at().file(), c.at().line(), c.at().column(), "measure '" + c.measure() + "' is a "
                        + m.kind().yamlName() + ": a police.uk file gives counts of rows only");
                valid = false;
            }
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(entry.folder())) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            found.error(entry.at().file(), entry.at().line(), entry.at().column(), "the police.uk folder "
                    + entry.folder() + " cannot be read: " + e.getMessage());
            return List.of();
        }
        // measure -> area -> month -> count, and where each count began
        Map<String, Map<String, TreeMap<YearMonth, int[]>>> counts = new TreeMap<>();
        Map<String, String[]> firstRow = new HashMap<>();
        Map<String, TreeSet<YearMonth>> covered = new HashMap<>(); // kind -> months its files cover
        Set<String> otherDistricts = new TreeSet<>();
        for (Path path : files) {
            Matcher name = FILE.matcher(path.getFileName().toString());
            if (!name.matches()) {
                found.error(path.toString(), 0, 0, "not a police.uk monthly file: the folder of a police.uk entry holds "
                        + "files named YYYY-MM-force-street.csv, -outcomes.csv or -stop-and-search.csv, as police.uk "
                        + "publishes them; move this one out of " + entry.folder());
                valid = false;
                continue;
            }
            String kind = name.group(3);
            YearMonth fileMonth = YearMonth.parse(name.group(1));
            covered.computeIfAbsent(kind, k -> new TreeSet<>()).add(fileMonth);
            // a month no row matched is said to come from its file
            firstRow.putIfAbsent(kind + "\u0000" + fileMonth, new String[] {path.toString(), "1"});
            List<DataSources.Count> rules = entry.counts().stream().filter(c -> c.file().equals(kind)).toList();
            if (!valid) {
                continue;
            }
            countFile(path, kind, rules, entry.areas(), headline, areas, counts, firstRow, otherDistricts, found);
        }
        if (!valid) {
            return List.of();
        }
        if (!otherDistricts.isEmpty()) {
            found.warning(entry.at().file(), entry.at().line(), entry.at().column(), "police.uk rows in "
                    + otherDistricts.size() + (entry.areas().equals("lsoa") ? " LSOA(s)" : " district(s)")
                    + " that are not areas of the catalogue (" + String.join(", ",
                    otherDistricts.stream().limit(5).toList()) + (otherDistricts.size() > 5 ? ", ..." : "")
                    + ") counted to " + headline + " only");
        }
        List<Counted> out = new ArrayList<>();
        for (DataSources.Count c : entry.counts()) {
            TreeSet<YearMonth> months = covered.getOrDefault(c.file(), new TreeSet<>());
            Map<String, TreeMap<YearMonth, int[]>> byArea = counts.getOrDefault(c.measure(), Map.of());
            List<String> seen = new ArrayList<>(List.of(headline));
            areas.stream().skip(1).filter(byArea::containsKey).forEach(seen::add);
            for (String area : seen) {
                TreeMap<YearMonth, int[]> byMonth = byArea.getOrDefault(area, new TreeMap<>());
                for (YearMonth month : months) {
                    int[] n = byMonth.get(month);
                    String[] where = firstRow.getOrDefault(c.measure() + "\u0000" + area + "\u0000" + month,
                            firstRow.get(c.file() + "\u0000" + month));
                    out.add(new Counted(c.measure(), area, month, n == null ? 0 : n[0], where[0],
                            Integer.parseInt(where[1])));
                }
            }
        }
        return out;
    }

    /** One file's rows counted into every measure of its kind. */
    private static void countFile(Path path, String kind, List<DataSources.Count> counts, String mode,
                                  String headline, List<String> areas,
                                  Map<String, Map<String, TreeMap<YearMonth, int[]>>> into,
                                  Map<String, String[]> firstRow, Set<String> otherDistricts, Problems found) {
        String file = path.toString();
        List<String> expected = DataSources.POLICE_UK_COLUMNS.get(kind);
        String monthColumn = kind.equals("stop-and-search") ? "Date" : "Month";
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(path)) {
            java.util.Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                found.error(file, 1, 1, "the file is empty; a police.uk " + kind + " file starts with its header: "
                        + String.join(",", expected));
                return;
            }
            List<String> header = records.next().getFields().stream().map(h -> h.replace("\uFEFF", "").trim()).toList();
            Map<String, Integer> column = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                column.putIfAbsent(header.get(i), i);
            }
            List<String> needed = new ArrayList<>(List.of(monthColumn));
            counts.forEach(c -> needed.addAll(c.where().keySet()));
            boolean local = !mode.equals("force") && !kind.equals("stop-and-search"); // searches have no LSOA
            if (local) {
                needed.add("LSOA name");
            }
            List<String> missing = needed.stream().distinct().filter(n -> !column.containsKey(n)).toList();
            if (!missing.isEmpty()) {
                found.error(file, 1, 1, "the header lacks " + String.join(", ", missing) + ": not a police.uk " + kind
                        + " file (" + String.join(",", expected) + ")");
                return;
            }
            List<Rule> rules = new ArrayList<>();
            for (DataSources.Count c : counts) {
                Map<Integer, Set<String>> where = new LinkedHashMap<>();
                c.where().forEach((col, values) -> where.put(column.get(col), Set.copyOf(values)));
                rules.add(new Rule(c.measure(), where));
            }
            int monthAt = column.get(monthColumn);
            Integer lsoaAt = local ? column.get("LSOA name") : null;
            Set<String> areaSet = Set.copyOf(areas);
            while (records.hasNext()) {
                CsvRecord r = records.next();
                int line = (int) r.getStartingLineNumber();
                String text = monthAt < r.getFieldCount() ? r.getField(monthAt).trim() : "";
                if (text.length() < 7 || !SeriesLoader.isMonth(text.substring(0, 7))) {
                    found.error(file, line, monthAt + 1, monthColumn + " must begin YYYY-MM, not '" + text + "'");
                    continue;
                }
                YearMonth month = YearMonth.parse(text.substring(0, 7));
                String district = null;
                if (lsoaAt != null && lsoaAt < r.getFieldCount()) {
                    Matcher lsoa = LSOA.matcher(r.getField(lsoaAt).trim());
                    if (lsoa.matches()) {
                        district = mode.equals("lsoa") ? lsoa.group() : lsoa.group(1);
                        if (!areaSet.contains(district) || district.equals(headline)) {
                            otherDistricts.add(district);
                            district = null;
                        }
                    }
                }
                for (Rule rule : rules) {
                    if (matches(rule, r)) {
                        add(into, firstRow, rule.measure(), headline, month, file, line);
                        if (district != null) {
                            add(into, firstRow, rule.measure(), district, month, file, line);
                        }
                    }
                }
            }
        } catch (CsvParseException | IOException | java.io.UncheckedIOException e) {
            found.error(file, 0, 0, "the file cannot be read as CSV: " + e.getMessage());
        }
    }

    private static boolean matches(Rule rule, CsvRecord r) {
        for (Map.Entry<Integer, Set<String>> w : rule.where().entrySet()) {
            int i = w.getKey();
            if (i >= r.getFieldCount() || !w.getValue().contains(r.getField(i).trim())) {
                return false;
            }
        }
        return true;
    }

    private static void add(Map<String, Map<String, TreeMap<YearMonth, int[]>>> into, Map<String, String[]> firstRow,
                            String measure, String area, YearMonth month, String file, int line) {
        into.computeIfAbsent(measure, k -> new HashMap<>()).computeIfAbsent(area, k -> new TreeMap<>())
                .computeIfAbsent(month, k -> new int[1])[0]++;
        firstRow.putIfAbsent(measure + "\u0000" + area + "\u0000" + month, new String[] {file, Integer.toString(line)});
    }
}
