package org.pcpassessor.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pcpassessor.audit.NearMiss;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.rules.RuleBase;
import org.pcpassessor.rules.run.RuleRun;
import org.pcpassessor.stats.Assessment;
import org.pcpassessor.facts.Comparison;
import org.pcpassessor.facts.Streak;
import org.pcpassessor.stats.TestResult;

/**
 * Rules that did not fire for a measure but would have after a small change in its facts. Rather than guess
 * the thresholds written in the rules, it asks the rules: each fact is changed a little (one more month in a
 * run of rises or falls; one more month of the same test outcome; a p-value just under the threshold), the
 * classify rules are run again on the changed facts, and the findings that appear are reported.
 */
public final class NearMisses {
    /** A p-value counts as "just above the threshold" up to twice the threshold (0.10 at 95% confidence). */
    static final double NEAR = 2.0;

    private NearMisses() {
    }

    /**
     * Near misses kept between the runs of one {@code watch}: they depend only on the classify rules and the facts
     * of the measure, so an edit to the wording, the narrate rules or a note finds them again instead of running the
     * classify rules once per changed fact and measure again (0.2-0.3 s of the bundled page). At most
     * {@link #SIZE} measures are kept, the least recently used dropped first.
     */
    public static final class Memo {
        static final int SIZE = 4096;
        private final java.util.Map<List<Object>, List<NearMiss>> kept = new java.util.LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<List<Object>, List<NearMiss>> eldest) {
                return size() > SIZE;
            }
        };

        /** The compiled classify rules the kept near misses were found with: others make the memo start again. */
        private Object rules;

        /** The kept near misses of {@code key}, or those {@code find} finds, kept unless the search failed. */
        synchronized java.util.Optional<List<NearMiss>> get(Object classifyRules, List<Object> key,
                                        java.util.function.Supplier<java.util.Optional<List<NearMiss>>> find) {
            if (classifyRules != rules) { // an edited classify rule: nothing kept holds, nor the old rules in memory
                kept.clear();
                rules = classifyRules;
            }
            List<NearMiss> found = kept.get(key);
            if (found != null) {
                return java.util.Optional.of(found);
            }
            java.util.Optional<List<NearMiss>> made = find.get().map(List::copyOf);
            made.ifPresent(m -> kept.put(key, m));
            return made;
        }
    }

    /**
     * As {@link #find}, kept in {@code memo} under the measure's facts and the target's while the classify rules are
     * the same compiled ones.
     */
    static java.util.Optional<List<NearMiss>> find(Memo memo, RuleBase rules, List<Assessment> sameMeasure,
                                                   Assessment target, java.time.Duration timeout, Problems found) {
        List<Object> facts = facts(sameMeasure);
        List<Object> key = List.of(facts, target.facts(), timeout);
        return memo.get(rules.classifyToken(), key, () -> findAmong(rules, facts, target, timeout, found));
    }

    /**
     * The near misses of {@code target} (see the class); a classify rule that fails on the changed facts is a
     * problem at its file:line added to {@code found}, and the result is empty.
     */
    static java.util.Optional<List<NearMiss>> find(RuleBase rules, List<Assessment> sameMeasure, Assessment target,
                                                   java.time.Duration timeout, Problems found) {
        return findAmong(rules, facts(sameMeasure), target, timeout, found);
    }

    /** Every fact of the measure's assessments, as the classify rules are given them. */
    private static List<Object> facts(List<Assessment> sameMeasure) {
        List<Object> facts = new ArrayList<>();
        sameMeasure.forEach(a -> facts.addAll(a.facts()));
        return facts;
    }

    /** The near misses of {@code target} among the measure's facts (all of its assessments'). */
    private static java.util.Optional<List<NearMiss>> findAmong(RuleBase rules, List<Object> facts, Assessment target,
                                                                java.time.Duration timeout, Problems found) {
        java.util.Optional<List<Finding>> made = RuleRun.classify(rules, facts, timeout, found);
        if (made.isEmpty()) {
            return java.util.Optional.empty();
        }
        Set<String> actual = keys(made.get());
        List<NearMiss> misses = new ArrayList<>();
        Set<String> said = new HashSet<>();
        for (Object fact : target.facts()) {
            for (Change change : changes(fact)) {
                List<Object> changed = new ArrayList<>(facts);
                changed.set(indexOf(facts, fact), change.fact());
                java.util.Optional<List<Finding>> then = RuleRun.classify(rules, changed, timeout, found);
                if (then.isEmpty()) {
                    return java.util.Optional.empty();
                }
                for (Finding f : then.get()) {
                    String key = key(f);
                    if (!actual.contains(key) && f.area().equals(target.snapshot().area()) && said.add(key)) {
                        misses.add(new NearMiss(f.rule(), f.source(), f.code(), f.basis(), change.what()));
                    }
                }
            }
        }
        return java.util.Optional.of(misses);
    }

    private record Change(Object fact, String what) {
    }

    private static List<Change> changes(Object fact) {
        List<Change> out = new ArrayList<>();
        if (fact instanceof Streak s) {
            out.add(new Change(new Streak(s.measureId(), s.area(), s.headline(), s.kind(), s.polarity(), s.series(),
                    s.direction(), s.length() + 1, s.startMonth(), s.from(), s.to(), s.snapshot()),
                    "with one more " + s.direction() + " in the " + s.series() + " series (the run is now "
                            + s.length() + ")"));
        }
        if (fact instanceof Comparison c) {
            out.add(new Change(with(c, c.outcome(), c.run() + 1), "with one more month of the same outcome on "
                    + c.basis() + " (now " + c.run() + " month" + (c.run() == 1 ? "" : "s") + " " + c.outcome() + ")"));
            double alpha = 1 - c.confidence();
            if (TestResult.COMPARABLE.equals(c.outcome()) && c.pValue() < NEAR * alpha && c.observed() != c.expected()) {
                String outcome = c.observed() > c.expected() ? TestResult.HIGHER : TestResult.LOWER;
                out.add(new Change(with(c, outcome, 1), String.format(java.util.Locale.UK,
                        "if the %s test's p-value (%.3f) were below %.2f", c.basis(), c.pValue(), alpha)));
            }
        }
        return out;
    }

    private static Comparison with(Comparison c, String outcome, int run) {
        return new Comparison(c.measureId(), c.area(), c.headline(), c.kind(), c.polarity(), c.basis(), c.method(),
                c.observed(), c.expected(), c.observedLabel(), c.expectedLabel(), c.statisticName(), c.statistic(),
                c.pValue(), c.confidence(), outcome, run, c.details(), c.snapshot());
    }

    private static int indexOf(List<Object> facts, Object fact) {
        for (int i = 0; i < facts.size(); i++) {
            if (facts.get(i) == fact) {
                return i;
            }
        }
        throw new IllegalArgumentException("fact not among the facts");
    }

    private static Set<String> keys(List<Finding> findings) {
        Set<String> keys = new HashSet<>();
        findings.forEach(f -> keys.add(key(f)));
        return keys;
    }

    private static String key(Finding f) {
        return f.area() + "\u0000" + f.code() + "\u0000" + f.basis() + "\u0000" + f.rule();
    }
}
