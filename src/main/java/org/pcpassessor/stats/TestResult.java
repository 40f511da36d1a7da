package org.pcpassessor.stats;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a significance test found.
 *
 * @param method        the test's name (as used in {@code test:} in the catalogue)
 * @param observed      the figure on the tested side (current month, or rolling 12 months)
 * @param expected      the figure it is compared with (average, same month last year, baseline)
 * @param statisticName what {@code statistic} is ("z", "rate ratio", "U")
 * @param statistic     the test statistic
 * @param pValue        two-sided p-value
 * @param confidence    the confidence level the outcome was judged at
 * @param outcome       {@code higher}, {@code lower}, {@code comparable}, or {@code untested} (with the reason in
 *                      {@code details.reason})
 * @param details       the inputs that make the test reproducible by hand (totals, months, pooled rate, ...)
 */
public record TestResult(String method, double observed, double expected, String statisticName, double statistic,
                         double pValue, double confidence, String outcome, Map<String, Object> details) {

    public static final String HIGHER = "higher";
    public static final String LOWER = "lower";
    public static final String COMPARABLE = "comparable";
    public static final String UNTESTED = "untested";

    public TestResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(statisticName, "statisticName");
        Objects.requireNonNull(outcome, "outcome");
        details = details instanceof Adopted ? details : new Adopted(new LinkedHashMap<>(details));
    }

    /**
     * A test's details, unmodifiable, in the order the test gave them. The factories below adopt the map a test has
     * just built instead of copying it: most results are made only to count a run of outcomes and then dropped
     * (copying their details was a fifth of the statistics' time at 4,300 x 3).
     */
    private static final class Adopted extends AbstractMap<String, Object> {
        private final Map<String, Object> map;

        Adopted(Map<String, Object> map) {
            this.map = Collections.unmodifiableMap(map);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return map.entrySet();
        }

        @Override
        public Object get(Object key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public int size() {
            return map.size();
        }
    }

    /**
     * Judges a two-sided p-value at the confidence level, the direction taken from observed vs expected. The result
     * takes {@code details} over: the caller builds it for this result and keeps no reference to it.
     */
    static TestResult judged(String method, double observed, double expected, String statisticName, double statistic,
                             double pValue, double confidence, Map<String, Object> details) {
        String outcome;
        if (!Double.isFinite(pValue)) {
            outcome = UNTESTED;
        } else if (pValue < 1 - confidence && observed != expected) {
            outcome = observed > expected ? HIGHER : LOWER;
        } else {
            outcome = COMPARABLE;
        }
        return new TestResult(method, observed, expected, statisticName, statistic, pValue, confidence, outcome,
                new Adopted(details));
    }

    static TestResult untested(String method, double observed, double expected, double confidence, String reason) {
        return new TestResult(method, observed, expected, "none", Double.NaN, Double.NaN, confidence, UNTESTED,
                Map.of("reason", reason));
    }
}
