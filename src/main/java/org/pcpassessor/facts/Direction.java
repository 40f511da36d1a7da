package org.pcpassessor.facts;

import java.util.Optional;

/** What the numbers did: the current figure is higher or lower than the one it is compared with, or the same. */
public enum Direction {
    HIGHER, LOWER, UNCHANGED;

    private static final Direction[] VALUES = values();

    /** The word, made once: findings are made and checked by the thousand. */
    private final String word = name().toLowerCase(java.util.Locale.ROOT);

    /** The word rules compare with: {@code Finding( direction == "higher" )}. */
    public String word() {
        return word;
    }

    /** The direction of {@code now} against {@code then}; unchanged when either is not a number. */
    public static Direction of(double now, double then) {
        if (Double.isNaN(now) || Double.isNaN(then) || now == then) {
            return UNCHANGED;
        }
        return now > then ? HIGHER : LOWER;
    }

    public static Optional<Direction> parse(String word) {
        for (Direction d : VALUES) { // a loop, not a stream: called for every finding made
            if (d.word.equals(word)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
