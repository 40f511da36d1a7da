package org.pcpassessor.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * several findings into one sentence wins over the rules that would say them one by one.
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
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)");
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

    private static Deferred build(Path folder, String phase, List<Path> files, Problems problems,
                                 Map<String, RuleInfo> rules, Map<String, RuleModel.Source> sources,
                                 Map<String, SheetTable> tables, boolean trusted) {
        if (files.isEmpty()) {
            return null;
        }
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        Map<String, Path> byResource = new LinkedHashMap<>();
        java.security.MessageDigest digest = sha256();
        digest.update((phase + "\u0000" + BUILD + "\u0000").getBytes(StandardCharsets.UTF_8));
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
                String resource = rel + ".drl";
                kfs.write(RESOURCES + resource, table.drl());
                byResource.put(resource, f);
                tables.put(f.toString(), table);
                for (String part : new String[] {resource, table.drl()}) {
                    digest.update(part.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
                indexSheet(phase, f, table, rules);
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
            kfs.write(RESOURCES + rel, text);
            byResource.put(rel, f);
            for (String part : new String[] {rel, text}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            if (tableDrl != null) {
                int before = rules.size();
                indexTable(phase, f, text, rules);
                if (rules.size() == before) {
                    problems.error(f.toString(), 1, 0, "the decision table has no rule rows: after 'RuleTable NAME' come "
                            + "the CONDITION/ACTION, fact, template and title rows, then one row per rule");
                    continue;
                }
                sources.put(f.toString(), new RuleModel.Source(f.toString(), phase, tableDrl, true));
            } else {
                index(phase, f, text, rules);
                sources.put(f.toString(), new RuleModel.Source(f.toString(), phase, text, false));
            }
        }
        String key = java.util.HexFormat.of().formatHex(digest.digest());
        if (problems.errorCount() > errorsBefore) {
            key = null; // a file could not be read: compile what there is for its messages, but remember nothing
        }
        if (!trusted) {
            // before anything is compiled: the compiler itself loads classes a rule names (import accumulate)
            Problems unsafe = new Problems();
            List<RuleModel.Source> own = sources.values().stream().filter(src -> src.phase().equals(phase)).toList();
            RuleSafety.check(own, locator(rules, tables), unsafe);
            if (unsafe.hasErrors()) {
                unsafe.sorted().forEach(problems::add);
                return null;
            }
        }
        // a base compiled for trusted rules is never handed to an untrusted run: its classes were not checked
        String memory = key == null ? null : key + (trusted ? "/trusted" : "");
        Deferred cached = memory == null ? null : COMPILED.get(memory);
        if (cached != null) {
            return cached;
        }
        // A release of its own per key: the executable model names its generated classes after it.
        ReleaseId releaseId = ks.newReleaseId("org.pcpassessor.rules", phase,
                key == null ? "0." + System.nanoTime() : "1." + key);
        kfs.generateAndWritePomXML(releaseId);
        java.util.Optional<RuleCache.Loaded> loaded = key == null ? java.util.Optional.empty()
                : RuleCache.load(phase, key, releaseId);
        Deferred base = null;
        if (loaded.isPresent()) {
            if (!trusted && !loaded.get().checked()) {
                if (!compiledWithin(loaded.get().jar(), rules, folder, problems)) {
                    return null;
                }
                RuleCache.markChecked(phase, key);
            }
            base = new Deferred(loaded.get().container(), loaded.get().jar());
        }
        if (base == null) {
            base = compile(folder, phase, key, kfs, releaseId, byResource, tables, problems, trusted, rules);
            if (base == null) {
                return null;
            }
        }
        if (memory != null) {
            synchronized (COMPILED) {
                COMPILED.put(memory, base);
            }
        }
        return base;
    }

    /** The tool's build and the engine's version, part of every key (see {@link RuleCache}). */
    private static final String BUILD = RuleCache.buildIdentity();

    /**
     * Compiles one phase to Drools' executable model (the rules as Java classes, which is what {@link RuleCache}
     * keeps) and files it in the cache under {@code key} (not when null: a file could not be read). When that
     * compiler reports errors, the same files are compiled again by the DRL compiler, whose messages name the
     * file, line and column of the mistake; those are the ones reported.
     */
    private static Deferred compile(Path folder, String phase, String key, KieFileSystem kfs, ReleaseId releaseId,
                                   Map<String, Path> byResource, Map<String, SheetTable> tables, Problems problems,
                                   boolean trusted, Map<String, RuleInfo> rules) {
        KieServices ks = KieServices.Factory.get();
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll(org.drools.model.codegen.ExecutableModelProject.class);
        } catch (RuntimeException e) {
            builder = null;
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
                drl.error(folder.toString(), 0, 0, "the " + phase + " rules cannot be compiled");
            }
            drl.sorted().forEach(problems::add);
            ks.getRepository().removeKieModule(releaseId);
            return null;
        }
        if (report(folder, builder.getResults().getMessages(), byResource, tables, problems)) {
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
        Deferred base = new Deferred(ks.newKieContainer(releaseId), jar);
        if (key != null && jar != null) {
            RuleCache.store(phase, key, jar);
            if (!trusted) {
                RuleCache.markChecked(phase, key); // its classes were checked above
            }
        }
        // The container keeps what it needs; dropping the module from Drools' global repository stops a long watch
        // session from holding every earlier build of the rules.
        ks.getRepository().removeKieModule(releaseId);
        return base;
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

    /** Adds the compiler's messages at their file:line:column; true when one is an error. */
    private static boolean report(Path folder, List<Message> messages, Map<String, Path> byResource,
                                  Map<String, SheetTable> tables, Problems problems) {
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
                problems.error(where, line, column, text);
            } else if (m.getLevel() == Message.Level.WARNING) {
                problems.warning(where, line, column, text);
            }
        }
        return errors;
    }

    /**
     * Rule bases compiled in this process, by the SHA-256 of their phase, file names and texts: the same rules in
     * another folder, or unchanged since the last compile (watch, a test suite), are not compiled again. A compiled
     * base depends on nothing but those texts (the facts' classes are the tool's own); the few most recent are kept.
     */
    private static final Map<String, Deferred> COMPILED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(8, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Deferred> eldest) {
                    return size() > 6;
                }
            });

    /** Forgets the rule bases compiled in this process, so that the next compile goes to the disk cache (tests). */
    static void forgetCompiled() {
        COMPILED.clear();
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Finds each rule's declaration line by reading the file: Drools keeps the resource but not the line. */
    private static void index(String phase, Path file, String text, Map<String, RuleInfo> rules) {
        index(phase, file, text, line -> line, rules);
    }

    /**
     * Finds each rule's declaration in a rule text, at the place {@code placeOf} gives its line (1-based): the line
     * itself for a rule file, the row of the table that made it for a table's DRL; a rule it places nowhere (null)
     * is not indexed.
     */
    private static void index(String phase, Path file, String text,
                              java.util.function.IntFunction<Integer> placeOf, Map<String, RuleInfo> rules) {
        String pkg = "";
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
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
                rules.putIfAbsent(key(pkg, name), new RuleInfo(phase, pkg, name, Location.of(file.toString(), place)));
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
    private static void indexSheet(String phase, Path file, SheetTable table, Map<String, RuleInfo> rules) {
        Map<Integer, Integer> rows = table.ruleRows();
        index(phase, file, table.drl(), line -> rows.get(line), rules);
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
    private static void indexTable(String phase, Path file, String text, Map<String, RuleInfo> rules) {
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
                rules.putIfAbsent(key(pkg, name), new RuleInfo(phase, pkg, name, Location.of(file.toString(), i + 1)));
            } else if (table != null && i >= dataFrom) {
                table = null;
            }
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
     * A compiled phase whose knowledge base is made on first use: by {@link #prepare}'s thread once the trust check
     * has passed, or else inside a rule session's guarded thread ({@link org.pcpassessor.rules.run.RuleRun}). Making it runs rule code: the
     * executable model evaluates a condition that reads no fact, such as {@code eval( check() )}, while it builds
     * the rule. Deferred, that code runs after the trust check of the rule files; a failure is made again and
     * reported by the session as its rule's, and one that never ends keeps the session waiting until its time
     * limit, which reports it.
     */
    static final class Deferred {
        private final org.kie.api.runtime.KieContainer container;
        /** The compiled module's jar, read again only to find the rule of a class on a failure's stack. */
        private final byte[] jar;
        /** The rule of each compiled class, by binary name: made on the first failure that needs it. */
        private volatile Map<String, String[]> rulesOfClasses;
        private KieBase base;
        /** Drools' pool of reset sessions of the base, made by the first {@link #session}. */
        private volatile org.kie.api.runtime.KieContainerSessionsPool pool;

        Deferred(org.kie.api.runtime.KieContainer container, byte[] jar) {
            this.container = container;
            this.jar = jar;
        }

        /** The rule (package, name) a compiled class was made from, when the module's jar tells. */
        java.util.Optional<String[]> ruleOfClass(String binaryName) {
            Map<String, String[]> map = rulesOfClasses;
            if (map == null) {
                try {
                    map = jar == null ? Map.of() : CompiledCheck.rules(jar);
                } catch (java.io.IOException | RuntimeException e) {
                    map = Map.of();
                }
                rulesOfClasses = map;
            }
            return java.util.Optional.ofNullable(map.get(binaryName));
        }

        synchronized KieBase get() {
            if (base == null) {
                base = container.getKieBase();
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
            org.kie.api.runtime.KieContainerSessionsPool p = pool;
            if (p == null) {
                synchronized (this) {
                    get();
                    if (pool == null) {
                        pool = container.newKieSessionsPool(2);
                    }
                    p = pool;
                }
            }
            return p.newKieSession();
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
