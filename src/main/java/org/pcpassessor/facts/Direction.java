package org.pcpassessor.facts;

import java.util.Arrays;
import java.util.Optional;

/** What the numbers did: the current figure is higher or lower than the one it is compared with, or the same. */
public enum Direction {
    HIGHER, LOWER, UNCHANGED;

    /** The word rules compare with: {@code Finding( direction == "higher" )}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The direction of {@code now} against {@code then}; unchanged when either is not a number. */
    public static Direction of(double now, double then) {
        if (Double.isNaN(now) || Double.isNaN(then) || now == then) {
            return UNCHANGED;
        }
        return now > then ? HIGHER : LOWER;
    }

    public static Optional<Direction> parse(String word) {
        return Arrays.stream(values()).filter(d -> d.word().equals(word)).findFirst();
    }
}
