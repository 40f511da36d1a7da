package org.pcpassessor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.cli.Main;

/**
 * The compiled-rules cache between runs ({@link RuleCache}): a report is the same bytes compiled, loaded from the
 * cache, and with no cache at all; an edited rule is compiled afresh and used by the very next run; a damaged cache
 * file is ignored and replaced. Each run forgets the rule bases compiled in this process, as a new process would.
 */
class RuleCacheTest {
    @TempDir
    Path tmp;

    /** A copy of the bundled rules, which the tests may edit. */
    private Path rules() throws IOException {
        Path rules = tmp.resolve("rules");
        TestFiles.copyRules(rules);
        return rules;
    }

    @AfterEach
    void noCache() {
        System.clearProperty(RuleCache.PROPERTY);
        RuleBase.forgetCompiled();
    }

    @Test
    void aReportIsTheSameBytesFromTheCacheAndAnEditedRuleIsUsedOnTheNextRun() throws IOException {
        Path rules = rules();
        Path cache = tmp.resolve("cache");

        String uncached = report(rules, null);
        assertFalse(Files.exists(cache));
        String compiled = report(rules, cache);
        assertEquals(List.of("classify", "narrate"), phases(cache), "one module per phase filed");
        int loadedBefore = RuleCache.loaded();
        String loaded = report(rules, cache);
        assertEquals(loadedBefore + 2, RuleCache.loaded(), "both phases loaded from the cache, not compiled");
        assertEquals(uncached, compiled);
        assertEquals(uncached, loaded, "the same bytes with and without the cache");

        editTrendRule(rules);
        String edited = report(rules, cache);
        assertTrue(edited.contains("The longer-term trend for"), "the edited rule is the one that ran");
        assertFalse(edited.contains("The long term trend for"));
        assertEquals(List.of("classify", "narrate", "narrate"), phases(cache), "the edit is a new module");
        assertEquals(uncached.replace("The long term trend for", "The longer-term trend for"), edited,
                "nothing else changed");
    }

    @Test
    void aDamagedCacheFileIsIgnoredAndReplaced() throws IOException {
        Path cache = tmp.resolve("cache");
        Path rules = rules();
        String good = report(rules, cache);
        List<Path> modules = modules(cache);
        for (Path m : modules) {
            Files.writeString(m, "not a jar");
        }
        int loadedBefore = RuleCache.loaded();
        assertEquals(good, report(rules, cache));
        assertEquals(loadedBefore, RuleCache.loaded(), "nothing usable was loaded");
        for (Path m : modules) {
            assertTrue(Files.size(m) > 1000, m + " was written again");
        }
    }

