package org.pcpassessor.facts;

import java.util.Objects;
import org.pcpassessor.catalogue.SeriesKey;
import org.pcpassessor.problem.Location;

/**
 * The word a pillar table prints for a tested comparison ("Higher", "Improved", "Comparable"), made by a rule from
 * a label finding: {@code insert( TableLabel.of("{code, select, HIGHER {Higher} ...}", $f) )}.
 */
@Doc("The word a pillar table prints for a tested comparison, made by a rule from a label finding.")
public record TableLabel(
        @Doc("The measure's id.") String measureId,
        @Doc("The area.") String area,
        @Doc("benchmark, 1yr, 3yr or lastYear.") String basis,
        @Doc("The word printed.") String text,
        @Doc("The name of the rule that made it.") String rule,
        @Doc("Where that rule is declared.") Location source,
        @Doc("The finding it labels.") Finding finding) {

    public TableLabel {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(finding, "finding");
    }

    /** The label of a finding, its word made from the template with the finding's values. */
    public static TableLabel of(String template, Finding finding) {
        RuleScope.Current rule = RuleScope.current();
        String words = Phrases.isName(template) ? rule.phrases().template(template).orElse(template) : template;
        String text = Values.format(words, Values.forTemplate(words, finding), rule.phrases(), rule.rule());
        return new TableLabel(finding.measureId(), finding.area(), finding.basis(), text, rule.rule(), rule.source(),
                finding);
    }

    public SeriesKey key() {
        return new SeriesKey(measureId, area);
    }
}
