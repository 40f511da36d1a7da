package org.pcpassessor.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcpassessor.problem.Location;

/** Finding's hand-written equality (evidence hash first, for the narrate guards) is still the record's. */
class FindingTest {
    private static Snapshot snapshot(String area) {
        return Snapshot.builder("m", area, YearMonth.of(2020, 12)).pillar("P").priority("Q").label("L")
                .subject("the things").shortSubject("they").wholeData(true).current(1).previousMonth(1)
                .sameMonthLastYear(1).twoYearsAgo(1).threeYearsAgo(1).rolling12(1).rolling12PreviousMonth(1)
                .rolling12LastYear(1).baseline(1).baselineLabel("2019/20").avg1yr(1).avg3yr(1).changeVsLastYear(0)
                .changeVsBaseline(0).changeRolling12VsLastYear(0).build();
    }

    private static final Object[] BASE = {"m", "Force", true, "count", "neutral", "P", "Q", "AREA_DIVERGENCE",
        "benchmark", "higher", "neutral", "r", "pcp", Location.of("r.drl"),
        Map.of("otherArea", "South", "otherObserved", 12.0), snapshot("Force")};

    /** For each component in declaration order, another valid value. */
    private static final Object[] OTHER = {"n", "North", false, "rate", "up-is-good", "V", "R", "HIGHER",
        "lastYear", "lower", "better", "s", "pcp.narrate", Location.of("s.drl"),
        Map.of("otherArea", "North", "otherObserved", 12.0), snapshot("North")};

    private static Finding make(Object[] args) throws ReflectiveOperationException {
        Class<?>[] types = Arrays.stream(Finding.class.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        Constructor<Finding> canonical = Finding.class.getDeclaredConstructor(types);
        return canonical.newInstance(args);
    }

    @Test
    void everyComponentCountsAndEqualFindingsHashAlike() throws ReflectiveOperationException {
        RecordComponent[] components = Finding.class.getRecordComponents();
        assertEquals(components.length, BASE.length, "a component was added: give it a value here");
        Finding base = make(BASE);
        Finding copy = make(BASE.clone());
        assertEquals(base, copy);
        assertEquals(base.hashCode(), copy.hashCode());
        for (int i = 0; i < components.length; i++) {
            Object[] args = BASE.clone();
            args[i] = OTHER[i];
            Finding other = make(args);
            assertNotEquals(base, other, components[i].getName());
            assertNotEquals(other, base, components[i].getName());
        }
        assertNotEquals(base, "a finding");
        assertNotEquals(base, null);
    }
}
