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
import org.pcpassessor.catalogue.Catalogue;
import org.pcpassessor.catalogue.CatalogueLoader;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.data.Series;
import org.pcpassessor.narrative.Assembler;
import org.pcpassessor.narrative.MeasureReport;
import org.pcpassessor.narrative.Report;
import org.pcpassessor.problem.InputException;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.problem.Suggestions;
import org.pcpassessor.rules.AuditEvent;
import org.pcpassessor.rules.Finding;
import org.pcpassessor.rules.RuleBase;
import org.pcpassessor.rules.RuleRun;
import org.pcpassessor.rules.Sentence;
import org.pcpassessor.stats.Assessment;
import org.pcpassessor.stats.Calculator;
import org.pcpassessor.stats.SignificanceTests;

/** Runs scenarios on a rule base and says, for each, what it expected and what the rules made instead. */
public final class ScenarioRunner {
    private static final Map<String, String> LABEL_BASIS = Map.of("vsBenchmark", "benchmark", "vs1yrAvg", "1yr",
            "vs3yrAvg", "3yr", "vsLastYear", "lastYear");

    /** The outcome of a run over a folder of scenarios. */
    public record Summary(int passed, int failed, List<RuleBase.RuleInfo> notFired) {
        public Summary {
            notFired = List.copyOf(notFired);
        }
    }

    private final RuleBase rules;
    private final Path defaultCatalogue;
    private final Map<Path, Catalogue> catalogues = new HashMap<>();

    public ScenarioRunner(RuleBase rules, Path defaultCatalogue) {
        this.rules = rules;
        this.defaultCatalogue = defaultCatalogue;
    }

    /** Loads every scenario first (all problems reported together, exit 2), then runs them and prints. */
    public Summary run(List<Path> files, PrintWriter out) {
        Problems problems = new Problems();
        ScenarioLoader loader = new ScenarioLoader(problems);
        List<Scenario> scenarios = new ArrayList<>();
        for (Path f : files) {
            Scenario s = loader.read(f);
            if (s != null) {
                scenarios.add(s);
            }
        }
        problems.throwIfErrors("scenarios");
        Set<String> fired = new LinkedHashSet<>();
        int passed = 0;
        int failed = 0;
        for (Scenario s : scenarios) {
            List<String> failures = new ArrayList<>();
            Report report = run(s, failures, fired);
            if (report != null) {
                check(s, report, failures);
            }
            if (failures.isEmpty()) {
                passed++;
                out.printf("PASS  %s  (%s)%n", s.name(), s.file());
            } else {
                failed++;
                out.printf("FAIL  %s  (%s)%n", s.name(), s.file());
                failures.forEach(f -> out.printf("      %s%n", f));
            }
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
        return new Summary(passed, failed, notFired);
    }

    private Catalogue catalogue(Scenario s) {
        Path path = s.catalogue().orElse(defaultCatalogue);
        return catalogues.computeIfAbsent(path.toAbsolutePath().normalize(), p -> {
            Problems problems = new Problems();
            Catalogue c = new CatalogueLoader(SignificanceTests.names(), problems).read(path);
            problems.throwIfErrors("catalogue of " + s.file());
            return c;
        });
    }

    private Report run(Scenario s, List<String> failures, Set<String> fired) {
        Catalogue catalogue = catalogue(s);
        String file = s.file().toString();
        List<Assessment> assessments = new ArrayList<>();
        for (Scenario.SeriesSpec spec : s.series()) {
            Optional<Measure> measure = catalogue.measure(spec.measure());
            if (measure.isEmpty()) {
                throw new InputException(file + ":" + spec.line(), "unknown measure '" + spec.measure() + "'"
                        + Suggestions.didYouMean(spec.measure(),
                        catalogue.measures().stream().map(Measure::id).toList()) + " in " + catalogue.file());
            }
            String area = spec.area().orElse(catalogue.headlineArea());
            if (!catalogue.areas().contains(area)) {
                throw new InputException(file + ":" + spec.line(), "unknown area '" + area + "'"
                        + Suggestions.didYouMean(area, catalogue.areas()));
            }
            Series series = Scenario.series(spec, measure.get().kind(), area, file);
            if (series.indexOf(s.month()) < 0) {
                throw new InputException(file + ":" + spec.line(), "the series of " + spec.measure() + " runs "
                        + series.start() + " to " + series.end() + " and does not reach the month " + s.month());
            }
            assessments.add(new Calculator(measure.get(), series, area.equals(catalogue.headlineArea()),
                    catalogue.confidence(), catalogue.spc()).assess(s.month()));
        }
        RuleRun.Result result = new RuleRun(rules).run(assessments);
        result.audit().stream().map(AuditEvent::source).forEach(fired::add);
        return Assembler.assemble(catalogue, s.month(), assessments, result);
    }

    private static void check(Scenario s, Report report, List<String> failures) {
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
            e.labels().forEach((name, want) -> {
                String got = r.label(LABEL_BASIS.get(name));
                if (!got.equals(want)) {
                    failures.add(where + "expected " + name + " " + want + ", got " + got);
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
        }
    }

    /** "CODE" matches the code on any basis; "CODE basis" only on that basis. */
    private static boolean matches(Finding f, String spec) {
        String[] parts = spec.strip().split("\\s+");
        return f.code().equals(parts[0]) && (parts.length == 1 || f.basis().equals(parts[1]));
    }
}
