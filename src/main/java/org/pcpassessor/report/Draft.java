package org.pcpassessor.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.pcpassessor.catalogue.Basis;
import org.pcpassessor.facts.Judgement;
import org.pcpassessor.facts.Months;
import org.pcpassessor.facts.Snapshot;
import org.pcpassessor.facts.TableLabel;
import org.pcpassessor.wording.Values;
import org.pcpassessor.narrative.MeasureReport;
import org.pcpassessor.narrative.Paragraph;
import org.pcpassessor.narrative.Report;
import org.pcpassessor.narrative.Said;

/**
 * The report as it is laid out on the page, the one model that the Markdown, HTML and Word writers print: the
 * introduction, per pillar its number, table (header and rows, each cell as printed) and per priority its
 * heading, notices and numbered paragraphs, and what the budget left out. Every word and number a writer prints
 * comes from here, so the formats cannot disagree.
 */
public record Draft(Report report, String title, String intro, List<PillarPart> pillars) {

    public Draft {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(intro, "intro");
        pillars = List.copyOf(pillars);
    }

    /** A pillar: "1", its name, its performance table and its priorities. */
    public record PillarPart(String number, String name, Table table, List<PriorityPart> priorities) {
        public PillarPart {
            priorities = List.copyOf(priorities);
        }
    }

    /** A pillar table: the header cells and the rows, a priority's name row before its measures. */
    public record Table(List<String> header, List<Row> rows) {
        public Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    /**
     * A table row: a priority's name ({@code measure} empty, no cells) or a measure's figures, each cell as printed;
     * the label cells carry the judgement of the finding behind them (to colour them).
     */
    public record Row(String label, List<Cell> cells, Optional<MeasureReport> measure) {
        public Row {
            Objects.requireNonNull(label, "label");
            cells = List.copyOf(cells);
            Objects.requireNonNull(measure, "measure");
        }

        public boolean group() {
            return measure.isEmpty();
        }
    }

    /** A table cell: its text and, for a label made from a finding, that finding's judgement. */
    public record Cell(String text, Optional<Judgement> judgement) {
        public Cell {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(judgement, "judgement");
        }
    }

    /**
     * A priority: "1.2", its heading, whether it is the pillar's performance headlines, what is printed before its paragraphs (discontinued measures, or why there is
     * nothing to say), its numbered paragraphs, what the budget left out, and its measures in the table.
     */
    public record PriorityPart(String number, String heading, boolean headlines, List<String> notices,
                               List<Numbered> paragraphs, List<Said> alsoNoted, List<MeasureReport> measures) {
        public PriorityPart {
            measures = List.copyOf(measures);
            notices = List.copyOf(notices);
            paragraphs = List.copyOf(paragraphs);
            alsoNoted = List.copyOf(alsoNoted);
        }
    }

    /** A paragraph with its number as printed ("1.2.1"). */
    public record Numbered(String number, Paragraph paragraph) {
    }

    /** The column heads after the first (the pillar's heading) for a report month. */
    public static List<String> columns(YearMonth month) {
        return List.of("Current Month", Months.shortName(month.minusYears(1)), Months.shortName(month.minusYears(2)),
                Months.shortName(month.minusYears(3)), "Current v 1yr avg", "Current v 3yr avg", "Rolling 12 months",
                "Baseline", "Perf v Benchmark");
    }

    /** Lays the report out. */
    public static Draft of(Report report) {
        YearMonth month = report.month();
        String title = report.catalogue().title() + ": " + Months.longName(month);
        String intro = report.intro();
        List<PillarPart> pillars = new ArrayList<>();
        int pillarNumber = 0;
        for (Report.PillarSection pillar : report.pillars()) {
            pillarNumber++;
            List<PriorityPart> priorities = new ArrayList<>();
            int priorityNumber = 0;
            for (Report.PrioritySection priority : pillar.priorities()) {
                priorityNumber++;
                List<Numbered> paragraphs = new ArrayList<>();
                for (int k = 0; k < priority.paragraphs().size(); k++) {
                    paragraphs.add(new Numbered(Report.number(pillarNumber, priorityNumber, k + 1),
                            priority.paragraphs().get(k)));
                }
                priorities.add(new PriorityPart(pillarNumber + "." + priorityNumber, priority.heading(),
                        priority.headlines(), priority.notices(), paragraphs, priority.alsoNoted(), priority.rows()));
            }
            pillars.add(new PillarPart(Integer.toString(pillarNumber), pillar.name(), table(pillar, month),
                    priorities));
        }
        return new Draft(report, title, intro, pillars);
    }

    private static Table table(Report.PillarSection pillar, YearMonth month) {
        List<String> header = new ArrayList<>();
        header.add(pillar.heading());
        header.addAll(columns(month));
        List<Row> rows = new ArrayList<>();
        for (Report.PrioritySection priority : pillar.priorities()) {
            if (priority.rows().isEmpty()) {
                continue;
            }
            if (!priority.headlines()) {
                rows.add(new Row(priority.name().toUpperCase(Locale.UK), List.of(), Optional.empty()));
            }
            for (MeasureReport r : priority.rows()) {
                Snapshot s = r.assessment().snapshot();
                List<Cell> cells = new ArrayList<>();
                // Cells carry no unit: the row label says it ("... (minutes)").
                for (double v : List.of(s.current(), s.sameMonthLastYear(), s.twoYearsAgo(), s.threeYearsAgo())) {
                    cells.add(plain(Values.cell(s, v)));
                }
                cells.add(label(r, Basis.ONE_YEAR));
                cells.add(label(r, Basis.THREE_YEAR));
                cells.add(plain(Values.cell(s, s.rolling12())));
                cells.add(plain(Values.cell(s, s.baseline())));
                cells.add(label(r, Basis.BENCHMARK));
                rows.add(new Row(r.measure().label(), cells, Optional.of(r)));
            }
        }
        return new Table(header, rows);
    }

    private static Cell plain(String text) {
        return new Cell(text, Optional.empty());
    }

    private static Cell label(MeasureReport r, Basis basis) {
        TableLabel l = r.labels().get(basis);
        return l == null ? plain("-") : new Cell(l.text(), Judgement.parse(l.finding().judgement()));
    }
}
