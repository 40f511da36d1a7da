package org.pcpassessor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;

/** The command line as a user meets it, on the bundled catalogue and rules and the repository's fixtures. */
class ReportCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    /** Runs a command on the bundled catalogue and rules unless the arguments name others. */
    static Run run(String... args) {
        return runAsIs(TestFiles.withBundledInputs(args));
    }

    /** Runs a command line exactly as given (defaults: the live measures.yaml and rules/). */
    static Run runAsIs(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    static JsonNode measure(String json, String id, String area) throws Exception {
        for (JsonNode m : new ObjectMapper().readTree(json).get("measures")) {
            if (m.get("id").asText().equals(id) && m.get("area").asText().equals(area)) {
                return m;
            }
        }
        throw new AssertionError("no " + id + " / " + area);
    }

    @Test
    void theDecember2020DomesticAbuseFiguresAreThoseOfTheVictimsReportTable() throws Exception {
        Run r = run("report", "--format", "json", "--month", "2020-12");
        assertEquals(0, r.exit(), r.err());
        JsonNode da = measure(r.out(), "da-recorded-crime", "Force");
        // Expected values: ../shared/seeds/001 (Victims theme, Feb 2021), section 5 table.
        assertEquals(1057, da.get("stats").get("current").asInt());
        assertEquals(1023, da.get("stats").get("sameMonthLastYear").asInt());
        assertEquals(682, da.get("stats").get("twoYearsAgo").asInt());
        assertEquals(687, da.get("stats").get("threeYearsAgo").asInt());
        assertEquals(12037, da.get("stats").get("rolling12").asInt());
        assertEquals(10660, da.get("stats").get("baseline").asInt());
        assertEquals("Higher", da.get("vsBenchmark").asText());
        JsonNode rate = measure(r.out(), "da-ppo-rate", "Force");
        assertEquals(0.103, rate.get("stats").get("current").asDouble(), 0.0005);
        assertEquals(0.120, rate.get("stats").get("rolling12").asDouble(), 0.0005);
        assertEquals("Improved", rate.get("vsBenchmark").asText());
    }

    @Test
    void inMarch2021TheRollingTwelveMonthsIsTheAnnualReportsFigure() throws Exception {
        Run r = run("report", "--format", "json", "--month", "2021-03");
        assertEquals(0, r.exit(), r.err());
        // ../shared/seeds/003 (annual report, Apr 2021), section 4 table: 12,196 against 10,660.
        JsonNode da = measure(r.out(), "da-recorded-crime", "Force");
        assertEquals(12196, da.get("stats").get("rolling12").asInt());
        assertEquals(10660, da.get("stats").get("baseline").asInt());
    }

    @Test
    void everySentenceNamesItsRuleSourceAndFindingsAndEveryFindingItsRule() throws Exception {
        Run r = run("report", "--format", "json");
        assertEquals(0, r.exit(), r.err());
        int sentences = 0;
        for (JsonNode m : new ObjectMapper().readTree(r.out()).get("measures")) {
            for (JsonNode f : m.get("findings")) {
                assertDeclares(f.get("source").asText(), f.get("rule").asText());
                assertTrue(f.get("evidence").size() > 0);
            }
            for (JsonNode s : m.get("sentences")) {
                sentences++;
                assertDeclares(s.get("source").asText(), s.get("rule").asText());
                assertTrue(s.get("findings").size() > 0, s.toString());
                assertFalse(s.get("text").asText().contains("{"), s.toString());
            }
        }
        assertTrue(sentences > 50, "sentences: " + sentences);
    }

    private static void assertDeclares(String source, String rule) throws Exception {
        TestFiles.assertDeclares(source, rule);
    }

    @Test
    void everyPriorityWithDataHasAtLeastOneSentence() {
        Run r = run("report");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("No rule found anything to say"), r.out());
        assertFalse(r.out().contains("No data for this priority"), r.out());
    }

    @Test
    void aRuleAddedInACopyOfTheRulesFolderChangesTheOutputWithoutABuild() throws Exception {
        TestFiles.copyRules(dir);
        Files.writeString(dir.resolve("narrate/analyst.drl"), """
                package pcp.narrate;
                import org.pcpassessor.facts.*;

                rule "Analyst: flag Modern Slavery"
                    @rank(1)
                    @aside
                when
                    $f : Finding( headline, measureId == "msht-recorded-crime", basis == "benchmark" )
                then
                    insert( Sentence.of("Analyst note: {rolling12Text} {subject} in the {rolling12Period}.", $f) );
                end
                """);
        Run before = run("report", "--full");
        Run after = run("report", "--full", "--rules", dir.toString());
        assertEquals(0, after.exit(), after.err());
        String note = "Analyst note: 86 recorded Modern Slavery offences in the 12 months to December 2020.";
        assertFalse(before.out().contains(note));
        // @aside: said beside the benchmark sentence, which says the same finding (without it the benchmark
        // sentence, of a higher salience, is kept in its place: RuleRun.saidOnce);
        // --full: every sentence in its paragraph, whatever the budget; the rule's @rank(1) does not outrank importance
        assertTrue(after.out().lines().anyMatch(l -> l.startsWith("- 1.5.") && l.contains(note)), after.out());
    }

    @Test
    void aBrokenRuleFailsCheckAndReportWithExitTwoAndWritesNothing() throws Exception {
        TestFiles.copyRules(dir);
        Path broken = dir.resolve("narrate/broken.drl");
        Files.writeString(broken, "package pcp.narrate;\n\nrule \"Broken\"\nwhen\n    Finding( code == \nthen\nend\n");
        Run check = run("check", "--rules", dir.toString());
        assertEquals(2, check.exit());
        assertTrue(check.err().contains(broken + ":"), check.err());

        Path out = dir.resolve("report.md");
        Run report = run("report", "--rules", dir.toString(), "--out", out.toString());
        assertEquals(2, report.exit());
        assertTrue(report.err().contains(broken + ":"), report.err());
        assertFalse(Files.exists(out), "no partial output");

        Files.writeString(out, "the analyst's previous draft");
        assertEquals(2, run("report", "--rules", dir.toString(), "--out", out.toString()).exit());
        assertEquals("the analyst's previous draft", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count());
        }
    }

    @Test
    void aMonthWithoutDataIsABadInput() {
        Run r = run("report", "--month", "2021-06");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no data for 2021-06 for measure 'all-recorded-crime' in Force"), r.err());
        assertEquals(2, run("report", "--month", "June").exit());
    }

    @Test
    void theOutputFileIsWrittenWholeAndTheAuditLogIsJsonLines() throws Exception {
        Path out = dir.resolve("r.json");
        Path audit = dir.resolve("audit.jsonl");
        Run r = run("report", "--format", "json", "--out", out.toString(), "--audit", audit.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out());
        new ObjectMapper().readTree(Files.readString(out));
        var lines = Files.readAllLines(audit);
        assertTrue(lines.size() > 100);
        int sentences = 0;
        for (String line : lines) {
            JsonNode event = new ObjectMapper().readTree(line);
            assertTrue(event.has("rule") && event.has("source") && event.has("matched"), line);
            // a sentence as the rule inserted it names its wording (the runner words it later), never nothing
            for (JsonNode inserted : event.path("inserted")) {
                if (inserted.asText().startsWith("Sentence(")) {
                    sentences++;
                    assertTrue(inserted.asText().matches("Sentence\\([^,]+, [^:]+: \\S.*\\)"), line);
                }
            }
        }
        assertTrue(sentences > 20, sentences + " sentences inserted");
    }

    @Test
    void twoRunsGiveTheSameBytes() {
        assertEquals(run("report", "--format", "json").out(), run("report", "--format", "json").out());
        assertEquals(run("report").out(), run("report").out());
    }

    @Test
    void theRealPoliceUkExampleRunsAndLeavesTheCourtOutcomesOutAfterTheirSupplyBreak() {
        // ../shared/data/police-uk/ (real police.uk series) lies beside the checkout, as in CI; required, as in
        // PoliceUkTest: a test that skipped without it could pass on a machine where it never ran
        assertTrue(Files.isDirectory(Path.of("../shared/data/police-uk")),
                "../shared/data/police-uk (the real police.uk series) must lie beside this checkout");
        Run r = run("report", "--catalogue", "examples/police-uk/measures.yaml", "--allow-data-outside",
                "--month", "2020-05");
        assertEquals(0, r.exit(), r.err());
        // police.uk, stop-search.csv: drugs searches were 330 in May 2020 and 80 in May 2019
        assertTrue(r.out().contains("| Drugs | 330 | 80 |"), r.out());
        assertTrue(r.out().contains("Published only to an earlier month, so not reported: Sent to prison (to May 2019)"),
                r.out());
        assertTrue(r.err().contains("measure 'outcome-offender-fined' is published only to 2019-05"), r.err());
        assertFalse(r.out().contains("| Fined |"), r.out());
        // Without the flag, data outside the catalogue's folder is an error naming the catalogue line.
        Run refused = run("report", "--catalogue", "examples/police-uk/measures.yaml", "--month", "2020-05");
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.err().contains("examples/police-uk/measures.yaml:11:5: error: "
                + "'../../../shared/data/police-uk/stop-search.csv' is outside the catalogue's folder"), refused.err());
        // With it, the JSON report names where those figures came from.
        Run json = run("report", "--catalogue", "examples/police-uk/measures.yaml", "--allow-data-outside",
                "--month", "2020-05", "--format", "json");
        assertTrue(json.out().contains("\"dataOutsideCatalogueFolder\" : ["), json.out());
        assertTrue(json.out().contains("\"" + Path.of("../shared/data/police-uk/stop-search.csv").toAbsolutePath()
                .normalize() + "\""), json.out());
    }

    @Test
    void choosingATestForOneMeasureChangesThatMeasureAndNothingElse() throws Exception {
        String catalogue = TestFiles.catalogueText()
                .replace("data: [fixtures/cambridgeshire/*.csv]",
                        "data: [" + Path.of("fixtures/cambridgeshire").toAbsolutePath() + "/*.csv]")
                .replace("          - id: da-recorded-crime\n            label: Recorded Crime\n"
                                + "            subject: recorded Domestic Abuse crimes\n            short: these crimes\n"
                                + "            kind: count\n            polarity: neutral\n",
                        "          - id: da-recorded-crime\n            label: Recorded Crime\n"
                                + "            subject: recorded Domestic Abuse crimes\n            short: these crimes\n"
                                + "            kind: count\n            polarity: neutral\n            test: c-test\n");
        assertTrue(catalogue.contains("test: c-test"));
        Path copy = dir.resolve("measures.yaml");
        Files.writeString(copy, catalogue);
        JsonNode before = new ObjectMapper().readTree(run("report", "--format", "json").out()).get("measures");
        JsonNode after = new ObjectMapper().readTree(run("report", "--format", "json", "--catalogue", copy.toString(),
                "--rules", TestFiles.RULES.toString()).out()).get("measures");
        assertEquals(before.size(), after.size());
        int changed = 0;
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i).get("id").asText().equals("da-recorded-crime")) {
                changed++;
                for (JsonNode test : after.get(i).get("tests")) {
                    assertEquals("c-test", test.get("method").asText());
                }
                for (JsonNode test : before.get(i).get("tests")) {
                    assertEquals("quasi-poisson", test.get("method").asText());
                }
            } else {
                assertEquals(before.get(i), after.get(i), before.get(i).get("id").asText());
            }
        }
        assertEquals(9, changed, "the Force, both areas and the six districts");
    }

    @Test
    void checkPassesOnTheRepository() {
        Run r = run("check");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("ok: 37 measures, 130 series"), r.out()); // 37 x 3 areas, 3 x 6 districts, 1 national
    }
}
