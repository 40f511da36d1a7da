package org.pcpassessor.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.pcpassessor.core.MonthRun;
import org.pcpassessor.core.Workspace;
import org.pcpassessor.narrative.Report;
import org.pcpassessor.problem.InputException;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.report.DocxReport;
import org.pcpassessor.report.Draft;
import org.pcpassessor.report.HtmlReport;
import org.pcpassessor.report.JsonReport;
import org.pcpassessor.report.MarkdownReport;
import picocli.CommandLine.Option;

/** The options of a report run, shared by {@code report} and {@code watch}, and how its output is written. */
final class ReportOptions {
    enum Format {
        markdown, json, html, docx;

        /** The template a format is printed through by default; empty for those with none. */
        String defaultTemplate() {
            return this == html ? "templates/report.html" : this == docx ? "templates/paper.docx" : "";
        }
    }

    @Option(names = "--month", paramLabel = "YYYY-MM", converter = YearMonthConverter.class,
            description = "The report month (default: report.month in the catalogue).")
    YearMonth month;

    @Option(names = "--format", defaultValue = "markdown",
            description = "markdown, json, html (one page with charts and explanations) or docx (a Word paper from "
                    + "the template) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--template", paramLabel = "FILE",
            description = "The template of --format html or docx (default: templates/report.html, "
                    + "templates/paper.docx).")
    Path template;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The date printed on the Word paper (default: the catalogue's paper date; without one, "
                    + "today's, with a warning).")
    java.time.LocalDate date;

    @Option(names = "--also-noted", defaultValue = "none", paramLabel = "WHERE",
            description = "Where the Word paper prints what the budget left out ('Also noted'): none, appendix (after "
                    + "the closing recommendation) or inline (under each priority) (default: ${DEFAULT-VALUE}). The "
                    + "other formats list it all.")
    DocxReport.AlsoNoted alsoNoted;

    @Option(names = "--full",
            description = "Say everything the rules found: no budget of paragraphs and sentences, trivial findings "
                    + "too (by default what the budget leaves out is listed under 'Also noted').")
    boolean full;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the report here (atomically) instead of standard output (required for docx).")
    Path out;

    /** Checks the options that need no run: a template only for html and docx; docx needs --out. */
    void check() {
        checkTemplate();
        if (format == Format.docx && out == null) {
            throw new InputException("option --out", "--format docx writes a Word file: name it with --out FILE");
        }
        AtomicFiles.requireWritable(out, "--out");
    }

    /** A template only for html and docx. */
    void checkTemplate() {
        if (template != null && format.defaultTemplate().isEmpty()) {
            throw new InputException("option --template", "--template is for --format html or docx, not " + format);
        }
    }

    /** Whether the format shows the rule firings of the audit trail (the HTML report's explanations do). */
    boolean showsAudit() {
        return format == Format.html;
    }

    /**
     * Whether the format shows what the rules found about every area (JSON: every series' findings; HTML: every
     * measure's explanations), not only the headline area's tables and the sentences (Markdown, Word).
     */
    boolean showsEveryArea() {
        return format == Format.json || format == Format.html;
    }

    /** The file name ending of the format. */
    String extension() {
        return format == Format.markdown ? "md" : format.name();
    }

    Path template() {
        return template != null ? template : InputOptions.resolve(Path.of(format.defaultTemplate()));
    }

    /** The series whose near misses the format shows: the HTML page's tables; none for the others. */
    java.util.Set<org.pcpassessor.catalogue.SeriesKey> nearMissesOf(Workspace workspace) {
        return format == Format.html ? workspace.tableSeries() : java.util.Set.of();
    }

    /**
     * The run's report in the chosen format, as bytes (UTF-8 text for all but docx), or the command ends with the
     * template's problems when the HTML or Word template cannot be used.
     */
    byte[] render(MonthRun run, boolean live, List<Problem> problems) {
        Problems found = new Problems();
        java.util.Optional<byte[]> bytes = render(run, live, problems, found);
        Failures.requireNoErrors(found.sorted());
        return bytes.orElseThrow();
    }

    /**
     * The run's report in the chosen format (the HTML page with the near misses the run found); empty, with the
     * template's problems added to {@code found}, when the HTML or Word template cannot be read or filled.
     */
    java.util.Optional<byte[]> render(MonthRun run, boolean live, List<Problem> problems, Problems found) {
        Report report = run.report().orElseThrow();
        return switch (format) {
            case markdown -> java.util.Optional.of(utf8(MarkdownReport.render(report)));
            case json -> java.util.Optional.of(JsonReport.bytes(report));
            case html -> HtmlReport.load(template(), found).flatMap(page -> page.render(Draft.of(report),
                    run.nearMisses(), live, problems, found)).map(ReportOptions::utf8);
            case docx -> DocxReport.load(template(), found).flatMap(paper -> paper.render(Draft.of(report),
                    DocxReport.FrontMatter.of(report.catalogue().paper(), report.month(), paperDate(report)),
                    alsoNoted, found));
        };
    }

    /**
     * The Word paper's date: --date, else the catalogue's {@code paper.date}, else today's, said in a warning (a
     * paper for a Board is dated for its meeting, and a run a month later must not redate it unseen).
     */
    private java.time.LocalDate paperDate(Report report) {
        return date != null ? date : report.catalogue().paper().date().orElseGet(java.time.LocalDate::now);
    }

    /** The warning of a Word paper dated today because neither --date nor the catalogue dates it. */
    java.util.Optional<Problem> undatedPaper(Workspace workspace) {
        if (format != Format.docx || date != null || workspace.catalogue().isEmpty()
                || workspace.catalogue().get().paper().date().isPresent()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Problem.warning(workspace.catalogue().get().file().toString(), 0, 0,
                "the Word paper is dated today, " + java.time.LocalDate.now() + ": give its date with --date "
                        + "YYYY-MM-DD or report.paper.date in the catalogue"));
    }

    /** Renders the report in the chosen format and writes it to --out (atomically) or to standard output. */
    void write(MonthRun run, PrintWriter stdout) {
        Report report = run.report().orElseThrow();
        if (format == Format.json && out != null) { // streamed into the file: a national report is not held twice
            AtomicFiles.write(out, stream -> JsonReport.write(report, stream), "--out");
            return;
        }
        if (format == Format.json) { // and to standard output: never held in memory whole
            try {
                JsonReport.write(report, stdout);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            stdout.flush();
            return;
        }
        byte[] bytes = render(run, false, List.of());
        if (out == null) {
            stdout.print(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            stdout.flush();
        } else {
            AtomicFiles.write(out, bytes, "--out");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
