package org.pcpassessor.wording;

import org.pcpassessor.facts.*;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How figures are stated: differences of printed figures, SPC limits a measure can take, medians of whole data. */
class ValuesTest {
    private static Snapshot snapshot(String kind, boolean wholeData) {
        return snapshot(kind, wholeData, "Force");
    }

    private static Snapshot snapshot(String kind, boolean wholeData, String area) {
        return Snapshot.builder("m", area, YearMonth.of(2020, 12)).pillar("P").priority("Q").label("L")
                .subject("the things").shortSubject("they").kind(kind).units(kind.equals("median") ? "minutes" : "")
                .wholeData(wholeData).current(1).previousMonth(1).sameMonthLastYear(1).twoYearsAgo(1)
                .threeYearsAgo(1).rolling12(1).rolling12PreviousMonth(1).rolling12LastYear(1).baseline(1)
                .baselineLabel("2019/20").avg1yr(1).avg3yr(1).changeVsLastYear(0).changeVsBaseline(0)
                .changeRolling12VsLastYear(0).build();
    }

    @Test
    void aPptDifferenceIsThatOfTheFiguresAsPrinted() {
        // 7.849% and 6.351% print as 7.8% and 6.4%: 1.4ppts apart, although the unrounded difference (1.498) would
        // print as 1.5ppts
        assertEquals("1.4ppts", Values.ppts(0.07849, 0.06351));
        assertEquals("1.5ppts", Values.change(true, 0.07849 - 0.06351));
        // 88.674% and 78.146% print as 88.7% and 78.1%: 10.6ppts apart, where the unrounded 10.528 prints as 10.5
        assertEquals("10.6ppts", Values.ppts(0.88674, 0.78146));
        assertEquals("10.5ppts", Values.change(true, 0.88674 - 0.78146));
        assertEquals("0.0ppts", Values.ppts(0.10004, 0.09996));
    }

    @Test
    void numbersAreFormattedFromIcusEnGbDataWithoutItsScanOfTheJar() {
        Values.number(1, 0); // Values sets the property when it is loaded
        assertEquals("true", System.getProperty("com.ibm.icu.impl.ICUResourceBundle.skipRuntimeLocaleResourceScan"));
        // Told to skip its scan of the jar, ICU lists its locales from its index. Checked by hand on ICU 77.1 with
        // the tool's jar: NumberFormat.getAvailableULocales() is the same 881 locales either way, and the UK format's
        // actual locale is en_GB either way. A fallback (en, or root) would show here.
        com.ibm.icu.text.NumberFormat f = com.ibm.icu.text.NumberFormat.getNumberInstance(com.ibm.icu.util.ULocale.UK);
        assertEquals("en_GB", f.getLocale(com.ibm.icu.util.ULocale.ACTUAL_LOCALE).toString());
        // by hand: UK grouping every three digits, a full stop before the decimals, half up (0.25 is exact in binary)
        assertEquals("1,234,567.89", Values.number(1234567.891, 2));
        assertEquals("1,057", Values.number(1057, 0));
        assertEquals("0.3", Values.number(0.25, 1));
    }

    @Test
    void processLimitsAreClampedToWhatTheMeasureCanTake() {
        // a count: the whole counts inside 697.3 to 1,087.8
        assertArrayEquals(new String[] {"698", "1,087"}, Values.limits(snapshot("count", true), 697.3, 1087.8));
        // a count whose limits hold no whole number between them (a flat series): rounded
        assertArrayEquals(new String[] {"871", "871"}, Values.limits(snapshot("count", true), 870.6, 870.9));
        // a count can not go below 0
        assertArrayEquals(new String[] {"0", "4"}, Values.limits(snapshot("count", true), -1.5, 4.2));
        // a rate can not be negative (but may pass 100%: outcomes of earlier months' crimes)
        assertArrayEquals(new String[] {"0.0%", "129.0%"}, Values.limits(snapshot("rate", false), -0.159, 1.29));
        // a proportion stays within 0% and 100%
        assertArrayEquals(new String[] {"80.2%", "100.0%"}, Values.limits(snapshot("proportion", false), 0.802, 1.05));
    }

