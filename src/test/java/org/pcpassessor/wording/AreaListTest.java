package org.pcpassessor.wording;

import org.pcpassessor.facts.*;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcpassessor.problem.Location;

/**
 * The values of a sentence that lists the areas differing from the headline area (Sentence.of with a collected list),
 * and the list of findings a sentence says, whose {@code contains} is a hash lookup when long.
 */
class AreaListTest {
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
    void areasAreListedFurthestFromTheirExpectedFigureFirstAndCountedBeyondFive() {
        // by hand: East |130 - 100| / 100 = 0.30, North 0.25, West 0.25 (tied: by name, North first), South 0.10
        List<Finding> four = List.of(divergence("North", 125, 100, "higher"), divergence("South", 110, 100, "higher"),
                divergence("East", 130, 100, "higher"), divergence("West", 75, 100, "lower"));
        assertEquals("East, North, West and South", Values.areaList(four));
        assertEquals("North and South", Values.areaList(four.subList(0, 2)));
        assertEquals("North", Values.areaList(four.subList(0, 1)));
        assertEquals("", Values.areaList(List.of()));
        List<Finding> eight = new ArrayList<>();
        for (int i = 1; i <= 8; i++) { // Area 8 furthest (8%), Area 1 nearest (1%)
            eight.add(divergence("Area " + i, 100 + i, 100, "higher"));
        }
        assertEquals("Area 8, Area 7, Area 6, Area 5, Area 4 and 3 more", Values.areaList(eight));
    }

    @Test
    void aListedSentenceCountsItsAreasByOutcome() {
        List<Finding> found = List.of(divergence("North", 125, 100, "higher"), divergence("East", 130, 100, "higher"),
                divergence("West", 75, 100, "lower"), divergence("South", 98, 100, "comparable"));
        Map<String, Object> v = Values.ofList(FORCE, found, FORCE.subject());
        assertEquals(4, v.get("areaCount"));
        assertEquals(3, v.get("areasSignificantCount"));
        assertEquals(2, v.get("areasHigherCount"));
        assertEquals("East and North", v.get("areasHigher"));
        assertEquals(1, v.get("areasLowerCount"));
        assertEquals("West", v.get("areasLower"));
        assertEquals(1, v.get("areasComparableCount"));
        assertEquals("South", v.get("areasComparable"));
        assertEquals("recorded crimes", v.get("subject"));
        assertFalse(v.containsKey("otherArea"), "a list has no values of each finding");
        String text = Values.format("{areasLowerCount, plural, =0 {} other {lower in {areasLower}}}; "
                + "{areasHigherCount, plural, one {# area} other {# areas}}", v, "test");
        assertEquals("lower in West; 2 areas", text);
    }

    @Test
    void findingsThatDifferOnlyInTheirEvidenceHashApart() {
        // a measure's area findings differ only in their evidence: a set of them would otherwise be one bucket
        assertNotEquals(divergence("North", 125, 100, "higher").hashCode(),
                divergence("South", 125, 100, "higher").hashCode());
    }

    @Test
    void aListWithNoFindingOrANullIsRefusedWithTheFormToWrite() {
        for (List<Finding> bad : java.util.Arrays.asList(List.<Finding>of(),
                java.util.Arrays.asList(divergence("North", 125, 100, "higher"), null), null)) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Sentence.of("By area, {areasHigher}.", bad));
            assertTrue(e.getMessage().contains("from collect( Finding("), e.getMessage());
        }
    }
}
