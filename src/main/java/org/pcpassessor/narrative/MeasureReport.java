package org.pcpassessor.narrative;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.rules.Finding;
import org.pcpassessor.rules.Sentence;
import org.pcpassessor.stats.Assessment;

/**
 * Everything the report says about one measure in one area: the figures and tests, the table labels the
 * classify rules gave (by basis: "benchmark", "1yr", "3yr", "lastYear"), the findings and the sentences.
 */
public record MeasureReport(Measure measure, String area, Assessment assessment, Map<String, String> labels,
                            List<Finding> findings, List<Sentence> sentences) {
    public MeasureReport {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(area, "area");
        labels = Map.copyOf(labels);
        findings = List.copyOf(findings);
        sentences = List.copyOf(sentences);
    }

    /** The table label for a basis ("Higher", "Improved", ...), or "-" when no rule gave one. */
    public String label(String basis) {
        return labels.getOrDefault(basis, "-");
    }
}
