package org.pcpassessor.notes;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.pcpassessor.problem.Location;

/**
 * An analyst's notes on one priority for one month ({@code notes/2020-12/domestic-abuse.md}): paragraphs of their
 * own words, which may cite figures by placeholder, and which generated paragraphs to leave out or keep.
 *
 * @param pillar     the pillar of the priority
 * @param priority   the priority (or {@code Headlines} for a pillar's own measures)
 * @param paragraphs the analyst's paragraphs, in file order
 * @param suppress   topics whose generated paragraph is left out this month (listed under "Also noted")
 * @param pin        topics whose generated paragraph is kept this month, before the others, whatever its importance
 * @param source     the file
 */
public record NoteFile(String pillar, String priority, List<Paragraph> paragraphs, Set<String> suppress,
                       Set<String> pin, Location source) {
    public NoteFile {
        Objects.requireNonNull(pillar, "pillar");
        Objects.requireNonNull(priority, "priority");
        paragraphs = List.copyOf(paragraphs);
        suppress = Set.copyOf(suppress);
        pin = Set.copyOf(pin);
        Objects.requireNonNull(source, "source");
    }

    /**
     * A paragraph as written, with the placeholders it cites; {@code after} is the topic of its first placeholder's
     * measure, whose generated paragraph it follows (empty: it follows the generated paragraphs).
     */
    public record Paragraph(String text, List<Placeholder> placeholders, String after, Location at) {
        public Paragraph {
            Objects.requireNonNull(text, "text");
            placeholders = List.copyOf(placeholders);
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * {@code {da-recorded-crime.rolling12}} (the headline area) or {@code {da-recorded-crime.rolling12@North}}: a figure
     * of a measure, filled and formatted like generated text; or {@code {month}}, the report month's name.
     *
     * @param start where it starts in the paragraph's text; {@code end} where it ends (exclusive)
     */
    public record Placeholder(String measureId, String figure, String area, int start, int end, Location at) {
        public static final String MONTH = "month";

        public Placeholder {
            Objects.requireNonNull(measureId, "measureId");
            Objects.requireNonNull(figure, "figure");
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(at, "at");
        }

        public boolean isMonth() {
            return measureId.isEmpty() && figure.equals(MONTH);
        }
    }
}
