package org.pcpassessor.facts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current month on the SPC chart of the monthly series (the {@code points} months to the report month).
 *
 * @param special whether the current month is part of any special-cause rule ({@code rules} says which)
 * @param side    +1 above the mean, -1 below, 0 on it
 * @param points  the months whose values made the limits (ghosted months left out), from {@code from}: the SPC
 *                window's first month, or a later rebase or new series' start
 * @param lpl     the lower process limit, kept within what the measure can take (0 for counts, 0% to 100% for
 *                proportions), as is {@code upl}
 * @param shortSeries fewer than 12 points: Making Data Count advises against reading the limits
 * @param degenerate the limits are less than one unit apart as stated ("0 to 0", "3 to 3"): nothing to read
 * @param readable neither short nor degenerate: the classify rules read only such a chart
 * @param monthsOnSide how many read months in a row, ending with the current one, lie on its side of the mean (0 on
 *                 the mean): "the ninth month in a row above the average"
 * @param target   the measure's target in the current month (the catalogue's {@code target:}); NaN when it has none
 * @param targetName how sentences name the target ("the target", "the example target"); empty with no target
 * @param assurance Making Data Count's assurance of the target against the process limits, read only on a readable
 *                 chart: {@code consistent_pass}, {@code consistent_fail}, {@code hit_and_miss}; {@code none} with
 *                 no target or no readable chart
 */
public record SpcSignal(String measureId, String area, boolean headline, String kind, String polarity, int points,
                        String from, double mean, double lpl, double upl, int screened, double value, int side,
                        boolean special, List<String> rules, boolean shortSeries, boolean degenerate,
                        boolean readable, int monthsOnSide, double target, String targetName,
                        String assurance, Snapshot snapshot)
        implements Evidence {

    public SpcSignal {
        rules = List.copyOf(rules);
        java.util.Objects.requireNonNull(assurance, "assurance");
        java.util.Objects.requireNonNull(targetName, "targetName");
    }

    @Override
    public String basis() {
        return "monthly";
    }

    public static final java.util.List<String> EVIDENCE_KEYS = java.util.List.of("series", "method", "points",
            "from", "mean", "lpl", "upl", "screenedMovingRanges", "value", "special", "spcRules", "readable",
            "monthsOnSide", "target", "assurance", "targetName", "limitsToTarget");
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
        e.put("readable", readable);
        e.put("monthsOnSide", monthsOnSide);
        e.put("target", target);
        e.put("assurance", assurance);
        e.put("targetName", targetName);
        e.put("limitsToTarget", Double.isNaN(target) ? "none" : lpl > target ? "above" : upl < target ? "below"
                : "around");
        return e;
    }
}
