package org.pcpassessor.facts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How high (or low) the current value of a series stands against its own history.
 *
 * @param series      {@code monthly} or {@code rolling12}
 * @param direction   {@code high} or {@code low}
 * @param twelveMonth the value is at least as high (low) as each of the previous 11 values
 * @param joint       ...and equal to at least one of them
 * @param onRecord    no earlier value in the series is as high (low)
 * @param since       the latest earlier month at least as high (low), as "December 2014"; "" when on record
 * @param gapMonths   months between {@code since} and now; when on record, the months of history before now
 * @param seriesBegan the first month of the history the value is set against, as "April 2017": the series' first
 *                    month (its first complete 12 months for {@code rolling12}), or the first after a break that
 *                    began a new series. "On record" means since then only: the force's own records may go back
 *                    further than the series it gave the tool
 */
public record Extreme(String measureId, String area, boolean headline, String kind, String polarity, String series,
                      String direction, double value, boolean twelveMonth, boolean joint, boolean onRecord,
                      String since, int gapMonths, String seriesBegan, Snapshot snapshot) implements Evidence {

    @Override
    public String basis() {
        return series;
    }

    public static final java.util.List<String> EVIDENCE_KEYS = java.util.List.of("series", "direction", "value",
            "twelveMonth", "joint", "onRecord", "since", "gapMonths", "seriesBegan");
    @Override
    public Direction directionOfChange() {
        return "high".equals(direction) ? Direction.HIGHER : Direction.LOWER;
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
        e.put("value", value);
        e.put("twelveMonth", twelveMonth);
        e.put("joint", joint);
        e.put("onRecord", onRecord);
        e.put("since", since);
        e.put("gapMonths", gapMonths);
        e.put("seriesBegan", seriesBegan);
        return e;
    }
}
