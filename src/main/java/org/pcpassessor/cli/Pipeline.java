package org.pcpassessor.cli;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pcpassessor.catalogue.Catalogue;
import org.pcpassessor.catalogue.CatalogueLoader;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.data.DataSet;
import org.pcpassessor.data.Series;
import org.pcpassessor.data.SeriesLoader;
import org.pcpassessor.narrative.Assembler;
import org.pcpassessor.narrative.Report;
import org.pcpassessor.problem.InputException;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.rules.RuleBase;
import org.pcpassessor.rules.RuleLint;
import org.pcpassessor.rules.RuleRun;
import org.pcpassessor.stats.Assessment;
import org.pcpassessor.stats.Calculator;
import org.pcpassessor.stats.SignificanceTests;

/**
 * Catalogue + data + rules, loaded with every problem collected before any is reported; then, for a month,
 * the assessments, the rule run and the assembled report.
 */
final class Pipeline {
    final Catalogue catalogue;
    final DataSet data;
    final RuleBase rules;
    final Problems problems;

    private Pipeline(Catalogue catalogue, DataSet data, RuleBase rules, Problems problems) {
        this.catalogue = catalogue;
        this.data = data;
        this.rules = rules;
        this.problems = problems;
    }

    /** Loads all three inputs; problems (errors and warnings) are in {@link #problems}. */
    static Pipeline load(Path catalogueFile, Path rulesFolder) {
        return load(catalogueFile, rulesFolder, null);
    }

    /** As {@link #load(Path, Path)}, reusing an already compiled rule base when one is given. */
    static Pipeline load(Path catalogueFile, Path rulesFolder, RuleBase compiled) {
        Problems problems = new Problems();
        Catalogue catalogue = new CatalogueLoader(SignificanceTests.names(), problems).read(catalogueFile);
        if (catalogue != null) {
            checkTests(catalogue, problems);
        }
        DataSet data = catalogue == null ? null : new SeriesLoader(catalogue, problems).read();
        RuleBase rules = compiled != null ? compiled : RuleBase.compile(rulesFolder, problems);
        if (rules != null && catalogue != null) {
            RuleLint.check(rules, catalogue.measures().stream().map(Measure::id).toList(), problems);
        }
        return new Pipeline(catalogue, data, rules, problems);
    }

    private static void checkTests(Catalogue catalogue, Problems problems) {
        for (Measure m : catalogue.measures()) {
            m.tests().forEach((basis, name) -> {
                if (!SignificanceTests.kindsOf(name).contains(m.kind())) {
                    problems.error(m.source().file(), m.source().line(), m.source().column(), "test '" + name
                            + "' (for " + basis + ") does not apply to a " + m.kind().yamlName() + " measure ("
                            + m.id() + ")");
                }
            });
        }
    }

    /** The same inputs with a problem list of its own, for trial runs whose warnings are not the user's. */
    Pipeline quiet() {
        return new Pipeline(catalogue, data, rules, new Problems());
    }

    boolean ok() {
        return !problems.hasErrors() && catalogue != null && data != null && rules != null;
    }

    /** Throws the collected problems as one {@link InputException} if any is an error. */
    void requireOk() {
        if (!ok()) {
            throw new InputException("input", problems.sorted());
        }
    }

    YearMonth month(Optional<YearMonth> requested) {
        return requested.orElse(catalogue.defaultMonth());
    }

    /**
     * Every measure and area with data for the month. A headline series that does not reach the month is an
     * error; an area series that does not is left out of the report with a warning.
     */
    List<Assessment> assess(YearMonth month) {
        Problems monthProblems = new Problems();
        List<Assessment> out = new ArrayList<>();
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
                        monthProblems.warning(m.source().file(), m.source().line(), m.source().column(), "measure '"
                                + m.id() + "' is published only to " + m.until().get() + " (catalogue 'until'); it is"
                                + " left out of " + month);
                    }
                    continue;
                }
                if (month.isBefore(s.start())) {
                    monthProblems.warning(m.source().file(), m.source().line(), m.source().column(), "measure '"
                            + m.id() + "' has no data yet in " + month + " (" + area + " starts " + s.start()
                            + "); it is left out");
                    continue;
                }
                if (s.indexOf(month) < 0) {
                    String message = "no data for " + month + " for measure '" + m.id() + "' in " + area
                            + " (its series runs " + s.start() + " to " + s.end() + ")";
                    if (headline) {
                        monthProblems.error(m.source().file(), m.source().line(), m.source().column(), message);
                    } else {
                        monthProblems.warning(m.source().file(), m.source().line(), m.source().column(),
                                message + "; the area is left out");
                    }
                    continue;
                }
                out.add(new Calculator(m, s, headline, catalogue.confidence(), catalogue.spc()).assess(month));
            }
        }
        problems.addAll(monthProblems.sorted());
        monthProblems.throwIfErrors("month");
        return out;
    }

    Report report(YearMonth month) {
        List<Assessment> assessments = assess(month);
        return report(month, assessments, new RuleRun(rules));
    }

    Report report(YearMonth month, List<Assessment> assessments, RuleRun run) {
        return Assembler.assemble(catalogue, month, assessments, run.run(assessments));
    }
}
