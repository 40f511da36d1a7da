package org.pcpassessor.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kie.api.runtime.rule.RuleContext;
import org.pcpassessor.stats.Evidence;
import org.pcpassessor.stats.Snapshot;

/**
 * What a classify rule concluded about a measure in an area: a contract code (HIGHER, TWELVE_MONTH_HIGH, ...),
 * the basis it concerns (benchmark, 1yr, 3yr, lastYear, monthly, rolling12), the rule that made it and the
 * evidence behind it. Made in DRL with {@code insert(Finding.of(kcontext, "CODE", $evidence))}.
 *
 * @param source {@code path:line} of the rule in the rules folder; filled in by the runner
 */
public record Finding(String measureId, String area, boolean headline, String kind, String polarity, String pillar,
                      String priority, String code, String basis, String rule, String rulePackage, String source,
                      Map<String, Object> evidence, Snapshot snapshot) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
        evidence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        if (!code.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("a finding code is UPPER_CASE_WITH_UNDERSCORES, not '" + code + "'");
        }
    }

    /**
     * A finding about the measure and area of the first evidence fact. A further fact (an area's comparison for
     * AREA_DIVERGENCE, say) adds its evidence with the prefix "other" ({@code otherArea}, {@code otherOutcome},
     * {@code otherObserved}, ...), names a template can use.
     */
    public static Finding of(RuleContext kcontext, String code, Evidence first, Evidence... more) {
        Map<String, Object> evidence = new LinkedHashMap<>(first.evidence());
        for (Evidence other : more) {
            evidence.put("otherArea", other.area());
            other.evidence().forEach((k, v) -> evidence.put("other" + Values.capitalise(k), v));
        }
        Snapshot s = first.snapshot();
        return new Finding(s.measureId(), s.area(), s.headline(), s.kind(), s.polarity(), s.pillar(), s.priority(),
                code, first.basis(), kcontext.getRule().getName(), kcontext.getRule().getPackageName(), "",
                evidence, s);
    }

    Finding withSource(String source) {
        return new Finding(measureId, area, headline, kind, polarity, pillar, priority, code, basis, rule, rulePackage,
                source, evidence, snapshot);
    }

    /** Codes of a list of findings, in order. */
    public static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Override
    public String toString() {
        return "Finding[" + code + " " + basis + " " + measureId + "/" + area + "]";
    }
}
