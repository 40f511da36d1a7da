package org.pcpassessor.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.pcpassessor.wording.Phrases;
import org.pcpassessor.problem.Location;
import org.pcpassessor.problem.Problems;

/**
 * The rules folder compiled at run time into two knowledge bases: {@code classify/} (Snapshots and their
 * comparisons in, Findings out) and everything else, normally {@code narrate/} (Findings in, Sentences out).
 * Running the phases in separate sessions means a narrate rule always sees every finding, so a rule that folds
 * several findings into one sentence wins over the rules that would say them one by one. Each rule file is compiled
 * as a module of its own (so an edit compiles one file), and a phase's knowledge base is made from its files'
 * modules; a phase whose files share declarations (a function, type, global, query or window, or a rule that
 * extends another) is compiled as one module.
 */
public final class RuleBase {
    private static final String RESOURCES = "src/main/resources/";
    /** Shared phrases beside the rule files, as written before the wording folder (read when present). */
    public static final String PHRASES = "phrases.yaml";
    /** The folder of wording files: every sentence's and phrase's words (*.yaml). */
    public static final String WORDING = "wording";
    /** Finding codes the folder's rules make beyond the contract's. */
    public static final String CODES = "codes.yaml";
    /** The name ending of an Excel decision table (a CSV one's is {@code .drl.csv}). */
    public static final String EXCEL_TABLE = ".drl.xlsx";
    /** A package statement at the start of a line (of one line, or of a whole text: multiline). */
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");

    /** A rule as declared: its phase, package, name and where it is declared. */
    public record RuleInfo(String phase, String rulePackage, String name, Location source) {
    }

    /** A finding code declared in {@code codes.yaml}, with what it means. */
    public record DeclaredCode(String code, String meaning, Location source) {
    }

    private final Path folder;
    private final Deferred classify;
    private final Deferred narrate;
    private final Map<String, RuleInfo> rules;
    private final Phrases phrases;
    private final List<DeclaredCode> codes;
    private final RuleModel model;
    private final List<RuleModel.Source> sources;
    /** The Excel decision tables, by file: the way back from their DRL to their cells. */
    private final Map<String, SheetTable> tables;
    /** Set once {@link #prepare} has started. */
    private final java.util.concurrent.atomic.AtomicBoolean preparing = new java.util.concurrent.atomic.AtomicBoolean();

    private RuleBase(Path folder, Deferred classify, Deferred narrate, Map<String, RuleInfo> rules, Phrases phrases,
                     List<DeclaredCode> codes, RuleModel model, List<RuleModel.Source> sources,
                     Map<String, SheetTable> tables, boolean checked) {
        this.checked = checked;
        this.tables = Map.copyOf(tables);
        this.model = model;
        this.sources = List.copyOf(sources);
        this.folder = folder;
        this.classify = classify;
        this.narrate = narrate;
        this.rules = rules;
        this.phrases = phrases;
        this.codes = List.copyOf(codes);
    }

    /**
     * Compiles what it can, adding problems (file:line:column) to the collector; null on any error. The rules are
     * untrusted: checked against the rule API before and after compiling ({@link RuleSafety}, {@link CompiledCheck}).
     */
    public static RuleBase compile(Path folder, Problems problems) {
        return compile(folder, problems, false);
    }

