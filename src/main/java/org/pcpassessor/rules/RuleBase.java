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
import org.pcpassessor.facts.Phrases;
import org.pcpassessor.problem.Location;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.problem.RulesException;

/**
 * The rules folder compiled at run time into two knowledge bases: {@code classify/} (Snapshots and their
 * comparisons in, Findings out) and everything else, normally {@code narrate/} (Findings in, Sentences out).
 * Running the phases in separate sessions means a narrate rule always sees every finding, so a rule that folds
 * several findings into one sentence wins over the rules that would say them one by one.
 */
public final class RuleBase {
    private static final String RESOURCES = "src/main/resources/";
    /** The shared phrases of the folder's templates. */
    public static final String PHRASES = "phrases.yaml";
    /** Finding codes the folder's rules make beyond the contract's. */
    public static final String CODES = "codes.yaml";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)");
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");

    /** A rule as declared: its phase, package, name and where it is declared. */
    public record RuleInfo(String phase, String rulePackage, String name, Location source) {
    }

    /** A finding code declared in {@code codes.yaml}, with what it means. */
    public record DeclaredCode(String code, String meaning, Location source) {
    }

    private final Path folder;
    private final KieBase classify;
    private final KieBase narrate;
    private final Map<String, RuleInfo> rules;
    private final Phrases phrases;
    private final List<DeclaredCode> codes;
    private final RuleModel model;

    private RuleBase(Path folder, KieBase classify, KieBase narrate, Map<String, RuleInfo> rules, Phrases phrases,
                     List<DeclaredCode> codes, RuleModel model) {
        this.model = model;
        this.folder = folder;
        this.classify = classify;
        this.narrate = narrate;
        this.rules = rules;
        this.phrases = phrases;
        this.codes = List.copyOf(codes);
    }

    /** Compiles the folder; throws {@link RulesException} with every compiler message on any error. */
    public static RuleBase compile(Path folder) {
        Problems problems = new Problems();
        RuleBase base = compile(folder, problems);
        problems.throwIfErrors("rules");
        if (base == null) {
            throw new RulesException(problems.sorted());
        }
        return base;
    }

    /** Compiles what it can, adding problems (file:line:column) to the collector; null on any error. */
    public static RuleBase compile(Path folder, Problems problems) {
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
        } catch (IOException e) {
            problems.error(folder.toString(), 0, 0, "cannot list the rules folder: " + e.getMessage());
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
        Phrases phrases = RuleFolderFiles.phrases(folder.resolve(PHRASES), problems);
        List<DeclaredCode> codes = RuleFolderFiles.codes(folder.resolve(CODES), problems);
        Map<String, RuleModel.Source> sources = new LinkedHashMap<>();
        KieBase classify = build(folder, "classify", classifyFiles, problems, rules, sources);
        KieBase narrate = build(folder, "narrate", narrateFiles, problems, rules, sources);
        if (problems.hasErrors() || classify == null || narrate == null) {
            return null;
        }
        return new RuleBase(folder, classify, narrate, rules, phrases, codes, RuleModel.read(sources, rules));
    }

    private static KieBase build(Path folder, String phase, List<Path> files, Problems problems,
                                 Map<String, RuleInfo> rules, Map<String, RuleModel.Source> sources) {
        if (files.isEmpty()) {
            return null;
        }
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.pcpassessor.rules", phase, "1.0." + System.nanoTime());
        kfs.generateAndWritePomXML(releaseId);
        Map<String, Path> byResource = new LinkedHashMap<>();
        for (Path f : files) {
            String rel = folder.relativize(f).toString().replace('\\', '/');
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.error(f.toString(), 0, 0, "cannot read: " + e.getMessage());
                continue;
            }
            kfs.write(RESOURCES + rel, text);
            byResource.put(rel, f);
            if (rel.endsWith(".drl.csv")) {
                indexTable(phase, f, text, rules);
                sources.put(f.toString(), new RuleModel.Source(f.toString(), phase, tableAsDrl(text), true));
            } else {
                index(phase, f, text, rules);
                sources.put(f.toString(), new RuleModel.Source(f.toString(), phase, text, false));
            }
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        boolean errors = false;
        List<Message> messages = builder.getResults().getMessages();
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
            String text = m.getText() == null ? "" : m.getText().strip().replaceAll("\\s+", " ");
            if (m.getLevel() == Message.Level.ERROR) {
                errors = true;
                problems.error(where, Math.max(0, m.getLine()), Math.max(0, m.getColumn()), text);
            } else if (m.getLevel() == Message.Level.WARNING) {
                problems.warning(where, Math.max(0, m.getLine()), Math.max(0, m.getColumn()), text);
            }
        }
        if (errors) {
            return null;
        }
        KieBase base = ks.newKieContainer(releaseId).getKieBase();
        // The KieBase keeps what it needs; dropping the module from Drools' global repository stops a long watch
        // session from holding every earlier build of the rules.
        ks.getRepository().removeKieModule(releaseId);
        return base;
    }

    /** Finds each rule's declaration line by reading the file: Drools keeps the resource but not the line. */
    private static void index(String phase, Path file, String text, Map<String, RuleInfo> rules) {
        String pkg = "";
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher p = PACKAGE.matcher(lines[i]);
            if (p.find()) {
                pkg = p.group(1);
                continue;
            }
            Matcher r = RULE.matcher(lines[i]);
            if (r.find()) {
                String name = r.group(1) != null ? r.group(1).replace("\\\"", "\"")
                        : r.group(2) != null ? r.group(2) : r.group(3);
                rules.putIfAbsent(key(pkg, name), new RuleInfo(phase, pkg, name, Location.of(file.toString(), i + 1)));
            }
        }
    }

    /** The DRL a CSV decision table compiles to (Drools' own SpreadsheetCompiler); "" when it does not compile. */
    private static String tableAsDrl(String csv) {
        try (var in = new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))) {
            return new org.drools.decisiontable.SpreadsheetCompiler().compile(in,
                    org.drools.decisiontable.InputType.CSV);
        } catch (IOException | RuntimeException e) {
            return ""; // the table's own errors come from the build, with its file
        }
    }

    /** The rules as the contract check reads them. */
    public RuleModel model() {
        return model;
    }

    /** Rule files: DRL, and decision tables in CSV ({@code *.drl.csv}). */
    public static boolean isRuleFile(String name) {
        return name.endsWith(".drl") || name.endsWith(".drl.csv");
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

    KieBase classify() {
        return classify;
    }

    KieBase narrate() {
        return narrate;
    }

    /** Where a rule is declared, or the folder when it cannot be found. */
    public Location source(String rulePackage, String name) {
        RuleInfo info = rules.get(key(rulePackage, name));
        return info == null ? Location.of(folder.toString()) : info.source();
    }

    /** The shared phrases ({@code phrases.yaml}; none when the folder has no such file). */
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
