package org.pcpassessor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcpassessor.audit.AuditEvent;
import org.pcpassessor.audit.FactText;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.Snapshot;
import org.pcpassessor.problem.Location;

/** A finding's matched facts: those of the first classify firing of its rule that inserted it. */
class FiringsTest {
    private static final Snapshot S = Fixtures.SNAPSHOT;
    private static final Location RULE = Location.of("rules/classify/trend.drl", 12);
    private static final Location OTHER = Location.of("rules/classify/spc.drl", 3);

    private static Finding finding(String code, Location source) {
        return new Finding("m", "Force", true, "count", "neutral", "P", "Q", code, "lastYear", "higher", "neutral",
                "r", "pcp.classify", source, Map.of(), S);
    }

    private static AuditEvent firing(int n, String phase, Location source, List<?> matched, List<?> inserted) {
        return new AuditEvent(n, phase, "r", source, "m", "Force", matched, inserted);
    }

    @Test
    void theFirstFiringOfItsRuleThatInsertedTheFindingSaysWhatItMatched() {
        Finding higher = finding("HIGHER", RULE);
        Finding lower = finding("LOWER", RULE);
        Finding elsewhere = finding("HIGHER", OTHER);
        Finding never = finding("SIGNIFICANT", RULE);
        Explanation.Firings firings = Explanation.Firings.of(List.of(
                firing(1, "classify", OTHER, List.of(S), List.of(higher)), // another rule inserted an equal finding
                firing(2, "classify", RULE, List.of(S), List.of(higher)),
                firing(3, "classify", RULE, List.of(S, lower), List.of(higher, lower)), // a later firing: not it
                firing(4, "narrate", RULE, List.of(higher), List.of(lower)))); // narrate firings are not read
        assertEquals(List.of(FactText.describe(S)), firings.matchedBy(higher));
        assertEquals(List.of(FactText.describe(S), FactText.describe(lower)), firings.matchedBy(lower));
        assertEquals(List.of(FactText.describe(S)), firings.matchedBy(elsewhere));
        assertEquals(List.of(), firings.matchedBy(never));
        // asked again, the same answers
        assertEquals(List.of(FactText.describe(S)), firings.matchedBy(higher));
    }
}
