package org.pcpassessor.narrative;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.pcpassessor.facts.Sentence;

/**
 * Which alternative of its wording each sentence is said in, through one report: a wording entry may list
 * alternatives (rules/wording/*.yaml) so that a paper does not open every paragraph with the same words. The choice
 * depends only on what the report has said before it, in report order, so the same input gives the same words:
 * <ul>
 *   <li>a sentence that opens a numbered paragraph takes the alternative whose first four words have opened the
 *       fewest paragraphs so far, then the one of its entry used least, then the first written;</li>
 *   <li>any other sentence takes the alternative of its entry used least so far, then the first written.</li>
 * </ul>
 * Not thread-safe: one per report, used in report order.
 */
final class Variation {
    /** How many paragraphs each opening (its first four words, lower case) has opened. */
    private final Map<String, Integer> openings = new HashMap<>();
    /** Per wording entry, how many times each alternative has been said. */
    private final Map<String, int[]> uses = new HashMap<>();

    /** The alternative this place in the report takes (an index of the sentence's variants); noted as said. */
    int say(Sentence s, boolean opensParagraph) {
        int n = s.variants().size();
        int chosen = 0;
        if (n > 1) {
            int[] used = uses.computeIfAbsent(s.wording(), k -> new int[n]);
            long best = Long.MAX_VALUE;
            for (int i = 0; i < n && i < used.length; i++) {
                int opened = opensParagraph ? openings.getOrDefault(opening(s.variants().get(i).text()), 0) : 0;
                long key = ((long) opened << 40) | ((long) used[i] << 20) | i;
                if (key < best) {
                    best = key;
                    chosen = i;
                }
            }
            used[chosen]++;
        }
        if (opensParagraph) {
            openings.merge(opening(s.variants().get(chosen).text()), 1, Integer::sum);
        }
        return chosen;
    }

    /** The first four words of a text, lower case: what a reader sees repeated down a page. */
    static String opening(String text) {
        String[] words = text.trim().split("\\s+", 5);
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(4, words.length))).toLowerCase(Locale.ROOT);
    }
}
