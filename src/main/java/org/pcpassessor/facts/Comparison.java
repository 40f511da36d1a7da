package org.pcpassessor.facts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A tested comparison, as a fact for the rules.
 *
 * @param basis    {@code benchmark} (rolling 12 months vs baseline), {@code 1yr} / {@code 3yr} (current month vs
 *                 the average of the 12 / 36 months before), {@code lastYear} (current month vs the same month a
 *                 year earlier)
 * @param outcome  {@code higher}, {@code lower}, {@code comparable} or {@code untested}
 * @param run      how many consecutive months, ending with this one, the same basis has had this outcome
 * @param observedLabel which months the observed side covers; {@code expectedLabel} likewise
 */
public record Comparison(String measureId, String area, boolean headline, String kind, String polarity, String basis,
                         String method, double observed, double expected, String observedLabel,
                         String expectedLabel, String statisticName, double statistic, double pValue,
                         double confidence, String outcome, int run, Map<String, Object> details,
                         Snapshot snapshot) implements Evidence {

    public Comparison {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(outcome, "outcome");
        details = FixedMap.sortedCopyOf(details);
    }

    public boolean significant() {
        return "higher".equals(outcome) || "lower".equals(outcome);
    }

    /** The evidence keys every comparison gives; a test adds its own details (totals, pooled rate, ...). */
    public static final java.util.List<String> EVIDENCE_KEYS = java.util.List.of("basis", "method", "observed",
            "observedPeriod", "expected", "expectedPeriod", "statisticName", "statistic", "pValue", "confidence",
            "outcome", "run", Comparison.EXPECTED_MONTH_AGAINST_ITS_YEAR);

    /**
     * The evidence keys a comparison with a comparator series (basis {@code comparator}) adds: the comparator's name
     * ("the 43 forces of England and Wales"), the last month of the 12 compared ("January 2021", the comparator's
     * latest), how many months that is before the report month ({@code comparatorLag}, 0 when the same), its own
     * baseline year's figure and label ("2019/20"), and which way it moved since (higher, lower, unchanged; untested
     * without a baseline year).
     */
    public static final java.util.List<String> COMPARATOR_KEYS = java.util.List.of("comparator", "comparatorMonth",
            "comparatorLag", "comparatorBaseline", "comparatorBaselineYear", "comparatorTrend", "perThousand");

    /**
     * The evidence key of a comparison with the same month last year: that month's own test against the average of
     * the 12 months before it (higher, lower, comparable), "untested" when it has none or the comparison is not
     * with one earlier month.
     */
    public static final String EXPECTED_MONTH_AGAINST_ITS_YEAR = "expectedMonthAgainstItsYear";
    @Override
    public Direction directionOfChange() {
        return Direction.of(observed, expected);
    }

    @Override
    public boolean definite() {
        return significant();
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("basis", basis);
        e.put("method", method);
        e.put("observed", observed);
        e.put("observedPeriod", observedLabel);
        e.put("expected", expected);
        e.put("expectedPeriod", expectedLabel);
        e.put("statisticName", statisticName);
        e.put("statistic", statistic);
        e.put("pValue", pValue);
        e.put("confidence", confidence);
        e.put("outcome", outcome);
        e.put("run", run);
        details.forEach(e::put); // a sorted map already (see the constructor)
        return e;
    }
}
