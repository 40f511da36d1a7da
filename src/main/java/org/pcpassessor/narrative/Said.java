package org.pcpassessor.narrative;

import java.util.Objects;
import org.pcpassessor.facts.Sentence;

/**
 * A sentence as the composition placed it: its importance (the sum of its findings' points, at most
 * two of one code and basis), the words printed
 * (its short form once the paragraph has named the subject), and why it is not in the draft when it is not.
 */
public record Said(Sentence sentence, int importance, String text, String why) {
    public Said {
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(why, "why");
    }
}
