package org.pcpassessor.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcpassessor.catalogue.Kind;

/**
 * A result's details: a copy when given from outside, the test's own map (adopted) when made by a test; never
 * writable, always in the order they were given.
 */
class TestResultTest {
    @Test
    void detailsGivenToTheConstructorAreCopiedInTheirOrderAndCannotBeChanged() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("observedTotal", 12.0);
        given.put("expectedTotal", 10.0);
        given.put("dispersion", 1.5);
        TestResult r = new TestResult("quasi-poisson", 12, 10, "z", 0.4, 0.69, 0.95, TestResult.COMPARABLE, given);
        given.put("observedTotal", 99.0);
        given.remove("dispersion");
        assertEquals(List.of("observedTotal", "expectedTotal", "dispersion"), List.copyOf(r.details().keySet()));
        assertEquals(12.0, r.details().get("observedTotal"));
        assertThrows(UnsupportedOperationException.class, () -> r.details().put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> r.details().entrySet().clear());
    }

    @Test
    void aTestsOwnDetailsAreKeptInTheirOrderAndCannotBeChanged() {
        TestResult r = new QuasiPoisson().compare(counts(30, 35), counts(20, 22, 24), null, 0.95);
        assertEquals(List.of("observedTotal", "observedMonths", "expectedTotal", "expectedMonths", "dispersion"),
                List.copyOf(r.details().keySet()));
        assertEquals(65.0, r.details().get("observedTotal"));
        assertThrows(UnsupportedOperationException.class, () -> r.details().remove("dispersion"));
        // A result made again from a result's details equals it, details and all.
        TestResult again = new TestResult(r.method(), r.observed(), r.expected(), r.statisticName(), r.statistic(),
                r.pValue(), r.confidence(), r.outcome(), r.details());
        assertEquals(r, again);
        assertEquals(Map.copyOf(r.details()), again.details());
    }

    private static Sample counts(double... values) {
        double[] ones = new double[values.length];
        Arrays.fill(ones, 1);
        YearMonth m = YearMonth.of(2024, 1);
        return new Sample(Kind.COUNT, m, m.plusMonths(values.length - 1L), values, ones, "test");
    }
}
