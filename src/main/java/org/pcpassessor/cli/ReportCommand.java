package org.pcpassessor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pcpassessor.narrative.Report;
import org.pcpassessor.report.JsonReport;
import org.pcpassessor.report.MarkdownReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assess report}: checks the inputs, then writes the report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Check the inputs, then write the draft report (Markdown or JSON) for a month.")
final class ReportCommand implements Callable<Integer> {
    enum Format { markdown, json }

    @Mixin
    InputOptions inputs;

    @Option(names = "--month", paramLabel = "YYYY-MM", converter = YearMonthConverter.class,
            description = "The report month (default: report.month in the catalogue).")
    YearMonth month;

    @Option(names = "--format", defaultValue = "markdown",
            description = "markdown or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the report here (atomically) instead of standard output.")
    Path out;

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
        Report report = pipeline.report(pipeline.month(Optional.ofNullable(month)));
        if (pipeline.problems.warningCount() > 0) {
            pipeline.problems.sorted().forEach(err::println);
            err.flush();
        }
        String text = format == Format.json ? JsonReport.render(report) : MarkdownReport.render(report);
        if (audit != null) {
            AtomicFiles.write(audit, JsonReport.auditLines(report.audit()));
        }
        if (out == null) {
            PrintWriter o = spec.commandLine().getOut();
            o.print(text);
            o.flush();
        } else {
            AtomicFiles.write(out, text);
        }
        return 0;
    }
}
