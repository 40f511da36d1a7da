package org.pcpassessor.facts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The direction of the long-term indicator (the rolling 12-month series) over its latest values.
 *
 * @param direction {@code up}, {@code down} or {@code flat}
 * @param months    how many rolling 12-month values were tested
 * @param statistic the Mann-Kendall S statistic; {@code pValue} its two-sided p-value
 * @param slope     Sen's slope per month, in the series' units
 */
public record Trend(String measureId, String area, boolean headline, String kind, String polarity, String direction,
                    String method, int months, String from, double statistic, double pValue, double confidence,
                    double slope, Snapshot snapshot) implements Evidence {

    @Override
    public String basis() {
        return "rolling12";
    }

    public static final java.util.List<String> EVIDENCE_KEYS = java.util.List.of("series", "direction", "method",
            "months", "from", "statisticName", "statistic", "pValue", "confidence", "slopePerMonth");
    @Override
    public Direction directionOfChange() {
        return "up".equals(direction) ? Direction.HIGHER : "down".equals(direction) ? Direction.LOWER
                : Direction.UNCHANGED;
    }

    @Override
    public boolean definite() {
        return !"flat".equals(direction);
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("series", "rolling12");
        e.put("direction", direction);
        e.put("method", method);
        e.put("months", months);
        e.put("from", from);
        e.put("statisticName", "S");
        e.put("statistic", statistic);
        e.put("pValue", pValue);
        e.put("confidence", confidence);
        e.put("slopePerMonth", slope);
        return e;
    }
}
