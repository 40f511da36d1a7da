package org.pcpassessor.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pcpassessor.problem.InputException;
import org.pcpassessor.core.Workspace;
import org.pcpassessor.scenario.ScenarioRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code assess test}: runs the scenario files of a folder on the rules. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run the scenarios (*.yaml) of a folder on the rules and say what passed, what failed and "
                + "why, and which rules no scenario fires. Exit 1 when any scenario fails.")
final class TestCommand implements Callable<Integer> {
    @Mixin
    InputOptions inputs;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = "scenarios",
            description = "The scenarios folder (default: ${DEFAULT-VALUE}).")
    Path folder;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = InputOptions.resolve(folder);
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), "scenarios folder not found");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") && !p.startsWith(dir.resolve("catalogues")))
                    .sorted().toList();
        } catch (java.io.UncheckedIOException | SecurityException e) {
            Exception cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
            throw new InputException(dir.toString(), "cannot list the scenarios folder: "
                    + org.pcpassessor.input.IoMessages.reason(cause));
        }
        if (files.isEmpty()) {
            throw new InputException(dir.toString(), "no scenario files (*.yaml) in the folder");
        }
        // The same catalogue, rules and contract checks as check and report (a rule or measure they reject fails
        // here too); the catalogue's data files are not read, since each scenario brings its own series.
        Workspace workspace = Workspace.loadDefinitions(inputs.catalogue(), inputs.rules(), inputs.settings());
        Failures.requireNoErrors(workspace.problems());
        ScenarioRunner.Summary summary = new ScenarioRunner(workspace, inputs.catalogue(), inputs.settings())
                .run(files, spec.commandLine().getOut());
        Failures.requireNoErrors(summary.problems());
        return summary.failed() > 0 ? 1 : 0;
    }
}
