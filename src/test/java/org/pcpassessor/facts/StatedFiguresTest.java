package org.pcpassessor.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Whether a figure stands alone in a sentence ("1,057" but not the "57" of it) agrees with the regular expression
 * it replaced, {@code (?<![\d.,])figure(?![\d]|[.,]\d)}, used here as the oracle: on hand-picked cases and on
 * 20,000 seeded random texts and figures over digits, separators, signs and letters.
 */
class StatedFiguresTest {
    private static boolean oracle(String text, String v) {
        return Pattern.compile("(?<![\\d.,])" + Pattern.quote(v) + "(?![\\d]|[.,]\\d)").matcher(text).find();
    }

    @Test
    void handPickedCases() {
        String text = "rose to 1,057 crimes (10.3%), up 57 on 1,000; 12 months to 2020.";
        for (String v : new String[] {"1,057", "57", "10.3%", "10.3", "1,000", "1", "12", "2020", "0", "3%", "020"}) {
            assertEquals(oracle(text, v), Sentence.standsAlone(text, v), v);
        }
        assertEquals(true, Sentence.standsAlone(text, "1,057"));
        assertEquals(true, Sentence.standsAlone(text, "57"));
        assertEquals(false, Sentence.standsAlone(text, "057"));
    }

    @Test
    void agreesWithTheRegularExpressionOnRandomTexts() {
        Random random = new Random(20261123);
        String alphabet = "0123456789.,-% ab";
        for (int round = 0; round < 20_000; round++) {
            String text = randomText(random, alphabet, random.nextInt(30));
            String v = random.nextBoolean() && text.length() > 1
                    ? text.substring(random.nextInt(text.length() / 2), text.length() / 2 + random.nextInt(text.length() / 2 + 1))
                    : randomText(random, alphabet, 1 + random.nextInt(4));
            if (v.isEmpty()) {
                continue;
            }
            assertEquals(oracle(text, v), Sentence.standsAlone(text, v), "'" + v + "' in '" + text + "'");
        }
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
