package org.pcpassessor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assess init} (issue 32, item 5): a catalogue started from the data, refused until its choices are made. */
class InitCommandTest {
    @TempDir
    Path dir;

    private static final Path OUTCOMES = Path.of("../shared/data/police-uk/outcomes.csv");

    @Test
    void theRealOutcomesGiveACatalogueThatCheckPassesOnceThePolaritiesAreChosen() throws Exception {
        Path out = dir.resolve("measures.yaml");
        ReportCommandTest.Run init = ReportCommandTest.runAsIs("init", "--data", OUTCOMES.toString(), "--out",
                out.toString());
        assertEquals(0, init.exit(), init.err());
        assertTrue(init.out().contains("22 measures"), init.out());
        String text = Files.readString(out);
        // the 22 outcome types of the file (cut -d, -f1 outcomes.csv | sort -u: 22 besides the header), each a count
        assertEquals(22, text.lines().filter(l -> l.strip().startsWith("- id: outcome-")).count(), text);
        assertEquals(22, text.lines().filter(l -> l.strip().startsWith("kind: count")).count(), text);
        // court outcomes stop in 2019-05 (the data's README): the catalogue says where the zeros start
        assertTrue(text.contains("# until: 2019-05   # review: 0 in every month from 2019-06"), text);

        ReportCommandTest.Run refused = ReportCommandTest.runAsIs("check", "--catalogue", out.toString());
        assertEquals(2, refused.exit());
        int line = text.lines().toList().indexOf(text.lines().filter(l -> l.contains("polarity: CHOOSE")).findFirst()
                .orElseThrow()) + 1;
        assertTrue(refused.err().contains(out + ":" + line + ":23: error: polarity is still to be chosen (init wrote "
                + "CHOOSE): use one of: up-is-good, down-is-good, neutral"), refused.err());
        assertTrue(refused.err().contains("22 error(s)"), refused.err());

        Files.writeString(out, text.replace("polarity: CHOOSE", "polarity: neutral"));
        ReportCommandTest.Run ok = ReportCommandTest.runAsIs("check", "--catalogue", out.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().startsWith("ok: 22 measures, 22 series"), ok.out());
    }

    @Test
    void kindsAreGuessedFromTheColumnsAndFigures() throws Exception {
        // a count (whole values), a median (fractions), a proportion (numerator never above its denominator) and a
        // rate (one month's numerator above it), in a wide workbook and a CSV file
        Workbook.write(dir.resolve("wide.xlsx"), Map.of("Sheet1", List.of(
                List.of("measure", "area", "field", "2020-11", "2020-12"),
                List.of("calls-answered", "Force", "numerator", 90, 95),
                List.of("calls-answered", "Force", "denominator", 100, 100),
                List.of("outcome-rate", "Force", "numerator", 12, 30),
                List.of("outcome-rate", "Force", "denominator", 100, 25))));
        Files.writeString(dir.resolve("series.csv"), """
                measure,area,month,value
                burglaries,Force,2020-11,120
                burglaries,Force,2020-12,131
                response-minutes,Force,2020-11,12.5
                response-minutes,Force,2020-12,11
                """);
        Path out = dir.resolve("new.yaml");
        ReportCommandTest.Run init = ReportCommandTest.runAsIs("init", "--data", dir.resolve("series.csv").toString(),
                dir.resolve("wide.xlsx").toString(), "--out", out.toString());
        assertEquals(0, init.exit(), init.err());
        String text = Files.readString(out);
        assertTrue(text.contains("- id: burglaries\n"), text);
        for (String[] kind : new String[][] {{"burglaries", "count"}, {"calls-answered", "proportion"},
            {"outcome-rate", "rate"}, {"response-minutes", "median"}}) {
            String block = text.substring(text.indexOf("- id: " + kind[0] + "\n"));
            assertTrue(block.lines().filter(l -> l.strip().startsWith("kind:")).findFirst().orElseThrow().strip()
                    .startsWith("kind: " + kind[1] + " "), kind[0] + " should be a " + kind[1] + ":\n" + text);
        }
        assertTrue(text.contains("month: 2020-12"), text);
        // the data are in the catalogue's folder: named relative to it
        assertTrue(text.contains("  - \"series.csv\"\n") && text.contains("  - \"wide.xlsx\"\n"), text);
    }

    @Test
    void anExistingCatalogueIsNeverOverwritten() throws Exception {
        Path out = dir.resolve("measures.yaml");
        Files.writeString(out, "mine\n");
        ReportCommandTest.Run r = ReportCommandTest.runAsIs("init", "--data", OUTCOMES.toString(), "--out",
                out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("exists; init never overwrites a catalogue"), r.err());
        assertEquals("mine\n", Files.readString(out));
    }

    @Test
    void aFileWithoutTheSeriesColumnsIsAnErrorAndNothingIsWritten() throws Exception {
        Files.writeString(dir.resolve("crimes.csv"), "Crime ID,Month,Crime type\nx,2020-12,Burglary\n");
        Path out = dir.resolve("measures.yaml");
        ReportCommandTest.Run r = ReportCommandTest.runAsIs("init", "--data", dir.resolve("crimes.csv").toString(),
                "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(dir.resolve("crimes.csv") + ":1:1: error: the header lacks measure, area, month, "
                + "value (or numerator and denominator); expected measure,area,month,value,numerator,denominator (this "
                + "looks like a police.uk monthly file: count a folder of them with a police.uk: data entry, README)"),
                r.err());
        assertFalse(Files.exists(out));
    }
}
