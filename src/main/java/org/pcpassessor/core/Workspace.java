package org.pcpassessor.core;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pcpassessor.audit.NearMiss;
import org.pcpassessor.catalogue.Catalogue;
import org.pcpassessor.catalogue.CatalogueLoader;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.catalogue.SeriesKey;
import org.pcpassessor.data.Anomaly;
import org.pcpassessor.data.DataChecks;
import org.pcpassessor.data.DataSet;
import org.pcpassessor.data.Series;
import org.pcpassessor.data.SeriesLoader;
import org.pcpassessor.wording.Values;
import org.pcpassessor.narrative.Assembler;
import org.pcpassessor.notes.NoteFile;
import org.pcpassessor.notes.NotesLoader;
import org.pcpassessor.problem.Location;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.rules.RuleBase;
import org.pcpassessor.rules.contract.RuleContract;
import org.pcpassessor.rules.run.RuleRun;
import org.pcpassessor.rules.RuleSafety;
import org.pcpassessor.stats.Assessment;
import org.pcpassessor.stats.Calculator;
import org.pcpassessor.stats.SignificanceMethods;

/**
 * The one entry point every command goes through: the catalogue, the data and the rules, loaded and checked with
 * every problem collected (the loading problems, and the rule contract: codes, templates, evidence keys and the
 * strings rules compare with), then any month run into a {@link MonthRun}. Immutable: a run's audit and state live
 * in its {@code MonthRun}. Input problems are returned as data, never thrown.
 */
public final class Workspace {
    private final Catalogue catalogue;
    private final DataSet data;
    private final RuleBase rules;
    private final List<Problem> problems;
    private final Settings settings;
    /** What the data checks found in each series ({@link DataChecks#key}). */
    private final java.util.Map<String, List<Anomaly>> anomalies;
    /** The problems of reading the catalogue and its data, and of the data checks, which a {@link Reuse} says again. */
    private final SourceProblems sourceProblems;
    /**
     * The statistics of the month last run, kept for the next workspace that reuses this one's catalogue and data
     * (a watch's); null for a workspace not loaded by {@link #load(Path, Path, Reuse, Settings)}, which keeps none.
     */
    private final java.util.concurrent.atomic.AtomicReference<Assessed> lastAssessed;

    /** The problems of reading the catalogue and its data, and the data checks' (each in reading order). */
    private record SourceProblems(List<Problem> read, List<Problem> checked) {
        static final SourceProblems NONE = new SourceProblems(List.of(), List.of());
    }

    /** A month's assessments, with the problems found choosing its series. */
    private record Assessed(YearMonth month, List<Assessment> assessments, List<Problem> problems) {
    }

    private Workspace(Catalogue catalogue, DataSet data, RuleBase rules, List<Problem> problems, Settings settings,
                      java.util.Map<String, List<Anomaly>> anomalies) {
        this(catalogue, data, rules, problems, settings, anomalies, SourceProblems.NONE, null);
    }

    private Workspace(Catalogue catalogue, DataSet data, RuleBase rules, List<Problem> problems, Settings settings,
                      java.util.Map<String, List<Anomaly>> anomalies, SourceProblems sourceProblems,
                      java.util.concurrent.atomic.AtomicReference<Assessed> lastAssessed) {
        this.catalogue = catalogue;
        this.data = data;
        this.rules = rules;
        this.problems = List.copyOf(problems);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.anomalies = java.util.Map.copyOf(anomalies);
        this.sourceProblems = Objects.requireNonNull(sourceProblems, "sourceProblems");
        this.lastAssessed = lastAssessed;
    }

