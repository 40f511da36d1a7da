package org.pcpassessor.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.problem.RulesException;
import org.pcpassessor.stats.Assessment;
import org.pcpassessor.stats.Comparison;
import org.pcpassessor.stats.Evidence;
import org.pcpassessor.stats.Extreme;
import org.pcpassessor.stats.Snapshot;
import org.pcpassessor.stats.Streak;
import org.pcpassessor.stats.Trend;

/**
 * Runs the two phases over every assessment of a report: classify (facts in, findings out), then narrate
 * (facts and findings in, sentences out), recording every firing for the audit trail.
 */
public final class RuleRun {
    /** Firings allowed per inserted fact before the run is stopped as a probable loop. */
    static final int FIRINGS_PER_FACT = 50;

    /** What the rules made. */
    public record Result(List<Finding> findings, List<Sentence> sentences, List<AuditEvent> audit) {
        public Result {
            findings = List.copyOf(findings);
            sentences = List.copyOf(sentences);
            audit = List.copyOf(audit);
        }
    }

    private final RuleBase base;
    private final List<AuditEvent> audit = new ArrayList<>();

    public RuleRun(RuleBase base) {
        this.base = base;
    }

    public Result run(List<Assessment> assessments) {
        List<Object> facts = new ArrayList<>();
        assessments.forEach(a -> facts.addAll(a.facts()));
        List<Finding> findings = fire("classify", facts, Finding.class).stream()
                .map(f -> f.withSource(base.source(f.rulePackage(), f.rule())))
                .sorted(FINDING_ORDER)
                .toList();
        List<Object> narrateFacts = new ArrayList<>(facts);
        narrateFacts.addAll(findings);
        List<Sentence> sentences = fire("narrate", narrateFacts, Sentence.class).stream()
                .map(s -> s.withSource(base.source(s.rulePackage(), s.rule())))
                .toList();
        return new Result(findings, sentences, audit);
    }

    /**
     * Runs only the classify phase on the given facts, without recording an audit trail: for what-if questions
     * ("which rules would fire if this streak were a month longer?").
     */
    public List<Finding> classifyOnly(List<Object> facts) {
        List<AuditEvent> saved = new ArrayList<>(audit);
        try {
            return fire("classify", facts, Finding.class).stream()
                    .map(f -> f.withSource(base.source(f.rulePackage(), f.rule())))
                    .sorted(FINDING_ORDER)
                    .toList();
        } finally {
            audit.clear();
            audit.addAll(saved);
        }
    }

    /** A stable order, whatever order the engine fired in. */
    static final Comparator<Finding> FINDING_ORDER = Comparator.comparing(Finding::measureId)
            .thenComparing(Finding::area)
            .thenComparing(Finding::basis)
            .thenComparing(Finding::code)
            .thenComparing(Finding::rule)
            .thenComparing(f -> f.evidence().toString());

