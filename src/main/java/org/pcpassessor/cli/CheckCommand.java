package org.pcpassessor.cli;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import org.pcpassessor.problem.InputException;
import org.pcpassessor.rules.RuleBase;
import org.pcpassessor.stats.Months;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assess check}: loads catalogue, data and rules and reports every problem found. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Load the catalogue, the data and the rules; report every problem with file:line:column. "
                + "Exit 2 on any error (or warning, with --strict).")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    InputOptions inputs;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Pipeline pipeline = Pipeline.load(inputs.catalogue(), inputs.rules());
        PrintWriter err = spec.commandLine().getErr();
        if (pipeline.ok()) {
            unfired(pipeline);
        }
        var problems = pipeline.problems.sorted();
        if (pipeline.ok()) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("ok: " + pipeline.catalogue.measures().size() + " measures, " + pipeline.data.size()
                    + " series, " + pipeline.rules.rules().size() + " rules (" + inputs.catalogue() + ", "
                    + inputs.rules() + ")");
            out.flush();
        }
        if (!problems.isEmpty()) {
            Failures.print(err, problems);
        }
        boolean failed = !pipeline.ok() || strict && !problems.isEmpty();
        return failed ? 2 : 0;
    }

    /** How many months, ending with the report month, a rule may take to fire before it is called idle. */
    static final int MONTHS_TRIED = 12;

    /**
     * Runs the rules on every month of the year to the report month and warns about each rule that fired on no
     * measure of the catalogue in any of them: a rule that never fires is usually a typo or a dead branch.
     */
    private static void unfired(Pipeline pipeline) {
        YearMonth last = pipeline.catalogue.defaultMonth();
        Set<String> fired = new HashSet<>();
        int tried = 0;
        for (int i = MONTHS_TRIED - 1; i >= 0; i--) {
            YearMonth month = last.minusMonths(i);
            Pipeline quiet = pipeline.quiet();
            try {
                quiet.report(month).audit().forEach(e -> fired.add(e.source()));
                tried++;
            } catch (InputException e) {
                // a month without data for some measure: not a rule problem
            }
        }
        for (RuleBase.RuleInfo rule : pipeline.rules.rules()) {
            if (!fired.contains(rule.source()) && tried > 0) {
                int colon = rule.source().lastIndexOf(':');
                pipeline.problems.warning(rule.source().substring(0, colon),
                        Integer.parseInt(rule.source().substring(colon + 1)), 0, "rule '" + rule.name()
                                + "' fired on no measure of the catalogue in the " + tried + " months to "
                                + Months.longName(last));
            }
        }
    }
}
