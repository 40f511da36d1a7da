package org.pcpassessor.wording;

import org.pcpassessor.facts.*;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Whether a sentence counts its short subject ("86 these offences", which keeps the full subject) agrees with the
 * regular expression it replaced, {@code \d <subject>} with {@link Pattern#CASE_INSENSITIVE} (ASCII only), used here
 * as the oracle: on hand-picked cases and on 20,000 seeded random texts and subjects, letters of both cases and a
 * non-ASCII pair among them.
 */
class CountedSubjectTest {
    private static boolean oracle(String text, String subject) {
        return Pattern.compile("\\d " + Pattern.quote(subject), Pattern.CASE_INSENSITIVE).matcher(text).find();
    }

    private static Snapshot withShortSubject(String shortSubject) {
        return Snapshot.builder("m", "Force", YearMonth.of(2020, 12)).pillar("P").priority("Q").label("L")
                .subject("the things").shortSubject(shortSubject).wholeData(true).current(1).previousMonth(1)
                .sameMonthLastYear(1).twoYearsAgo(1).threeYearsAgo(1).rolling12(1).rolling12PreviousMonth(1)
                .rolling12LastYear(1).baseline(1).baselineLabel("2019/20").avg1yr(1).avg3yr(1).changeVsLastYear(0)
                .changeVsBaseline(0).changeRolling12VsLastYear(0).build();
    }

    @Test
    void handPickedCases() {
        Snapshot s = withShortSubject("these offences");
        assertEquals(true, Wording.counts("There were 86 these offences.", s));
        assertEquals(true, Wording.counts("There were 86 These Offences.", s));
        assertEquals(false, Wording.counts("There were 86  these offences.", s));
        assertEquals(false, Wording.counts("These offences rose to 86.", s));
        assertEquals(false, Wording.counts("86 these offence", s));
    }

    @Test
    void agreesWithTheRegularExpressionOnRandomTexts() {
        Random random = new Random(20261123);
        String alphabet = "0123 aAbBéÉ";
        for (int round = 0; round < 20_000; round++) {
            String subject = randomText(random, alphabet, 1 + random.nextInt(3));
            String text = randomText(random, alphabet, random.nextInt(12));
            if (random.nextBoolean()) {
                int at = random.nextInt(text.length() + 1);
                text = text.substring(0, at) + random.nextInt(10) + " " + flipCase(random, subject) + text.substring(at);
            }
            assertEquals(oracle(text, subject), Wording.counts(text, withShortSubject(subject)),
                    "'" + subject + "' in '" + text + "'");
        }
    }

    private static String flipCase(Random random, String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            b.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return b.toString();
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