    private <T> List<T> fire(String phase, List<Object> facts, Class<T> output) {
        KieSession session = (phase.equals("classify") ? base.classify() : base.narrate()).newKieSession();
        Listener listener = new Listener(phase);
        try {
            facts.forEach(session::insert);
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) listener);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) listener);
            int cap = Math.max(1000, facts.size() * FIRINGS_PER_FACT);
            int fired;
            try {
                fired = session.fireAllRules(cap);
            } catch (ConsequenceException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                String rule = e.getMatch() == null ? "?" : e.getMatch().getRule().getName();
                String pkg = e.getMatch() == null ? "" : e.getMatch().getRule().getPackageName();
                throw new RulesException(List.of(problemAt(base.source(pkg, rule),
                        "rule '" + rule + "' failed: " + cause.getMessage())));
            }
            if (fired >= cap) {
                String busiest = listener.counts.entrySet().stream().max(Map.Entry.comparingByValue())
                        .map(Map.Entry::getKey).orElse("?");
                throw new RulesException(List.of(problemAt(base.source(listener.packages.get(busiest), busiest),
                        "the " + phase + " phase stopped after " + cap + " firings; rule '" + busiest
                                + "' fired most (" + listener.counts.get(busiest)
                                + " times): it probably re-triggers itself")));
            }
            List<T> out = new ArrayList<>();
            for (Object o : session.getObjects(output::isInstance)) {
                out.add(output.cast(o));
            }
            return out;
        } finally {
            session.dispose();
        }
    }

    private static Problem problemAt(String source, String message) {
        int colon = source.lastIndexOf(':');
        if (colon > 0 && source.substring(colon + 1).matches("\\d+")) {
            return Problem.error(source.substring(0, colon), Integer.parseInt(source.substring(colon + 1)), 0, message);
        }
        return Problem.error(source, 0, 0, message);
    }

    /** Short, stable descriptions of facts for the audit log. */
    public static String describe(Object o) {
        if (o instanceof Snapshot s) {
            return "Snapshot(" + s.measureId() + ", " + s.area() + ", " + s.month() + ")";
        }
        if (o instanceof Comparison c) {
            return "Comparison(" + c.measureId() + ", " + c.area() + ", " + c.basis() + ", " + c.outcome() + ", p="
                    + c.pValue() + ")";
        }
        if (o instanceof Extreme e) {
            return "Extreme(" + e.measureId() + ", " + e.area() + ", " + e.series() + ", " + e.direction()
                    + ", twelveMonth=" + e.twelveMonth() + ", since=" + (e.onRecord() ? "on record" : e.since()) + ")";
        }
        if (o instanceof Streak s) {
            return "Streak(" + s.measureId() + ", " + s.area() + ", " + s.series() + ", " + s.direction() + " x"
                    + s.length() + ")";
        }
        if (o instanceof Trend t) {
            return "Trend(" + t.measureId() + ", " + t.area() + ", " + t.direction() + ", p=" + t.pValue() + ")";
        }
        if (o instanceof org.pcpassessor.stats.SpcSignal p) {
            return "SpcSignal(" + p.measureId() + ", " + p.area() + ", special=" + p.special() + ", " + p.rules() + ")";
        }
        if (o instanceof Finding f) {
            return "Finding(" + f.code() + ", " + f.basis() + ", " + f.measureId() + ", " + f.area() + ")";
        }
        if (o instanceof Sentence s) {
            return "Sentence(" + s.measureId() + ", " + s.area() + ": " + s.text() + ")";
        }
        return String.valueOf(o);
    }

    private final class Listener extends DefaultAgendaEventListener
            implements org.kie.api.event.rule.RuleRuntimeEventListener {
        private final String phase;
        private final List<String> inserted = new ArrayList<>();
        final Map<String, Integer> counts = new HashMap<>();
        final Map<String, String> packages = new HashMap<>();

        Listener(String phase) {
            this.phase = phase;
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() != null) {
                inserted.add(describe(event.getObject()));
            }
        }

        @Override
        public void objectUpdated(org.kie.api.event.rule.ObjectUpdatedEvent event) {
            // facts are records and are never updated; nothing to record
        }

        @Override
        public void objectDeleted(org.kie.api.event.rule.ObjectDeletedEvent event) {
            // deletions are not part of the audit trail
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            var rule = event.getMatch().getRule();
            counts.merge(rule.getName(), 1, Integer::sum);
            packages.put(rule.getName(), rule.getPackageName());
            List<Object> objects = event.getMatch().getObjects();
            String measure = "";
            String area = "";
            for (Object o : objects) {
                if (o instanceof Evidence e) {
                    measure = e.measureId();
                    area = e.area();
                    break;
                }
                if (o instanceof Finding f) {
                    measure = f.measureId();
                    area = f.area();
                    break;
                }
            }
            audit.add(new AuditEvent(audit.size() + 1, phase, rule.getName(),
                    base.source(rule.getPackageName(), rule.getName()), measure, area,
                    objects.stream().map(RuleRun::describe).toList(), inserted));
            inserted.clear();
        }
    }
}
