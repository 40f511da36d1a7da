package org.pcpassessor.cli;

import java.io.PrintWriter;
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
}
