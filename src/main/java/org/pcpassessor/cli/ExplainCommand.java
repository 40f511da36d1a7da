package org.pcpassessor.cli;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pcpassessor.catalogue.Catalogue;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.catalogue.SeriesKey;
import org.pcpassessor.core.MonthRun;
import org.pcpassessor.core.Workspace;
import org.pcpassessor.narrative.MeasureReport;
import org.pcpassessor.narrative.Report;
import org.pcpassessor.problem.InputException;
import org.pcpassessor.problem.Suggestions;
import org.pcpassessor.report.Explanation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assess explain}: the whole chain behind one measure's figures, labels, findings and sentences. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain a measure: how each figure was made, each test, the rule (file:line) behind each "
                + "finding and sentence, and the rules that nearly fired.")
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    InputOptions inputs;

    @Parameters(index = "0", paramLabel = "MEASURE", description = "The measure id, as in the catalogue.")
    String measureId;

    @Option(names = "--area", paramLabel = "AREA", description = "The area (default: the headline area).")
    String area;

    @Option(names = "--month", paramLabel = "YYYY-MM", converter = YearMonthConverter.class,
            description = "The report month (default: report.month in the catalogue).")
    YearMonth month;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Workspace workspace = Workspace.load(inputs.catalogue(), inputs.rules(), inputs.settings());
        Failures.requireNoErrors(workspace.problems());
        Catalogue catalogue = workspace.catalogue().orElseThrow();
        catalogue.measure(measureId).orElseThrow(() -> new InputException(
                inputs.catalogue().toString(), "unknown measure '" + measureId + "'"
                        + Suggestions.didYouMean(measureId, catalogue.measures().stream().map(Measure::id).toList())));
        String where = area == null ? catalogue.headlineArea() : area;
        if (!catalogue.areas().contains(where)) {
            throw new InputException(inputs.catalogue().toString(), "unknown area '" + where + "'"
                    + Suggestions.didYouMean(where, catalogue.areas()) + "; the areas are " + catalogue.areas());
        }
        YearMonth m = workspace.month(Optional.ofNullable(month));
        SeriesKey key = new SeriesKey(measureId, where);
        MonthRun run = workspace.run(m, java.util.Set.of(key), null);
        Failures.requireNoErrors(run.problems());
        Report report = run.report().orElseThrow();
        MeasureReport r = report.measures().stream()
                .filter(x -> x.measure().id().equals(measureId) && x.area().equals(where)).findFirst()
                .orElseThrow(() -> new InputException(inputs.catalogue().toString(), "no data for " + measureId
                        + " in " + where + " for " + m));
        PrintWriter out = spec.commandLine().getOut();
        out.print(Explanation.text(r, Explanation.Firings.of(report.audit()), report.placements(),
                run.nearMisses().getOrDefault(key, java.util.List.of())));
        out.flush();
        return 0;
    }
}