    @Test
    void aMedianOfWholeMinutesIsStatedWholeAndOfDecimalMinutesToOneDecimal() {
        assertEquals("195 minutes", Values.value(snapshot("median", true), 194.5));
        assertEquals("194.5 minutes", Values.value(snapshot("median", false), 194.5));
        assertEquals("194.5 minutes", Values.exact(snapshot("median", true), 194.5));
    }

    @Test
    void theNounIsTheSubjectWithoutItsArticle() {
        var v = Values.of(snapshot("rate", false), List.of());
        assertEquals("the things", v.get("subject"));
        assertEquals("The things", v.get("Subject"));
        assertEquals("things", v.get("noun"));
        assertEquals("they", Values.ofShort(snapshot("rate", false), List.of()).get("subject"));
    }

    /**
     * A sentence is formatted once for both forms of its subject when its template and phrases only print the
     * subject; the texts are what each form gives, written out here by hand, as are those of a template that chooses
     * on the subject (formatted twice) and of an area whose name holds a private-use character (formatted twice).
     */
    @Test
    void aSentenceHasItsTextForEachFormOfTheSubject() {
        Phrases phrases = Phrases.of(java.util.Map.of("where", "{noun} in {area}"),
                java.util.Map.of("where", org.pcpassessor.problem.Location.of("phrases.yaml")));
        Values.Filled plain = Values.sentence("{Subject} ({where}) {were} counted; {subject} again.",
                snapshot("count", true), List.of(), phrases, "r");
        assertEquals("The things (things in Force) were counted; the things again.", plain.text());
        assertEquals("They (they in Force) were counted; they again.", plain.shortText());
        // the values are the full subject's, phrases filled in
        assertEquals("things in Force", plain.values().get("where"));
        assertEquals("the things", plain.values().get("subject"));

        Values.Filled chosen = Values.sentence("{subject, select, they {short} other {{subject}}} seen.",
                snapshot("count", true), List.of(), Phrases.NONE, "r");
        assertEquals("the things seen.", chosen.text());
        assertEquals("short seen.", chosen.shortText());

        Values.Filled marked = Values.sentence("{Subject} in {area}.", snapshot("count", true, "North\uE000"),
                List.of(), Phrases.NONE, "r");
        assertEquals("The things in North\uE000.", marked.text());
        assertEquals("They in North\uE000.", marked.shortText());

        // another area's name, in a finding's evidence, holding a stand-in: formatted twice too
        Finding divergence = new Finding("m", "Force", true, "count", "neutral", "P", "Q", "AREA_DIVERGENCE",
                "benchmark", "higher", "neutral", "r", "pcp", org.pcpassessor.problem.Location.of("r.drl"),
                java.util.Map.of("otherArea", "South\uE001"), snapshot("count", true));
        Values.Filled other = Values.sentence("{Subject}, unlike {otherArea}.", snapshot("count", true),
                List.of(divergence), Phrases.NONE, "r");
        assertEquals("The things, unlike South\uE001.", other.text());
        assertEquals("They, unlike South\uE001.", other.shortText());
    }

    @Test
    void aLineByKindIsChosenForTheMeasuresKindAndOnlyItsNamesAreRead() {
        String t = "In {month} ({kind, select, proportion {{currentText}, n={currentDenominator}} other {{currentText}}}"
                + "), {direction, select, higher {up} other {down}}.";
        assertEquals("In {month} ({currentText}), {direction, select, higher {up} other {down}}.",
                Values.choose(t, "kind", "count"));
        assertEquals("In {month} ({currentText}, n={currentDenominator}), {direction, select, higher {up} other "
                + "{down}}.", Values.choose(t, "kind", "proportion"));
        // a select on the same value inside the chosen line is chosen too
        assertEquals("[a]", Values.choose("[{kind, select, rate {r} other {{kind, select, count {a} other {b}}}}]",
                "kind", "count"));
    }
}
