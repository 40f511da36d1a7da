package org.pcpassessor.realdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.cli.ReportCommandTestAccess;

/**
 * The draft on real series nobody on the project made up: police.uk's Cambridgeshire outcomes and stop and search,
 * 2019-01 to 2020-12 ({@code ../shared/data/police-uk/}, beside the checkout, as CI lays it out), every measure
 * declared as a neutral count, as a new user would declare them: the repository's {@code examples/police-uk}
 * catalogue without its {@code until:} lines (and, in one test, with them). Every expected statement is worked out by
 * hand from the CSV, as the comments say; the rows are found in the CSV by the test itself.
 */
class PoliceUkTest {
    static final Path DATA = Path.of("../shared/data/police-uk");
    static final Path OUTCOMES = DATA.resolve("outcomes.csv");

    /**
     * The 11 court outcomes police.uk stopped publishing after May 2019, each with its last month of data: the last
     * non-zero month of the CSV (every court series is 0 in every month after it). Deprivation of property's is
     * April 2019: its May 2019 is 0 (1, 0, 2, 3, 0 from January), so its zeros run from May.
     */
    static final Map<String, String> COURT = new TreeMap<>(Map.ofEntries(
            Map.entry("outcome-offender-sent-to-prison", "May 2019"),
            Map.entry("outcome-offender-given-suspended-prison-sentence", "May 2019"),
            Map.entry("outcome-offender-given-community-sentence", "May 2019"),
            Map.entry("outcome-offender-fined", "May 2019"),
            Map.entry("outcome-offender-given-conditional-discharge", "May 2019"),
            Map.entry("outcome-offender-ordered-to-pay-compensation", "May 2019"),
            Map.entry("outcome-offender-deprived-of-property", "April 2019"),
            Map.entry("outcome-offender-otherwise-dealt-with", "May 2019"),
            Map.entry("outcome-defendant-found-not-guilty", "May 2019"),
            Map.entry("outcome-defendant-sent-to-crown-court", "May 2019"),
            Map.entry("outcome-court-case-unable-to-proceed", "May 2019")));
    static final String NEW_TYPE = "outcome-further-action-is-not-in-the-public-interest";

    @TempDir
    static Path dir;
    static Path catalogue;
    static ReportCommandTestAccess.Run check;
    static JsonNode json;
    static String full;

    @BeforeAll
    static void run() throws IOException {
        assertTrue(Files.isRegularFile(OUTCOMES), "the police.uk series belong beside the checkout: " + OUTCOMES
                .toAbsolutePath());
        catalogue = catalogue(false);
        check = ReportCommandTestAccess.run("check", "--catalogue", catalogue.toString());
        ReportCommandTestAccess.Run r = ReportCommandTestAccess.run("report", "--catalogue", catalogue.toString(),
                "--month", "2020-12", "--full", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        json = new ObjectMapper().readTree(r.out());
        ReportCommandTestAccess.Run md = ReportCommandTestAccess.run("report", "--catalogue", catalogue.toString(),
                "--month", "2020-12", "--full");
        assertEquals(0, md.exit(), md.err());
        full = md.out();
    }

    /** The example catalogue with the data named by absolute path, with or without its until: lines. */
    static Path catalogue(boolean until) throws IOException {
        String yaml = Files.readString(Path.of("examples/police-uk/measures.yaml"))
                .replace("../../../shared/data/police-uk", DATA.toAbsolutePath().normalize().toString())
                .replace("month: 2020-05", "month: 2020-12");
        if (!until) {
            yaml = yaml.replaceAll("(?m)^\\s*until: 2019-05.*\\n", "");
        }
        Path file = dir.resolve(until ? "until.yaml" : "measures.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** The line of the CSV row of a measure and month (the header is line 1). */
    static int line(Path csv, String measure, String month) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(measure + ",Force," + month + ",")) {
                return i + 1;
            }
        }
        throw new AssertionError("no row " + measure + " " + month);
    }

