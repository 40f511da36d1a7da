package org.pcpassessor.report;

import java.time.YearMonth;
import java.util.List;
import org.pcpassessor.catalogue.Basis;
import org.pcpassessor.narrative.MeasureReport;
import org.pcpassessor.narrative.Paragraph;
import org.pcpassessor.narrative.Report;
import org.pcpassessor.facts.Values;
import org.pcpassessor.facts.Months;
import org.pcpassessor.facts.Snapshot;

/**
 * The report as Markdown: per pillar, the performance table in the layout of the Board reports (Current Month,
 * the same month 1, 2 and 3 years back, Current v 1yr avg, Current v 3yr avg, Rolling 12 months, Baseline,
 * Perf v Benchmark) and per priority numbered paragraphs, most important first.
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(Report report) {
        StringBuilder md = new StringBuilder();
        YearMonth month = report.month();
        md.append("# ").append(report.catalogue().title()).append(": ").append(Months.longName(month)).append("\n\n");
        md.append("Draft commentary for the 12 months to ").append(Months.longName(month)).append(", area ")
                .append(report.catalogue().headlineArea()).append(" unless stated. Significance tests at ")
                .append(Values.number(report.catalogue().confidence() * 100, 0))
                .append("% confidence; the baseline is the previous complete financial year unless stated.\n");
        int pillarNumber = 0;
        for (Report.PillarSection pillar : report.pillars()) {
            pillarNumber++;
            md.append("\n## ").append(pillarNumber).append(". ").append(pillar.name()).append("\n\n");
            table(md, pillar, month);
            int priorityNumber = 0;
            for (Report.PrioritySection priority : pillar.priorities()) {
                priorityNumber++;
                String number = pillarNumber + "." + priorityNumber;
                md.append("\n### ").append(number).append(' ')
                        .append(priority.headlines() ? "Performance headlines" : priority.name()).append("\n\n");
                List<String> discontinued = report.catalogue().pillars().stream()
                        .filter(p -> p.name().equals(pillar.name()))
                        .flatMap(p -> p.priorities().stream())
                        .filter(p -> p.name().equals(priority.name()))
                        .flatMap(p -> p.measures().stream())
                        .filter(m -> m.until().isPresent() && month.isAfter(m.until().get()))
                        .map(m -> m.label() + " (to " + Months.longName(m.until().get()) + ")")
                        .toList();
                if (!discontinued.isEmpty()) {
                    md.append("Published only to an earlier month, so not reported: ")
                            .append(String.join(", ", discontinued)).append(".\n");
                }
                if (priority.paragraphs().isEmpty() && priority.alsoNoted().isEmpty()) {
                    if (!priority.trivial().isEmpty()) {
                        md.append("Nothing of note this month: what the rules found is too slight to say (")
                                .append(priority.trivial().size()).append(" sentence")
                                .append(priority.trivial().size() == 1 ? "" : "s")
                                .append("; `report --full` prints them).\n");
                    } else if (discontinued.isEmpty()) {
                        md.append(priority.rows().isEmpty() ? "No data for this priority in " + Months.longName(month)
                                + ".\n" : "No rule found anything to say about this priority.\n");
                    }
                    continue;
                }
                int paragraph = 0;
                for (Paragraph p : priority.paragraphs()) {
                    paragraph++;
                    md.append("- ").append(Report.number(pillarNumber, priorityNumber, paragraph)).append(' ')
                            .append(p.text()).append('\n');
                }
                if (!priority.alsoNoted().isEmpty()) {
                    // collapsed where Markdown is shown as HTML; the draft's budget left these out
                    md.append("\n<details><summary>Also noted (").append(priority.alsoNoted().size())
                            .append(")</summary>\n\n");
                    priority.alsoNoted().forEach(s -> md.append("- ").append(s.text()).append('\n'));
                    md.append("\n</details>\n");
                }
            }
        }
        return md.toString();
    }

    private static void table(StringBuilder md, Report.PillarSection pillar, YearMonth month) {
        md.append("| ").append(escape(pillar.heading())).append(" | Current Month | ")
                .append(Months.shortName(month.minusYears(1))).append(" | ")
                .append(Months.shortName(month.minusYears(2))).append(" | ")
                .append(Months.shortName(month.minusYears(3)))
                .append(" | Current v 1yr avg | Current v 3yr avg | Rolling 12 months | Baseline | Perf v Benchmark |\n");
        md.append("|---|---:|---:|---:|---:|---|---|---:|---:|---|\n");
        for (Report.PrioritySection priority : pillar.priorities()) {
            if (priority.rows().isEmpty()) {
                continue;
            }
            if (!priority.headlines()) {
                md.append("| **").append(escape(priority.name().toUpperCase(java.util.Locale.UK)))
                        .append("** | | | | | | | | | |\n");
            }
            for (MeasureReport r : priority.rows()) {
                Snapshot s = r.assessment().snapshot();
                md.append("| ").append(escape(r.measure().label()));
                // Cells carry no unit: the row label says it ("... (minutes)").
                for (double v : List.of(s.current(), s.sameMonthLastYear(), s.twoYearsAgo(), s.threeYearsAgo())) {
                    md.append(" | ").append(Values.cell(s, v));
                }
                md.append(" | ").append(r.label(Basis.ONE_YEAR)).append(" | ").append(r.label(Basis.THREE_YEAR));
                md.append(" | ").append(Values.cell(s, s.rolling12())).append(" | ")
                        .append(Values.cell(s, s.baseline()));
                md.append(" | ").append(r.label(Basis.BENCHMARK)).append(" |\n");
            }
        }
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|");
    }
}
