package org.pcpassessor.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pcpassessor.TestFiles;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.problem.Location;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.rules.RuleBase;

/**
 * The whole classify phase's near-miss findings shared out to its parts by the rule that made each (package and
 * name): a finding no part made, or two parts made, and they are not shared out at all (the search then keeps none).
 */
class NearMissSharingTest {
    @Test
    void findingsAreSharedOutByTheirRulePackageAndNameAndNoneIsLost() {
        Problems problems = new Problems();
        RuleBase rules = RuleBase.compile(TestFiles.RULES, problems);
        Finding a = finding("A", "pcp.classify");
        Finding b = finding("B", "pcp.classify");
        Finding otherPackage = finding("A", "pcp.other");
        NearMisses.Found whole = new NearMisses.Found(List.of(List.of(a, b), List.of(b)));
        RuleBase.ClassifyPart first = new RuleBase.ClassifyPart(rules, Set.of("pcp.classify\u0000A"));
        RuleBase.ClassifyPart second = new RuleBase.ClassifyPart(rules, Set.of("pcp.classify\u0000B"));

        List<NearMisses.Found> parts = List.of(whole.of(first), whole.of(second));
        assertEquals(List.of(List.of(a), List.of()), parts.get(0).byChange());
        assertEquals(List.of(List.of(b), List.of(b)), parts.get(1).byChange());
        assertTrue(whole.sharedOutBy(parts));

        NearMisses.Found unclaimed = new NearMisses.Found(List.of(List.of(a, otherPackage)));
        assertFalse(unclaimed.sharedOutBy(List.of(unclaimed.of(first), unclaimed.of(second))), "a rule of no part");
        RuleBase.ClassifyPart both = new RuleBase.ClassifyPart(rules, Set.of("pcp.classify\u0000A"));
        assertFalse(whole.sharedOutBy(List.of(whole.of(first), whole.of(both), whole.of(second))), "a rule in two");
    }

    private static Finding finding(String rule, String rulePackage) {
        return new Finding("m", "Force", true, "count", "neutral", "P", "Q", "TWELVE_MONTH_HIGH", "monthly", "higher",
                "neutral", rule, rulePackage, Location.of("highs.drl"), Map.of(),
                org.pcpassessor.TestSnapshots.recordedCrimes().build());
    }
}