    /**
     * The data checks of every series, each anomaly of a series also a warning at its first row (file:line), unless
     * the catalogue declared it (an analyst who declared a break knows of it).
     */
    private static java.util.Map<String, List<Anomaly>> checkData(Catalogue catalogue, DataSet data,
                                                                  Problems problems) {
        if (catalogue == null || data == null) {
            return java.util.Map.of();
        }
        java.util.Map<String, List<Anomaly>> found = DataChecks.findAll(catalogue, data);
        for (Measure m : catalogue.measures()) {
            for (String area : catalogue.areas()) {
                for (Anomaly a : found.getOrDefault(DataChecks.key(m.id(), area), List.of())) {
                    if (a.declared().isEmpty()) {
                        problems.add(Problem.warning(DataChecks.firstRow(a).orElse(m.source()),
                                DataChecks.describe(m, a)));
                    }
                }
            }
        }
        return found;
    }

    /** Loads and checks the catalogue, its data and the rules folder, with the default {@link Settings}. */
    public static Workspace load(Path catalogueFile, Path rulesFolder) {
        return load(catalogueFile, rulesFolder, Settings.DEFAULT);
    }

    /** As {@link #load(Path, Path)}, with the given settings. */
    public static Workspace load(Path catalogueFile, Path rulesFolder, Settings settings) {
        return load(catalogueFile, rulesFolder, (RuleBase) null, settings);
    }

    /**
     * What a load may take from the last workspace loaded from the same catalogue and rules folder with the same
     * settings (a watch's last run): its compiled rules when no file of the rules folder changed ({@code rules}),
     * its catalogue, data, data checks and the statistics of its last month when neither the catalogue nor a data
     * file changed ({@code sources}). {@code last} null reuses nothing.
     */
    public record Reuse(Workspace last, boolean rules, boolean sources) {
        /** Nothing to reuse: a watch's first load. */
        public static final Reuse NOTHING = new Reuse(null, false, false);
    }

    /**
     * As {@link #load(Path, Path, Settings)}, taking from {@code reuse.last()} what {@code reuse} says has not
     * changed; the workspace keeps its last month's statistics for the next such load. For {@code watch}, where a
     * wording or rule edit leaves the catalogue and data as they were: reading them, checking them and computing
     * the statistics again took 50 to 70 ms of an edit's first run (docs/performance.md).
     */
    public static Workspace load(Path catalogueFile, Path rulesFolder, Reuse reuse, Settings settings) {
        Workspace last = reuse.last();
        RuleBase compiled = reuse.rules() && last != null ? last.rules : null;
        if (!reuse.sources() || last == null || last.catalogue == null || last.data == null
                || last.lastAssessed == null || !last.settings.equals(settings)) {
            return load(catalogueFile, rulesFolder, compiled, settings,
                    new java.util.concurrent.atomic.AtomicReference<>());
        }
        Problems problems = new Problems();
        problems.addAll(last.sourceProblems.read());
        RuleBase rules = rules(rulesFolder, compiled, last.catalogue, problems, settings);
        problems.addAll(last.sourceProblems.checked());
        return new Workspace(last.catalogue, last.data, rules, problems.sorted(), settings, last.anomalies,
                last.sourceProblems, last.lastAssessed);
    }

    /**
     * As {@link #load(Path, Path, Reuse, Settings)} for a rules folder that is a throwaway copy ({@code watch}'s
     * warm-up): nothing compiled or read from it is filed in the rule cache on disk, where its paths would push out
     * the entries of the folders that are kept.
     */
    public static Workspace loadThrowaway(Path catalogueFile, Path rulesFolder, Reuse reuse, Settings settings) {
        return RuleBase.withoutDiskCache(() -> load(catalogueFile, rulesFolder, reuse, settings));
    }

    /**
     * As {@link #load(Path, Path)}, reusing an already compiled rule base when one is given (the rule files did not
     * change).
     */
    public static Workspace load(Path catalogueFile, Path rulesFolder, RuleBase compiled, Settings settings) {
        return load(catalogueFile, rulesFolder, compiled, settings, null);
    }

