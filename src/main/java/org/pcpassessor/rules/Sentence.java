package org.pcpassessor.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A sentence of commentary made by a narrate rule from one or more findings of one measure. Made in DRL with
 * {@code insert(Sentence.of(kcontext, "template", $finding, ...))}; the template is an ICU MessageFormat pattern
 * with named values (see {@link Values}). A finding used by a sentence is "said": rules guard with
 * {@code not Sentence(used contains $f)} so that it is not said again.
 *
 * @param rank  the rule's {@code @rank} (lower comes first within a priority; 50 when not given)
 * @param used  the findings the sentence says
 */
public record Sentence(String measureId, String area, boolean headline, String pillar, String priority, String text,
                       String rule, String rulePackage, String source, String template, List<Finding> used, int rank,
                       Map<String, Object> values) {

    public static final int DEFAULT_RANK = 50;

    public Sentence {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(template, "template");
        used = List.copyOf(used);
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        if (used.isEmpty()) {
            throw new IllegalArgumentException("a sentence must say at least one finding");
        }
    }

    public static Sentence of(RuleContext kcontext, String template, Finding first, Finding... more) {
        List<Finding> used = new ArrayList<>();
        used.add(first);
        used.addAll(List.of(more));
        for (Finding f : more) {
            if (!f.measureId().equals(first.measureId())) {
                throw new IllegalArgumentException("a sentence is about one measure; rule '"
                        + kcontext.getRule().getName() + "' passed " + first.measureId() + " and " + f.measureId());
            }
        }
        Map<String, Object> values = Values.of(first.snapshot(), used);
        String text = Values.format(template, values, kcontext.getRule().getName());
        Object rank = kcontext.getRule().getMetaData().get("rank");
        int r = DEFAULT_RANK;
        if (rank != null) {
            try {
                r = Integer.parseInt(rank.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rule '" + kcontext.getRule().getName()
                        + "': @rank must be a whole number, not '" + rank + "'");
            }
        }
        return new Sentence(first.measureId(), first.area(), first.headline(), first.pillar(), first.priority(), text,
                kcontext.getRule().getName(), kcontext.getRule().getPackageName(), "", template, used, r, values);
    }

    Sentence withSource(String source) {
        return new Sentence(measureId, area, headline, pillar, priority, text, rule, rulePackage, source, template,
                used, rank, values);
    }

    public List<String> findingCodes() {
        return Finding.codes(used);
    }

    @Override
    public String toString() {
        return "Sentence[" + measureId + "/" + area + " by '" + rule + "': " + text + "]";
    }
}
