package org.pcpassessor.facts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pcpassessor.catalogue.Polarity;
import org.pcpassessor.catalogue.SeriesKey;
import org.pcpassessor.problem.Location;

/**
 * What a classify rule concluded about a measure in an area: a finding code (HIGHER, TWELVE_MONTH_HIGH, ...), the
 * basis it concerns, what the numbers did (direction) and what that means under the measure's polarity
 * (judgement), the rule that made it and the evidence behind it. Made in DRL with
 * {@code insert( Finding.of("CODE", $evidence) )}.
 */
@Doc("What a classify rule concluded about a measure in an area; narrate rules match these.")
public record Finding(
        @Doc("The measure's id in the catalogue.") String measureId,
        @Doc("The area (Force, North, ...).") String area,
        @Doc("True for the catalogue's first (headline) area.") boolean headline,
        @Doc("count, rate, proportion or median.") String kind,
        @Doc("up-is-good, down-is-good or neutral.") String polarity,
        @Doc("The Plan pillar.") String pillar,
        @Doc("The priority within the pillar.") String priority,
        @Doc("The finding code: a contract code or one declared in codes.yaml.") String code,
        @Doc("benchmark, 1yr, 3yr, lastYear (tested comparisons) or monthly, rolling12 (series).") String basis,
        @Doc("What the numbers did: higher, lower or unchanged.") String direction,
        @Doc("What that means under the polarity: better, worse or neutral (neutral unless the change is definite).")
        String judgement,
        @Doc("The name of the rule that made it.") String rule,
        @Doc("The package of that rule.") String rulePackage,
        @Doc("Where that rule is declared.") Location source,
        @Doc("The values behind it, by key: evidence[\"pValue\"].") Map<String, Object> evidence,
        @Doc("Every figure of the measure in the month.") Snapshot snapshot) {

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]*");

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(snapshot, "snapshot");
        evidence = FixedMap.copyOf(evidence);
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("a finding code is UPPER_CASE_WITH_UNDERSCORES, not '" + code + "'");
        }
        if (Direction.parse(direction).isEmpty()) {
            throw new IllegalArgumentException("direction must be higher, lower or unchanged, not '" + direction + "'");
        }
        if (Judgement.parse(judgement).isEmpty()) {
            throw new IllegalArgumentException("judgement must be better, worse or neutral, not '" + judgement + "'");
        }
    }

    /**
     * The record's equality (every component equal), with the evidence's kept hash code compared first: the narrate
     * rules' guards ({@code used contains $f}) compare a measure's findings pairwise, and those of one rule differ
     * only in their evidence (an area finding: the other area's figures), which the component-by-component order
     * reached last (a tenth of the narrate rules' time with 800 areas). FindingTest checks that every component
     * counts.
     */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        return o instanceof Finding f && evidence.hashCode() == f.evidence.hashCode() && headline == f.headline
                && code.equals(f.code) && basis.equals(f.basis) && Objects.equals(measureId, f.measureId)
                && Objects.equals(area, f.area) && Objects.equals(kind, f.kind) && Objects.equals(polarity, f.polarity)
                && Objects.equals(pillar, f.pillar) && Objects.equals(priority, f.priority)
                && Objects.equals(direction, f.direction) && Objects.equals(judgement, f.judgement)
                && rule.equals(f.rule) && Objects.equals(rulePackage, f.rulePackage) && source.equals(f.source)
                && evidence.equals(f.evidence) && snapshot.equals(f.snapshot);
    }

    /**
     * The hash of what the finding says and about which series, with its evidence's kept hash code (a measure's area
     * findings differ only in their evidence: without it, they would all share one hash), consistent with the
     * record's equality: the default hash walks the whole snapshot, and a finding is hashed many times a run (the
     * set a long {@code used} list looks findings up in, the engine's indexes on {@code this == $f}).
     */
    @Override
    public int hashCode() {
        return Objects.hash(measureId, area, code, basis, rule, snapshot.month(), evidence.hashCode());
    }

    /**
     * A finding about the measure and area of the first evidence fact, made by the running rule. Its direction and
     * judgement are the first fact's. A further fact (an area's comparison for AREA_DIVERGENCE, say) adds its
     * evidence with the prefix "other" ({@code otherArea}, {@code otherOutcome}, {@code otherObserved}, ...).
     */
    public static Finding of(String code, Evidence first, Evidence... more) {
        Origin rule = Origin.current();
        if (first == null || java.util.Arrays.asList(more).contains(null)) {
            throw new IllegalArgumentException("Finding.of(\"" + code + "\", ...) needs the facts the finding rests on "
                    + "(bound in the rule's conditions, e.g. $c), not null");
        }
        // the first fact's evidence as it gives it (a map of its own each call), copied only to add others' to it
        Map<String, Object> evidence = more.length == 0 ? first.evidence() : new LinkedHashMap<>(first.evidence());
        for (Evidence other : more) {
            evidence.put("otherArea", other.area());
            other.evidence().forEach((k, v) -> evidence.put(otherKey(k), v));
        }
        Snapshot s = first.snapshot();
        Direction direction = first.directionOfChange();
        Polarity polarity = Polarity.parse(s.polarity()).orElse(Polarity.NEUTRAL);
        Judgement judgement = Judgement.of(direction, polarity, first.definite());
        return new Finding(s.measureId(), s.area(), s.headline(), s.kind(), s.polarity(), s.pillar(), s.priority(),
                code, first.basis(), direction.word(), judgement.word(), rule.rule(), rule.rulePackage(),
                rule.source(), evidence, s);
    }

    /**
     * The key under which a further fact's evidence key is kept: "area" becomes "otherArea". Each is made once and
     * shared: findings are compared with each other in every guard {@code used contains $f}, and keys that are the
     * same string compare at once, where equal copies are compared a letter at a time (half the narrate rules'
     * time with 800 areas, where a measure's area findings are compared pairwise). The keys are the evidence keys
     * of the fact types, a few dozen.
     */
    public static String otherKey(String key) {
        return OTHER_KEYS.computeIfAbsent(key, k -> "other" + Character.toUpperCase(k.charAt(0)) + k.substring(1));
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, String> OTHER_KEYS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The key a further fact's evidence key was made from: "otherArea" gives "area"; any other key, itself. */
    public static String ownKey(String key) {
        return key.startsWith("other") && key.length() > 5 && Character.isUpperCase(key.charAt(5))
                ? Character.toLowerCase(key.charAt(5)) + key.substring(6) : key;
    }

    public SeriesKey key() {
        return new SeriesKey(measureId, area);
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
