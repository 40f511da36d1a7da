package org.pcpassessor.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.catalogue.Pillar;
import org.pcpassessor.catalogue.Priority;
import org.pcpassessor.facts.Months;
import org.pcpassessor.narrative.Report;

/**
 * The comparison of peers (forces, districts) that {@code report --each-area} writes beside their reports: for
 * each measure, each area's row of its own report's pillar table (current month, the same month in the three
 * years before, the 1- and 3-year labels, rolling 12 months, baseline, performance against the benchmark). The
 * cells are taken from each report's own layout ({@link Draft}), so the table and the reports cannot disagree.
 */
public final class PeerTable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One area's row for a measure: the cells of its table row. */
    private record Line(String area, List<Draft.Cell> cells) {
    }

    /** The first report's catalogue and month: the pillars, title and columns every peer shares. */
    private final org.pcpassessor.catalogue.Catalogue catalogue;
    private final java.time.YearMonth month;
    private final List<String> columns;
    /** By measure id, the areas' rows in area order. */
    private final Map<String, List<Line>> rows;

    private PeerTable(org.pcpassessor.catalogue.Catalogue catalogue, java.time.YearMonth month,
                      Map<String, List<Line>> rows) {
        this.catalogue = catalogue;
        this.month = month;
        this.columns = Draft.columns(month);
        this.rows = rows;
    }

    /**
     * Collects the peers' rows one report at a time, so that a run of many forces keeps their table rows, not
     * their reports.
     */
    public static final class Builder {
        private org.pcpassessor.catalogue.Catalogue catalogue;
        private java.time.YearMonth month;
        private final Map<String, List<Line>> rows = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds a peer's report: its headline area's row of each measure of its pillar tables, named {@code name}. */
        public Builder add(String name, Report report) {
            if (catalogue == null) {
                catalogue = report.catalogue();
                month = report.month();
            } else if (!month.equals(report.month())) {
                throw new IllegalArgumentException("peers of one month only: " + month + " and " + report.month());
            }
            for (Draft.PillarPart pillar : Draft.of(report).pillars()) {
                for (Draft.Row row : pillar.table().rows()) {
                    row.measure().ifPresent(m -> rows.computeIfAbsent(m.measure().id(), k -> new ArrayList<>())
                            .add(new Line(name, row.cells())));
                }
            }
            return this;
        }

        public PeerTable build() {
            if (catalogue == null) {
                throw new IllegalArgumentException("a comparison needs at least one report");
            }
            Map<String, List<Line>> copy = new LinkedHashMap<>();
            rows.forEach((measure, lines) -> copy.put(measure, List.copyOf(lines)));
            return new PeerTable(catalogue, month, java.util.Collections.unmodifiableMap(copy));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A measure with its areas' rows, where the catalogue puts it. */
    private record Entry(Pillar pillar, Priority priority, Measure measure, List<Line> lines) {
    }

    /** Every measure with rows, in catalogue order (pillar, priority, declaration). */
    private List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Pillar pillar : catalogue.pillars()) {
            for (Priority priority : pillar.priorities()) {
                for (Measure m : priority.measures()) {
                    List<Line> lines = rows.get(m.id());
                    if (lines != null) {
                        entries.add(new Entry(pillar, priority, m, lines));
                    }
                }
            }
        }
        return entries;
    }

    /** As Markdown: a section per pillar, a table per measure with a row per area. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(catalogue.title()).append(": areas compared, ")
                .append(Months.longName(month)).append("\n\n");
        md.append("Each area's figures and labels as its own report gives them (").append(areaCount())
                .append(" areas). A dash: no figure, or no test.\n");
        List<Entry> entries = entries();
        for (Pillar pillar : catalogue.pillars()) {
            md.append("\n## ").append(pillar.name()).append('\n');
            for (Entry e : entries) {
                if (e.pillar() == pillar) {
                    table(md, e);
                }
            }
        }
        return md.toString();
    }

    /** One measure's table: a row per area. */
    private void table(StringBuilder md, Entry e) {
        md.append("\n### ").append(e.priority().isHeadlines() ? "" : e.priority().name() + ": ")
                .append(e.measure().label()).append("\n\n| Area |");
        columns.forEach(c -> md.append(' ').append(MarkdownReport.escape(c)).append(" |"));
        md.append("\n|---|").append("---|".repeat(columns.size())).append('\n');
        for (Line line : e.lines()) {
            md.append("| ").append(MarkdownReport.escape(line.area()));
            line.cells().forEach(c -> md.append(" | ").append(MarkdownReport.escape(c.text())));
            md.append(" |\n");
        }
    }

    /** As JSON: the month, the column names, and per measure each area's cells with their judgements. */
    public String json() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("title", catalogue.title());
        root.put("month", month.toString());
        ArrayNode names = root.putArray("columns");
        columns.forEach(names::add);
        ArrayNode measures = root.putArray("measures");
        for (Entry e : entries()) {
            ObjectNode measure = measures.addObject();
            measure.put("id", e.measure().id());
            measure.put("label", e.measure().label());
            measure.put("pillar", e.pillar().name());
            measure.put("priority", e.priority().name());
            ArrayNode areas = measure.putArray("areas");
            for (Line line : e.lines()) {
                ObjectNode a = areas.addObject();
                a.put("area", line.area());
                ArrayNode cells = a.putArray("cells");
                for (Draft.Cell c : line.cells()) {
                    ObjectNode cell = cells.addObject();
                    cell.put("text", c.text());
                    c.judgement().ifPresent(j -> cell.put("judgement", j.word()));
                }
            }
        }
        return JsonReport.write(root);
    }

    private long areaCount() {
        return rows.values().stream().flatMap(List::stream).map(Line::area).distinct().count();
    }
}
