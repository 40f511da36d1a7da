package org.pcpassessor.facts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current month on the SPC chart of the monthly series (the {@code points} months to the report month).
 *
 * @param special whether the current month is part of any special-cause rule ({@code rules} says which)
 * @param side    +1 above the mean, -1 below, 0 on it
 * @param shortSeries fewer than 12 points: Making Data Count advises against reading the limits
 */
public record SpcSignal(String measureId, String area, boolean headline, String kind, String polarity, int points,
                        String from, double mean, double lpl, double upl, int screened, double value, int side,
                        boolean special, List<String> rules, boolean shortSeries, Snapshot snapshot)
        implements Evidence {

    public SpcSignal {
        rules = List.copyOf(rules);
    }

    @Override
    public String basis() {
        return "monthly";
    }

    public static final java.util.List<String> EVIDENCE_KEYS = java.util.List.of("series", "method", "points",
            "from", "mean", "lpl", "upl", "screenedMovingRanges", "value", "special", "spcRules");
    @Override
    public Direction directionOfChange() {
        return side > 0 ? Direction.HIGHER : side < 0 ? Direction.LOWER : Direction.UNCHANGED;
    }

    @Override
    public boolean definite() {
        return special;
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("series", "monthly");
        e.put("method", "xmr");
        e.put("points", points);
        e.put("from", from);
        e.put("mean", mean);
        e.put("lpl", lpl);
        e.put("upl", upl);
        e.put("screenedMovingRanges", screened);
        e.put("value", value);
        e.put("special", special);
        e.put("spcRules", String.join(", ", rules));
        return e;
    }
}
