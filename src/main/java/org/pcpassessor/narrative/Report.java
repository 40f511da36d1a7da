package org.pcpassessor.narrative;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.pcpassessor.catalogue.Catalogue;
import org.pcpassessor.rules.AuditEvent;

/**
 * The assembled report: per pillar, the table rows (headline area) and per priority the numbered paragraphs in
 * order of importance; and per measure and area everything behind them.
 */
public record Report(Catalogue catalogue, YearMonth month, List<PillarSection> pillars, List<MeasureReport> measures,
                     List<AuditEvent> audit) {

    public Report {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(month, "month");
        pillars = List.copyOf(pillars);
        measures = List.copyOf(measures);
        audit = List.copyOf(audit);
    }

    /** A pillar: its table rows grouped by priority, and its commentary. */
    public record PillarSection(String name, String heading, List<PrioritySection> priorities) {
        public PillarSection {
            priorities = List.copyOf(priorities);
        }
    }

    /**
     * A priority's rows (the headline area's measure reports, in catalogue order) and its paragraphs (the
     * sentences of all its measures and areas, most important first).
     */
    public record PrioritySection(String name, boolean headlines, List<MeasureReport> rows, List<String> paragraphs,
                                  List<org.pcpassessor.facts.Sentence> sentences) {
        public PrioritySection {
            rows = List.copyOf(rows);
            paragraphs = List.copyOf(paragraphs);
            sentences = List.copyOf(sentences);
        }
    }
}
