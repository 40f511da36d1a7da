package org.pcpassessor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.Snapshot;
import org.pcpassessor.problem.Location;

/** explain's "says" line: each finding's code and basis, a list of three or more alike counted once. */
class ExplanationSaysTest {
    private static final Snapshot S = Fixtures.SNAPSHOT;

    private static Finding finding(String code, String basis, int i) {
        return new Finding("m", "Force", true, "count", "neutral", "P", "Q", code, basis, "higher", "neutral", "r",
                "pcp.classify", Location.of("areas.drl"), Map.of("otherArea", "Area " + i), S);
    }

    @Test
    void aListOfAreasIsCountedAndAPairIsNamedTwice() {
        List<Finding> used = new ArrayList<>(List.of(finding("COMPARABLE", "lastYear", 0)));
        for (int i = 1; i <= 4; i++) {
            used.add(finding("AREA_DIVERGENCE", "lastYear", i));
        }
        assertEquals("COMPARABLE (lastYear), AREA_DIVERGENCE (lastYear) x 4", Explanation.says(used));
        assertEquals("AREA_DIVERGENCE (lastYear), AREA_DIVERGENCE (lastYear)", Explanation.says(used.subList(1, 3)));
    }
}
