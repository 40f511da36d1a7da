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
     * classify rules once per changed fact and measure again (0.2-0.3 s of the bundled page). They are kept by part
     * of the classify rules ({@link RuleBase#classifyParts}: a file, when the files can be run apart), so an edit to
     * one classify file runs only that file's rules again for each measure, and the other parts' findings are those
     * kept. Entries of parts no longer among the rules are dropped; at most {@link #SIZE} are kept, the least
     * recently used dropped first.
     */
    public static final class Memo {
        static final int SIZE = 4096;
        private final java.util.Map<List<Object>, Kept> kept = new java.util.LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<List<Object>, Kept> eldest) {
                return size() > SIZE;
            }
        };

        /** What is kept of a measure: each part's findings (by the part's classify token), and the last near misses. */
        private static final class Kept {
            private final java.util.Map<Object, Found> byPart = new java.util.IdentityHashMap<>();
            /** The parts' findings the last near misses were put together from (the same objects), and those. */
            private List<Found> lastFrom;
            private List<NearMiss> last;
        }

        /** The parts (their classify tokens) the kept findings were found with. */
        private Set<Object> tokens = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

        /** How many searches ran the whole classify phase, and how many a part of it: for the tests. */
        int wholeSearches;
        int partSearches;

        /**
         * The near misses of a measure's target: each part's findings from what is kept or, for the parts not kept,
         * found by {@code search}. When no part is kept (the first run, or the measure's facts changed), the whole
         * classify phase is run once and its findings shared out to the parts, which is what running each part
         * would find, in one run instead of one per part.
         */
        synchronized java.util.Optional<List<NearMiss>> get(RuleBase rules, List<Object> key, Search search) {
            List<RuleBase.ClassifyPart> parts = rules.classifyParts();
            Set<Object> now = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            parts.forEach(p -> now.add(p.rules().classifyToken()));
            if (!now.equals(tokens)) { // an edited classify rule: drop what only the old parts found
                for (Kept k : kept.values()) {
                    k.byPart.keySet().retainAll(now);
                    k.lastFrom = null;
                    k.last = null;
                }
                tokens = now;
            }
            Kept k = kept.computeIfAbsent(key, x -> new Kept());
            List<Found> each = new ArrayList<>();
            List<Integer> missing = new ArrayList<>();
            for (RuleBase.ClassifyPart part : parts) {
                Found f = k.byPart.get(part.rules().classifyToken());
                if (f == null) {
                    missing.add(each.size());
                }
                each.add(f);
            }
            if (missing.isEmpty() && k.last != null && sameObjects(k.lastFrom, each)) {
                return java.util.Optional.of(k.last);
            }
            if (missing.size() == parts.size() && parts.size() > 1) {
                wholeSearches++;
                java.util.Optional<Found> whole = search.in(rules);
                if (whole.isEmpty()) {
                    return java.util.Optional.empty();
                }
                for (int i = 0; i < parts.size(); i++) {
                    each.set(i, whole.get().of(parts.get(i)));
                }
                if (!whole.get().sharedOutBy(each)) { // a finding no part (or two) made: say them all, keep none
                    return java.util.Optional.of(List.copyOf(search.combined(List.of(whole.get()))));
                }
            } else {
                for (int i : missing) {
                    if (parts.size() > 1) {
                        partSearches++;
                    } else {
                        wholeSearches++;
                    }
                    java.util.Optional<Found> alone = search.in(parts.get(i).rules());
                    if (alone.isEmpty()) {
                        return java.util.Optional.empty();
                    }
                    each.set(i, alone.get());
                }
            }
            for (int i : missing) {
                k.byPart.put(parts.get(i).rules().classifyToken(), each.get(i));
            }
            k.lastFrom = List.copyOf(each);
            k.last = List.copyOf(search.combined(each));
            return java.util.Optional.of(k.last);
        }

        private static boolean sameObjects(List<Found> a, List<Found> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) != b.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * What some classify rules found for a target's changes: for each change (in {@link Search#changes} order), the
     * findings that appeared (not found without the change) in the target's area, in the order of the findings.
     */
    record Found(List<List<Finding>> byChange) {
        Found {
            byChange = byChange.stream().map(List::copyOf).toList();
        }

        /** Those of them a part's rules made. */
        Found of(RuleBase.ClassifyPart part) {
            return new Found(byChange.stream().map(l -> l.stream().filter(part::made).toList()).toList());
        }

        /** Whether the parts' findings ({@link #of}) are these, each made by one part. */
        boolean sharedOutBy(List<Found> parts) {
            for (int i = 0; i < byChange.size(); i++) {
                int shared = 0;
                for (Found part : parts) {
                    shared += part.byChange().get(i).size();
                }
                if (shared != byChange.get(i).size()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The search for one target's near misses: its measure's facts and the changes tried. */
    private record Search(List<Object> facts, Assessment target, List<Change> changes, RuleRun.Classifier classifier,
                          Problems found) {
        static Search of(List<Assessment> sameMeasure, Assessment target, RuleRun.Classifier classifier,
                         Problems found) {
            List<Object> facts = new ArrayList<>();
            sameMeasure.forEach(a -> facts.addAll(a.facts()));
            List<Change> changes = new ArrayList<>();
            for (Object fact : target.facts()) {
                changes.addAll(NearMisses.changes(indexOf(facts, fact), fact));
            }
            return new Search(List.copyOf(facts), target, List.copyOf(changes), classifier, found);
        }

        /**
         * The findings of {@code rules} that each change makes appear; empty when a classify rule fails (a problem at
         * its file:line in {@code found}).
         */
        java.util.Optional<Found> in(RuleBase rules) {
            java.util.Optional<List<Finding>> made = classifier.classify(rules, facts, found);
            if (made.isEmpty()) {
                return java.util.Optional.empty();
            }
            Set<String> actual = keys(made.get());
            String area = target.snapshot().area();
            List<List<Finding>> byChange = new ArrayList<>();
            for (Change change : changes) {
                List<Object> changed = new ArrayList<>(facts);
                changed.set(change.index(), change.fact());
                java.util.Optional<List<Finding>> then = classifier.classify(rules, changed, found);
                if (then.isEmpty()) {
                    return java.util.Optional.empty();
                }
                byChange.add(then.get().stream().filter(f -> !actual.contains(key(f)) && f.area().equals(area))
                        .toList());
            }
            return java.util.Optional.of(new Found(byChange));
        }

        /**
         * The near misses the parts found: change by change, their findings together in {@link RuleRun#FINDING_ORDER}
         * (the order a run of all the rules gives them), each rule's finding said once, at its first change.
         */
        List<NearMiss> combined(List<Found> parts) {
            List<NearMiss> misses = new ArrayList<>();
            Set<String> said = new HashSet<>();
            for (int i = 0; i < changes.size(); i++) {
                List<Finding> appeared = new ArrayList<>();
                for (Found part : parts) {
                    appeared.addAll(part.byChange().get(i));
                }
                appeared.sort(RuleRun.FINDING_ORDER);
                for (Finding f : appeared) {
                    if (said.add(key(f))) {
                        misses.add(new NearMiss(f.rule(), f.source(), f.code(), f.basis(), changes.get(i).what()));
                    }
                }
            }
            return misses;
        }
    }

    /**
     * As {@link #find}, kept in {@code memo} under the measure's facts and the target's while the classify rules (each
     * part of them) are the same compiled ones.
     */
    static java.util.Optional<List<NearMiss>> find(Memo memo, RuleBase rules, List<Assessment> sameMeasure,
                                                   Assessment target, java.time.Duration timeout,
                                                   RuleRun.Classifier classifier, Problems found) {
        Search search = Search.of(sameMeasure, target, classifier, found);
        // the folder too: a module compiled from the same text in another folder is the same module, but the places
        // its findings name are that folder's files
        List<Object> key = List.of(search.facts(), target.facts(), timeout, rules.folder());
        return memo.get(rules, key, search);
    }

    /**
     * The near misses of {@code target} (see the class), the classify rules run by {@code classifier}; a classify
     * rule that fails on the changed facts is a problem at its file:line added to {@code found}, and the result is
     * empty.
     */
    static java.util.Optional<List<NearMiss>> find(RuleBase rules, List<Assessment> sameMeasure, Assessment target,
                                                   RuleRun.Classifier classifier, Problems found) {
        Search search = Search.of(sameMeasure, target, classifier, found);
        return search.in(rules).map(whole -> search.combined(List.of(whole)));
    }

    /** A change tried: the fact at {@code index} among the measure's facts replaced by {@code fact}. */
    private record Change(int index, Object fact, String what) {
    }

    private static List<Change> changes(int index, Object fact) {
        List<Change> out = new ArrayList<>();
        if (fact instanceof Streak s) {
            out.add(new Change(index, new Streak(s.measureId(), s.area(), s.headline(), s.kind(), s.polarity(), s.series(),
                    s.direction(), s.length() + 1, s.startMonth(), s.from(), s.to(), s.snapshot()),
                    "with one more " + s.direction() + " in the " + s.series() + " series (the run is now "
                            + s.length() + ")"));
        }
        if (fact instanceof Comparison c) {
            out.add(new Change(index, with(c, c.outcome(), c.run() + 1), "with one more month of the same outcome on "
                    + c.basis() + " (now " + c.run() + " month" + (c.run() == 1 ? "" : "s") + " " + c.outcome() + ")"));
            double alpha = 1 - c.confidence();
            if (TestResult.COMPARABLE.equals(c.outcome()) && c.pValue() < NEAR * alpha && c.observed() != c.expected()) {
                String outcome = c.observed() > c.expected() ? TestResult.HIGHER : TestResult.LOWER;
                out.add(new Change(index, with(c, outcome, 1), String.format(java.util.Locale.UK,
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
        return f.area() + "\u0000" + f.code() + "\u0000" + f.basis() + "\u0000" + f.rulePackage() + "\u0000" + f.rule();
    }
}
