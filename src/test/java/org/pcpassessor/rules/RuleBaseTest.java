package org.pcpassessor.rules;

import org.pcpassessor.facts.Finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pcpassessor.rules.contract.RulesReference;
import org.pcpassessor.rules.run.RuleRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.problem.Problems;

class RuleBaseTest {
    @TempDir
    Path dir;

    @Test
    void everyRuleFileInTheRepositoryCompilesAndEachRuleIsFoundOnItsLine() throws Exception {
        Problems problems = new Problems();
        RuleBase base = RuleBase.compile(TestFiles.RULES, problems);
        assertEquals(List.of(), problems.sorted());
        assertTrue(base.rules().size() >= 30, "rules: " + base.rules().size());
        for (RuleBase.RuleInfo rule : base.rules()) {
            TestFiles.assertDeclares(rule.source(), rule.name());
        }
        assertTrue(base.rules().stream().anyMatch(r -> r.source().toString().equals(TestFiles.RULES.resolve("classify/streaks.drl.csv") + ":10")
                && r.name().equals("Runs of rises or falls_10")), "the decision table's first row is a rule");
    }

    /**
     * Every field the rules reference lists can be matched by its name, as an analyst writes it: the executable model's
     * parser cannot read a field named like a DRL keyword ({@code Snapshot( unit == "calls" )} failed with
     * "Encountered unexpected token" and no line, so Snapshot's field is {@code units}).
     */
    @Test
    void everyFieldOfEveryFactCanBeMatchedByItsName() throws Exception {
        StringBuilder drl = new StringBuilder("package pcp.classify;\n\nimport org.pcpassessor.facts.*;\n\n");
        List<String> fields = new java.util.ArrayList<>();
        for (Class<? extends Record> type : RulesReference.FACTS) {
            List<String> constraints = new java.util.ArrayList<>();
            for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
                constraints.add(c.getName() + " == " + c.getName());
                fields.add(type.getSimpleName() + "." + c.getName());
            }
            drl.append("rule \"Every field of ").append(type.getSimpleName()).append("\"\nwhen\n    ")
                    .append(type.getSimpleName()).append("( ").append(String.join(", ", constraints))
                    .append(" )\nthen\nend\n\n");
        }
        TestFiles.copyRules(dir);
        Files.writeString(dir.resolve("classify/fields.drl"), drl);
        Problems problems = new Problems();
        RuleBase base = RuleBase.compile(dir, problems, true);
        assertEquals(List.of(), problems.sorted());
        assertEquals(RulesReference.FACTS.size(),
                base.rules().stream().filter(r -> r.name().startsWith("Every field of")).count());
        assertTrue(fields.contains("Snapshot.units") && fields.size() > 60, fields.toString());
    }

    @Test
    void aSyntaxErrorIsReportedWithItsFileAndLine() throws Exception {
        TestFiles.copyRules(dir);
        Files.writeString(dir.resolve("narrate/broken.drl"), """
                package pcp.narrate;

                rule "Broken"
                when
                    $f : Finding( code == "HIGHER"
                then
                end
                """);
        Problems problems = new Problems();
        assertNull(RuleBase.compile(dir, problems));
        List<Problem> errors = problems.sorted().stream().filter(Problem::isError).toList();
        assertTrue(!errors.isEmpty());
        for (Problem p : errors) {
            assertTrue(p.file().endsWith("narrate/broken.drl"), p.toString());
            assertTrue(p.line() >= 5 && p.line() <= 7, p.toString());
        }
    }

    @Test
    void aRuleThatKeepsFiringIsStoppedAndNamed() throws Exception {
        TestFiles.copyRules(dir);
        Files.writeString(dir.resolve("classify/loop.drl"), """
                package pcp.classify;
                import org.pcpassessor.stats.*;
                import org.pcpassessor.rules.*;

                rule "Runaway"
                when
                    $c : Comparison( basis == "benchmark" )
                then
                    insert( new Snapshot($c.snapshot().measureId(), $c.area(), false, "area", "", "", "", "", "", "", "count",
                        "neutral", "", true, $c.snapshot().month(), 0, 0, 0, 0, 0, 0, 0, 0, 0, "", 0, 0, 0, 0, 0, 0,
                        java.util.List.of()) );
                    insert( new Comparison($c.measureId(), $c.area(), false, "count", "neutral", "benchmark", "x",
                        0, 0, "", "", "", 0, 1, 0.95, "comparable", 1, java.util.Map.of(), $c.snapshot()) );
                end
                """);
        // trusted: it makes facts itself, which the rule API does not allow (issue 27); the runaway guard is the point
        org.pcpassessor.problem.Problems problems = new org.pcpassessor.problem.Problems();
        RuleBase base = RuleBase.compile(dir, problems, true);
        org.junit.jupiter.api.Assertions.assertNotNull(base, problems.sorted().toString());
        var assessment = new org.pcpassessor.stats.Calculator(
                org.pcpassessor.stats.CalculatorTest.measure(org.pcpassessor.catalogue.Kind.COUNT,
                        java.util.OptionalDouble.empty()),
                org.pcpassessor.stats.CalculatorTest.counts(org.pcpassessor.stats.CalculatorTest.ramp()), true, 0.95)
                .assess(java.time.YearMonth.of(2020, 12));
        org.pcpassessor.problem.Problems found = new org.pcpassessor.problem.Problems();
        assertTrue(RuleRun.run(base, List.of(assessment), org.pcpassessor.core.Settings.DEFAULT.ruleTimeout(), found)
                .isEmpty(), "a run whose rule loops has no result");
        assertEquals(1, found.sorted().size(), found.sorted().toString());
        Problem p = found.sorted().get(0);
        assertTrue(p.message().contains("rule 'Runaway' fired most"), p.message());
        assertTrue(p.file().endsWith("classify/loop.drl") && p.line() == 5, p.toString());
    }
}
