package org.pcpassessor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pcpassessor.TestFiles;

/**
 * The edits an analyst makes that used to break the draft silently (issue 8): each is an error with its file:line
 * from check, from test and from report alike, with exit 2, and no report is written.
 */
class BrokenEditsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a classify rule makes a misspelt code | rules/classify/labels.drl | Finding.of("HIGHER", $c) | Finding.of("HIGHR", $c) | labels.drl:14: error: rule 'Label: significantly higher (neutral measure)' makes finding code 'HIGHR', which is neither a contract code nor declared in codes.yaml (did you mean 'HIGHER'?)
            a template names a misspelt value | rules/wording/month.yaml | "{TheNumberOf} {roseOrFell} to {currentText} in {month}, {highestSince} | "{TheNumbrOf} {roseOrFell} to {currentText} in {month}, {highestSince} | month.yaml:7:1: error: rule 'Month: high or low for years, and a significant change on last year': wording 'monthHighForYearsAndChange' names {TheNumbrOf}, which the findings this rule says do not always supply (did you mean 'TheNumberOf'
            a rule that does not fire has an unclosed brace | rules/wording/month.yaml | was significantly higher than in {lastYearMonth}, | was significantly higher than in {lastYearMonth, | month.yaml:32:1: error: wording 'monthRiseFromNone': the template is not valid ICU MessageFormat
            a condition reads a misspelt evidence key | rules/narrate/month-3-last-year.drl | evidence["run"] >= 3, evidence["run"] <= 12 )\\nthen\\n    insert( Sentence.of("comparableRun" | evidence["rnu"] >= 3, evidence["run"] <= 12 )\\nthen\\n    insert( Sentence.of("comparableRun" | month-3-last-year.drl:63:82: error: rule 'Month: comparable with last year for months': evidence["rnu"] is not a key of the findings this pattern matches, so it is never there (did you mean 'run'?)
            a count's line is given a survey's number of answers | rules/wording/phrases.yaml | currentWithN: {by: kind, proportion: "{ofCurrent}", other: "{currentText}"} | currentWithN: "{ofCurrent}" | month.yaml:7:1: error: rule 'Month: high or low for years, and a significant change on last year': phrase 'ofCurrent' (
            a rate chooses a count's test | measures.yaml | id: da-ppo-rate\\n | id: da-ppo-rate\\n            test: c-test\\n | measures.yaml:56:13: error: test 'c-test' (for benchmark, 1yr, 3yr, lastYear, yearEarlier, comparator) does not apply to a rate measure (da-ppo-rate)
            """)
    void isAnErrorWithItsPlaceForCheckTestAndReport(String edit, String file, String from, String to, String message)
            throws Exception {
        Files.writeString(dir.resolve("measures.yaml"), TestFiles.catalogueText().replace("data: [fixtures/",
                "data: [" + Path.of("fixtures").toAbsolutePath() + "/"));
        TestFiles.copyRules(dir.resolve("rules"));
        Path edited = dir.resolve(file);
        String text = Files.readString(edited);
        String a = from.replace("\\n", "\n");
        assertTrue(text.contains(a), "the edit applies: " + edit);
        Files.writeString(edited, text.replaceFirst(java.util.regex.Pattern.quote(a),
                java.util.regex.Matcher.quoteReplacement(to.replace("\\n", "\n"))));
        String[] inputs = {"--catalogue", dir.resolve("measures.yaml").toString(), "--rules",
            dir.resolve("rules").toString()};
        Path out = dir.resolve("report.md");
        for (String[] command : new String[][] {{"check"}, {"test", TestFiles.SCENARIOS.toString()},
            {"report", "--out", out.toString()}}) {
            String[] args = concat(command, inputs);
            ReportCommandTest.Run r = ReportCommandTest.runAsIs(args);
            assertEquals(2, r.exit(), edit + ": " + String.join(" ", command) + "\n" + r.out() + r.err());
            String where = dir.resolve(file).getParent().resolve(message.substring(0, message.indexOf(':')))
                    + message.substring(message.indexOf(':'));
            assertTrue(r.err().contains(where), edit + ": " + command[0] + " says\n" + r.err() + "\nnot\n" + where);
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertFalse(Files.exists(out), "no report is written");
    }

    @org.junit.jupiter.api.Test
    void aMisspeltFieldIsSaidOnceAtItsLine() throws Exception {
        // the compiler reports a field a fact does not have twice at its line (once per builder), then "Unable to
        // analyze expression": the analyst reads it once, with the fields the fact has
        TestFiles.copyRules(dir.resolve("rules"));
        Path edited = dir.resolve("rules/narrate/month-3-last-year.drl");
        String text = Files.readString(edited);
        int line = (int) text.substring(0, text.indexOf("evidence[\"run\"]")).lines().count();
        Files.writeString(edited, text.replaceFirst("evidence\\[\"run\"\\]", "evidenc[\"run\"]"));
        ReportCommandTest.Run r = ReportCommandTest.runAsIs("check", "--catalogue", TestFiles.CATALOGUE.toString(),
                "--rules", dir.resolve("rules").toString());
        assertEquals(2, r.exit(), r.err());
        String said = edited + ":" + line + ": error: Finding has no field 'evidenc' (did you mean 'evidence'?)";
        assertEquals(1, r.err().lines().filter(l -> l.startsWith(said)).count(), r.err());
        assertFalse(r.err().contains("Unable to analyze"), r.err());
        assertTrue(r.err().contains("1 error(s)"), r.err());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