    static JsonNode measure(String id) {
        for (JsonNode m : json.get("measures")) {
            if (m.get("id").asText().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("no measure " + id);
    }

    static List<String> codes(JsonNode m) {
        List<String> out = new ArrayList<>();
        m.get("findings").forEach(f -> out.add(f.get("code").asText()));
        return out;
    }

    static List<String> sentences(JsonNode m) {
        List<String> out = new ArrayList<>();
        m.get("sentences").forEach(s -> out.add(s.get("text").asText()));
        return out;
    }

    @Test
    void checkWarnsOfEachCourtOutcomeBreakAtItsFirstZeroRow() throws IOException {
        assertEquals(0, check.exit(), check.err()); // warnings, not errors
        for (Map.Entry<String, String> e : COURT.entrySet()) {
            String firstZero = e.getValue().equals("May 2019") ? "2019-06" : "2019-05";
            String at = OUTCOMES.toAbsolutePath().normalize() + ":" + line(OUTCOMES, e.getKey(), firstZero)
                    + ": warning: data check: measure '" + e.getKey() + "' (Force) is 0 in every month from "
                    + firstZero + " to 2020-12";
            assertTrue(check.err().contains(at), "expected: " + at + "\n" + check.err());
        }
        long breaks = check.err().lines().filter(l -> l.contains("read as a break in supply")).count();
        assertEquals(COURT.size(), breaks, check.err());
    }

    @Test
    void checkWarnsOfTheNewOutcomeTypeAndTheMissingMonths() throws IOException {
        // 2020's values 5, 38, 27, 22, 20, 15, 12, 39, 17, 21, 34, 25: median (21 + 22) / 2 = 21.5
        assertTrue(check.err().contains(OUTCOMES.toAbsolutePath().normalize() + ":" + line(OUTCOMES, NEW_TYPE,
                "2020-01") + ": warning: data check: measure '" + NEW_TYPE + "' (Force) is 0 in every month before "
                + "2020-01, then a median of 21.5 a month"), check.err());
        // going equipped, October 2020: 0 between 36, 35, 40, 39, 21, 15 and 43, 25: median (35 + 36) / 2 = 35.5
        Path stops = DATA.resolve("stop-search.csv");
        assertTrue(check.err().contains(stops.toAbsolutePath().normalize() + ":"
                + line(stops, "stop-search-going-equipped", "2020-10") + ": warning: data check: measure "
                + "'stop-search-going-equipped' (Force) is 0 in 2020-10, against a median of 35.5"), check.err());
        // February 2019 of the court series: 0 between January's and March to May's tens (sent to prison: 54 and
        // 74, 54, 39: median 54)
        assertTrue(check.err().contains("measure 'outcome-offender-sent-to-prison' (Force) is 0 in 2019-02, against "
                + "a median of 54"), check.err());
    }

    @Test
    void eachCourtOutcomeSaysItsBreakAndNothingThatTreatsTheZerosAsData() {
        for (Map.Entry<String, String> e : COURT.entrySet()) {
            JsonNode m = measure(e.getKey());
            assertEquals(List.of("SUPPLY_BREAK"), codes(m), e.getKey());
            List<String> said = sentences(m);
            assertEquals(1, said.size(), said.toString());
            assertTrue(said.get(0).contains("since " + e.getValue() + ": every month from"), said.get(0));
            assertTrue(said.get(0).contains("read as a break in the data supply, not a fall"), said.get(0));
            for (String label : List.of("vsBenchmark", "vs1yrAvg", "vs3yrAvg", "vsLastYear")) {
                assertEquals("-", m.get(label).asText(), e.getKey() + " " + label);
            }
            assertFalse(m.get("stats").has("current"), "no figure of a month in the break: " + m.get("stats"));
            assertFalse(m.get("stats").has("rolling12"), "no 12 months that span the break: " + m.get("stats"));
        }
    }

    @Test
    void theNewOutcomeTypeIsSaidAsNewAndNotComparedWithTheMonthsBeforeIt() {
        JsonNode m = measure(NEW_TYPE);
        assertTrue(codes(m).contains("NEW_SERIES"), codes(m).toString());
        for (String c : List.of("SIGNIFICANT_RISE", "HIGHER", "SPC_SPECIAL_CAUSE", "CONSECUTIVE_RISES")) {
            assertFalse(codes(m).contains(c), c + " compares with 2019's zeros: " + codes(m));
        }
        assertTrue(sentences(m).contains("Outcomes 'further action not in the public interest' have been counted "
                + "only since January 2020 (a new series), so no figure is compared with earlier months."),
                sentences(m).toString());
        // the 12 months of 2020 are all data: 5 + 38 + 27 + 22 + 20 + 15 + 12 + 39 + 17 + 21 + 34 + 25 = 275
        assertEquals(275, m.get("stats").get("rolling12").asInt());
    }

    @Test
    void noRangeHasTheSameFigureAtBothEnds() {
        Matcher range = Pattern.compile("\\(([-0-9.,%]+) to ([-0-9.,%]+)\\)").matcher(full);
        int ranges = 0;
        while (range.find()) {
            ranges++;
            assertFalse(range.group(1).equals(range.group(2)), range.group());
        }
        assertTrue(ranges > 0, "the draft states some SPC ranges");
    }

    @Test
    void noMeasureIsBothTheHighestAndTheLowest() {
        for (JsonNode m : json.get("measures")) {
            for (String series : List.of("monthly", "rolling12")) {
                boolean high = false;
                boolean low = false;
                for (JsonNode f : m.get("findings")) {
                    if (f.get("basis").asText().equals(series)) {
                        high |= f.get("code").asText().equals("TWELVE_MONTH_HIGH");
                        low |= f.get("code").asText().equals("TWELVE_MONTH_LOW");
                    }
                }
                assertFalse(high && low, m.get("id").asText() + " " + series);
            }
        }
    }

    @Test
    void noSpcLimitIsOutsideWhatACountCanTake() {
        for (JsonNode m : json.get("measures")) {
            JsonNode spc = m.get("stats").get("spc");
            if (spc != null) {
                assertTrue(spc.get("lpl").asDouble() >= 0, m.get("id") + ": " + spc);
            }
        }
    }

    @Test
    void withUntilTheCourtOutcomesAreLeftOutAndNothingIsABreak() throws IOException {
        ReportCommandTestAccess.Run r = ReportCommandTestAccess.run("report", "--catalogue",
                catalogue(true).toString(), "--month", "2020-12", "--full", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("SUPPLY_BREAK"));
        for (String id : COURT.keySet()) {
            assertTrue(r.err().contains("measure '" + id + "' is published only to 2019-05"), r.err());
        }
    }
}
