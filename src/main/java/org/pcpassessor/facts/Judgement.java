package org.pcpassessor.facts;

import java.util.Optional;
import org.pcpassessor.catalogue.Polarity;

/**
 * What a finding means under the measure's polarity: better, worse, or neutral (a neutral measure, no change, or
 * a change that is not significant).
 */
public enum Judgement {
    BETTER, WORSE, NEUTRAL;

    private static final Judgement[] VALUES = values();

    /** The word, made once: findings are made and checked by the thousand. */
    private final String word = name().toLowerCase(java.util.Locale.ROOT);

    /** The word rules compare with: {@code Finding( judgement == "worse" )}. */
    public String word() {
        return word;
    }

    /**
     * The judgement of a direction under a polarity. Only a definite change (a significant test, a high, a run)
     * is better or worse; anything else is neutral.
     */
    public static Judgement of(Direction direction, Polarity polarity, boolean definite) {
        if (!definite || direction == Direction.UNCHANGED || polarity == Polarity.NEUTRAL) {
            return NEUTRAL;
        }
        boolean up = direction == Direction.HIGHER;
        return up == (polarity == Polarity.UP_IS_GOOD) ? BETTER : WORSE;
    }

    public static Optional<Judgement> parse(String word) {
        for (Judgement j : VALUES) { // a loop, not a stream: called for every finding made
            if (j.word.equals(word)) {
                return Optional.of(j);
            }
        }
        return Optional.empty();
    }
}
