package org.pcpassessor.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.Importance;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.facts.Snapshot;
import org.pcpassessor.problem.Location;

/** A sentence's importance: the sum over its findings, at most two of one code and basis counting. */
class ImportanceOfASentenceTest {
    private static final Snapshot FORCE = org.pcpassessor.TestSnapshots.recordedCrimes().build();
    private static final Location AT = Location.of("importance.drl.csv", 10);

    private static Finding finding(String code, String basis, String otherArea) {
        return new Finding("m", "Force", true, "count", "neutral", "P", "Q", code, basis, "higher", "neutral", "r",
                "pcp.classify", AT, Map.of("otherArea", otherArea), FORCE);
    }

    private static Sentence saying(List<Finding> used) {
        return new Sentence("m", "Force", true, "P", "Q", "text", "text", "r", "pcp.narrate", AT, "text", used, 45, 0,
                false, Map.of(), "", List.of(), false);
    }

    private static Importance points(Finding f, int points) {
        return new Importance(f, points, "a reason", "Importance_10", AT);
    }

    @Test
    void aListOfAreasCountsItsTwoMostImportantAreasAndEveryOtherCodeInFull() {
        Finding higher = finding("HIGHER", "benchmark", "");
        List<Finding> used = new ArrayList<>(List.of(higher));
        List<Importance> given = new ArrayList<>(List.of(points(higher, 40)));
        int[] areaPoints = {8, 5, 9, 7, 8};
        for (int i = 0; i < areaPoints.length; i++) {
            Finding area = finding("AREA_DIVERGENCE", "benchmark", "Area " + i);
            used.add(area);
            given.add(points(area, areaPoints[i]));
        }
        Finding lastYear = finding("AREA_DIVERGENCE", "lastYear", "Area 9");
        used.add(lastYear);
        given.add(points(lastYear, 12));
        Composer.Scores scores = new Composer.Scores(given, List.of());
        // by hand: HIGHER 40; AREA_DIVERGENCE benchmark, the two most, 9 + 8 = 17; AREA_DIVERGENCE lastYear 12
        assertEquals(69, scores.importance(saying(used)));
        // a pair, as the bundled rules' "Two areas differ" says: both count, 8 + 5
        assertEquals(13, scores.importance(saying(used.subList(1, 3))));
        // a finding no rule gave points: 0
        assertEquals(0, scores.importance(saying(List.of(finding("LOWER", "1yr", "")))));
    }
}
