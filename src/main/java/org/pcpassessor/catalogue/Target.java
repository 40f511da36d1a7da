package org.pcpassessor.catalogue;

import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.pcpassessor.problem.Location;

/**
 * A target a measure is held to, declared under the measure's {@code target:} in the catalogue: one value, or a
 * trajectory of values each applying from its month until the next (a step function). Before its first month the
 * measure has no target. Making Data Count reads it against the SPC chart's process limits (its "assurance",
 * {@link Assurance}).
 *
 * @param steps  from which month each value applies, in month order (a fraction for a rate or proportion, as a
 *               baseline is); a single value declared with no {@code from} applies from {@link YearMonth} 1900-01
 * @param name   how sentences and the tables' text alternatives name it ("the target", "the example target")
 * @param source where it is declared, for messages
 */
public record Target(NavigableMap<YearMonth, Double> steps, String name, Location source) {

    /** The month a target declared without {@code from} applies from: before any data the catalogue accepts. */
    public static final YearMonth ALWAYS = YearMonth.of(1900, 1);

    public Target {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a target needs at least one value");
        }
        steps.values().forEach(v -> {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a target value must be a finite number, not " + v);
            }
        });
        steps = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(steps));
    }

    /** One value from a month (or {@link #ALWAYS}). */
    public static Target of(double value, YearMonth from, String name, Location source) {
        return new Target(new TreeMap<>(Map.of(from, value)), name, source);
    }

    /** The target in that month: the value of the latest step at or before it; empty before the first step. */
    public OptionalDouble at(YearMonth month) {
        Map.Entry<YearMonth, Double> e = steps.floorEntry(month);
        return e == null ? OptionalDouble.empty() : OptionalDouble.of(e.getValue());
    }

    /** Whether the value changes over time (a trajectory), not one value. */
    public boolean trajectory() {
        return steps.size() > 1;
    }

    /**
     * Making Data Count's assurance of a target against the process limits of a measure's SPC chart, as
     * NHSRplotthedots computes it ({@code ptd_calculate_assurance_type}): for a measure where up is good, a target
     * above the upper process limit will consistently be missed, one below the lower limit consistently met, and one
     * between the limits (or on one) met in some months and missed in others; the reverse where down is good. A
     * measure with no good direction has no assurance.
     */
    public enum Assurance {
        CONSISTENT_PASS("consistent_pass", "P", "consistently met: the target lies outside the process limits, on the"
                + " side the measure varies beyond"),
        CONSISTENT_FAIL("consistent_fail", "F", "consistently missed: the target lies outside the process limits,"
                + " beyond what the measure varies to"),
        HIT_AND_MISS("hit_and_miss", "?", "hit and miss: the target lies within the process limits, so it will be"
                + " met in some months and missed in others");

        private final String code;
        private final String letter;
        private final String meaning;

        Assurance(String code, String letter, String meaning) {
            this.code = code;
            this.letter = letter;
            this.meaning = meaning;
        }

        /** The name in JSON and in rules: "consistent_pass". */
        public String code() {
            return code;
        }

        /** The letter of Making Data Count's icon: P, F or ?. */
        public String letter() {
            return letter;
        }

        /** What it means, for text alternatives. */
        public String meaning() {
            return meaning;
        }

        /** The assurance of {@code target} against limits {@code lpl} to {@code upl}; empty for a neutral measure. */
        public static java.util.Optional<Assurance> of(double target, double lpl, double upl, Polarity polarity) {
            if (polarity == Polarity.NEUTRAL) {
                return java.util.Optional.empty();
            }
            boolean up = polarity == Polarity.UP_IS_GOOD;
            if (target > upl) {
                return java.util.Optional.of(up ? CONSISTENT_FAIL : CONSISTENT_PASS);
            }
            if (target < lpl) {
                return java.util.Optional.of(up ? CONSISTENT_PASS : CONSISTENT_FAIL);
            }
            return java.util.Optional.of(HIT_AND_MISS);
        }
    }
}