    /**
     * As {@link #compile(Path, Problems)}; {@code trusted} ({@code --trust-rules}) compiles rule code that reaches
     * outside the rule API instead of refusing it.
     */
    public static RuleBase compile(Path folder, Problems problems, boolean trusted) {
        if (!Files.isDirectory(folder)) {
            problems.error(folder.toString(), 0, 0, "rules folder not found");
            return null;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> isRuleFile(p.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException | java.io.UncheckedIOException | SecurityException e) {
            // a folder inside it that cannot be read fails the walk itself, as an unchecked exception
            Exception cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
            problems.error(folder.toString(), 0, 0, "cannot list the rules folder: "
                    + org.pcpassessor.input.IoMessages.reason(cause));
            return null;
        }
        List<Path> classifyFiles = new ArrayList<>();
        List<Path> narrateFiles = new ArrayList<>();
        for (Path f : files) {
            Path rel = folder.relativize(f);
            (rel.getNameCount() > 1 && rel.getName(0).toString().equals("classify") ? classifyFiles : narrateFiles)
                    .add(f);
        }
        if (classifyFiles.isEmpty()) {
            problems.error(folder.toString(), 0, 0, "no .drl files under " + folder.resolve("classify"));
        }
        if (narrateFiles.isEmpty()) {
            problems.error(folder.toString(), 0, 0, "no .drl files under " + folder.resolve("narrate"));
        }
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        Phrases phrases = RuleFolderFiles.wording(folder, problems);
        List<DeclaredCode> codes = RuleFolderFiles.codes(folder.resolve(CODES), problems);
        Map<String, RuleModel.Source> sources = new LinkedHashMap<>();
        Map<String, SheetTable> tables = new LinkedHashMap<>();
        Deferred classify = build(folder, "classify", classifyFiles, problems, rules, sources, tables, trusted);
        Deferred narrate = build(folder, "narrate", narrateFiles, problems, rules, sources, tables, trusted);
        if (problems.hasErrors() || classify == null || narrate == null) {
            return null;
        }
        return new RuleBase(folder, classify, narrate, rules, phrases, codes, model(sources, rules),
                List.copyOf(sources.values()), tables, !trusted);
    }

    /**
     * The contract's reading of the files: from the cache when the same files (paths and texts) were read before
     * by this build, else parsed and filed there (see {@link RuleCache#loadModel}).
     */
    private static RuleModel model(Map<String, RuleModel.Source> sources, Map<String, RuleInfo> rules) {
        java.security.MessageDigest digest = sha256();
        digest.update(("model\u0000" + BUILD + "\u0000").getBytes(StandardCharsets.UTF_8));
        for (RuleModel.Source f : sources.values()) {
            for (String part : new String[] {f.path(), f.phase(), f.drl(), Boolean.toString(f.table())}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
        }
        String key = java.util.HexFormat.of().formatHex(digest.digest());
        return RuleCache.loadModel(key).orElseGet(() -> {
            RuleModel read = RuleModel.read(sources, rules);
            RuleCache.storeModel(key, read);
            return read;
        });
    }

    /**
     * A rule file as the compiler is given it: its resource name (path in the folder), text and file; a resource the
     * tool adds (a package's imports) has no file.
     */
    record Entry(String resource, String text, Path file) {
    }

    private static Deferred build(Path folder, String phase, List<Path> files, Problems problems,
                                 Map<String, RuleInfo> rules, Map<String, RuleModel.Source> sources,
                                 Map<String, SheetTable> tables, boolean trusted) {
        if (files.isEmpty()) {
            return null;
        }
        List<Entry> entries = new ArrayList<>();
        // errors of this phase's files only: an error elsewhere (the catalogue's, say) must not cost the cache
        long errorsBefore = problems.errorCount();
        for (Path f : files) {
            String rel = folder.relativize(f).toString().replace('\\', '/');
            if (rel.endsWith(EXCEL_TABLE)) {
                // Compiled to DRL here, and that DRL is what is checked, compiled (under a name of its own) and
                // keyed in the cache: a change to the sheet's look alone compiles nothing. Its problems are placed
                // back on the sheet's cells (SheetTable).
                SheetTable table = readSheet(f, problems);
                if (table == null) {
                    continue;
                }
                entries.add(new Entry(rel + ".drl", table.drl(), f));
                tables.put(f.toString(), table);
                indexSheet(phase, f, table, rules, problems);
                sources.put(f.toString(), new RuleModel.Source(f.toString(), phase, table.drl(), true));
                continue;
            }
            java.util.Optional<String> read = org.pcpassessor.input.TextFile.read(f, f.toString(),
                    org.pcpassessor.input.TextFile.RULES, problems);
            if (read.isEmpty()) {
                continue;
            }
            String text = read.get();
            String tableDrl = null;
            if (rel.endsWith(".drl.csv")) {
                // Drools' table reader fails with an exception, not a message, on a malformed table: read it here.
                try {
                    tableDrl = tableAsDrl(text);
                } catch (RuntimeException e) {
                    problems.error(f.toString(), 1, 0, "the decision table cannot be read: " + cleanTableMessage(e));
                    continue;
                }
                if (!tableDrl.contains("\nrule ")) {
                    problems.error(f.toString(), 1, 0, "the decision table makes no rule: it needs RuleSet and Import "
                            + "rows, a 'RuleTable NAME' row, then CONDITION/ACTION, fact, template and title rows, and "
                            + "one row per rule (see rules/classify/streaks.drl.csv)");
                    continue;
                }
            }
            entries.add(new Entry(rel, text, f));
            if (tableDrl != null) {
                int before = rules.size();
                indexTable(phase, f, text, rules, problems);
                if (rules.size() == before) {
                    problems.error(f.toString(), 1, 0, "the decision table has no rule rows: after 'RuleTable NAME' come "
                            + "the CONDITION/ACTION, fact, template and title rows, then one row per rule");
                    continue;
                }
                sources.put(f.toString(), new RuleModel.Source(f.toString(), phase, tableDrl, true));
            } else {
                index(phase, f, text, rules, problems);
                sources.put(f.toString(), new RuleModel.Source(f.toString(), phase, text, false));
            }
        }
        // a file could not be read: compile what there is for its messages, but remember nothing
        boolean remember = problems.errorCount() == errorsBefore;
        List<RuleModel.Source> own = sources.values().stream().filter(src -> src.phase().equals(phase)).toList();
        if (!trusted) {
            // before anything is compiled: the compiler itself loads classes a rule names (import accumulate)
            Problems unsafe = new Problems();
            RuleSafety.check(own, locator(rules, tables), unsafe);
            if (unsafe.hasErrors()) {
                unsafe.sorted().forEach(problems::add);
                return null;
            }
        }
        // Each file compiled on its own when none shares anything with another, so that an edit compiles one file
        // (about 60 ms, against a second for a phase of ten files); else the phase as one (see selfContained).
        List<List<Entry>> units = own.stream().allMatch(src -> selfContained(src.drl()))
                ? alone(entries, sources) : List.of(entries);
        List<Unit> compiled = new ArrayList<>();
        Problems failed = new Problems();
        for (List<Entry> unit : units) {
            Unit u = unit(folder, phase, unit, remember, failed, trusted, rules, tables);
            if (u != null) {
                compiled.add(u);
            }
        }
        if (failed.hasErrors()) {
            failed.sorted().forEach(problems::add);
            return null;
        }
        // the same modules give the same base: kept, with its sessions' pool, while the rules stay as they are
        synchronized (BASES) {
            return BASES.computeIfAbsent(List.copyOf(compiled), Deferred::new);
        }
    }

    /** Knowledge bases of this process, by their modules (each compared by identity); the few most recent kept. */
    private static final Map<List<Unit>, Deferred> BASES = Recent.map(6);

    /**
     * Each file as a module of its own, with the imports the other files of its package declare: Drools reads a
     * package's imports as the package's, so a rule may use a class another file of its package imports, as it did
     * when the phase was compiled as one. Those imports go in a resource of their own ({@link #SHARED_IMPORTS}),
     * whose messages are not reported: each import's own file reports it, at its line.
     */
    private static List<List<Entry>> alone(List<Entry> entries, Map<String, RuleModel.Source> sources) {
        Map<Entry, String> packageOf = new LinkedHashMap<>();
        Map<Entry, java.util.Set<String>> importsOf = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> byPackage = new LinkedHashMap<>();
        for (Entry e : entries) {
            RuleModel.Source source = sources.get(e.file().toString());
            Shape shape = shape(source == null ? e.text() : source.drl()); // none: a table that failed its checks
            packageOf.put(e, shape.pkg());
            importsOf.put(e, shape.imports());
            byPackage.computeIfAbsent(shape.pkg(), k -> new java.util.LinkedHashSet<>()).addAll(shape.imports());
        }
        List<List<Entry>> units = new ArrayList<>();
        for (Entry e : entries) {
            String pkg = packageOf.get(e);
            List<String> others = byPackage.get(pkg).stream().filter(i -> !importsOf.get(e).contains(i)).toList();
            if (others.isEmpty()) {
                units.add(List.of(e));
                continue;
            }
            String text = (pkg.isEmpty() ? "" : "package " + pkg + ";\n") + String.join("\n", others) + "\n";
            units.add(List.of(e, new Entry(SHARED_IMPORTS + (pkg.isEmpty() ? "default" : pkg) + ".drl", text, null)));
        }
        return units;
    }

    /** The resource name of a file's module's imports from the other files of its package. */
    private static final String SHARED_IMPORTS = "pcp-imports-of-the-package/";
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*(import\\s[^;\\n]*;?)");

    /**
     * Statements that reach beyond their own file (a function, type, global, query or window declared for the
     * whole package, a rule extending another): a phase with any of them is compiled as one module.
     */
    private static final Pattern SHARED = Pattern.compile(
            "(?m)^\\s*(?:function|declare|global|query|window|unit)\\b|\\brule\\s+(?:\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|\\S+)"
                    + "\\s+extends\\b");

    /** Whether a rule text declares nothing another file could use (comments and strings aside). */
    static boolean selfContained(String drl) {
        return shape(drl).selfContained();
    }

    /**
     * What a rule text declares that decides how it is compiled: its package, its imports (each ending in ';'), and
     * whether it is {@link #selfContained}.
     */
    private record Shape(String pkg, java.util.Set<String> imports, boolean selfContained) {
    }

    /**
     * The shape of a rule text, kept for the texts last seen: a watch reads its rules folder again at every edit of
     * it, and most of its files are as they were (the {@value #SHAPES_KEPT} most recent kept).
     */
    private static Shape shape(String drl) {
        Shape kept = SHAPES.get(drl);
        if (kept != null) {
            return kept;
        }
        String blank = RuleSafety.blank(drl);
        Matcher p = PACKAGE.matcher(blank);
        String pkg = p.find() ? p.group(1) : "";
        java.util.Set<String> imports = new java.util.LinkedHashSet<>();
        for (Matcher i = IMPORT.matcher(blank); i.find(); ) {
            String statement = drl.substring(i.start(1), i.end(1)).strip();
            imports.add(statement.endsWith(";") ? statement : statement + ";");
        }
        Shape shape = new Shape(pkg, java.util.Collections.unmodifiableSet(imports), !SHARED.matcher(blank).find());
        SHAPES.put(drl, shape); // two threads that both made it put the same shape
        return shape;
    }

    private static final int SHAPES_KEPT = 256;
    private static final Map<String, Shape> SHAPES = Recent.map(SHAPES_KEPT);

    /**
     * One compiled module (a file, or the phase when its files share declarations): from this process's memory,
     * else the cache, else the compiler. {@code remember} false (a file could not be read): nothing is kept.
     */
    private static Unit unit(Path folder, String phase, List<Entry> entries, boolean remember, Problems problems,
                             boolean trusted, Map<String, RuleInfo> rules, Map<String, SheetTable> tables) {
        java.security.MessageDigest digest = sha256();
        digest.update((phase + "\u0000" + BUILD + "\u0000").getBytes(StandardCharsets.UTF_8));
        for (Entry e : entries) {
            for (String part : new String[] {e.resource(), e.text()}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
        }
        String key = remember ? java.util.HexFormat.of().formatHex(digest.digest()) : null;
        // a module compiled for trusted rules is never handed to an untrusted run: its classes were not checked
        String memory = key == null ? null : key + (trusted ? "/trusted" : "");
        Unit cached = memory == null ? null : COMPILED.get(memory);
        // a file edited in this process is compiled a rule at a time (RulePatch); not for trusted rules, whose modules
        // were not checked against the rule API and so are never mixed with checked ones
        Entry file = trusted ? null : ruleFile(entries);
        if (cached != null) {
            if (file != null) {
                RulePatch.remember(folder, phase, file, others(entries, file), cached);
            }
            return cached;
        }
        // A release of its own per key: the executable model names its generated classes after it.
        ReleaseId releaseId = KieServices.Factory.get().newReleaseId("org.pcpassessor.rules", phase,
                key == null ? "0." + System.nanoTime() : "1." + key);
        java.util.Optional<RuleCache.Loaded> loaded = key == null ? java.util.Optional.empty()
                : RuleCache.load(phase, key, releaseId);
        Unit unit = null;
        if (loaded.isPresent()) {
            if (!trusted && !loaded.get().checked()) {
                if (!compiledWithin(loaded.get().jar(), rules, folder, problems)) {
                    return null;
                }
                RuleCache.markChecked(phase, key);
            }
            unit = new Unit(loaded.get().module(), loaded.get().jar());
        }
        if (unit == null && memory != null && file != null) {
            // a file edited in this process: only its changed rules compiled (RulePatch)
            Problems warnings = new Problems();
            unit = RulePatch.patch(folder, phase, file, others(entries, file),
                    alone -> compileAlone(folder, phase, alone, trusted, rules, tables, warnings)).orElse(null);
            if (unit != null) {
                warnings.sorted().forEach(problems::add); // the changed rules' warnings, as a whole compile says them
            }
        }
        if (unit == null) {
            unit = compile(folder, phase, entries, key, releaseId, tables, problems, trusted, rules, true);
            if (unit == null) {
                return null;
            }
        }
        if (memory != null) {
            COMPILED.put(memory, unit);
            if (file != null) {
                RulePatch.remember(folder, phase, file, others(entries, file), unit);
            }
        }
        return unit;
    }

    /**
     * The rule file (.drl) a module is made of, when it is one self-contained file's (with its package's imports),
     * else null.
     */
    private static Entry ruleFile(List<Entry> entries) {
        List<Entry> files = entries.stream().filter(e -> e.file() != null).toList();
        // a file that is not self-contained (a function, a rule extending another) is compiled with what it declares
        return files.size() == 1 && files.get(0).file().getFileName().toString().endsWith(".drl")
                && files.get(0).resource().endsWith(".drl") && selfContained(files.get(0).text()) ? files.get(0) : null;
    }

    private static List<Entry> others(List<Entry> entries, Entry file) {
        return entries.stream().filter(e -> e != file).toList();
    }

    /**
     * A module of {@code entries} (a rule compiled alone: {@link RulePatch}), checked like any and kept nowhere, its
     * warnings added to {@code warnings}; null when it has errors, which are left for the whole file's compile to
     * report.
     */
    private static Unit compileAlone(Path folder, String phase, List<Entry> entries, boolean trusted,
                                     Map<String, RuleInfo> rules, Map<String, SheetTable> tables, Problems warnings) {
        ReleaseId releaseId = KieServices.Factory.get().newReleaseId("org.pcpassessor.rules", phase,
                "0." + System.nanoTime());
        Problems scratch = new Problems();
        Unit unit = compile(folder, phase, entries, null, releaseId, tables, scratch, trusted, rules, false);
        if (scratch.hasErrors()) {
            return null;
        }
        scratch.sorted().forEach(warnings::add);
        return unit;
    }

    /**
     * {@code entries} given to the compiler as one module named {@code releaseId}: written only when compiled, not
     * for a module found in memory or the cache.
     */
    private static Unit compile(Path folder, String phase, List<Entry> entries, String key, ReleaseId releaseId,
                                Map<String, SheetTable> tables, Problems problems, boolean trusted,
                                Map<String, RuleInfo> rules, boolean explain) {
        KieFileSystem kfs = KieServices.Factory.get().newKieFileSystem();
        Map<String, Path> byResource = new LinkedHashMap<>();
        for (Entry e : entries) {
            kfs.write(RESOURCES + e.resource(), e.text());
            if (e.file() != null) {
                byResource.put(e.resource(), e.file());
            }
        }
        kfs.generateAndWritePomXML(releaseId);
        return compile(folder, phase, key, kfs, releaseId, byResource, tables, problems, trusted, rules, explain);
    }

    /** The tool's build and the engine's version, part of every key (see {@link RuleCache}). */
    private static final String BUILD = RuleCache.buildIdentity();

    /**
     * Compiles one module (a rule file, or a phase whose files share declarations) to Drools' executable model (the
     * rules as Java classes, which is what {@link RuleCache} keeps) and files it in the cache under {@code key} (not
     * when null: a file could not be read). Drools' repository of modules is left as it was: a long watch session
     * does not hold every earlier build of the rules. When that compiler reports errors and {@code explain} is set,
     * the same files are compiled again by the DRL compiler, whose messages name the file, line and column of the
     * mistake, and those are the ones reported; without it, only that the rules cannot be compiled (a rule compiled
     * alone, whose file is then compiled whole: {@link RulePatch}).
     */
    private static Unit compile(Path folder, String phase, String key, KieFileSystem kfs, ReleaseId releaseId,
                                   Map<String, Path> byResource, Map<String, SheetTable> tables, Problems problems,
                                   boolean trusted, Map<String, RuleInfo> rules, boolean explain) {
        KieServices ks = KieServices.Factory.get();
        KieBuilder builder;
        RuntimeException failure = null;
        try {
            builder = ks.newKieBuilder(kfs).buildAll(org.drools.model.codegen.ExecutableModelProject.class);
        } catch (RuntimeException e) {
            builder = null;
            failure = e;
        }
        if (!explain && (builder == null || builder.getResults().hasMessages(Message.Level.ERROR))) {
            problems.error(folder.toString(), 0, 0, "the " + phase + " rules cannot be compiled");
            ks.getRepository().removeKieModule(releaseId);
            return null;
        }
        if (builder == null || builder.getResults().hasMessages(Message.Level.ERROR)) {
            Problems drl = new Problems();
            try {
                report(folder, ks.newKieBuilder(kfs).buildAll().getResults().getMessages(), byResource, tables, drl);
            } catch (RuntimeException e) {
                drl.error(folder.toString(), 0, 0, "the " + phase + " rules cannot be compiled: "
                        + CompilerMessages.clean(String.valueOf(e.getMessage())));
            }
            if (!drl.hasErrors() && builder != null) {
                report(folder, builder.getResults().getMessages(), byResource, tables, drl);
            } else if (!drl.hasErrors()) {
                // the executable model's own parser refused what the DRL parser took: its message is all there is
                // (a field named like a DRL keyword, `unit == "calls"`, is one such case)
                String files = String.join(", ", new java.util.TreeSet<>(byResource.values().stream()
                        .map(Path::toString).toList()));
                drl.error(byResource.size() == 1 ? files : folder.toString(), 0, 0, "the " + phase + " rules cannot be "
                        + "compiled" + (failure == null ? "" : ": " + CompilerMessages.clean(firstLine(failure)))
                        + (byResource.size() > 1 ? " (in one of " + files + ")" : ""));
            }
            drl.sorted().forEach(problems::add);
            ks.getRepository().removeKieModule(releaseId);
            return null;
        }
        if (report(folder, builder.getResults().getMessages(), byResource, tables, problems)) {
            ks.getRepository().removeKieModule(releaseId);
            return null;
        }
        byte[] jar = builder.getKieModule() instanceof org.drools.compiler.kie.builder.impl.InternalKieModule internal
                ? internal.getBytes() : null;
        if (!trusted && (jar == null || !compiledWithin(jar, rules, folder, problems))) {
            if (jar == null) {
                problems.error(folder.toString(), 0, 0, "the " + phase + " rules compiled to a module that cannot be "
                        + "read back to check it");
            }
            ks.getRepository().removeKieModule(releaseId);
            return null;
        }
        // The module made again from its jar, as the cache makes it: the same classes and engine either way.
        java.util.Optional<org.drools.modelcompiler.CanonicalKieModule> module = jar == null
                ? java.util.Optional.empty() : RuleCache.module(releaseId, jar);
        ks.getRepository().removeKieModule(releaseId);
        if (module.isEmpty()) {
            problems.error(folder.toString(), 0, 0, "the " + phase + " rules compiled to a module that cannot be "
                    + "read back");
            return null;
        }
        Unit base = new Unit(module.get(), jar);
        if (key != null) {
            RuleCache.store(phase, key, jar);
            if (!trusted) {
                RuleCache.markChecked(phase, key); // its classes were checked above
            }
        }
        return base;
    }

    /** The first line of an exception's message (a parser's runs on with its stack), or its class. */
    private static String firstLine(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip().lines().findFirst().orElse(m);
    }

    /** Finds a table's or file's rule by its package and name, for the trust check's messages. */
    private static RuleSafety.RuleLocator locator(Map<String, RuleInfo> rules, Map<String, SheetTable> tables) {
        return new RuleSafety.RuleLocator() {
            @Override
            public java.util.Optional<String> cell(RuleModel.Source source, int index) {
                return cellOf(tables, source, index);
            }

            @Override
            public java.util.Optional<String> packageOf(String rule) {
                List<String> packages = rules.values().stream().filter(r -> r.name().equals(rule))
                        .map(RuleInfo::rulePackage).distinct().toList();
                return packages.size() == 1 ? java.util.Optional.of(packages.get(0)) : java.util.Optional.empty();
            }

            @Override
            public Location source(String rulePackage, String rule) {
                RuleInfo info = rules.get(key(rulePackage, rule));
                return info == null ? Location.of("rules") : info.source();
            }
        };
    }

    /**
     * Whether every class compiled from the rules stays within the rule API ({@link CompiledCheck}); each reference
     * outside it is an error at the rule's file:line (or the rules folder, for a class no rule names).
     */
    private static boolean compiledWithin(byte[] jar, Map<String, RuleInfo> rules, Path folder, Problems problems) {
        List<CompiledCheck.Violation> found;
        try {
            found = CompiledCheck.check(jar);
        } catch (java.io.IOException | RuntimeException e) {
            problems.error(folder.toString(), 0, 0, "the compiled rules cannot be read to check them: " + e.getMessage());
            return false;
        }
        java.util.Set<String> said = new java.util.HashSet<>();
        for (CompiledCheck.Violation v : found) {
            RuleInfo info = v.rule().map(r -> rules.get(key(v.rulePackage().orElse(""), r))).orElse(null);
            Location at = info == null ? Location.of(folder.toString()) : info.source();
            String who = v.rule().map(r -> "rule '" + r + "'").orElse("the compiled rules (" + v.className() + ")");
            if (said.add(at + v.reference())) {
                problems.error(at.file(), at.line(), at.column(), who + " calls " + v.reference() + ", which is outside "
                        + "the rule API; remove it, or run with --trust-rules if you trust the rules' author (README: "
                        + "rules are code)");
            }
        }
        return found.isEmpty();
    }

    /** One of the compiler's messages as it is reported: where, and the cleaned text ({@link CompilerMessages}). */
    private record Said(String where, int line, int column, boolean error, String text) {
    }

    /** Drools' message after another at the same line that says what could not be analysed, and why. */
    private static final String UNABLE_TO_ANALYZE = "Unable to analyze expression";

    /**
     * Adds the compiler's messages at their file:line:column; true when one is an error. Each is said once: the
     * compiler reports some mistakes twice at one place (a field a fact does not have, once per builder), and
     * follows the message that says why with "Unable to analyze expression", which is left out when another error
     * at its line is said.
     */
    private static boolean report(Path folder, List<Message> messages, Map<String, Path> byResource,
                                  Map<String, SheetTable> tables, Problems problems) {
        List<Said> said = new ArrayList<>();
        boolean errors = collect(folder, messages, byResource, tables, said);
        java.util.Set<String> explained = new java.util.HashSet<>();
        for (Said m : said) {
            if (m.error() && !m.text().startsWith(UNABLE_TO_ANALYZE)) {
                explained.add(m.where() + "\u0000" + m.line());
            }
        }
        for (Said m : new java.util.LinkedHashSet<>(said)) {
            if (m.error() && m.text().startsWith(UNABLE_TO_ANALYZE) && m.line() > 0
                    && explained.contains(m.where() + "\u0000" + m.line())) {
                continue;
            }
            if (m.error()) {
                problems.error(m.where(), m.line(), m.column(), m.text());
            } else {
                problems.warning(m.where(), m.line(), m.column(), m.text());
            }
        }
        return errors;
    }

    /** The compiler's messages as {@link #report} says them, in its order; true when one is an error. */
    private static boolean collect(Path folder, List<Message> messages, Map<String, Path> byResource,
                                   Map<String, SheetTable> tables, List<Said> said) {
        boolean errors = false;
        java.util.Set<String> located = new java.util.HashSet<>();
        for (Message m : messages) {
            if (m.getLine() > 0 && m.getPath() != null) {
                located.add(m.getPath());
            }
        }
        for (Message m : messages) {
            if (m.getLine() <= 0 && located.contains(m.getPath()) && m.getLevel() == Message.Level.ERROR) {
                errors = true;
                continue; // "Parser returned a null Package" and the like: the located message already says why
            }
            String path = m.getPath() == null ? "" : m.getPath();
            // Drools names the resource relative to the KieFileSystem's resources root.
            String rel = path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path;
            if (rel.startsWith(SHARED_IMPORTS)) {
                errors |= m.getLevel() == Message.Level.ERROR; // said by the file whose import it is
                continue;
            }
            Path file = byResource.get(rel);
            String where = file == null ? folder.toString() : file.toString();
            String text = CompilerMessages.clean(m.getText() == null ? "" : m.getText());
            int line = Math.max(0, m.getLine());
            int column = Math.max(0, m.getColumn());
            SheetTable table = file == null ? null : tables.get(file.toString());
            if (table != null) {
                text = onSheet(table, m, text);
                line = 0; // the generated DRL's line and column mean nothing to the sheet's reader
                column = 0;
            }
            if (m.getLevel() == Message.Level.ERROR) {
                errors = true;
                said.add(new Said(where, line, column, true, text));
            } else if (m.getLevel() == Message.Level.WARNING) {
                said.add(new Said(where, line, column, false, text));
            }
        }
        return errors;
    }

    /**
     * Modules compiled in this process, by the SHA-256 of their phase, file names and texts: the same rules in
     * another folder, or unchanged since the last compile (watch, a test suite), are not compiled again. A module
     * depends on nothing but those texts (the facts' classes are the tool's own); the most recent are kept, enough
     * for a few rule folders of a file per module.
     */
    private static final Map<String, Unit> COMPILED = Recent.map(96);

    /** Forgets the modules compiled in this process, so that the next compile goes to the disk cache (tests). */
    static void forgetCompiled() {
        COMPILED.clear();
        RulePatch.forget();
        synchronized (BASES) {
            BASES.clear();
        }
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Finds each rule's declaration line by reading the file: Drools keeps the resource but not the line. */
    private static void index(String phase, Path file, String text, Map<String, RuleInfo> rules,
                              Problems problems) {
        index(phase, file, text, line -> line, rules, problems);
    }

    /**
     * Finds each rule's declaration in a rule text, at the place {@code placeOf} gives its line (1-based): the line
     * itself for a rule file, the row of the table that made it for a table's DRL; a rule it places nowhere (null)
     * is not indexed.
     */
    private static void index(String phase, Path file, String text,
                              java.util.function.IntFunction<Integer> placeOf, Map<String, RuleInfo> rules,
                              Problems problems) {
        String pkg = "";
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].contains("package") && !lines[i].contains("rule")) {
                continue; // neither pattern can match: most lines, kept out of the regular expressions
            }
            Matcher p = PACKAGE.matcher(lines[i]);
            if (p.find()) {
                pkg = p.group(1);
                continue;
            }
            Matcher r = RULE.matcher(lines[i]);
            Integer place = placeOf.apply(i + 1);
            if (place != null && r.find()) {
                String name = r.group(1) != null ? r.group(1).replace("\\\"", "\"")
                        : r.group(2) != null ? r.group(2) : r.group(3);
                declare(rules, new RuleInfo(phase, pkg, name, Location.of(file.toString(), place)), problems);
            }
        }
    }

    /** The DRL a CSV decision table compiles to (Drools' own SpreadsheetCompiler); throws when it cannot. */
    private static String tableAsDrl(String csv) {
        try (var in = new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))) {
            return new org.drools.decisiontable.SpreadsheetCompiler().compile(in,
                    org.drools.decisiontable.InputType.CSV);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String cleanTableMessage(RuntimeException e) {
        String m = String.valueOf(e.getMessage()).replaceFirst("^\\[[^\\]]*\\]\\s*", "");
        return CompilerMessages.clean(m.isBlank() || m.equals("null") ? "it is not a decision table" : m);
    }

    /** Each rule file as read (decision tables as the DRL they compile to), for the checks that read the code. */
    List<RuleModel.Source> sources() {
        return sources;
    }

    /** The rules as the contract check reads them. */
    public RuleModel model() {
        return model;
    }

    /**
     * Rule files: DRL, and decision tables in CSV ({@code *.drl.csv}) or Excel ({@code *.drl.xlsx}), but not the
     * lock file Excel keeps beside a workbook it has open ({@code ~$streaks.drl.xlsx}).
     */
    public static boolean isRuleFile(String name) {
        return name.endsWith(".drl") || name.endsWith(".drl.csv")
                || name.endsWith(EXCEL_TABLE) && !name.startsWith("~$");
    }

    /**
     * Whether a file in a rules folder is read by {@link #compile}: a rule file, or the YAML read beside them (the
     * wording files, {@code phrases.yaml}, {@code codes.yaml}). An edit to any of them is a change of the rules.
     */
    public static boolean isRuleFolderFile(String name) {
        return isRuleFile(name) || name.endsWith(".yaml");
    }

    /** An Excel workbook's decision table, read from its first sheet (Drools reads no other). */
    private static SheetTable readSheet(Path file, Problems problems) {
        java.util.Optional<byte[]> bytes = org.pcpassessor.input.TextFile.readBytes(file, file.toString(),
                org.pcpassessor.input.TextFile.RULES, problems);
        if (bytes.isEmpty()) {
            return null;
        }
        SheetTable table;
        try {
            table = SheetTable.read(bytes.get());
        } catch (SheetTable.BadTable e) {
            problems.error(file.toString(), 0, 0, e.getMessage());
            return null;
        }
        if (table.ruleRows().isEmpty()) {
            problems.error(file.toString(), 0, 0, "sheet '" + table.sheet() + "': the decision table makes no rule: "
                    + "it needs RuleSet and Import rows, a 'RuleTable NAME' row, then CONDITION/ACTION, fact, template "
                    + "and title rows, and one row per rule (see rules/classify/streaks.drl.csv)");
            return null;
        }
        return table;
    }

    /** An Excel table's rules, each at the row that makes it (file:row, as a CSV table's at its line). */
    private static void indexSheet(String phase, Path file, SheetTable table, Map<String, RuleInfo> rules,
                                   Problems problems) {
        Map<Integer, Integer> rows = table.ruleRows();
        index(phase, file, table.drl(), line -> rows.get(line), rules, problems);
    }

    /** A compiler message about an Excel table's DRL, placed on the sheet's cell it came from. */
    private static String onSheet(SheetTable table, Message m, String text) {
        return table.describe(m.getLine(), Math.max(0, m.getColumn()), text);
    }

    /** Where the code at {@code index} of an Excel table's DRL came from, when the source is one. */
    private static java.util.Optional<String> cellOf(Map<String, SheetTable> tables, RuleModel.Source source,
                                                     int index) {
        SheetTable table = tables.get(source.path());
        if (table == null || index < 0 || index > table.drl().length()) {
            return java.util.Optional.empty();
        }
        String before = table.drl().substring(0, index);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = index - (before.lastIndexOf('\n') + 1);
        return java.util.Optional.of(table.place(line, column, "").where());
    }

    /** As {@link #cellOf(Map, RuleModel.Source, int)}, for this base's tables. */
    java.util.Optional<String> cell(RuleModel.Source source, int index) {
        return cellOf(tables, source, index);
    }

    /**
     * A decision table's rules are named after the table and the row that makes them ("Runs_10" for row 10), so
     * each data row of each table is indexed at its own line.
     */
    private static void indexTable(String phase, Path file, String text, Map<String, RuleInfo> rules,
                                   Problems problems) {
        String[] lines = text.split("\n", -1);
        String pkg = "";
        String table = null;
        int dataFrom = Integer.MAX_VALUE;
        for (int i = 0; i < lines.length; i++) {
            String first = firstCell(lines[i]);
            if (first.equals("RuleSet")) {
                pkg = secondCell(lines[i]);
            } else if (first.startsWith("RuleTable ")) {
                table = first.substring("RuleTable ".length()).strip();
                dataFrom = i + 5; // CONDITION/ACTION, object types, templates, column titles, then one rule a row
            } else if (table != null && i >= dataFrom && !lines[i].replace(",", "").isBlank()) {
                String name = table + "_" + (i + 1);
                declare(rules, new RuleInfo(phase, pkg, name, Location.of(file.toString(), i + 1)), problems);
            } else if (table != null && i >= dataFrom) {
                table = null;
            }
        }
    }

    /**
     * Indexes a rule at its declaration. A name declared again in another file of the same package and phase is an
     * error here: each file may be compiled on its own, where the compiler would not see the two (a name declared
     * twice in one file is the compiler's to report).
     */
    private static void declare(Map<String, RuleInfo> rules, RuleInfo rule, Problems problems) {
        RuleInfo before = rules.putIfAbsent(key(rule.rulePackage(), rule.name()), rule);
        if (before != null && before.phase().equals(rule.phase())
                && !before.source().file().equals(rule.source().file())) {
            problems.error(rule.source().file(), rule.source().line(), 0, "rule '" + rule.name() + "' is declared "
                    + "again: package " + rule.rulePackage() + " already has a rule of that name at " + before.source()
                    + "; give one of them another name");
        }
    }

    private static String firstCell(String line) {
        String l = line.strip();
        int comma = l.indexOf(',');
        return (comma < 0 ? l : l.substring(0, comma)).replace("\"", "").strip();
    }

    private static String secondCell(String line) {
        String[] cells = line.split(",", 3);
        return cells.length < 2 ? "" : cells[1].replace("\"", "").strip();
    }

    static String key(String rulePackage, String name) {
        return rulePackage + "\u0000" + name;
    }

    public Path folder() {
        return folder;
    }

    /** The classify phase's knowledge base, made on first use (see {@link Deferred}). */
    KieBase classify() {
        return classify.get();
    }

    /** The narrate phase's knowledge base, made on first use. */
    KieBase narrate() {
        return narrate.get();
    }

    /**
     * A new session of the phase ("classify" or "narrate"): from the phase's pool when {@code pooled} (see
     * {@link Deferred#session}), else made afresh.
     */
    public org.kie.api.runtime.KieSession session(String phase, boolean pooled) {
        Deferred d = phase.equals("classify") ? classify : narrate;
        return pooled ? d.session() : d.get().newKieSession();
    }

    /**
     * Starts making both knowledge bases on a thread of their own, so that they are made while the contract is
     * checked and the statistics are computed rather than when the first rule session needs them (about 50 ms of a
     * cold run). For the caller to call once the trust check ({@link RuleSafety}) has passed: what making a base runs
     * (see {@link Deferred}) is then code the rules could run in a session. A failure there is left for the session,
     * which makes the base again under its guard and reports the rule; a base still being made when a session needs
     * it is waited for, within the session's time limit. Once started, this does nothing.
     */
    public void prepare() {
        if (!preparing.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            for (Deferred d : List.of(classify, narrate)) {
                try {
                    d.get();
                } catch (Throwable e) { // whatever it was, the session meets it again under its guard
                    return; // and says what failed; nothing is printed from here
                }
            }
        }, "pcp-rules-prepare");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The work with the rule cache on disk left alone ({@code pcp.cache}): for a throwaway copy of a rules folder,
     * whose compiled modules and models would be filed under paths no later run has, pushing out the ones kept.
     */
    public static <T> T withoutDiskCache(java.util.function.Supplier<T> work) {
        return RuleCache.without(work);
    }

    /**
     * Compiles the largest of this base's rule files ({@link #WARM_COMPILES} of them) again on a thread of its own,
     * as one module that is thrown away: the compiler's classes are loaded and its code warmed while {@code watch}
     * waits for an edit, so that the first rule edit compiles as fast as later ones (the first compile of a process
     * took 1.6 s where later ones took 0.2 s, and 0.1 s once the JVM had compiled the compiler). The files are ones
     * this base was made from, so ones the rule API check passed; nothing compiled here is kept, checked or run.
     * Once a process: what it warms is the JVM's, not this base's (a watch makes a new base at every edit of the rules
     * folder, and warming again after each took the other core for 0.5 to 1 s, while the next edit could be running).
     */
    public void warmCompiler() {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        // the largest files first; several compiles, as the JVM compiles the compiler's own code only once it has run
        // a while (the first rule edits took 250 to 300 ms to compile their file after one warm compile, 100 ms later)
        List<RuleModel.Source> largest = sources.stream().filter(src -> !src.table())
                .sorted(java.util.Comparator.comparingInt((RuleModel.Source src) -> -src.drl().length()))
                .limit(WARM_COMPILES).toList();
        if (largest.isEmpty()) {
            WARMED.set(true);
            return;
        }
        Thread t = new Thread(() -> {
            // one module of the files: the compiler's code runs as long as for each alone, without a second
            // module's fixed cost, and the warm-up ends about 0.1 s sooner (docs/performance.md)
            KieServices ks = KieServices.Factory.get();
            ReleaseId releaseId = ks.newReleaseId("org.pcpassessor.rules", "warm", "0." + System.nanoTime());
            try {
                KieFileSystem kfs = ks.newKieFileSystem();
                for (int i = 0; i < largest.size(); i++) {
                    kfs.write(RESOURCES + "warm" + i + ".drl", largest.get(i).drl());
                }
                kfs.generateAndWritePomXML(releaseId);
                ks.newKieBuilder(kfs).buildAll(org.drools.model.codegen.ExecutableModelProject.class);
            } catch (RuntimeException e) {
                // only a warm-up: a real compile reports what is wrong
            } finally {
                ks.getRepository().removeKieModule(releaseId);
                WARMED.set(true); // whatever ended it (an Error too): watch waits for it before its warm runs
            }
        }, "pcp-rules-warm");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * How many rule files {@link #warmCompiler} compiles. Two: with four, a wording edit saved half a second after the
     * first draft met the warm-up still running on the other core (452 to 562 ms to the page's reload, against 369 to
     * 407 ms with two), and the first rule edit was no faster (516 to 540 ms, against 469 to 542 ms; 2026-12-07,
     * bench/watch-serve-latency.sh, docs/performance.md).
     */
    static final int WARM_COMPILES = 2;

    /** Whether {@link #warmCompiler} has finished (false before it starts). */
    public boolean compilerWarm() {
        return WARMED.get();
    }

    /** Set once {@link #warmCompiler} has finished, in this process. */
    private static final java.util.concurrent.atomic.AtomicBoolean WARMED =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** Set once {@link #warmCompiler} has started, in this process. */
    private static final java.util.concurrent.atomic.AtomicBoolean WARMING =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * A compiled phase whose knowledge base is made on first use: by {@link #prepare}'s thread once the trust check
     * has passed, or else inside a rule session's guarded thread ({@link org.pcpassessor.rules.run.RuleRun}). Making it runs rule code: the
     * executable model evaluates a condition that reads no fact, such as {@code eval( check() )}, while it builds
     * the rule. Deferred, that code runs after the trust check of the rule files; a failure is made again and
     * reported by the session as its rule's, and one that never ends keeps the session waiting until its time
     * limit, which reports it.
     */
    static final class Deferred {
        private final List<Unit> units;
        private KieBase base;
        /** Drools' pool of reset sessions of the base, made by the first {@link #session}. */
        private volatile org.kie.api.runtime.KieSessionsPool pool;

        Deferred(List<Unit> units) {
            this.units = List.copyOf(units);
        }

        /** The rule (package, name) a compiled class was made from, when a module's jar tells. */
        java.util.Optional<String[]> ruleOfClass(String binaryName) {
            for (Unit u : units) {
                java.util.Optional<String[]> r = u.ruleOfClass(binaryName);
                if (r.isPresent()) {
                    return r;
                }
            }
            return java.util.Optional.empty();
        }

        /**
         * The knowledge base of every module's rules, in file order. Made from the modules' models, not a container:
         * a phase compiled a file at a time is several modules, and one base holds them all.
         */
        synchronized KieBase get() {
            if (base == null) {
                List<org.drools.model.Model> models = new ArrayList<>();
                for (Unit u : units) {
                    models.addAll(u.models());
                }
                // A phase compiled as one module may declare types: its classes are the module's own.
                ClassLoader loader = units.size() == 1 && units.get(0).module() != null
                        ? units.get(0).module().getModuleClassLoader()
                        : RuleBase.class.getClassLoader();
                base = org.drools.modelcompiler.KieBaseBuilder.createKieBaseFromModel(models,
                        org.drools.core.impl.RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader));
            }
            return base;
        }

        /**
         * A session of the knowledge base from Drools' pool: a session disposed of goes back to it, reset (its facts,
         * agenda, listeners and fact numbering cleared; the memories of its network's nodes kept for the next), so a
         * run of many small sessions does not make every node's memory again for each (2,784 sessions at 12,876
         * series in 4,292 measures). Drools resets a session whatever its last run did, a rule's failure included.
         * A reset session keeps what its memories grew to, so only small sessions are pooled ({@link org.pcpassessor.rules.run.RuleRun}).
         */
        org.kie.api.runtime.KieSession session() {
            org.kie.api.runtime.KieSessionsPool p = pool;
            if (p == null) {
                synchronized (this) {
                    if (pool == null) {
                        pool = get().newKieSessionsPool(2);
                    }
                    p = pool;
                }
            }
            return p.newKieSession();
        }
    }

    /**
     * One compiled module: a rule file's (or a whole phase's) executable model, and the jar it was read from. Its
     * models are read on first use, by the knowledge base made from it (reading them runs rule code; see
     * {@link Deferred}).
     */
    static final class Unit {
        /** The compiled module; null for a file's rules taken from several modules ({@link #patched}). */
        private final org.drools.modelcompiler.CanonicalKieModule module;
        /** The compiled module's jar, read again only to find the rule of a class on a failure's stack. */
        private final byte[] jar;
        /** Of a patched unit: each of its rules, in the file's order, as a rule of a compiled module. */
        private final List<Piece> pieces;
        private java.util.Collection<org.drools.model.Model> models;
        /** The rule of each compiled class, by binary name: made on the first failure that needs it. */
        private volatile Map<String, String[]> rulesOfClasses;

        /** The rule at {@code index} of a compiled module's model (one model: a file's, of one package). */
        record Piece(Unit from, int index) {
            Piece {
                if (from.module == null) {
                    throw new IllegalArgumentException("a piece is a rule of a compiled module");
                }
            }
        }

        Unit(org.drools.modelcompiler.CanonicalKieModule module, byte[] jar) {
            this.module = java.util.Objects.requireNonNull(module, "module");
            this.jar = jar;
            this.pieces = null;
        }

        private Unit(List<Piece> pieces) {
            this.module = null;
            this.jar = null;
            this.pieces = List.copyOf(pieces);
        }

        /** A file's rules taken from the modules that compiled them (see {@link RulePatch}), in the file's order. */
        static Unit patched(List<Piece> pieces) {
            return new Unit(pieces);
        }

        /** The compiled module, or null when the unit's rules come from several ({@link #patched}). */
        org.drools.modelcompiler.CanonicalKieModule module() {
            return module;
        }

        /**
         * The unit's rules as pieces, when they are the rules named (in that order) and the unit is one model of
         * rules alone, whose model was read already (reading it runs rule code: see {@link Deferred}); else null.
         */
        synchronized List<Piece> pieces(List<String> names) {
            if (pieces != null) {
                return pieces.size() == names.size() ? pieces : null;
            }
            if (models == null || models.size() != 1) {
                return null;
            }
            org.drools.model.Model model = models.iterator().next();
            if (!model.getGlobals().isEmpty() || !model.getQueries().isEmpty()
                    || !model.getRules().stream().map(org.drools.model.Rule::getName).toList().equals(names)) {
                return null;
            }
            List<Piece> each = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                each.add(new Piece(this, i));
            }
            return each;
        }

        synchronized java.util.Collection<org.drools.model.Model> models() {
            if (models == null) {
                models = module != null ? RuleCache.models(module) : List.of(joined());
            }
            return models;
        }

        /** A patched unit's rules as one model: its pieces' rules in order, their modules' type metadata. */
        private org.drools.model.Model joined() {
            List<org.drools.model.Rule> rules = new ArrayList<>();
            java.util.Set<Unit> from = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            org.drools.model.impl.ModelImpl joined = null;
            for (Piece p : pieces) {
                java.util.Collection<org.drools.model.Model> of = p.from().models();
                if (of.size() != 1) {
                    throw new IllegalStateException("a rule compiled alone made " + of.size() + " models");
                }
                org.drools.model.Model model = of.iterator().next();
                if (joined == null) {
                    joined = new org.drools.model.impl.ModelImpl(model.getName());
                }
                rules.add(model.getRules().get(p.index()));
                if (from.add(p.from())) {
                    model.getTypeMetaDatas().forEach(joined::addTypeMetaData);
                }
            }
            return java.util.Objects.requireNonNull(joined, "no rules").withRules(rules);
        }

        java.util.Optional<String[]> ruleOfClass(String binaryName) {
            if (pieces != null) {
                java.util.Set<Unit> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                for (Piece p : pieces) {
                    if (seen.add(p.from())) {
                        java.util.Optional<String[]> r = p.from().ruleOfClass(binaryName);
                        if (r.isPresent()) {
                            return r;
                        }
                    }
                }
                return java.util.Optional.empty();
            }
            Map<String, String[]> map = rulesOfClasses;
            if (map == null) {
                try {
                    map = CompiledCheck.rules(jar);
                } catch (java.io.IOException | RuntimeException e) {
                    map = Map.of();
                }
                rulesOfClasses = map;
            }
            return java.util.Optional.ofNullable(map.get(binaryName));
        }
    }

    /** Where a rule is declared, or the folder when it cannot be found. */
    public Location source(String rulePackage, String name) {
        RuleInfo info = rules.get(key(rulePackage, name));
        return info == null ? Location.of(folder.toString()) : info.source();
    }

    /** Whether the rules were compiled as untrusted ones: their text and classes passed the rule API check. */
    private final boolean checked;

    /** Whether the rules passed the rule API check when compiled (they were not compiled as trusted). */
    public boolean checked() {
        return checked;
    }

    /** The rule a class compiled from the rules was made from (a condition's lambda, say), when it is known. */
    public java.util.Optional<RuleInfo> ruleOfClass(String binaryName) {
        for (Deferred d : new Deferred[] {classify, narrate}) {
            java.util.Optional<String[]> r = d.ruleOfClass(binaryName);
            if (r.isPresent()) {
                return java.util.Optional.ofNullable(rules.get(key(r.get()[0], r.get()[1])));
            }
        }
        return java.util.Optional.empty();
    }

    /** The package of the rule of that name, when exactly one package declares it. */
    public java.util.Optional<String> packageOf(String name) {
        List<String> packages = rules.values().stream().filter(r -> r.name().equals(name)).map(RuleInfo::rulePackage)
                .distinct().toList();
        return packages.size() == 1 ? java.util.Optional.of(packages.get(0)) : java.util.Optional.empty();
    }

    /**
     * A token of the compiled classify rules: the same object for two rule bases that share them (compiled from the
     * same classify files in this process), so what depends on those rules alone can be kept between runs.
     */
    public Object classifyToken() {
        return classify;
    }

    /**
     * The classify rules in parts, each of which finds on its own what it finds among all of them: a part per
     * compiled module (a file) when no classify rule can see what another makes, else the whole phase as one part.
     * What a part finds then depends only on the facts and its own rules, so a search that runs the classify rules
     * many times (the page's near misses, {@code core/NearMisses}) can keep each part's results while that part is
     * the same compiled module and, after an edit, run only the edited file's rules again. Apart when the rules
     * passed the rule API check (trusted rules may reach the engine), every change a consequence makes to the facts is
     * {@code insert( Finding.of(...) )}, no pattern reads a finding (a {@code Finding}, or a type every finding is,
     * {@code Object}), and no rule is in an agenda, activation or ruleflow group (where one rule's firing can stop or
     * start another's).
     */
    public List<ClassifyPart> classifyParts() {
        List<ClassifyPart> parts = classifyParts;
        if (parts == null) {
            classify.get(); // the modules' models read, as the phase's knowledge base reads them
            if (classify.units.size() > 1 && checked && apart(model, sources)) {
                List<ClassifyPart> each = new ArrayList<>();
                for (Unit unit : classify.units) {
                    Deferred alone;
                    synchronized (PARTS) {
                        alone = PARTS.computeIfAbsent(unit, u -> new Deferred(List.of(u)));
                    }
                    each.add(new ClassifyPart(new RuleBase(folder, alone, narrate, rules, phrases, codes, model, sources,
                            tables, checked), ruleKeys(List.of(unit))));
                }
                parts = List.copyOf(each);
            } else {
                parts = List.of(new ClassifyPart(this, ruleKeys(classify.units)));
            }
            classifyParts = parts;
        }
        return parts;
    }

    /**
     * The rules the modules compiled, by package and name as the engine names them (a decision table's rules may be
     * named by a column of the table).
     */
    private static Set<String> ruleKeys(List<Unit> units) {
        Set<String> keys = new java.util.HashSet<>();
        for (Unit u : units) {
            for (org.drools.model.Model m : u.models()) {
                m.getRules().forEach(r -> keys.add(key(r.getPackage(), r.getName())));
            }
        }
        return Set.copyOf(keys);
    }

    private volatile List<ClassifyPart> classifyParts;

    /** The knowledge bases of single classify modules ({@link #classifyParts}), by module; the recent ones kept. */
    private static final Map<Unit, Deferred> PARTS = Recent.map(64);

    /**
     * A part of the classify rules ({@link #classifyParts}): a rule base whose classify phase is only those rules
     * (its narrate phase, wording and sources the whole base's), and which rules they are.
     */
    public record ClassifyPart(RuleBase rules, Set<String> ruleKeys) {
        public ClassifyPart {
            java.util.Objects.requireNonNull(rules, "rules");
            ruleKeys = Set.copyOf(ruleKeys);
        }

        /** Whether a rule of this part made the finding. */
        public boolean made(org.pcpassessor.facts.Finding finding) {
            return ruleKeys.contains(key(finding.rulePackage(), finding.rule()));
        }
    }

    /** A consequence's change to the facts ({@code drools.} and {@code kcontext} are refused by the rule API check). */
    private static final Pattern CHANGE = Pattern.compile("\\b(insert|insertLogical|update|modify|delete|retract)\\s*\\(");
    private static final Pattern INSERT_FINDING = Pattern.compile("insert\\s*\\(\\s*Finding\\s*\\.\\s*of\\s*\\(");
    private static final Pattern GROUP = Pattern.compile(
            "(?<![\\w-])(agenda-group|activation-group|ruleflow-group|auto-focus)(?![\\w-])");

    /** Whether a pattern, or the pattern it collects ({@code from collect( Finding( ... ) )}), reads those types. */
    private static boolean reads(RuleModel.Pattern p, Set<String> types) {
        return types.contains(p.type().substring(p.type().lastIndexOf('.') + 1).strip())
                || p.collects().map(inner -> reads(inner, types)).orElse(false);
    }

    /** Whether the classify rules can be run apart, file by file ({@link #classifyParts}). */
    static boolean apart(RuleModel model, List<RuleModel.Source> sources) {
        Set<String> findingIs = new java.util.HashSet<>();
        for (Class<?> c = org.pcpassessor.facts.Finding.class; c != null; c = c.getSuperclass()) {
            findingIs.add(c.getSimpleName());
            for (Class<?> i : c.getInterfaces()) {
                findingIs.add(i.getSimpleName());
            }
        }
        for (RuleModel.Rule rule : model.rules()) {
            if (rule.phase().equals("classify") && rule.patterns().stream().anyMatch(p -> reads(p, findingIs))) {
                return false;
            }
        }
        for (RuleModel.Source source : sources) {
            if (!source.phase().equals("classify")) {
                continue;
            }
            String code = RuleSafety.blank(source.drl());
            if (GROUP.matcher(code).find()) {
                return false;
            }
            Matcher change = CHANGE.matcher(code);
            while (change.find()) {
                if (!INSERT_FINDING.matcher(code).region(change.start(), code.length()).lookingAt()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The folder's wording ({@code wording/*.yaml}, and {@code phrases.yaml} when there is one). */
    public Phrases phrases() {
        return phrases;
    }

    /** The finding codes declared in {@code codes.yaml}, beyond the contract's. */
    public List<DeclaredCode> declaredCodes() {
        return codes;
    }

    /** Every rule declared, in file order. */
    public List<RuleInfo> rules() {
        return List.copyOf(rules.values());
    }
}
