package org.pcpassessor.narrative;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pcpassessor.problem.Location;

/**
 * A numbered paragraph of a priority's commentary: generated (the chosen sentences of one topic, most important
 * first) or written by an analyst (a notes paragraph, its placeholders filled).
 *
 * @param topic      the topic its sentences are about (a measure, or measures the catalogue pairs); for an analyst's
 *                   paragraph, the topic whose paragraph it follows, or empty
 * @param sentences  the generated sentences, as said; empty for an analyst's paragraph
 * @param text       the paragraph as printed
 * @param importance the importance of its most important sentence (0 for an analyst's paragraph)
 * @param note       where an analyst wrote it; empty for a generated paragraph
 */
public record Paragraph(String topic, List<Said> sentences, String text, int importance, Optional<Location> note) {
    public Paragraph {
        Objects.requireNonNull(topic, "topic");
        sentences = List.copyOf(sentences);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(note, "note");
        if (note.isPresent() != sentences.isEmpty()) {
            throw new IllegalArgumentException("a paragraph is either an analyst's or generated from sentences");
        }
    }

    public boolean analyst() {
        return note.isPresent();
    }
}
