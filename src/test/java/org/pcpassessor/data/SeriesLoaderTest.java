package org.pcpassessor.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.catalogue.Catalogue;
import org.pcpassessor.catalogue.CatalogueLoader;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.problem.Problems;

class SeriesLoaderTest {
    @TempDir
    Path dir;

    private Catalogue catalogue;

    @BeforeEach
    void catalogue() throws Exception {
        Files.writeString(dir.resolve("measures.yaml"), """
                report: {month: 2020-03, areas: [Force, North]}
                data: [d.csv]
                pillars:
                  - name: P
                    priorities:
                      - name: Q
                        measures:
                          - {id: crimes, label: C, subject: crimes, kind: count, polarity: neutral}
                          - {id: outcomes, label: O, subject: outcome rate, kind: rate, polarity: up-is-good,
                             comparators: [{id: national, area: England and Wales, name: the 43 forces}]}
                          - {id: satisfied, label: S, subject: satisfaction, kind: proportion, polarity: up-is-good}
                """);
        Files.writeString(dir.resolve("d.csv"), "measure,area,month,value\n");
        Problems p = new Problems();
        catalogue = new CatalogueLoader(Set.of("c-test"), p).read(dir.resolve("measures.yaml"));
        assertEquals(List.of(), p.sorted());
    }

    private List<Problem> load(String csv) throws Exception {
        Files.writeString(dir.resolve("d.csv"), csv);
        Problems p = new Problems();
        new SeriesLoader(catalogue, p).read();
        return p.sorted().stream().filter(x -> !x.message().startsWith("no data for measure")
                && !x.message().startsWith("no data for comparator")).toList();
    }

    @Test
    void goodRowsMakeSeries() throws Exception {
        Files.writeString(dir.resolve("d.csv"), """
                measure,area,month,value,numerator,denominator,note
                crimes,Force,2020-01,10,,,a
                crimes,Force,2020-02,12,,,b
                outcomes,Force,2020-01,,-2,52,net negative month
                satisfied,Force,2020-01,,8,10,
                national,England and Wales,2020-01,,120000,1000000,
                """);
        Problems p = new Problems();
        DataSet d = new SeriesLoader(catalogue, p).read();
        assertEquals(List.of(), p.sorted());
        assertEquals(12, d.series("crimes", "Force").orElseThrow().value(1));
        assertEquals(-2.0 / 52, d.series("outcomes", "Force").orElseThrow().value(0), 1e-12);
    }

    /** A comparator's rows are read in its own area, as a series of the kind of the measure it is compared with. */
    @Test
    void aComparatorIsReadInItsOwnAreaOnly() throws Exception {
        Files.writeString(dir.resolve("d.csv"), """
                measure,area,month,value,numerator,denominator
                national,England and Wales,2020-01,,120000,1000000
                national,Force,2020-01,,12,100
                national,England and Wales,2020-02,,125000,-1
                """);
        Problems p = new Problems();
        DataSet d = new SeriesLoader(catalogue, p).read();
        List<Problem> found = p.sorted().stream().filter(x -> !x.message().startsWith("no data for measure")).toList();
        assertEquals(2, found.size(), found.toString());
        assertEquals(3, found.get(0).line());
        assertTrue(found.get(0).message().startsWith("comparator 'national' is declared for area 'England and Wales', "
                + "not 'Force'"), found.get(0).message());
        assertEquals(4, found.get(1).line()); // the rate's own value checks
        assertTrue(d.series("national", "Force").isEmpty());
        Files.writeString(dir.resolve("d.csv"), """
                measure,area,month,value,numerator,denominator
                national,England and Wales,2020-01,,120000,1000000
                """);
        Problems clean = new Problems();
        DataSet read = new SeriesLoader(catalogue, clean).read();
        assertEquals(0.12, read.series("national", "England and Wales").orElseThrow().value(0), 1e-12);
        assertTrue(clean.sorted().stream().noneMatch(x -> x.message().contains("comparator")), clean.sorted().toString());
        // none of its rows: a warning at the comparator's line, not an error (national figures may come later)
        Files.writeString(dir.resolve("d.csv"), "measure,area,month,value,numerator,denominator\n");
        Problems none = new Problems();
        new SeriesLoader(catalogue, none).read();
        Problem missing = none.sorted().stream().filter(x -> x.message().startsWith("no data for comparator"))
                .findFirst().orElseThrow(() -> new AssertionError(none.sorted().toString()));
        assertTrue(!missing.isError() && missing.line() == 10 && missing.message().equals("no data for comparator "
                + "'national' (area 'England and Wales') in any data file; measure 'outcomes' is not compared with the "
                + "43 forces"), missing.toString());
    }

    @Test
    void aTextValueIsNamedWithFileLineAndValue() throws Exception {
        List<Problem> p = load("measure,area,month,value\ncrimes,Force,2020-01,10\ncrimes,Force,2020-02,twelve\n");
        assertEquals(1, p.size(), p.toString());
        assertEquals(3, p.get(0).line());
        assertTrue(p.get(0).file().endsWith("d.csv"));
        assertTrue(p.get(0).message().contains("value must be a plain decimal number, not 'twelve'"), p.get(0).message());
    }

    @Test
    void impossibleValuesAreErrors() throws Exception {
        List<Problem> p = load("""
                measure,area,month,value,numerator,denominator
                crimes,Force,2020-01,-1,,
                crimes,Force,2020-02,2.5,,
                satisfied,Force,2020-01,,11,10
                outcomes,Force,2020-01,,3,0
                outcomes,Force,2020-02,,3,-4
                """);
        assertEquals(5, p.size(), p.toString());
        assertTrue(p.get(0).message().contains("cannot be negative"));
        assertTrue(p.get(1).message().contains("whole number"));
        assertTrue(p.get(2).message().contains("0 <= numerator <= denominator"));
        assertTrue(p.get(3).message().contains("zero denominator"));
        assertTrue(p.get(4).message().contains("denominator cannot be negative"));
    }

