package org.pcpassessor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.problem.Problems;

/**
 * The check of the compiled rules on its own: rules that reach outside the rule API are compiled as trusted rules
 * are (no text check), and the classes Drools made of them are read. Each reference is found and put on the rule it
 * was compiled from, wherever it sits: a consequence, a condition's eval, a function the eval calls, an anonymous
 * class inside a consequence. The bundled rules' classes have no such reference (their whole phase is checked).
 */
class CompiledCheckTest {
    @TempDir
    Path dir;

    private static final String HOSTILE = """
            package pcp.classify;

            import org.pcpassessor.facts.*;

            function boolean leave() {
                System.exit(0);
                return true;
            }

            rule "Exit in a consequence"
            when
                $s : Snapshot( headline )
            then
                System.exit(0);
            end

            rule "Halt"
            when
                $s : Snapshot( headline )
            then
                Runtime.getRuntime().halt(0);
            end

            rule "File"
            when
                $s : Snapshot( headline )
            then
                java.nio.file.Files.writeString(java.nio.file.Path.of("x"), "x");
            end

            rule "Class by a built name"
            when
                $s : Snapshot( headline )
            then
                Class.forName("java.lang." + "Runtime");
            end

            rule "Exit in a condition"
            when
                $s : Snapshot( headline )
                eval( leave() )
            then
                String x = "y";
            end

            rule "Anonymous class"
            when
                $s : Snapshot( headline )
            then
                Runnable r = new Runnable() { public void run() { Thread.yield(); } };
                r.run();
            end

            rule "x\\" + new Object() {{ Integer.getInteger(\\"pcp.secret\\"); }} + \\""
            when
                $s : Snapshot( headline )
            then
                String x = "y";
            end

            rule "The tool's own class"
            when
                $s : Snapshot( headline )
            then
                org.pcpassessor.cli.Main.main(new String[0]);
            end
            """;

    @Test
    void everyReferenceOutsideTheRuleApiIsFoundAndPutOnItsRule() throws Exception {
        Path rules = dir.resolve("rules");
        TestFiles.copyRules(rules);
        Files.writeString(rules.resolve("classify/zz-hostile.drl"), HOSTILE);
        Path cache = dir.resolve("cache");
        String before = System.getProperty(RuleCache.PROPERTY);
        System.setProperty(RuleCache.PROPERTY, cache.toString());
        try {
            RuleBase.forgetCompiled();
            Problems problems = new Problems();
            assertNotNull(RuleBase.compile(rules, problems, true), problems.sorted().toString());
        } finally {
            if (before == null) {
                System.clearProperty(RuleCache.PROPERTY);
            } else {
                System.setProperty(RuleCache.PROPERTY, before);
            }
        }
        Map<String, List<CompiledCheck.Violation>> byPhase = new TreeMap<>();
        try (Stream<Path> jars = Files.list(cache)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".kjar")).toList()) {
                byPhase.put(jar.getFileName().toString().split("-")[0], CompiledCheck.check(Files.readAllBytes(jar)));
            }
        }
        assertEquals(List.of(), byPhase.get("narrate"), "the bundled narrate and compose rules");
        Map<String, TreeSet<String>> found = byPhase.get("classify").stream().collect(Collectors.groupingBy(
                v -> v.rule().orElse("(no rule)"), TreeMap::new,
                Collectors.mapping(CompiledCheck.Violation::reference, Collectors.toCollection(TreeSet::new))));
        assertTrue(found.get("Exit in a consequence").contains("java.lang.System.exit"), found.toString());
        assertTrue(found.get("Halt").contains("java.lang.Runtime.halt"), found.toString());
        assertTrue(found.get("File").stream().anyMatch(r -> r.startsWith("java.nio.file.Files.writeString")),
                found.toString());
        assertTrue(found.get("Class by a built name").contains("java.lang.Class.forName"), found.toString());
        assertTrue(found.get("Exit in a condition").contains("java.lang.System.exit"), found.toString());
        assertTrue(found.get("Anonymous class").contains("java.lang.Thread.yield"), found.toString());
        assertTrue(found.get("The tool's own class").contains("org.pcpassessor.cli.Main.main"), found.toString());
        // code pasted from a rule's name into the generated Java (the text check refuses the backslash first)
        assertTrue(found.values().stream().anyMatch(r -> r.contains("java.lang.Integer.getInteger")), found.toString());
        // (its rule is not known for sure: the name is no constant in the generated code, so the rule's name and
        // package read from the constants before the call are off)
        found.keySet().removeIf(r -> r.equals("(no rule)") || r.equals("pcp.classify") || r.startsWith("x"));
        // nothing else: the bundled classify rules compiled beside them reach nothing outside the API
        assertEquals(Optional.empty(), found.keySet().stream().filter(r -> !HOSTILE.contains("rule \"" + r + "\""))
                .findFirst(), found.toString());
    }
}
