package org.pcpassessor.data;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pcpassessor.catalogue.Event;

/**
 * Something wrong with a series as data, found by {@link DataChecks} or declared in the catalogue: a break in supply,
 * zeros no level of the series makes plausible, a new series, a constant series, a proportion stuck at 0% or 100%.
 *
 * @param from        the first month concerned (the first month of the break, of the zeros; a new series' first
 *                    month of data)
 * @param to          the last month concerned (a break runs to the series' last month)
 * @param level       the series' level around it: the median of the months before a break, around zeros, or after
 *                    the start of a new series (NaN when it does not apply)
 * @param probability the chance of as many zeros in a row at that level, were the months counts of independent
 *                    events (Poisson: {@code exp(-level x months)}); NaN when it does not apply
 * @param declared    the catalogue's event, when the anomaly is declared rather than found
 * @param rows        the {@code file:line} of the rows concerned (at most {@link #ROWS_KEPT})
 */
public record Anomaly(String measureId, String area, Type type, YearMonth from, YearMonth to, double level,
                      double probability, Optional<Event> declared, List<String> rows) {

    /** How many rows an anomaly names (the first ones and the last): enough to find them. */
    public static final int ROWS_KEPT = 6;

    /** What is wrong. */
    public enum Type {
        SUPPLY_BREAK("supply-break"),
        IMPLAUSIBLE_ZERO("implausible-zero"),
        NEW_SERIES("new-series"),
        CONSTANT("constant"),
        STUCK_PROPORTION("stuck-proportion");

        private final String id;

        Type(String id) {
            this.id = id;
        }

        /** The name rules and the JSON report use: supply-break, implausible-zero, ... */
        public String id() {
            return id;
        }
    }

    public Anomaly {
        Objects.requireNonNull(measureId, "measureId");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(declared, "declared");
        rows = List.copyOf(rows);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("an anomaly ends before it starts: " + from + ".." + to);
        }
    }

    /** How many months it concerns. */
    public int months() {
        return (int) from.until(to, java.time.temporal.ChronoUnit.MONTHS) + 1;
    }

    public boolean covers(YearMonth month) {
        return !month.isBefore(from) && !month.isAfter(to);
    }
}
