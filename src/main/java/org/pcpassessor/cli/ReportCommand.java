package org.pcpassessor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pcpassessor.narrative.Report;
import org.pcpassessor.report.JsonReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assess report}: checks the inputs, then writes the report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Check the inputs, then write the draft report (Markdown or JSON) for a month.")
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
        Pipeline pipeline = Pipeline.load(inputs.catalogue(), inputs.rules());
        PrintWriter err = spec.commandLine().getErr();
        pipeline.requireOk();
        Report report = pipeline.report(pipeline.month(Optional.ofNullable(output.month)));
        if (pipeline.problems.warningCount() > 0) {
            pipeline.problems.sorted().forEach(err::println);
            err.flush();
        }
        if (audit != null) {
            AtomicFiles.write(audit, JsonReport.auditLines(report.audit()));
        }
        output.write(report, spec.commandLine().getOut());
        return 0;
    }
}
