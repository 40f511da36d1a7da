package org.pcpassessor.narrative;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pcpassessor.catalogue.Basis;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.facts.TableLabel;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.facts.Importance;
import org.pcpassessor.facts.Trivial;
import org.pcpassessor.stats.Assessment;

/**
 * Everything the report says about one measure in one area: the figures and tests, the table labels the
 * rules gave (by basis), the findings with the importance and trivial marks the compose rules gave them, and the
 * sentences.
 */
public record MeasureReport(Measure measure, String area, Assessment assessment, Map<Basis, TableLabel> labels,
                            List<Finding> findings, List<Importance> importance, List<Trivial> trivial,
                            List<Sentence> sentences) {
    public MeasureReport {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(area, "area");
        labels = Map.copyOf(labels);
        findings = List.copyOf(findings);
        importance = importance.stream().sorted(java.util.Comparator.comparingInt((Importance i) -> -i.points())
                .thenComparing(Importance::reason).thenComparing(Importance::rule)).toList();
        trivial = trivial.stream().sorted(java.util.Comparator.comparing(Trivial::reason)).toList();
        sentences = List.copyOf(sentences);
    }

    /** The importance points the compose rules gave a finding of this measure, most first. */
    public List<Importance> importanceOf(Finding f) {
        return importance.stream().filter(i -> i.finding() == f).toList();
    }

    /** The trivial marks the compose rules gave a finding of this measure. */
    public List<Trivial> trivialOf(Finding f) {
        return trivial.stream().filter(t -> t.finding() == f).toList();
    }

    /** The table label for a basis ("Higher", "Improved", ...), or "-" when no rule gave one. */
    public String label(Basis basis) {
        TableLabel l = labels.get(basis);
        return l == null ? "-" : l.text();
    }
}
