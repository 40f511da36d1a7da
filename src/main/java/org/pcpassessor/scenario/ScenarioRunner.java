package org.pcpassessor.scenario;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pcpassessor.catalogue.Basis;
import org.pcpassessor.catalogue.Catalogue;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.core.MonthRun;
import org.pcpassessor.core.Workspace;
import org.pcpassessor.data.DataSet;
import org.pcpassessor.data.Series;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.narrative.MeasureReport;
import org.pcpassessor.narrative.Report;
import org.pcpassessor.problem.Location;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.problem.Suggestions;
import org.pcpassessor.audit.AuditEvent;
import org.pcpassessor.rules.RuleBase;
import org.pcpassessor.data.Cells;
import org.pcpassessor.core.Settings;

/**
 * Runs scenarios through the core, exactly as {@code report} runs a month, and says for each what it expected and
 * what the rules made instead. A scenario whose inputs the core rejects is bad input, reported with file:line.
 */
public final class ScenarioRunner {
    /**
     * The outcome of a run over a folder of scenarios: the counts, the rules no scenario fired, and the problems
     * (when any is an error, the run stopped there).
     */
    public record Summary(int passed, int failed, List<RuleBase.RuleInfo> notFired, List<Problem> problems) {
        public Summary {
            notFired = List.copyOf(notFired);
            problems = List.copyOf(problems);
        }
    }

    private final RuleBase rules;
    private final Path defaultCatalogue;
    private final Settings settings;
    /** Each catalogue's measures and the rules, loaded and checked once however many scenarios use them. */
    private final Map<Path, Workspace> definitions = new HashMap<>();

    /** A runner of the scenarios with the rules {@code workspace} compiled (it must have compiled them). */
    public ScenarioRunner(Workspace workspace, Path defaultCatalogue, Settings settings) {
        this(workspace.rules().orElseThrow(() -> new IllegalArgumentException("the workspace has no rules")),
                defaultCatalogue, settings);
    }

    ScenarioRunner(RuleBase rules, Path defaultCatalogue, Settings settings) {
        this.rules = rules;
        this.defaultCatalogue = defaultCatalogue;
        this.settings = settings.withoutNotes(); // the analysts' notes describe the real month, not a scenario
    }

    /**
     * Loads every scenario first, then runs them and prints PASS or FAIL for each, then the rules no scenario fires
     * and the counts. When a scenario file, its catalogue or a rule run is bad, the summary carries every problem
     * (file:line) and nothing more is printed after them.
     */
    public Summary run(List<Path> files, PrintWriter out) {
        Problems problems = new Problems();
        ScenarioLoader loader = new ScenarioLoader(problems);
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> codes = new java.util.TreeSet<>(org.pcpassessor.rules.contract.RuleContract.CONTRACT_CODES.keySet());
        rules.declaredCodes().forEach(d -> codes.add(d.code()));
        for (Path f : files) {
            Scenario s = loader.read(f);
            if (s != null) {
                scenarios.add(s);
                checkCodes(s, codes, problems);
                checkDuplicates(s, problems);
            }
        }
        if (problems.hasErrors()) {
            return new Summary(0, 0, List.of(), problems.sorted());
        }
        Set<Location> fired = new LinkedHashSet<>();
        int passed = 0;
        int failed = 0;
        for (Scenario s : scenarios) {
            Optional<Report> report = run(s, problems, fired);
            if (report.isEmpty()) {
                continue;
            }
            List<String> failures = check(s, report.get());
            if (failures.isEmpty()) {
                passed++;
                out.printf("PASS  %s  (%s)%n", s.name(), s.file());
            } else {
                failed++;
                out.printf("FAIL  %s  (%s)%n", s.name(), s.file());
                failures.forEach(f -> out.printf("      %s%n", f));
            }
        }
        out.flush();
        if (problems.hasErrors()) {
            return new Summary(passed, failed, List.of(), problems.sorted());
        }
        List<RuleBase.RuleInfo> notFired = rules.rules().stream()
                .filter(r -> !fired.contains(r.source()))
                .toList();
        if (!notFired.isEmpty()) {
            out.printf("%nRules no scenario fires (%d):%n", notFired.size());
            notFired.forEach(r -> out.printf("  \"%s\" at %s%n", r.name(), r.source()));
        }
        out.printf("%n%d passed, %d failed%n", passed, failed);
        out.flush();
        return new Summary(passed, failed, notFired, problems.sorted());
    }