    /**
     * The contract's reading of the rules ({@link RuleModel}: patterns, constraints, calls, each with file:line:col)
     * is filed beside the modules and read back equal to Drools' parse of the files; an edit is read afresh.
     */
    @Test
    void theRulesModelFromTheCacheEqualsTheParsedOne() throws IOException {
        Path rules = rules();
        Path cache = tmp.resolve("cache");
        System.setProperty(RuleCache.PROPERTY, cache.toString());
        RuleBase.forgetCompiled();
        RuleModel parsed = org.pcpassessor.TestFiles.compileRules(rules).model();
        assertEquals(1, models(cache).size(), "the model is filed");
        RuleBase.forgetCompiled();
        RuleModel cached = org.pcpassessor.TestFiles.compileRules(rules).model();
        assertTrue(parsed.rules().size() > 50, "the bundled rules: " + parsed.rules().size());
        assertTrue(parsed.rules().stream().anyMatch(r -> !r.calls().isEmpty() && r.calls().get(0).template()
                .isPresent()), "templates are read");
        assertTrue(parsed.rules().stream().flatMap(r -> r.patterns().stream()).anyMatch(p -> p.collects()
                .filter(c -> c.type().equals("Finding") && !c.constraints().isEmpty()).isPresent()),
                "what a list collects is read (rules/narrate/areas.drl)");
        assertEquals(parsed, cached);
        // that it is read from the file, not parsed again: a name changed in the file is the name read
        Path model = models(cache).get(0);
        String json = Files.readString(model);
        String name = "\"" + parsed.rules().get(0).name() + "\"";
        assertTrue(json.contains(name), name);
        Files.writeString(model, json.replace(name, "\"renamed in the cache\""));
        RuleBase.forgetCompiled();
        assertTrue(org.pcpassessor.TestFiles.compileRules(rules).model().rules().stream()
                .anyMatch(r -> r.name().equals("renamed in the cache")));
        Files.writeString(model, json);

        editTrendRule(rules);
        RuleBase.forgetCompiled();
        RuleModel edited = org.pcpassessor.TestFiles.compileRules(rules).model();
        assertTrue(edited.rules().stream().flatMap(r -> r.calls().stream()).anyMatch(c -> c.template().orElse("")
                .equals("longerTermTrend")), "the edited rule names the new wording");
        assertEquals(2, models(cache).size(), "the edit is a model of its own");

        Files.writeString(models(cache).get(0), "{\"rules\": [{\"name\": 1}]}");
        Files.writeString(models(cache).get(1), "{\"rules\": [{\"name\": 1}]}");
        RuleBase.forgetCompiled();
        assertEquals(edited, org.pcpassessor.TestFiles.compileRules(rules).model(), "a damaged model is parsed again");
    }

    /** A module's jar is read into the same files, byte for byte, as Drools' own reader makes of it. */
    @Test
    void aModuleIsReadAsDroolsReadsIt() throws IOException {
        Path cache = tmp.resolve("cache");
        report(rules(), cache);
        for (Path module : modules(cache)) {
            byte[] jar = Files.readAllBytes(module);
            var ours = RuleCache.readJar(jar).getMap();
            var drools = org.drools.compiler.compiler.io.memory.MemoryFileSystem.readFromJar(jar).getMap();
            assertTrue(drools.size() > 10, module + ": " + drools.keySet());
            assertEquals(drools.keySet(), ours.keySet(), module.toString());
            drools.forEach((name, bytes) -> assertTrue(java.util.Arrays.equals(bytes, ours.get(name)), name.asString()));
        }
    }

    private static List<Path> models(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(p -> p.getFileName().toString().startsWith("model-")).sorted().toList();
        }
    }

    private static String report(Path rules, Path cache) {
        RuleBase.forgetCompiled();
        if (cache == null) {
            System.clearProperty(RuleCache.PROPERTY);
        } else {
            System.setProperty(RuleCache.PROPERTY, cache.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(TestFiles.withBundledInputs("report", "--month", "2020-12", "--rules", rules.toString()),
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, exit, err.toString());
        return out.toString();
    }

    private static List<Path> modules(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(p -> p.toString().endsWith(".kjar")).sorted().toList();
        }
    }

    private static List<String> phases(Path cache) throws IOException {
        return modules(cache).stream().map(p -> p.getFileName().toString().replaceFirst("-.*", "")).sorted().toList();
    }

    /**
     * Edits the trend rule (so its module is compiled anew): it names a wording entry of its own, the bundled one with
     * "The long term trend for" said as "The longer-term trend for".
     */
    private static void editTrendRule(Path rules) throws IOException {
        Path trend = rules.resolve("narrate/trend.drl");
        String rule = Files.readString(trend);
        assertTrue(rule.contains("Sentence.of(\"longTermTrend\""), "the bundled rule this test edits");
        Files.writeString(trend, rule.replace("Sentence.of(\"longTermTrend\"", "Sentence.of(\"longerTermTrend\""));
        String words = Files.readString(rules.resolve("wording/trend.yaml"));
        Files.writeString(rules.resolve("wording/edited.yaml"), words.substring(words.indexOf("longTermTrend:"))
                .replace("longTermTrend:", "longerTermTrend:").replace("The long term trend for", "The longer-term trend for"));
    }
}
