package org.pcpassessor.facts;

import java.util.Objects;
import org.pcpassessor.catalogue.SeriesKey;
import org.pcpassessor.problem.Location;

/**
 * The word a pillar table prints for a tested comparison ("Higher", "Improved", "Comparable"), made by a rule from
 * a label finding: {@code insert( TableLabel.of("tableLabel", $f) )}, naming its words in rules/wording/ (or
 * giving a template of its own). The rule runner puts the words in once the rules have fired.
 */
@Doc("The word a pillar table prints for a tested comparison, made by a rule from a label finding.")
public record TableLabel(
        @Doc("The measure's id.") String measureId,
        @Doc("The area.") String area,
        @Doc("benchmark, 1yr, 3yr or lastYear.") String basis,
        @Doc("The word printed (\"\" until the runner has said it).") String text,
        @Doc("The name of the rule that made it.") String rule,
        @Doc("Where that rule is declared.") Location source,
        @Doc("The finding it labels.") Finding finding,
        @Doc("The wording entry the rule named (rules/wording/), or the template it wrote.") String wording) {

    public TableLabel {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(wording, "wording");
    }

    /** The label of a finding, in the words of a wording entry (or a template) the runner fills in. */
    public static TableLabel of(String wording, Finding finding) {
        Origin rule = Origin.current();
        return new TableLabel(finding.measureId(), finding.area(), finding.basis(), "", rule.rule(), rule.source(),
                finding, wording);
    }

    /** The same label with its word. */
    public TableLabel said(String word) {
        return new TableLabel(measureId, area, basis, word, rule, source, finding, wording);
    }

    public SeriesKey key() {
        return new SeriesKey(measureId, area);
    }
}