    /** The scenario's month through the core; its problems go to {@code problems}, empty when any is an error. */
    private Optional<Report> run(Scenario s, Problems problems, Set<Location> fired) {
        Path catalogueFile = s.catalogue().orElse(defaultCatalogue).toAbsolutePath().normalize();
        Workspace defined = definitions.computeIfAbsent(catalogueFile, f -> {
            Workspace w = Workspace.loadDefinitions(s.catalogue().orElse(defaultCatalogue), rules, settings);
            w.problems().stream().filter(Problem::isError).forEach(problems::add); // said once per catalogue
            return w;
        });
        if (!defined.ok()) {
            return Optional.empty();
        }
        Workspace workspace = defined.withData((catalogue, p) -> data(s, catalogue, p));
        if (!workspace.ok()) {
            workspace.problems().stream().filter(Problem::isError).forEach(problems::add);
            return Optional.empty();
        }
        MonthRun run = workspace.run(s.month());
        run.problems().stream().filter(Problem::isError).forEach(p -> problems.add(Problem.error(p.location(),
                p.message() + " (in scenario " + s.file() + ")")));
        run.report().ifPresent(r -> r.audit().stream().map(AuditEvent::source).forEach(fired::add));
        return run.report();
    }

    /** An expected or absent finding must name a code the rules can make: a misspelt one could never match. */
    private static void checkCodes(Scenario s, Set<String> codes, Problems problems) {
        for (Scenario.Expectation e : s.expectations()) {
            for (String entry : concat(e.findings(), e.absent())) {
                String code = entry.strip().split("\\s+")[0];
                if (!codes.contains(code)) {
                    problems.error(s.file().toString(), e.line(), 0, "unknown finding code '" + code + "'"
                            + Suggestions.didYouMean(code, codes) + "; the rules make: " + String.join(", ", codes));
                }
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Two series of the same measure and area: which one the scenario means is anyone's guess. */
    private static void checkDuplicates(Scenario s, Problems problems) {
        Map<String, Integer> seen = new HashMap<>();
        for (Scenario.SeriesSpec spec : s.series()) {
            String key = spec.measure() + "\u0000" + spec.area().orElse("");
            Integer first = seen.putIfAbsent(key, spec.line());
            if (first != null) {
                problems.error(s.file().toString(), spec.line(), 0, "a second series of " + spec.measure()
                        + spec.area().map(a -> " in " + a).orElse("") + " (the first is at line " + first + ")");
            }
        }
    }

    /** The series' months checked as a data file's rows are ({@link Cells}); false after recording the problems. */
    private static boolean valid(Scenario.SeriesSpec spec, org.pcpassessor.catalogue.Kind kind, Problems problems) {
        List<Double> num = kind.hasDenominator() ? spec.numerators() : spec.values();
        boolean ok = true;
        for (int i = 0; i < num.size(); i++) {
            double den = kind.hasDenominator() ? spec.denominators().get(i) : 1;
            Optional<Cells.Violation> wrong = Cells.check(kind, num.get(i), den);
            if (wrong.isPresent()) {
                Location at = wrong.get().field().equals("denominator") ? spec.denominatorAt().get(i)
                        : spec.valueAt().get(i);
                problems.add(Problem.error(at, wrong.get().message() + " (" + spec.measure() + ", "
                        + spec.from().plusMonths(i) + ")"));
                ok = false;
            }
        }
        return ok;
    }

    /** The scenario's series, checked against the catalogue like rows of a data file. */
    private static DataSet data(Scenario s, Catalogue catalogue, Problems problems) {
        String file = s.file().toString();
        List<Series> series = new ArrayList<>();
        for (Scenario.SeriesSpec spec : s.series()) {
            // a comparator's series (the national rate) is given like a measure's, in the comparator's own area, and
            // may end before the scenario's month (national figures come behind)
            Optional<java.util.Map.Entry<org.pcpassessor.catalogue.ComparatorSeries, Measure>> comparator =
                    catalogue.comparator(spec.measure());
            Optional<Measure> measure = comparator.map(c -> c.getKey().asSeriesOf(c.getValue()))
                    .or(() -> catalogue.measure(spec.measure()));
            if (measure.isEmpty()) {
                problems.error(file, spec.line(), 0, "unknown measure '" + spec.measure() + "'"
                        + Suggestions.didYouMean(spec.measure(), catalogue.measures().stream().map(Measure::id).toList())
                        + " in " + catalogue.file());
                continue;
            }
            String area = spec.area().orElse(comparator.map(c -> c.getKey().area()).orElse(catalogue.headlineArea()));
            boolean areaKnown = comparator.map(c -> c.getKey().area().equals(area))
                    .orElse(catalogue.areas().contains(area));
            if (!areaKnown) {
                problems.error(file, spec.line(), 0, "unknown area '" + area + "'" + Suggestions.didYouMean(area,
                        comparator.map(c -> List.of(c.getKey().area())).orElse(catalogue.areas())));
                continue;
            }
            org.pcpassessor.catalogue.Kind kind = measure.get().kind();
            boolean given = kind.hasDenominator() ? !spec.numerators().isEmpty() : !spec.values().isEmpty();
            if (!given) {
                problems.error(file, spec.line(), 0, spec.measure() + " is a " + kind.yamlName() + ": give it "
                        + (kind.hasDenominator() ? "numerators and denominators" : "values"));
                continue;
            }
            if (!valid(spec, kind, problems)) {
                continue;
            }
            Series made = Scenario.series(spec, kind, area, file);
            boolean breakDeclared = measure.get().events().stream()
                    .anyMatch(e -> e.kind() == org.pcpassessor.catalogue.Event.Kind.SUPPLY_BREAK
                            && !e.month().isAfter(made.end().plusMonths(1)));
            if (made.indexOf(s.month()) < 0 && !(breakDeclared && s.month().isAfter(made.end()))
                    && !(comparator.isPresent() && s.month().isAfter(made.end()))) {
                problems.error(file, spec.line(), 0, "the series of " + spec.measure() + " runs " + made.start()
                        + " to " + made.end() + " and does not reach the month " + s.month()
                        + (s.month().isAfter(made.end()) ? " (declare a supply break in its catalogue when its "
                        + "supply stopped)" : ""));
                continue;
            }
            series.add(made);
        }
        return DataSet.of(series);
    }

    private static List<String> check(Scenario s, Report report) {
        List<String> failures = new ArrayList<>();
        for (Scenario.Expectation e : s.expectations()) {
            String area = e.area().orElse(report.catalogue().headlineArea());
            String where = s.file() + ":" + e.line() + ": " + e.measure() + " (" + area + "): ";
            Optional<MeasureReport> found = report.measures().stream()
                    .filter(m -> m.measure().id().equals(e.measure()) && m.area().equals(area)).findFirst();
            if (found.isEmpty()) {
                failures.add(where + "no series for this measure and area in the scenario");
                continue;
            }
            MeasureReport r = found.get();
            List<String> have = r.findings().stream().map(f -> f.code() + " " + f.basis()).toList();
            for (String want : e.findings()) {
                if (r.findings().stream().noneMatch(f -> matches(f, want))) {
                    failures.add(where + "expected finding " + want + "; found " + have);
                }
            }
            for (String unwanted : e.absent()) {
                r.findings().stream().filter(f -> matches(f, unwanted)).findFirst().ifPresent(f -> failures.add(
                        where + "expected no " + unwanted + "; rule \"" + f.rule() + "\" at " + f.source()
                                + " made " + f.code() + " " + f.basis()));
            }
            e.labels().forEach((field, want) -> {
                String got = java.util.Arrays.stream(Basis.values()).filter(b -> b.labelField().equals(field))
                        .findFirst().map(r::label).orElse("-");
                if (!got.equals(want)) {
                    failures.add(where + "expected " + field + " " + want + ", got " + got);
                }
            });
            List<String> texts = r.sentences().stream().map(Sentence::text).toList();
            for (String want : e.sentences()) {
                if (texts.stream().noneMatch(t -> t.contains(want))) {
                    failures.add(where + "expected a sentence containing \"" + want + "\"; sentences: "
                            + (texts.isEmpty() ? "none" : String.join(" | ", texts)));
                }
            }
            for (String unwanted : e.noSentences()) {
                texts.stream().filter(t -> t.contains(unwanted)).findFirst().ifPresent(t -> failures.add(
                        where + "expected no sentence containing \"" + unwanted + "\"; found: " + t));
            }
            List<String> draft = report.pillars().stream().flatMap(p -> p.priorities().stream())
                    .flatMap(p -> p.paragraphs().stream()).map(org.pcpassessor.narrative.Paragraph::text).toList();
            for (String want : e.drafted()) {
                if (draft.stream().noneMatch(t -> t.contains(want))) {
                    failures.add(where + "expected the draft to say \"" + want + "\"; paragraphs: "
                            + (draft.isEmpty() ? "none" : String.join(" | ", draft)));
                }
            }
            for (String kept : e.notDrafted()) {
                if (texts.stream().noneMatch(t -> t.contains(kept))) {
                    failures.add(where + "expected a sentence containing \"" + kept + "\" (left out of the draft); "
                            + "sentences: " + (texts.isEmpty() ? "none" : String.join(" | ", texts)));
                }
                draft.stream().filter(t -> t.contains(kept)).findFirst().ifPresent(t -> failures.add(where
                        + "expected \"" + kept + "\" left out of the draft; paragraph: " + t));
            }
        }
        return failures;
    }

    /** "CODE" matches the code on any basis; "CODE basis" only on that basis. */
    private static boolean matches(Finding f, String spec) {
        String[] parts = spec.strip().split("\\s+");
        return f.code().equals(parts[0]) && (parts.length == 1 || f.basis().equals(parts[1]));
    }
}
