package org.pcpassessor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pcpassessor.core.MonthRun;
import org.pcpassessor.core.Workspace;
import org.pcpassessor.narrative.Report;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.report.JsonReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assess report}: checks the inputs, then writes the report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Check the inputs, then write the draft report (Markdown, JSON, HTML or Word) for a month.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    InputOptions inputs;

    @Mixin
    ReportOptions output;

    @Option(names = "--audit", paramLabel = "FILE",
            description = "Also write every rule firing, in order, as JSON Lines (atomically).")
    Path audit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        output.check();
        AtomicFiles.requireWritable(audit, "--audit");
        Workspace workspace = Workspace.load(inputs.catalogue(), inputs.rules(), null,
                inputs.settings().withFull(output.full));
        Workspace.requireNoErrors(workspace.problems());
        Report report = run(workspace, output, spec.commandLine().getErr());
        if (audit != null) {
            AtomicFiles.write(audit, JsonReport.auditLines(report.audit()), "--audit");
        }
        output.write(workspace, report, spec.commandLine().getOut());
        return 0;
    }

    /** Runs the month the options name; throws the problems when any is an error, prints the warnings. */
    static Report run(Workspace workspace, ReportOptions output, PrintWriter err) {
        MonthRun run = workspace.run(workspace.month(Optional.ofNullable(output.month)));
        List<Problem> problems = new ArrayList<>(workspace.problems());
        problems.addAll(run.problems());
        problems.sort(Problem.READING_ORDER);
        Workspace.requireNoErrors(problems);
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.flush();
        }
        return run.report().orElseThrow();
    }
}
