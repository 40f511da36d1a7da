package org.pcpassessor.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.catalogue.Catalogue;
import org.pcpassessor.catalogue.CatalogueLoader;
import org.pcpassessor.problem.Problems;

/**
 * The police.uk archive as data (issue 32, item 3): files in police.uk's own layout, made by {@link PoliceUkFiles}
 * (seeded, synthetic rows), counted back into measures.
 */
class PoliceUkArchiveTest {
    @TempDir
    Path dir;

    private static final Path REAL = Path.of("../shared/data/police-uk");

    /** A measure id's category as police.uk would print it: outcome-local-resolution is "Local resolution". */
    private static String category(String id) {
        String words = id.replaceFirst("^(outcome|stop-search)-", "").replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Map<List<String>, Double> csv(Path file) throws IOException {
        Map<List<String>, Double> out = new LinkedHashMap<>();
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(file)) {
            r.stream().skip(1).forEach(rec -> out.put(List.of(rec.getField(0), rec.getField(2)),
                    Double.parseDouble(rec.getField(3))));
        }
        return out;
    }

    private Catalogue load(Path catalogue, Problems problems) {
        return new CatalogueLoader(org.pcpassessor.stats.SignificanceMethods.names(), problems).read(catalogue);
    }

    /**
     * The bundled real police.uk counts (../shared/data/police-uk, themselves counted from police.uk's files)
     * written back out as police.uk files, one row per stop and search or outcome, and counted again: every month of
     * every series comes back as it was, a month with no rows of a category as 0 (criminal damage searches in 2019,
     * which police.uk did not list).
     */
    @Test
    void theRealCountsWrittenAsPoliceUkFilesAreCountedBackExactly() throws IOException {
        Map<List<String>, Double> real = new LinkedHashMap<>(csv(REAL.resolve("stop-search.csv")));
        real.putAll(csv(REAL.resolve("outcomes.csv")));
        List<PoliceUkFiles.Rows> rows = new ArrayList<>();
        Map<String, String> kindOf = new TreeMap<>();
        real.forEach((key, value) -> {
            String id = key.get(0);
            String kind = id.startsWith("stop-search-") ? "stop-and-search" : "outcomes";
            kindOf.put(id, kind);
            String column = kind.equals("outcomes") ? "Outcome type" : "Object of search";
            rows.add(new PoliceUkFiles.Rows(kind, YearMonth.parse(key.get(1)), Map.of(column, category(id)),
                    value.intValue(), null));
        });
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2019, 1); !m.isAfter(YearMonth.of(2020, 12)); m = m.plusMonths(1)) {
            months.add(m);
        }
        PoliceUkFiles.write(dir.resolve("archive"), "cambridgeshire", 32, rows,
                Map.of("outcomes", months, "stop-and-search", months));
        StringBuilder count = new StringBuilder();
        kindOf.forEach((id, kind) -> count.append("      ").append(id).append(": {").append(kind).append(": {")
                .append(kind.equals("outcomes") ? "Outcome type" : "Object of search").append(": \"")
                .append(category(id)).append("\"}}\n"));
        String text = Files.readString(Path.of("examples/police-uk/measures.yaml"));
        String data = "data:\n  - ../../../shared/data/police-uk/stop-search.csv\n  - ../../../shared/data/police-uk/outcomes.csv\n";
        assertTrue(text.contains(data), "the example catalogue reads the two files");
        Path catalogue = dir.resolve("measures.yaml");
        Files.writeString(catalogue, text.replace(data, "data:\n  - police.uk: archive\n    count:\n" + count));
        Problems problems = new Problems();
        Catalogue c = load(catalogue, problems);
        DataSet data2 = new SeriesLoader(c, problems).read();
        assertTrue(!problems.hasErrors(), problems.sorted().toString());
        int compared = 0;
        for (String id : kindOf.keySet()) {
            Series s = data2.series(id, "Force").orElseThrow(() -> new AssertionError(id));
            YearMonth until = c.measures().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow().until()
                    .orElse(YearMonth.of(2020, 12));
            for (YearMonth m = s.start(); !m.isAfter(until); m = m.plusMonths(1)) {
                double expected = real.getOrDefault(List.of(id, m.toString()), 0.0);
                assertEquals(expected, s.value(s.indexOf(m)), id + " " + m);
                compared++;
            }
            assertEquals(YearMonth.of(2019, 1), s.start(), id);
        }
        // every month of the real files up to each measure's last published month, and criminal damage's 12 months
        // of 2019, which the real file leaves out
        long inReal = real.keySet().stream().filter(k -> !YearMonth.parse(k.get(1)).isAfter(c.measures().stream()
                .filter(m -> m.id().equals(k.get(0))).findFirst().orElseThrow().until()
                .orElse(YearMonth.of(2020, 12)))).count();
        assertEquals(inReal + 12, compared);
    }

    /**
     * Rows count to the headline area and to the district their LSOA name gives when it is an area of the catalogue;
     * a district that is not one counts to the headline area only, with a warning; a row without a location to the
     * headline area only. By hand: Huntingdonshire 3 + 2, Fenland 4 + 0, Cambridge 5 + 1 (not an area), no location
     * 2 + 0; the Force 14 in November and 3 in December.
     */
    @Test
    void rowsCountToTheDistrictTheirLsoaNameGives() throws IOException {
        YearMonth nov = YearMonth.of(2020, 11);
        YearMonth dec = YearMonth.of(2020, 12);
        Map<String, String> burglary = Map.of("Crime type", "Burglary");
        PoliceUkFiles.write(dir.resolve("archive"), "cambridgeshire", 7, List.of(
                new PoliceUkFiles.Rows("street", nov, burglary, 3, "Huntingdonshire"),
                new PoliceUkFiles.Rows("street", dec, burglary, 2, "Huntingdonshire"),
                new PoliceUkFiles.Rows("street", nov, burglary, 4, "Fenland"),
                new PoliceUkFiles.Rows("street", nov, burglary, 5, "Cambridge"),
                new PoliceUkFiles.Rows("street", dec, burglary, 1, "Cambridge"),
                new PoliceUkFiles.Rows("street", nov, burglary, 2, null),
                new PoliceUkFiles.Rows("street", dec, Map.of("Crime type", "Vehicle crime"), 6, "Fenland")),
                Map.of("street", List.of(nov, dec)));
        Files.writeString(dir.resolve("measures.yaml"), """
                report: {title: Districts, month: 2020-12, areas: [Force, Huntingdonshire, Fenland]}
                data:
                  - police.uk: archive
                    areas: districts
                    count:
                      burglaries: {street: {Crime type: Burglary}}
                pillars:
                  - name: Victims
                    measures:
                      - {id: burglaries, label: Burglary, subject: burglaries, kind: count, polarity: down-is-good}
                """);
        Problems problems = new Problems();
        Catalogue c = load(dir.resolve("measures.yaml"), problems);
        DataSet data = new SeriesLoader(c, problems).read();
        assertTrue(!problems.hasErrors(), problems.sorted().toString());
        assertEquals(14.0, value(data, "Force", nov));
        assertEquals(3.0, value(data, "Force", dec));
        assertEquals(3.0, value(data, "Huntingdonshire", nov));
        assertEquals(2.0, value(data, "Huntingdonshire", dec));
        assertEquals(4.0, value(data, "Fenland", nov));
        assertEquals(0.0, value(data, "Fenland", dec));
        assertTrue(problems.sorted().toString().toLowerCase(Locale.ROOT).contains("warning: police.uk rows in 1 district(s) "
                + "that are not areas of the catalogue (cambridge) counted to force only"), problems.sorted().toString());
    }

    /** With areas: lsoa, rows count to their LSOA by name. By hand: Fenland 004B 3, Fenland 007A 2, the Force 5. */
    @Test
    void rowsCountToTheirLsoa() throws IOException {
        YearMonth dec = YearMonth.of(2020, 12);
        Map<String, String> burglary = Map.of("Crime type", "Burglary");
        PoliceUkFiles.write(dir.resolve("archive"), "cambridgeshire", 9, List.of(
                new PoliceUkFiles.Rows("street", dec, burglary, 3, "Fenland 004B"),
                new PoliceUkFiles.Rows("street", dec, burglary, 2, "Fenland 007A")), Map.of("street", List.of(dec)));
        Files.writeString(dir.resolve("measures.yaml"), """
                report: {title: LSOAs, month: 2020-12, areas: [Force, Fenland 004B]}
                data: [{police.uk: archive, areas: lsoa, count: {burglaries: {street: {Crime type: Burglary}}}}]
                pillars:
                  - name: Victims
                    measures:
                      - {id: burglaries, label: Burglary, subject: burglaries, kind: count, polarity: down-is-good}
                """);
        Problems problems = new Problems();
        DataSet data = new SeriesLoader(load(dir.resolve("measures.yaml"), problems), problems).read();
        assertTrue(!problems.hasErrors(), problems.sorted().toString());
        assertEquals(5.0, value(data, "Force", dec));
        assertEquals(3.0, value(data, "Fenland 004B", dec));
        assertTrue(problems.sorted().toString().contains("police.uk rows in 1 LSOA(s) that are not areas of the "
                + "catalogue (Fenland 007A) counted to Force only"), problems.sorted().toString());
    }

    private static double value(DataSet data, String area, YearMonth month) {
        Series s = data.series("burglaries", area).orElseThrow(() -> new AssertionError("no series for " + area));
        return s.value(s.indexOf(month));
    }
}
