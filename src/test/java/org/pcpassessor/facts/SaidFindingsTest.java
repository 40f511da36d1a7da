package org.pcpassessor.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcpassessor.problem.Location;

/**
 * The list of findings a sentence says, whose {@code contains} is a hash lookup when long, and equal to any list of
 * the same findings.
 */
class SaidFindingsTest {
    private static final Snapshot FORCE = org.pcpassessor.TestSnapshots.recordedCrimes().build();

    /** An AREA_DIVERGENCE finding about {@code area}: its figure against its expected one, and its outcome. */
    private static Finding divergence(String area, double observed, double expected, String outcome) {
        Map<String, Object> evidence = new java.util.LinkedHashMap<>();
        evidence.put("basis", "benchmark");
        evidence.put("otherArea", area);
        evidence.put("otherObserved", observed);
        evidence.put("otherExpected", expected);
        evidence.put("otherOutcome", outcome);
        return new Finding("m", "Force", true, "count", "neutral", "P", "Q", "AREA_DIVERGENCE", "benchmark", "higher",
                "neutral", "r", "pcp.narrate", Location.of("areas.drl"), evidence, FORCE);
    }

    @Test
    void aLongListOfSaidFindingsFindsAnEqualFindingAndNoOther() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(divergence("Area " + i, 100 + i, 100, "higher"));
        }
        List<Finding> said = SaidFindings.copyOf(many);
        assertEquals(many, said);
        assertEquals(said, many);
        assertEquals(many.hashCode(), said.hashCode());
        assertTrue(said.contains(divergence("Area 17", 117, 100, "higher")), "an equal finding, not the same object");
        assertFalse(said.contains(divergence("Area 17", 118, 100, "higher")), "the same area, other evidence");
        assertFalse(said.contains(divergence("Area 40", 140, 100, "higher")));
        assertFalse(said.contains("Area 17"));
        List<Finding> few = SaidFindings.copyOf(many.subList(0, 3));
        assertTrue(few.contains(divergence("Area 2", 102, 100, "higher")));
        assertFalse(few.contains(divergence("Area 3", 103, 100, "higher")));
    }
}
