package org.pcpassessor.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.facts.Snapshot;
import org.pcpassessor.problem.Location;

/** Alternatives of a wording entry said in turn, by what the report has said before: the same input, the same words. */
class VariationTest {
    private static final Snapshot S = org.pcpassessor.TestSnapshots.recordedCrimes().build();
    private static final Finding F = new Finding("m", "Force", true, "count", "neutral", "P", "Q", "HIGHER",
            "benchmark", "higher", "neutral", "r", "pcp.classify", Location.of("c.drl"), Map.of("basis", "benchmark"),
            S);

    private static Sentence said(String entry, String... texts) {
        List<Sentence.Variant> variants = java.util.Arrays.stream(texts).map(t -> new Sentence.Variant(t, t, t))
                .toList();
        return new Sentence("m", "Force", true, "P", "Q", texts[0], texts[0], "r", "pcp.narrate", Location.of("b.drl"),
                texts[0], List.of(F), 10, 0, false, Map.of(), entry, variants, false);
    }

    @Test
    void anOpeningSentenceTakesTheOpeningUsedLeastThenTheAlternativeUsedLeast() {
        Variation v = new Variation();
        Sentence a = said("a", "The 12 month total of X was 1.", "Over the 12 months there were 1 X.");
        Sentence b = said("b", "The 12 month total of Y rose.", "There were 2 Y.");
        assertEquals(0, v.say(a, true)); // nothing said yet: the first written
        assertEquals(1, v.say(b, true)); // "the 12 month total" has opened a paragraph; "there were 2 y." has not
        assertEquals(1, v.say(a, true)); // both openings used once each; of a's, the second is used less
        assertEquals(0, v.say(a, false)); // inside a paragraph: a's alternatives used once each, the first
        assertEquals(1, v.say(a, false)); // then the other
    }

    @Test
    void theSameReportInTheSameOrderGivesTheSameWords() {
        Sentence a = said("a", "One way.", "Another way.", "A third way.");
        int[] first = new int[6];
        int[] second = new int[6];
        Variation v1 = new Variation();
        Variation v2 = new Variation();
        for (int i = 0; i < 6; i++) {
            first[i] = v1.say(a, i % 2 == 0);
            second[i] = v2.say(a, i % 2 == 0);
        }
        assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(second));
        assertEquals("[0, 1, 2, 0, 1, 2]", java.util.Arrays.toString(first));
    }

    @Test
    void theOpeningIsTheFirstFourWordsInLowerCase() {
        assertEquals("the 12 month total", Variation.opening("The 12 month total of recorded crimes was 1."));
        assertEquals("three words only.", Variation.opening("Three words only."));
    }
}
