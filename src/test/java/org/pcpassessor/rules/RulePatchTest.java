package org.pcpassessor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.core.MonthRun;
import org.pcpassessor.core.Settings;
import org.pcpassessor.core.Workspace;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.report.JsonReport;

/**
 * A rule file edited in one process (a watch) is compiled a rule at a time ({@link RulePatch}): after each edit the
 * draft, its findings, sentences and the rule file:line each names, are those of the same files compiled whole
 * (trusted rules are always compiled whole), and an edit that does not compile is reported as a whole compile
 * reports it.
 */
class RulePatchTest {
    @TempDir
    Path dir;

    private static final String FILE = "narrate/month-3-last-year.drl";
    private static final String RUN = "evidence[\"run\"] >= 3, evidence[\"run\"] <= 12 )\nthen\n"
            + "    insert( Sentence.of(\"comparableRun\"";

    @Test
    void editedRulesAreCompiledAloneAndMakeTheDraftAWholeCompileMakes() throws Exception {
        Path rules = dir.resolve("rules");
        TestFiles.copyRules(rules);
        Path file = rules.resolve(FILE);
        String first = draft(rules, false);

        // one rule's condition changed: a run of two months is worth saying
        edit(file, RUN, RUN.replace(">= 3", ">= 2"));
        int before = RulePatch.PATCHED.get();
        String edited = draft(rules, false);
        assertEquals(before + 1, RulePatch.PATCHED.get(), "made from the rule compiled alone");
        assertEquals(draft(rules, true), edited);
        assertNotEquals(first, edited, "the edit changes the draft");

        // a rule renamed and moved to the end of the file, a line of comment added before the first rule
        String text = Files.readString(file);
        String rule = text.substring(text.indexOf("rule \"Month: significant change on the same month last year\""));
        rule = rule.substring(0, rule.indexOf("\nend\n") + 5);
        Files.writeString(file, text.replace(rule, "").replace("rule \"Month: a share", "// moved\nrule \"Month: a share")
                + "\n" + rule.replace("on the same month last year\"", "on the same month a year before\""));
        before = RulePatch.PATCHED.get();
        String moved = draft(rules, false);
        assertEquals(before + 1, RulePatch.PATCHED.get());
        assertEquals(draft(rules, true), moved);
        assertTrue(moved.contains("Month: significant change on the same month a year before"), "renamed");

        // a rule deleted: nothing to compile, the others kept
        text = Files.readString(file);
        String deleted = text.substring(text.indexOf("rule \"Month: significant rise from none a year earlier\""));
        deleted = deleted.substring(0, deleted.indexOf("\nend\n") + 5);
        Files.writeString(file, text.replace(deleted, ""));
        before = RulePatch.PATCHED.get();
        String fewer = draft(rules, false);
        assertEquals(before + 1, RulePatch.PATCHED.get());
        assertEquals(draft(rules, true), fewer);

        // a misspelt field: reported where and as a whole compile reports it, and nothing is made
        edit(file, RUN.replace(">= 3", ">= 2"), RUN.replace(">= 3", ">= 2").replace("evidence[\"run\"] <= 12",
                "evidenc[\"run\"] <= 12"));
        Workspace broken = Workspace.load(TestFiles.CATALOGUE, rules, Settings.DEFAULT);
        Workspace brokenWhole = Workspace.load(TestFiles.CATALOGUE, rules, Settings.DEFAULT.withTrustedRules(true));
        List<Problem> errors = broken.problems().stream().filter(Problem::isError).toList();
        assertTrue(!errors.isEmpty() && errors.stream().allMatch(p -> p.file().equals(file.toString())), errors.toString());
        assertEquals(brokenWhole.problems().stream().filter(Problem::isError).toList(), errors);
    }

