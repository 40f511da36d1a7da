package org.pcpassessor.facts;

import java.util.Arrays;
import java.util.Optional;
import org.pcpassessor.catalogue.Polarity;

/**
 * What a finding means under the measure's polarity: better, worse, or neutral (a neutral measure, no change, or
 * a change that is not significant).
 */
public enum Judgement {
    BETTER, WORSE, NEUTRAL;

    /** The word rules compare with: {@code Finding( judgement == "worse" )}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
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
        return Arrays.stream(values()).filter(j -> j.word().equals(word)).findFirst();
    }
}
