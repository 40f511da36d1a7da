package org.pcpassessor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pcpassessor.TestFiles;

class ExplainCommandTest {
    @Test
    void explainsTheDomesticAbuseFiguresTestsRulesAndSentences() throws Exception {
        ReportCommandTest.Run r = ReportCommandTest.run("explain", "da-recorded-crime", "--month", "2020-12");
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertTrue(out.contains("rolling12                12,037         sum of January 2020 to December 2020 (12 months)"),
                out);
        assertTrue(out.contains("baseline                 10,660         financial year 2019/20: sum of April 2019 to"
                + " March 2020 (12 months)"), out);
        assertTrue(out.contains("current                  1,057          December 2020 "
                + "(fixtures/cambridgeshire/da-recorded-crime.csv:"), out);
        // The test behind "Higher": quasi-Poisson; z and p computed independently in Python (NumPy 2.4.6, SciPy
        // 1.17.1) from the fixture CSV: phi = 5.5974, z = 3.8632927546308107, p = 0.00011186880547557101
        assertTrue(out.contains("  benchmark: quasi-poisson\n      observed  12,037       rolling 12 months January 2020"
                + " to December 2020\n      expected  10,660       financial year 2019/20\n"
                + "      z = 3.86329, p = 0.000111869, confidence 95% -> higher"), out);
        assertTrue(out.contains("      label: Higher"), out);
        // Every rule named is declared on the line given.
        Matcher m = Pattern.compile("rule \"([^\"]+)\" at (\\S+):(\\d+)").matcher(out);
        int rules = 0;
        while (m.find()) {
            rules++;
            org.pcpassessor.TestFiles.assertDeclares(m.group(2) + ":" + m.group(3), m.group(1));
        }
        assertTrue(rules >= 5, out);
        assertTrue(out.contains("\nSentences\n  1. The 12 month total of recorded Domestic Abuse crimes was 12,037"), out);
        // Where the words are written: the entry and each phrase it drew on, at the line that declares it (found
        // here by reading the wording files, not from the run).
        Path wording = TestFiles.RULES.resolve("wording");
        assertTrue(out.contains("      wording countAgainstBenchmarkEverywhere at " + wording.resolve("benchmark.yaml") + ":"
                + lineOf(wording.resolve("benchmark.yaml"), "countAgainstBenchmarkEverywhere") + ", alternative 1 of 3\n"
                + "      phrases in " + wording.resolve("phrases.yaml") + ": "), out);
        for (String phrase : List.of("Rolling12Subject", "baselineVerdict", "countVsBaseline")) {
            assertTrue(out.contains(" " + phrase + " (" + lineOf(wording.resolve("phrases.yaml"), phrase) + ")"),
                    phrase + "\n" + out);
        }
        assertTrue(out.contains("\n      template {countVsBaseline}: {baselineVerdict} at both"), out);
        // A shared phrase is shown with the text it was filled with.
        assertTrue(out.contains("countVsBaseline=The 12 month total of recorded Domestic Abuse crimes was 12,037, 12.9% "
                + "higher than in 2019/20 (10,660)"), out);
        // Importance: the points of bundled rules/compose/importance.drl.csv, row 10 (40 for a benchmark label other than
        // Comparable; the label has been Higher for 5 months, so no points for a change), and where the sentence went.
        assertTrue(out.contains("  HIGHER (benchmark): higher, neutral\n"), out);
        assertTrue(out.contains("      importance 40\n        +40 the long-term indicator significantly different from "
                + "the year end benchmark: rule \"Importance_10\" at " + TestFiles.RULES.resolve("compose/importance.drl.csv")
                + ":10\n"), out);
        assertTrue(out.contains("      says HIGHER (benchmark)\n      importance 40; in the draft, paragraph 1.2."), out);
    }

    @Test
    void aRuleThatAPValueJustAboveTheThresholdKeptFromFiringIsNamed() {
        ReportCommandTest.Run r = ReportCommandTest.run("explain", "rape-recorded-crime", "--month", "2020-12");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("HIGHER (benchmark): rule \"Label: significantly higher (neutral measure)\" at "
                + TestFiles.RULES.resolve("classify/labels.drl") + ":10 would fire if the benchmark test's p-value (0.054) were below 0.05"),
                r.out());
    }

    @Test
    void anUnknownMeasureOrAreaIsABadInputWithTheClosestIds() {
        ReportCommandTest.Run r = ReportCommandTest.run("explain", "da-recorded-crim");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown measure 'da-recorded-crim' (did you mean 'da-recorded-crime' or "), r.err());
        ReportCommandTest.Run a = ReportCommandTest.run("explain", "da-recorded-crime", "--area", "Nort");
        assertEquals(2, a.exit());
        assertTrue(a.err().contains("unknown area 'Nort' (did you mean 'North'?)"), a.err());
    }

    @Test
    void anAreaIsExplainedToo() {
        ReportCommandTest.Run r = ReportCommandTest.run("explain", "burglary-ppo-rate", "--area", "South");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("burglary-ppo-rate: Prosecution Possible Outcome Rate (Burglary Dwelling)"
                + " (Burglary, Offenders), South, December 2020"), r.out());
        assertTrue(r.out().contains("rolling12                "), r.out());
    }

    /** The line of a wording file on which an entry is declared ({@code name:} at the start of a line). */
    static int lineOf(Path file, String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(name + ":")) {
                return i + 1;
            }
        }
        throw new AssertionError(name + " is not declared in " + file);
    }
}
