package org.pcpassessor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import org.pcpassessor.narrative.Report;
import org.pcpassessor.report.JsonReport;
import org.pcpassessor.report.MarkdownReport;
import picocli.CommandLine.Option;

/** The options of a report run, shared by {@code report} and {@code watch}, and how its output is written. */
final class ReportOptions {
    enum Format { markdown, json }

    @Option(names = "--month", paramLabel = "YYYY-MM", converter = YearMonthConverter.class,
            description = "The report month (default: report.month in the catalogue).")
    YearMonth month;

    @Option(names = "--format", defaultValue = "markdown",
            description = "markdown or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--full",
            description = "Say everything the rules found: no budget of paragraphs and sentences, trivial findings "
                    + "too (by default what the budget leaves out is listed under 'Also noted').")
    boolean full;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the report here (atomically) instead of standard output.")
    Path out;

    /** Renders the report in the chosen format and writes it to --out (atomically) or to standard output. */
    void write(Report report, PrintWriter stdout) {
        String text = format == Format.json ? JsonReport.render(report) : MarkdownReport.render(report);
        if (out == null) {
            stdout.print(text);
            stdout.flush();
        } else {
            AtomicFiles.write(out, text, "--out");
        }
    }
}