    private static Workspace load(Path catalogueFile, Path rulesFolder, RuleBase compiled, Settings settings,
                                  java.util.concurrent.atomic.AtomicReference<Assessed> keep) {
        Problems read = new Problems(); // the catalogue's and the data's, and the data checks' below: a Reuse says
        Problems checked = new Problems(); // them again, in the same places among the rules' problems
        Catalogue catalogue = Stages.timed("catalogue", () -> readCatalogue(catalogueFile, read, settings));
        DataSet data = catalogue == null ? null
                : Stages.timed("data", () -> new SeriesLoader(catalogue, read).read());
        Problems problems = new Problems();
        problems.addAll(read.sorted());
        RuleBase rules = rules(rulesFolder, compiled, catalogue, problems, settings);
        java.util.Map<String, List<Anomaly>> found = Stages.timed("data checks",
                () -> checkData(catalogue, data, checked));
        problems.addAll(checked.sorted());
        return new Workspace(catalogue, data, rules, problems.sorted(), settings, found,
                new SourceProblems(read.sorted(), checked.sorted()), keep);
    }

    /** The rules compiled (unless {@code compiled} is given) and checked against the catalogue (null: unread). */
    private static RuleBase rules(Path rulesFolder, RuleBase compiled, Catalogue catalogue, Problems problems,
                                  Settings settings) {
        RuleBase rules = compiled != null ? compiled : Stages.timed("rules", () -> RuleBase.compile(rulesFolder,
                problems, settings.trustedRules()));
        Stages.timed("contract", () -> checkContract(catalogue, rules, problems, settings));
        return rules;
    }

    /**
     * The catalogue's measures and the rules, checked as {@link #load} checks them, without reading the catalogue's
     * data files: for {@code test}, whose scenarios bring their own series ({@link #withData}).
     */
    public static Workspace loadDefinitions(Path catalogueFile, Path rulesFolder, Settings settings) {
        Problems problems = new Problems();
        RuleBase rules = RuleBase.compile(rulesFolder, problems, settings.trustedRules());
        return definitions(catalogueFile, rules, problems, settings);
    }

    /** As {@link #loadDefinitions(Path, Path, Settings)} with rules already compiled (a scenario's own catalogue). */
    public static Workspace loadDefinitions(Path catalogueFile, RuleBase rules, Settings settings) {
        return definitions(catalogueFile, rules, new Problems(), settings);
    }

