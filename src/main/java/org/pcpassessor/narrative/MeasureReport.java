package org.pcpassessor.narrative;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pcpassessor.catalogue.Basis;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.facts.TableLabel;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.stats.Assessment;

/**
 * Everything the report says about one measure in one area: the figures and tests, the table labels the
 * rules gave (by basis), the findings and the sentences.
 */
public record MeasureReport(Measure measure, String area, Assessment assessment, Map<Basis, TableLabel> labels,
                            List<Finding> findings, List<Sentence> sentences) {
    public MeasureReport {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(area, "area");
        labels = Map.copyOf(labels);
        findings = List.copyOf(findings);
        sentences = List.copyOf(sentences);
    }

    /** The table label for a basis ("Higher", "Improved", ...), or "-" when no rule gave one. */
    public String label(Basis basis) {
        TableLabel l = labels.get(basis);
        return l == null ? "-" : l.text();
    }
}
