package org.pcpassessor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.problem.Problems;

/**
 * The classify rules run apart, file by file, only when no classify rule can see what another makes
 * ({@link RuleBase#classifyParts}): the near-miss memo keeps each part's findings on that promise.
 */
class ClassifyPartsTest {
    @TempDir
    Path dir;

    @Test
    void theBundledClassifyFilesArePartsAndEachRuleIsInExactlyOne() throws Exception {
        RuleBase base = compiled(TestFiles.RULES, false);
        long files;
        try (var list = Files.list(TestFiles.RULES.resolve("classify"))) {
            files = list.filter(p -> RuleBase.isRuleFile(p.getFileName().toString())).count();
        }
        List<RuleBase.ClassifyPart> parts = base.classifyParts();
        assertEquals(files, parts.size(), "a part per classify file");
        java.util.Map<String, Integer> partOf = new java.util.HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            for (String rule : parts.get(i).ruleKeys()) {
                assertEquals(null, partOf.put(rule, i), rule + " is in two parts");
            }
            assertEquals(1, parts.get(i).rules().classifyParts().size(), "a part is one part");
        }
        Set<String> classify = new java.util.HashSet<>();
        base.rules().stream().filter(r -> r.phase().equals("classify"))
                .forEach(r -> classify.add(RuleBase.key(r.rulePackage(), r.name())));
        assertEquals(classify, partOf.keySet());
        // the same compiled file is the same part, so what was kept of it holds in the next rule base
        assertEquals(parts.get(0).rules().classifyToken(),
                compiled(TestFiles.RULES, false).classifyParts().get(0).rules().classifyToken());
    }

    @Test
    void wordsInCommentsAndTextDoNotJoinTheParts() throws Exception {
        long bundled = compiled(TestFiles.RULES, false).classifyParts().size();
        assertEquals(bundled + 1, partsWith("""
                // a comment that says modify( or update( changes nothing
                rule "Names a change only in its text"
                when
                    $e : Extreme( direction == "high", series != "insert( $e )" )
                then
                    insert( Finding.of("TWELVE_MONTH_HIGH", $e) ); /* retract( $e ) */
                end
                """));
    }

    /** A rule that could see what another file's rules make, or stop them: the classify phase is one part. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rulesThatJoinThePhase")
    void aRuleThatCanSeeOrStopAnotherFilesRulesJoinsThePhase(String rule) throws Exception {
        assertEquals(1, partsWith(rule));
    }

    static java.util.stream.Stream<Named<String>> rulesThatJoinThePhase() {
        String rule = """
                rule "%s"
                %swhen
                    $e : Extreme( direction == "high" )
                %sthen
                    %s;
                end
                """;
        String finding = "insert( Finding.of(\"HIGHEST_SINCE\", $e) )";
        return java.util.stream.Stream.of(
                Named.of("reads findings", rule.formatted("Reads what another rule found", "",
                        "    Finding( measureId == $e.measureId, code == \"TWELVE_MONTH_HIGH\" )\n", finding)),
                Named.of("collects findings", rule.formatted("Collects what other rules found", "",
                        "    $l : java.util.List( size > 1 ) from collect( Finding( measureId == $e.measureId ) )\n",
                        finding)),
                Named.of("inserts what is not a finding", rule.formatted("Inserts a fact again", "", "",
                        "insert( $e )")),
                Named.of("in an activation group", rule.formatted("One of a group", "    activation-group \"highs\"\n",
                        "", finding)));
    }

    @Test
    void trustedRulesAreOnePart() throws Exception {
        assertEquals(1, compiled(TestFiles.RULES, true).classifyParts().size());
    }

    /** The bundled rules with a file of one more classify rule: how many parts they make. */
    private long partsWith(String rule) throws Exception {
        Path rules = dir.resolve("rules");
        TestFiles.copyRules(rules);
        Files.writeString(rules.resolve("classify/zz-added.drl"),
                "package pcp.classify;\n\nimport org.pcpassessor.facts.*;\n\n" + rule);
        RuleBase base = compiled(rules, false);
        long parts = base.classifyParts().size();
        if (parts > 1) { // the file added is a part of its own
            assertEquals(compiled(TestFiles.RULES, false).classifyParts().size() + 1, parts);
        }
        return parts;
    }

    private static RuleBase compiled(Path folder, boolean trusted) {
        Problems problems = new Problems();
        RuleBase base = RuleBase.compile(folder, problems, trusted);
        assertNotNull(base, problems.sorted().toString());
        return base;
    }
}