    /**
     * What lies between the rules is compared with its texts: a comment there compiles nothing, a changed text (an
     * attribute's) compiles the file whole; and a file that declares a function is always compiled whole, since its
     * rules call it.
     */
    @Test
    void aFileIsCompiledWholeWhenWhatLiesBetweenItsRulesChanged() throws Exception {
        Path rules = dir.resolve("rules");
        java.nio.file.Files.createDirectories(rules.resolve("classify"));
        java.nio.file.Files.createDirectories(rules.resolve("narrate"));
        Path classify = rules.resolve("classify/highs.drl");
        String rule = """
                rule "%s"
                when
                    $e : Extreme( direction == "%s" )
                then
                    insert( Finding.of("%s", $e) );
                end
                """;
        String text = "package pcp.classify;\nagenda-group \"MAIN\"\n\nimport org.pcpassessor.facts.*;\n\n"
                + rule.formatted("High", "high", "TWELVE_MONTH_HIGH") + "\n" + rule.formatted("Low", "low", "TWELVE_MONTH_LOW");
        Files.writeString(classify, text);
        Files.writeString(rules.resolve("narrate/none.drl"), "package pcp.narrate;\n\nimport org.pcpassessor.facts.*;\n");
        compiled(rules);

        int before = RulePatch.PATCHED.get();
        Files.writeString(classify, text.replace("import org.pcpassessor.facts.*;", "import org.pcpassessor.facts.*;\n// a note"));
        compiled(rules);
        assertEquals(before + 1, RulePatch.PATCHED.get(), "a comment between the rules: nothing compiled");

        Files.writeString(classify, text.replace("agenda-group \"MAIN\"", "agenda-group \"later\""));
        compiled(rules);
        assertEquals(before + 1, RulePatch.PATCHED.get(), "an attribute's text changed: compiled whole");

        String withFunction = text.replace("import org.pcpassessor.facts.*;\n", "import org.pcpassessor.facts.*;\n\n"
                + "function String code() { return \"TWELVE_MONTH_HIGH\"; }\n");
        Files.writeString(classify, withFunction);
        compiled(rules);
        Files.writeString(classify, withFunction.replace("insert( Finding.of(\"TWELVE_MONTH_LOW\", $e) );",
                "insert( Finding.of(code(), $e) );"));
        compiled(rules);
        assertEquals(before + 1, RulePatch.PATCHED.get(), "a file with a function: compiled whole");
    }

    private static void compiled(Path rules) {
        org.pcpassessor.problem.Problems problems = new org.pcpassessor.problem.Problems();
        RuleBase base = RuleBase.compile(rules, problems);
        assertTrue(base != null, problems.sorted().toString());
        base.classifyParts(); // its models read, as a run reads them
    }

    @Test
    void aFileIsReadAsItsRulesOnlyWhenThatIsCertain() {
        String drl = """
                package pcp.narrate;
                // a comment that says rule "x" and end
                rule "One \\"quoted\\" name"
                when
                    $f : Finding( code == "end" )
                then
                    String end = "rule";
                end

                rule "Two"
                when
                then
                end
                """;
        List<RulePatch.Block> blocks = RulePatch.blocks(drl).orElseThrow();
        assertEquals(List.of("One \\\"quoted\\\" name", "Two"), blocks.stream().map(RulePatch.Block::name).toList());
        assertTrue(drl.substring(blocks.get(0).start(), blocks.get(0).end()).endsWith("String end = \"rule\";\nend"));
        String alone = RulePatch.alone(drl, blocks, blocks.get(1));
        assertEquals(drl.length(), alone.length());
        assertEquals(drl.lines().count(), alone.lines().count(), "the lines kept");
        assertTrue(alone.contains("rule \"Two\"") && !alone.contains("One"), alone);

        assertTrue(RulePatch.blocks("rule Unquoted\nwhen\nthen\nend\n").isEmpty());
        assertTrue(RulePatch.blocks("rule \"A\"\nwhen\nthen\nend\nrule \"A\"\nwhen\nthen\nend\n").isEmpty(), "twice");
        assertTrue(RulePatch.blocks("rule \"A\"\nwhen\nthen\n").isEmpty(), "no end");
        assertTrue(RulePatch.blocks("package p;\n").isEmpty(), "no rule");
    }

    /** The draft of December 2020 as JSON (findings, sentences, the rules' file:line), the rules compiled so. */
    private static String draft(Path rules, boolean whole) {
        Workspace w = Workspace.load(TestFiles.CATALOGUE, rules, Settings.DEFAULT.withTrustedRules(whole));
        assertTrue(w.problems().stream().noneMatch(Problem::isError), w.problems().toString());
        MonthRun run = w.run(YearMonth.of(2020, 12));
        return new String(JsonReport.bytes(run.report().orElseThrow()), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertTrue(text.contains(from), "the bundled text this test edits: " + from);
        Files.writeString(file, text.replace(from, to));
    }
}
