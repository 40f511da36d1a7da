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
import org.pcpassessor.problem.Problems;

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

    /** The cache folder of this test, named by the property, with nothing compiled in this process remembered. */
    private Path cacheInUse() {
        Path cache = tmp.resolve("cache");
        System.setProperty(RuleCache.PROPERTY, cache.toString());
        RuleBase.forgetCompiled();
        return cache;
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
        // one module per rule file: classify/ is the classify phase, every other folder (narrate/, compose/) narrate
        long classifyFiles = ruleFiles(rules).stream().filter(f -> f.startsWith(rules.resolve("classify"))).count();
        long narrateFiles = ruleFiles(rules).size() - classifyFiles;
        assertTrue(classifyFiles >= 5 && narrateFiles >= 5, classifyFiles + " and " + narrateFiles);
        assertEquals(counts(classifyFiles, narrateFiles), phases(cache), "a module per rule file filed");
        int loadedBefore = RuleCache.loaded();
        String loaded = report(rules, cache);
        assertEquals(loadedBefore + classifyFiles + narrateFiles, RuleCache.loaded(),
                "every file's module loaded from the cache, none compiled");
        assertEquals(uncached, compiled);
        assertEquals(uncached, loaded, "the same bytes with and without the cache");

        editTrendRule(rules);
        loadedBefore = RuleCache.loaded();
        String edited = report(rules, cache);
        assertTrue(edited.contains("The longer-term trend for"), "the edited rule is the one that ran");
        assertFalse(edited.contains("The long term trend for"));
        assertEquals(counts(classifyFiles, narrateFiles + 1), phases(cache), "the edited file is a new module");
        assertEquals(loadedBefore + classifyFiles + narrateFiles - 1, RuleCache.loaded(),
                "only the edited file was compiled; every other module was loaded");
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
     * A throwaway copy's rules (watch's warm-up) compiled without the folder: nothing filed under the copy's paths,
     * which no later run has, nothing read from it; the folder as before once the work is done.
     */
    @Test
    void aThrowawayCopyIsCompiledWithoutTheFolder() throws IOException {
        Path rules = rules();
        Path cache = cacheInUse();
        int loadedBefore = RuleCache.loaded();
        RuleBase base = RuleBase.withoutDiskCache(() -> {
            assertTrue(RuleCache.folder().isEmpty());
            return org.pcpassessor.TestFiles.compileRules(rules);
        });
        assertTrue(base != null && base.rules().size() > 50);
        assertFalse(Files.exists(cache), "nothing filed");
        assertEquals(loadedBefore, RuleCache.loaded());
        assertEquals(java.util.Optional.of(cache), RuleCache.folder(), "the folder again after the work");
        // and the same rules compiled as usual are filed
        RuleBase.forgetCompiled();
        org.pcpassessor.TestFiles.compileRules(rules);
        assertEquals(1, models(cache).size());
    }

    /**
     * The contract's reading of the rules ({@link RuleModel}: patterns, constraints, calls, each with file:line:col)
     * is filed beside the modules and read back equal to Drools' parse of the files; an edit is read afresh.
     */
    @Test
    void theRulesModelFromTheCacheEqualsTheParsedOne() throws IOException {
        Path rules = rules();
        Path cache = cacheInUse();
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

    /**
     * Files in a phase that share a declaration (here a function one file declares and another's rule calls) are
     * compiled as one module, since neither compiles alone; the report runs the function.
     */
    @Test
    void filesThatShareAFunctionAreCompiledTogether() throws IOException {
        Path rules = rules();
        Path cache = tmp.resolve("cache");
        Files.writeString(rules.resolve("narrate/zz-function.drl"), """
                package pcp.narrate;
                // a function for the whole package: the rule in zz-uses.drl calls it
                function boolean isForce(String area) { return "Force".equals(area); }
                """);
        Files.writeString(rules.resolve("narrate/zz-uses.drl"), """
                package pcp.narrate;
                import org.pcpassessor.facts.*;
                rule "Uses the shared function"
                when
                    $f : Finding( code == "TREND_UP", eval( isForce(area) ) )
                then
                    int seen = 1;
                end
                """);
        report(rules, cache);
        long classifyFiles = ruleFiles(rules).stream().filter(f -> f.startsWith(rules.resolve("classify"))).count();
        assertEquals(counts(classifyFiles, 1), phases(cache), "narrate filed as one module, classify a file at a time");
    }

    /**
     * Drools reads a package's imports as the whole package's: a file that names a fact type another file of its
     * package imports compiles on its own too, and an import that names no class is reported at its own file.
     */
    @Test
    void aFileUsesTheImportsOfItsPackage() throws IOException {
        Path rules = rules();
        Files.writeString(rules.resolve("narrate/zz-no-imports.drl"), """
                package pcp.narrate;
                rule "Names Finding without importing it"
                when
                    $f : Finding( code == "TREND_UP" )
                then
                    int seen = 1;
                end
                """);
        Problems problems = new Problems();
        assertTrue(RuleBase.compile(rules, problems) != null, problems.sorted().toString());

        Files.writeString(rules.resolve("narrate/zz-bad-import.drl"), """
                package pcp.narrate;
                import org.pcpassessor.facts.NoSuchFact;
                """);
        RuleBase.forgetCompiled();
        Problems bad = new Problems();
        assertEquals(null, RuleBase.compile(rules, bad));
        // as when the phase was compiled as one: the import's own file names it (the rules of the package that
        // cannot compile without it are listed too)
        assertTrue(bad.sorted().stream().map(Object::toString).anyMatch(m -> m.startsWith(
                rules.resolve("narrate/zz-bad-import.drl") + ":") && m.contains("Error importing : 'NoSuchFact'")),
                bad.sorted().toString());
    }

    /** A rule name a package declares in two files is reported at the second, naming the first: no file wins. */
    @Test
    void aRuleNameDeclaredInTwoFilesIsAnError() throws IOException {
        Path rules = rules();
        String trend = Files.readString(rules.resolve("narrate/trend.drl"));
        Files.writeString(rules.resolve("narrate/zz-again.drl"), trend);
        Problems problems = new Problems();
        assertEquals(null, RuleBase.compile(rules, problems));
        List<String> messages = problems.sorted().stream().map(Object::toString).toList();
        assertEquals(1, messages.size(), messages.toString());
        int line = trend.lines().toList().indexOf("rule \"Long-term trend\"") + 1;
        assertTrue(line > 0);
        assertEquals(rules.resolve("narrate/zz-again.drl") + ":" + line + ": error: rule 'Long-term trend' is declared "
                + "again: package pcp.narrate already has a rule of that name at " + rules.resolve("narrate/trend.drl")
                + ":" + line + "; give one of them another name", messages.get(0));
    }

    private static List<Path> ruleFiles(Path rules) throws IOException {
        try (Stream<Path> files = Files.walk(rules)) {
            return files.filter(p -> RuleBase.isRuleFile(p.getFileName().toString())).toList();
        }
    }

    /** "classify" and "narrate" as many times as given, sorted as {@link #phases} lists them. */
    private static List<String> counts(long classify, long narrate) {
        List<String> phases = new java.util.ArrayList<>();
        for (long i = 0; i < classify; i++) {
            phases.add("classify");
        }
        for (long i = 0; i < narrate; i++) {
            phases.add("narrate");
        }
        return phases;
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
