package org.pcpassessor.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.pcpassessor.core.Workspace;
import org.pcpassessor.problem.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assess check}: everything {@code report} would reject, for every month of the checked window. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Load the catalogue, the data and the rules, check the rules' contract (codes, templates, "
                + "evidence keys, compared values), run each of the 12 months to the report month as report would, "
                + "and report every problem with file:line:column. Exit 2 on any error (or warning, with --strict).")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    InputOptions inputs;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Workspace workspace = Workspace.load(inputs.catalogue(), inputs.rules(), inputs.settings());
        List<Problem> problems = workspace.ok()
                ? workspace.check(workspace.month(java.util.Optional.empty()), Workspace.CHECK_MONTHS)
                : workspace.problems();
        boolean errors = problems.stream().anyMatch(Problem::isError);
        if (!errors) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("ok: " + workspace.catalogue().orElseThrow().measures().size() + " measures, "
                    + workspace.seriesCount() + " series, "
                    + workspace.ruleCount() + " rules, "
                    + Workspace.CHECK_MONTHS + " months run (" + inputs.catalogue() + ", " + inputs.rules() + ")");
            out.flush();
        }
        if (!problems.isEmpty()) {
            Failures.print(spec.commandLine().getErr(), problems);
        }
        return errors || strict && !problems.isEmpty() ? 2 : 0;
    }
}
