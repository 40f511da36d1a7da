package org.pcpassessor.report;

import org.pcpassessor.narrative.Said;

/**
 * The report as Markdown, the plain-text form of the {@link Draft}: per pillar, the performance table in the layout
 * of the Board reports (Current Month, the same month 1, 2 and 3 years back, Current v 1yr avg, Current v 3yr avg,
 * Rolling 12 months, Baseline, Perf v Benchmark) and per priority numbered paragraphs, most important first, with
 * what the budget left out collapsed under "Also noted".
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(org.pcpassessor.narrative.Report report) {
        return render(Draft.of(report));
    }

    public static String render(Draft draft) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(draft.title()).append("\n\n").append(draft.intro()).append('\n');
        for (Draft.PillarPart pillar : draft.pillars()) {
            md.append("\n## ").append(pillar.number()).append(". ").append(pillar.name()).append("\n\n");
            table(md, pillar.table());
            for (Draft.PriorityPart priority : pillar.priorities()) {
                md.append("\n### ").append(priority.number()).append(' ').append(priority.heading()).append("\n\n");
                priority.notices().forEach(n -> md.append(n).append('\n'));
                for (Draft.Numbered p : priority.paragraphs()) {
                    md.append("- ").append(p.number()).append(' ').append(p.paragraph().text()).append('\n');
                }
                if (!priority.alsoNoted().isEmpty()) {
                    // collapsed where Markdown is shown as HTML; the draft's budget left these out
                    md.append("\n<details><summary>Also noted (").append(priority.alsoNoted().size())
                            .append(")</summary>\n\n");
                    for (Said s : priority.alsoNoted()) {
                        md.append("- ").append(s.text()).append('\n');
                    }
                    md.append("\n</details>\n");
                }
            }
        }
        return md.toString();
    }

    private static void table(StringBuilder md, Draft.Table table) {
        md.append('|');
        table.header().forEach(h -> md.append(' ').append(escape(h)).append(" |"));
        md.append("\n|---|---:|---:|---:|---:|---|---|---:|---:|---|\n");
        int width = table.header().size();
        for (Draft.Row row : table.rows()) {
            if (row.group()) {
                md.append("| **").append(escape(row.label())).append("** |").append(" |".repeat(width - 1))
                        .append('\n');
                continue;
            }
            md.append("| ").append(escape(row.label()));
            row.cells().forEach(c -> md.append(" | ").append(escape(c.text())));
            md.append(" |\n");
        }
    }

    static String escape(String cell) {
        return cell.replace("|", "\\|");
    }
}