    @Test
    void unknownMeasuresAndAreasDuplicatesAndGapsAreErrors() throws Exception {
        List<Problem> p = load("""
                measure,area,month,value
                crimse,Force,2020-01,1
                crimes,Nrth,2020-01,1
                crimes,Force,2020-01,1
                crimes,Force,2020-01,2
                crimes,Force,2020-04,2
                """);
        assertEquals(4, p.size(), p.toString());
        assertTrue(p.get(0).message().startsWith("unknown measure 'crimse' (did you mean 'crimes'?)"), p.toString());
        assertTrue(p.get(1).message().startsWith("unknown area 'Nrth' (did you mean 'North'?)"), p.toString());
        assertTrue(p.get(2).message().startsWith("duplicate row for crimes, Force, 2020-01"), p.toString());
        assertEquals(5, p.get(2).line());
        assertTrue(p.get(3).message().startsWith("missing month(s) 2020-02 to 2020-03"), p.toString());
        assertEquals(6, p.get(3).line());
    }

    @Test
    void aDeclaredMeasureWithoutDataIsAnError() throws Exception {
        Files.writeString(dir.resolve("d.csv"), "measure,area,month,value\ncrimes,Force,2020-01,1\n");
        Problems p = new Problems();
        new SeriesLoader(catalogue, p).read();
        assertEquals(2, p.sorted().stream().filter(x -> x.message().startsWith("no data for measure")).count(),
                p.sorted().toString());
    }

    /** The two scans that replaced the regular expressions -?[0-9]+(\.[0-9]+)? and [0-9]{4}-[0-9]{2}. */
    @org.junit.jupiter.api.Test
    void plainDecimalsAndMonthsAreRecognisedAsTheRegularExpressionsDid() {
        java.util.regex.Pattern decimal = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
        java.util.regex.Pattern month = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}");
        for (String s : java.util.List.of("0", "12", "-1", "1.5", "-0.25", "1.", ".5", "-", "", "1e5", "1,000", "+1",
                "1.2.3", "--1", "1-", "\uff11", " 1", "1 ", "0x1F", "9".repeat(400))) {
            org.junit.jupiter.api.Assertions.assertEquals(decimal.matcher(s).matches(), SeriesLoader.isDecimal(s), s);
        }
        for (String s : java.util.List.of("2020-12", "1900-01", "2020-1", "2020/12", "20201-2", "2020-123", "", "abcd-ef",
                "2020-\uff11\uff12", "-2020-12", "2020-1x")) {
            org.junit.jupiter.api.Assertions.assertEquals(month.matcher(s).matches(), SeriesLoader.isMonth(s), s);
        }
    }

    /**
     * Seventy files, read on every core a batch at a time (SeriesLoader.PARALLEL_FILES, BATCH_FILES): a row
     * repeated in a later file, in another batch, is reported at the later file's line against the earlier file's,
     * whichever thread read which; another file's error keeps its file:line; the series joins a month from each
     * file in month order.
     */
    @Test
    void manyFilesAreMergedInCatalogueOrder() throws Exception {
        int files = 70;
        StringBuilder globs = new StringBuilder();
        for (int f = 1; f <= files; f++) {
            globs.append(f == 1 ? "" : ", ").append("m").append(f).append(".csv");
            // file f holds crimes in Force for month f (2015-01 ...); file 67 also repeats file 3's month
            Files.writeString(dir.resolve("m" + f + ".csv"), "measure,area,month,value\n"
                    + "crimes,Force," + java.time.YearMonth.of(2015, 1).plusMonths(f - 1) + "," + (100 + f) + "\n"
                    + (f == 67 ? "crimes,Force,2015-03,999\n" : "")
                    + (f == 9 ? "crimes,Narth,2020-01,5\n" : ""));
        }
        Path yaml = dir.resolve("measures.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("data: [d.csv]", "data: [" + globs + "]"));
        Problems p = new Problems();
        Catalogue many = new CatalogueLoader(Set.of("c-test"), p).read(yaml);
        assertEquals(files, many.dataFiles().size());
        assertTrue(SeriesLoader.BATCH_FILES < 67 && SeriesLoader.PARALLEL_FILES <= SeriesLoader.BATCH_FILES,
                "the files are read in parallel, the duplicate in a later batch than its first");

        DataSet data = new SeriesLoader(many, p).read();
        List<Problem> found = p.sorted().stream().filter(x -> !x.message().startsWith("no data for")).toList();

        assertEquals(2, found.size(), found.toString());
        assertEquals(dir.resolve("m67.csv").toString(), found.get(0).file());
        assertEquals(3, found.get(0).line());
        assertEquals("duplicate row for crimes, Force, 2015-03 (first at " + dir.resolve("m3.csv") + ":2)",
                found.get(0).message());
        assertEquals(dir.resolve("m9.csv").toString(), found.get(1).file());
        assertTrue(found.get(1).message().startsWith("unknown area 'Narth'"), found.get(1).message());
        Series crimes = data.series("crimes", "Force").orElseThrow();
        assertEquals(files, crimes.size());
        for (int m = 0; m < files; m++) {
            assertEquals(101 + m, crimes.numerator(m), "month " + (m + 1) + " from file m" + (m + 1));
        }
    }
}
