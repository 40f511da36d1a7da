package org.pcpassessor.facts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run of month-on-month moves in one direction that ends with the current month.
 *
 * @param series    {@code monthly} or {@code rolling12}
 * @param direction {@code rise} or {@code fall}
 * @param length    the number of consecutive moves (3 = "three consecutive months")
 * @param startMonth the month the run started from, as "September 2020"
 * @param from      the value before the first move; {@code to} the current value
 */
public record Streak(String measureId, String area, boolean headline, String kind, String polarity, String series,
                     String direction, int length, String startMonth, double from, double to, Snapshot snapshot)
        implements Evidence {

    @Override
    public String basis() {
        return series;
    }

    public static final java.util.List<String> EVIDENCE_KEYS = java.util.List.of("series", "direction", "length",
            "startMonth", "from", "to");
    @Override
    public Direction directionOfChange() {
        return "rise".equals(direction) ? Direction.HIGHER : Direction.LOWER;
    }

    @Override
    public boolean definite() {
        return true;
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("series", series);
        e.put("direction", direction);
        e.put("length", length);
        e.put("startMonth", startMonth);
        e.put("from", from);
        e.put("to", to);
        return e;
    }
}
