package org.pcpassessor.narrative;

import java.util.Objects;
import org.pcpassessor.facts.Sentence;

/**
 * A sentence as the composition placed it: its importance (the sum of its findings' points, at most
 * two of one code and basis), the words printed
 * (its short form once the paragraph has named the subject), and why it is not in the draft when it is not; the
 * alternative of its wording it is said in ({@code variant}, 0 for the first).
 */
public record Said(Sentence sentence, int importance, String text, String why, int variant) {
    public Said {
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(why, "why");
        if (variant < 0 || variant >= sentence.variants().size()) {
            throw new IllegalArgumentException("variant " + variant + " of " + sentence.variants().size());
        }
    }

    /** The sentence in its first wording. */
    public Said(Sentence sentence, int importance, String text, String why) {
        this(sentence, importance, text, why, 0);
    }

    /** The wording it is said in: one of its entry's alternatives (rules/wording/). */
    public Sentence.Variant wording() {
        return sentence.variants().get(variant);
    }
}
