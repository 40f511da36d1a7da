package org.pcpassessor.rules.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.facts.Snapshot;
import org.pcpassessor.problem.Location;

/**
 * Each finding said once, by the runner (RuleRun.saidOnce), not by a guard in every rule: of the sentences that say
 * a finding, the one of the rule with the higher salience is kept, then the rule written first; an aside is kept
 * beside; kept sentences stay in the order they were made.
 */
class SaidOnceTest {
    private static final Snapshot S = org.pcpassessor.TestSnapshots.recordedCrimes().build();
    private static final Finding HIGH = finding("TWELVE_MONTH_HIGH", "monthly");
    private static final Finding RISE = finding("SIGNIFICANT_RISE", "lastYear");
    private static final Finding TREND = finding("TREND_UP", "rolling12");

    private static Finding finding(String code, String basis) {
        return new Finding("m", "Force", true, "count", "neutral", "P", "Q", code, basis, "higher", "neutral", "r",
                "pcp.classify", Location.of("c.drl"), Map.of("basis", basis), S);
    }

    private static Sentence made(String rule, int salience, String file, int line, boolean aside, Finding... said) {
        return new Sentence("m", "Force", true, "P", "Q", "", "", rule, "pcp.narrate", Location.of(file, line), rule,
                List.of(said), 50, salience, aside, Map.of(), rule, List.of(), false);
    }

    @Test
    void theFoldingRuleOfHigherSalienceWinsWhateverTheOrderOfMaking() {
        Sentence alone = made("high alone", 0, "month.drl", 40, false, HIGH);
        Sentence both = made("high and rise", 20, "month.drl", 20, false, HIGH, RISE);
        Sentence rise = made("rise alone", 0, "month.drl", 60, false, RISE);
        Sentence trend = made("trend", 0, "trend.drl", 5, false, TREND);
        // made in an order the engine might fire them; HIGH and RISE are said by "high and rise" alone
        assertEquals(List.of(both, trend), RuleRun.saidOnce(List.of(alone, both, rise, trend)));
    }

    @Test
    void equalSalienceKeepsTheRuleWrittenFirstByFileThenLine() {
        Sentence later = made("later", 0, "month.drl", 90, false, HIGH);
        Sentence earlier = made("earlier", 0, "month.drl", 30, false, HIGH);
        Sentence otherFile = made("other file", 0, "areas.drl", 99, false, HIGH);
        // "areas.drl" sorts before "month.drl"
        assertEquals(List.of(otherFile), RuleRun.saidOnce(List.of(later, earlier, otherFile)));
        assertEquals(List.of(earlier), RuleRun.saidOnce(List.of(later, earlier)));
    }

    @Test
    void anAsideIsKeptBesideTheSentenceThatSaysItsFinding() {
        Sentence main = made("survey", 0, "benchmark.drl", 10, false, TREND);
        Sentence caution = made("caution", 0, "surveys.drl", 5, true, TREND);
        Object other = "a table label";
        assertEquals(List.of(main, other, caution), RuleRun.saidOnce(List.of(main, other, caution)));
    }
}