    private static Workspace definitions(Path catalogueFile, RuleBase rules, Problems problems, Settings settings) {
        Catalogue catalogue = readCatalogue(catalogueFile, problems, settings);
        checkContract(catalogue, rules, problems, settings);
        return new Workspace(catalogue, catalogue == null ? null : DataSet.of(List.of()), rules, problems.sorted(),
                settings, java.util.Map.of());
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The same catalogue and rules with other series (a scenario's), made and checked against the catalogue by
     * {@code series}, which adds its problems; every run and check then works on them.
     */
    public Workspace withData(java.util.function.BiFunction<Catalogue, Problems, DataSet> series) {
        Problems all = new Problems();
        all.addAll(problems);
        DataSet d = catalogue == null ? null : series.apply(catalogue, all);
        java.util.Map<String, List<Anomaly>> found = checkData(catalogue, d, all);
        return new Workspace(catalogue, d, rules, all.sorted(), settings, found);
    }

    private static Catalogue readCatalogue(Path file, Problems problems, Settings settings) {
        Catalogue catalogue = new CatalogueLoader(SignificanceMethods.names(), problems, settings.dataOutsideAllowed())
                .read(file);
        if (catalogue != null) {
            for (Measure m : catalogue.measures()) {
                java.util.Map<String, List<String>> wrong = new java.util.TreeMap<>();
                for (org.pcpassessor.catalogue.Basis basis : org.pcpassessor.catalogue.Basis.values()) {
                    String name = m.tests().get(basis);
                    if (name != null && !SignificanceMethods.kindsOf(name).contains(m.kind())) {
                        wrong.computeIfAbsent(name, n -> new ArrayList<>()).add(basis.id());
                    }
                }
                wrong.forEach((name, bases) -> problems.add(Problem.error(m.source(), "test '" + name + "' (for "
                        + String.join(", ", bases) + ") does not apply to a " + m.kind().yamlName() + " measure ("
                        + m.id() + "); tests for a " + m.kind().yamlName() + ": " + String.join(", ",
                        SignificanceMethods.namesFor(m.kind())))));
            }
        }
        return catalogue;
    }

    private static void checkContract(Catalogue catalogue, RuleBase rules, Problems problems, Settings settings) {
        if (rules != null) {
            if (!settings.trustedRules() && !rules.checked()) {
                RuleSafety.check(rules, problems); // a base compiled as trusted (a watch's earlier one) is read here
            }
            if (!problems.hasErrors()) {
                rules.prepare(); // the knowledge bases made while the contract is checked and the statistics run
            }
            RuleContract.check(rules, catalogue == null ? Optional.empty()
                    : Optional.of(catalogue.measures().stream().map(Measure::id).toList()), problems);
        }
    }

    /** Every problem found while loading and checking, in reading order. */
    public List<Problem> problems() {
        return problems;
    }

    /** True when everything loaded and no problem is an error, so months can be run. */
    public boolean ok() {
        return catalogue != null && data != null && rules != null && problems.stream().noneMatch(Problem::isError);
    }

    public Optional<Catalogue> catalogue() {
        return Optional.ofNullable(catalogue);
    }

    public Optional<DataSet> data() {
        return Optional.ofNullable(data);
    }

    /** Whether the rules folder compiled (its rules can be reused by the next load of the same folder). */
    public boolean hasRules() {
        return rules != null;
    }

    /** How many rules the rules folder declares (0 when it could not be compiled). */
    public int ruleCount() {
        return rules == null ? 0 : rules.rules().size();
    }

    /** How many series the data holds (0 when it could not be read). */
    public int seriesCount() {
        return data == null ? 0 : data.size();
    }

    /**
     * Whether a file of a rules folder is one the rules are made from (a rule file, or a wording, phrases or codes
     * YAML): a change to it is a change of the rules.
     */
    public static boolean isRulesFile(String fileName) {
        return RuleBase.isRuleFolderFile(fileName);
    }

    /** The rule whose consequence the calling thread is running, or null (for the exit guard's message). */
    public static String runningRule() {
        return RuleRun.runningRule();
    }

    /**
     * Warms the rule compiler in the background, for a command that will compile edited rules soon ({@code watch}):
     * see {@link RuleBase#warmCompiler}. Does nothing without rules.
     */
    public void warmRuleCompiler() {
        if (rules != null) {
            rules.warmCompiler();
        }
    }

    /** Whether {@link #warmRuleCompiler} has finished its work (true when there are no rules to warm). */
    public boolean ruleCompilerWarm() {
        return rules == null || rules.compilerWarm();
    }

    /**
     * Loads the data the sentences' formats need (ICU's number, plural and spell-out data) ahead of the first
     * report, on a thread of the caller's; safe to call from any thread, and to skip.
     */
    public static void warm() {
        Values.warm();
    }

    public Optional<RuleBase> rules() {
        return Optional.ofNullable(rules);
    }

    /** The analysts' notes folder: {@code --notes}, else {@code notes/} beside the catalogue. */
    public Path notesFolder() {
        return settings.notes().orElseGet(() -> {
            Path parent = requireCatalogue().file().getParent();
            return parent == null ? Path.of(NotesLoader.DEFAULT_FOLDER) : parent.resolve(NotesLoader.DEFAULT_FOLDER);
        });
    }

    /** One of the peers a run of {@code report --each-area} reports: its name, and its workspace. */
    public record Peer(String name, Workspace workspace) {
    }

    /**
     * The peers of the catalogue, each reported on its own: when the catalogue names forces
     * ({@code report.forces}), one per force over its own areas (area-variation sentences about its own areas
     * only); otherwise one per area, each its own headline area (forces or districts as peers). All share the data,
     * rules and settings already loaded (one read of the files, one rule compilation). Notes are not read: a notes
     * folder speaks for one force. A peer's workspace holds no statistics until its month is run, so a caller
     * that runs the peers one after another and keeps only what it renders holds one peer's results at a time.
     */
    public List<Peer> eachArea() {
        Catalogue all = requireCatalogue();
        if (!all.forces().isEmpty()) {
            return all.forces().stream().map(f -> peer(f.name(), all.withAreas(f.areas()))).toList();
        }
        return all.areas().stream().map(area -> peer(area, all.withAreas(List.of(area)))).toList();
    }

    private Peer peer(String name, Catalogue catalogue) {
        return new Peer(name, new Workspace(catalogue, data, rules, problems, settings.withoutNotes(), anomalies));
    }

    /** The requested month, or the catalogue's default. */
    public YearMonth month(Optional<YearMonth> requested) {
        return requested.orElseGet(() -> requireCatalogue().defaultMonth());
    }

    private Catalogue requireCatalogue() {
        if (catalogue == null) {
            throw new IllegalStateException("no catalogue was loaded; check problems() first");
        }
        return catalogue;
    }

    /**
     * Runs a month: the assessments of every measure and area with data, both rule phases and the assembled report.
     * A headline series that does not reach the month is an error; an area series that does not is left out with a
     * warning; a rule that fails, loops or names a value the measure lacks is an error at the rule's file:line.
     */
    public MonthRun run(YearMonth month) {
        return run(month, java.util.Set.of(), null);
    }

    /**
     * As {@link #run(YearMonth)}, with the near misses of the series {@code nearMissesOf} names that have data (the
     * rules that did not fire for a series but would after a small change of its facts: {@link NearMisses}), kept
     * in {@code memo} between runs (a watch's) when it is not null.
     */
    public MonthRun run(YearMonth month, java.util.Set<SeriesKey> nearMissesOf, NearMisses.Memo memo) {
        if (!ok()) {
            throw new IllegalStateException("the workspace has errors; check problems() before running a month");
        }
        Problems found = new Problems();
        List<Assessment> assessments = Stages.timed("statistics", () -> assessKept(month, found));
        if (assessments.isEmpty() && !found.hasErrors()) {
            found.add(Problem.error(Location.of(catalogue.file().toString()), "no measure has data for " + month));
        }
        if (found.hasErrors()) {
            return new MonthRun(month, assessments, Optional.empty(), Map.of(), found.sorted());
        }
        List<NoteFile> notes = settings.notesRead() ? new NotesLoader(catalogue, found).read(notesFolder(), month)
                : List.of();
        if (found.hasErrors()) {
            return new MonthRun(month, assessments, Optional.empty(), Map.of(), found.sorted());
        }
        Optional<RuleRun.Result> result = Stages.timed("rule sessions", () -> RuleRun.run(rules, assessments,
                settings.ruleTimeout(), settings.audited(), settings.everyArea(), settings.everyCore(), found));
        Optional<org.pcpassessor.narrative.Report> report = result.flatMap(r -> Stages.timed("assemble", () -> Assembler.assemble(catalogue,
                month, assessments, r, notes, settings.full(), rules.phrases(), found)));
        Map<SeriesKey, List<NearMiss>> misses = report.isEmpty() || nearMissesOf.isEmpty() ? Map.of()
                : Stages.timed("near misses", () -> nearMisses(assessments, nearMissesOf, memo, found));
        if (found.hasErrors()) { // a classify rule that failed on a series' facts moved a little
            return new MonthRun(month, assessments, Optional.empty(), Map.of(), found.sorted());
        }
        return new MonthRun(month, assessments, report, misses, found.sorted());
    }

    /**
     * The month's assessments ({@link #assess}), and when this workspace keeps statistics (a watch's), the same
     * objects again while the month is the last one assessed, with the problems found choosing its series.
     */
    private List<Assessment> assessKept(YearMonth month, Problems found) {
        if (lastAssessed == null) {
            return assess(month, found);
        }
        Assessed kept = lastAssessed.get();
        if (kept == null || !kept.month().equals(month)) {
            Problems chosen = new Problems();
            kept = new Assessed(month, assess(month, chosen), chosen.sorted());
            lastAssessed.set(kept);
        }
        kept.problems().forEach(found::add);
        return kept.assessments();
    }

    /**
     * The assessments of the month, in catalogue order (measure, then area). The series to assess are chosen in
     * order, with their problems; the statistics, independent per series, are then computed (on every core for a
     * big catalogue), and the results kept in that order. A series' calculator (with its running totals, as big as
     * the series) is made when its turn comes and dropped after, not made for every series first.
     */
    private List<Assessment> assess(YearMonth month, Problems found) {
        List<Chosen> out = new ArrayList<>();
        for (Measure m : catalogue.measures()) {
            for (String area : catalogue.areas()) {
                Optional<Series> series = data.series(m.id(), area);
                if (series.isEmpty()) {
                    continue;
                }
                Series s = series.get();
                boolean headline = area.equals(catalogue.headlineArea());
                if (m.until().isPresent() && month.isAfter(m.until().get())) {
                    if (headline) {
                        found.add(Problem.warning(m.source(), "measure '" + m.id() + "' is published only to "
                                + m.until().get() + " (catalogue 'until'); it is left out of " + month));
                    }
                    continue;
                }
                if (month.isBefore(s.start())) {
                    found.add(Problem.warning(m.source(), "measure '" + m.id() + "' has no data yet in " + month
                            + " (" + area + " starts " + s.start() + "); it is left out"));
                    continue;
                }
                Optional<org.pcpassessor.catalogue.Event> declaredBreak = m.events().stream()
                        .filter(e -> e.kind() == org.pcpassessor.catalogue.Event.Kind.SUPPLY_BREAK).findFirst();
                if (month.isAfter(s.end()) && declaredBreak.isPresent()
                        && !declaredBreak.get().month().isAfter(s.end().plusMonths(1))) {
                    s = s.extendedTo(month); // the months of a declared break need no rows: they are not data
                }
                if (s.indexOf(month) < 0) {
                    String message = "no data for " + month + " for measure '" + m.id() + "' in " + area
                            + " (its series runs " + s.start() + " to " + s.end() + ")"
                            + (month.isAfter(s.end()) ? "; if its supply stopped, declare it in the catalogue: "
                            + "events: [{month: " + s.end().plusMonths(1) + ", kind: supply-break, text: ...}]" : "");
                    found.add(headline ? Problem.error(m.source(), message)
                            : Problem.warning(m.source(), message + "; the area is left out"));
                    continue;
                }
                out.add(new Chosen(m, s, headline));
            }
        }
        // toList keeps the encounter order either way; below a thousand series the threads cost more than they save
        return (out.size() >= PARALLEL_FROM ? out.parallelStream() : out.stream())
                .map(c -> new Calculator(c.measure(), c.series(), c.headline(), catalogue.confidence(), catalogue.spc(),
                        anomalies.getOrDefault(DataChecks.key(c.measure().id(), c.series().area()), List.of()))
                        .against(c.headline() ? comparators(c.measure()) : Map.of(),
                                catalogue.population(c.series().area()))
                        .within(catalogue.levelOf(c.series().area()), catalogue.parentOf(c.series().area()).orElse(""))
                        .assess(month))
                .toList();
    }

    /** The measure's comparator series that the data has (the headline area is compared with them). */
    private Map<org.pcpassessor.catalogue.ComparatorSeries, Series> comparators(Measure m) {
        Map<org.pcpassessor.catalogue.ComparatorSeries, Series> out = new java.util.HashMap<>();
        for (org.pcpassessor.catalogue.ComparatorSeries c : m.comparators()) {
            data.series(c.id(), c.area()).ifPresent(s -> out.put(c, s));
        }
        return out;
    }

    /** A series chosen to be assessed. */
    private record Chosen(Measure measure, Series series, boolean headline) {
    }

    /**
     * The number of series from which the statistics run on every core: measured with bench/scale.sh, parallel
     * statistics took 8x43 (12,728 series) from 40.3 to 35.2 s, and cost the bundled 111 series about 0.4 s.
     */
    static final int PARALLEL_FROM = 1000;

    /**
     * The near misses of each named series with data, by series, with the other areas of its measure; a classify rule
     * that fails on the changed facts is a problem in {@code found}, and the search stops there.
     */
    private Map<SeriesKey, List<NearMiss>> nearMisses(List<Assessment> assessments, java.util.Set<SeriesKey> keys,
                                                      NearMisses.Memo memo, Problems found) {
        Map<SeriesKey, List<NearMiss>> misses = new LinkedHashMap<>();
        try (RuleRun.Classifier classifier = new RuleRun.Classifier(settings.ruleTimeout())) {
            for (SeriesKey key : keys) {
                List<Assessment> sameMeasure = assessments.stream()
                        .filter(a -> a.snapshot().measureId().equals(key.measureId())).toList();
                Optional<Assessment> target = sameMeasure.stream().filter(a -> a.snapshot().area().equals(key.area()))
                        .findFirst();
                if (target.isEmpty()) {
                    continue;
                }
                Optional<List<NearMiss>> near = memo == null
                        ? NearMisses.find(rules, sameMeasure, target.get(), classifier, found)
                        : NearMisses.find(memo, rules, sameMeasure, target.get(), settings.ruleTimeout(), classifier,
                                found);
                if (near.isEmpty()) {
                    break;
                }
                misses.put(key, near.get());
            }
        }
        return misses;
    }

    /** The series the report's tables show: every measure of the catalogue in its headline area. */
    public java.util.Set<SeriesKey> tableSeries() {
        Catalogue c = requireCatalogue();
        java.util.Set<SeriesKey> keys = new java.util.LinkedHashSet<>();
        c.measures().forEach(m -> keys.add(new SeriesKey(m.id(), c.headlineArea())));
        return keys;
    }

    /**
     * What {@code check} reports: the loading and contract problems, then every month of the window ending with the
     * report month run exactly as {@code report} would run it (each error once, with its file:line), the report
     * month's warnings, and a warning for each rule that fired on no measure in any of those months.
     */
    public List<Problem> check(YearMonth last, int months) {
        Problems all = new Problems();
        all.addAll(problems);
        if (!ok()) {
            return all.sorted();
        }
        java.util.Set<Location> fired = new java.util.HashSet<>();
        java.util.Set<Problem> seen = new java.util.HashSet<>();
        int ran = 0;
        for (int i = months - 1; i >= 0; i--) {
            MonthRun run = run(last.minusMonths(i));
            for (Problem p : run.problems()) {
                if (p.isError() && seen.add(p)) {
                    all.add(Problem.error(p.location(), p.message() + " (when run for " + run.month() + ")"));
                } else if (!p.isError() && i == 0) {
                    all.add(p); // what report warns of for the report month (a stray file in its notes, say)
                }
            }
            run.report().ifPresent(r -> r.audit().forEach(e -> fired.add(e.source())));
            if (run.ok()) {
                ran++;
            }
            String rulesFolder = rules.folder().toString();
            if (run.problems().stream().anyMatch(p -> p.isError() && p.file().startsWith(rulesFolder))) {
                break; // a rule failed (an error, a loop, the time limit): it would fail the same way each month
            }
        }
        if (ran == months) {
            // only when every month ran: a month that failed fired no rule, so its silence says nothing
            // A rule marked @rare says something that seldom happens (a rise from none); it is tested by scenarios.
            java.util.Set<Location> rare = new java.util.HashSet<>();
            rules.model().rules().stream().filter(r -> r.annotations().contains("rare")).forEach(r -> rare.add(r.at()));
            for (RuleBase.RuleInfo rule : rules.rules()) {
                if (!fired.contains(rule.source()) && !rare.contains(rule.source())) {
                    all.add(Problem.warning(rule.source(), "rule '" + rule.name() + "' fired on no measure of the "
                            + "catalogue in the " + months + " months to " + org.pcpassessor.facts.Months.longName(last)));
                }
            }
        }
        return all.sorted();
    }

    /** The months {@code check} runs by default: the report month and the 11 before it. */
    public static final int CHECK_MONTHS = 12;

}
