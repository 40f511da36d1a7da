package org.pcpassessor.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.pcpassessor.facts.Comparison;
import org.pcpassessor.facts.Evidence;
import org.pcpassessor.facts.Extreme;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.RuleScope;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.facts.Snapshot;
import org.pcpassessor.facts.SpcSignal;
import org.pcpassessor.facts.Streak;
import org.pcpassessor.facts.TableLabel;
import org.pcpassessor.facts.Trend;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.problem.RulesException;
import org.pcpassessor.stats.Assessment;

/**
 * Runs the two phases over the assessments of a report: classify (facts in, findings out), then narrate (facts
 * and findings in, sentences and table labels out), recording every firing for the audit trail. Each run keeps
 * its own audit; nothing is shared between runs but the compiled rule base.
 */
public final class RuleRun {
    /** Firings allowed per inserted fact before the run is stopped as a probable loop. */
    static final int FIRINGS_PER_FACT = 50;

    /** What the rules made, and every firing in order. */
    public record Result(List<Finding> findings, List<Sentence> sentences, List<TableLabel> labels,
                         List<AuditEvent> audit) {
        public Result {
            findings = List.copyOf(findings);
            sentences = List.copyOf(sentences);
            labels = List.copyOf(labels);
            audit = List.copyOf(audit);
        }
    }

    private RuleRun() {
    }

    /** Both phases; throws {@link RulesException} naming the rule (file:line) when a rule fails or loops. */
    public static Result run(RuleBase base, List<Assessment> assessments) {
        List<Object> facts = new ArrayList<>();
        assessments.forEach(a -> facts.addAll(a.facts()));
        List<AuditEvent> audit = new ArrayList<>();
        List<Finding> findings = fire(base, "classify", facts, audit).stream()
                .filter(Finding.class::isInstance).map(Finding.class::cast)
                .sorted(FINDING_ORDER).toList();
        List<Object> narrateFacts = new ArrayList<>(facts);
        narrateFacts.addAll(findings);
        List<Object> made = fire(base, "narrate", narrateFacts, audit);
        return new Result(findings, of(made, Sentence.class), of(made, TableLabel.class), audit);
    }

    /**
     * Only the classify phase, with no audit trail: for what-if questions ("which rules would fire if this streak
     * were a month longer?").
     */
    public static List<Finding> classify(RuleBase base, List<Object> facts) {
        return of(fire(base, "classify", facts, new ArrayList<>()), Finding.class).stream()
                .sorted(FINDING_ORDER).toList();
    }

    private static <T> List<T> of(List<Object> made, Class<T> type) {
        return made.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A stable order, whatever order the engine fired in. */
    public static final Comparator<Finding> FINDING_ORDER = Comparator.comparing(Finding::measureId)
            .thenComparing(Finding::area)
            .thenComparing(Finding::basis)
            .thenComparing(Finding::code)
            .thenComparing(Finding::rule)
            .thenComparing(f -> f.evidence().toString());

    /** Runs one phase and returns what its rules inserted (findings, sentences, labels). */
    private static List<Object> fire(RuleBase base, String phase, List<Object> facts, List<AuditEvent> audit) {
        KieSession session = (phase.equals("classify") ? base.classify() : base.narrate()).newKieSession();
        Listener listener = new Listener(base, phase, audit);
        try {
            facts.forEach(session::insert);
            session.addEventListener((AgendaEventListener) listener);
            session.addEventListener((RuleRuntimeEventListener) listener);
            int cap = Math.max(1000, facts.size() * FIRINGS_PER_FACT);
            int fired;
            try {
                fired = session.fireAllRules(cap);
            } catch (ConsequenceException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                String rule = e.getMatch() == null ? "?" : e.getMatch().getRule().getName();
                String pkg = e.getMatch() == null ? "" : e.getMatch().getRule().getPackageName();
                throw new RulesException(List.of(problemAt(base, pkg, rule, "rule '" + rule + "' failed: "
                        + cause.getMessage())));
            } finally {
                RuleScope.exit();
            }
            if (fired >= cap) {
                String busiest = listener.counts.entrySet().stream().max(Map.Entry.comparingByValue())
                        .map(Map.Entry::getKey).orElse("?");
                throw new RulesException(List.of(problemAt(base, listener.packages.get(busiest), busiest,
                        "the " + phase + " phase stopped after " + cap + " firings; rule '" + busiest
                                + "' fired most (" + listener.counts.get(busiest)
                                + " times): it probably re-triggers itself")));
            }
            return listener.made;
        } finally {
            session.dispose();
        }
    }

    private static Problem problemAt(RuleBase base, String rulePackage, String rule, String message) {
        var at = base.source(rulePackage == null ? "" : rulePackage, rule);
        return Problem.error(at.file(), at.line(), at.column(), message);
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
        if (o instanceof SpcSignal p) {
            return "SpcSignal(" + p.measureId() + ", " + p.area() + ", special=" + p.special() + ", " + p.rules() + ")";
        }
        if (o instanceof Finding f) {
            return "Finding(" + f.code() + ", " + f.basis() + ", " + f.measureId() + ", " + f.area() + ")";
        }
        if (o instanceof Sentence s) {
            return "Sentence(" + s.measureId() + ", " + s.area() + ": " + s.text() + ")";
        }
        if (o instanceof TableLabel l) {
            return "TableLabel(" + l.measureId() + ", " + l.area() + ", " + l.basis() + ": " + l.text() + ")";
        }
        return String.valueOf(o);
    }

    /** Enters the rule scope before each consequence and records the firing after it. */
    private static final class Listener extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
        private final RuleBase base;
        private final String phase;
        private final List<AuditEvent> audit;
        private final List<String> inserted = new ArrayList<>();
        final List<Object> made = new ArrayList<>();
        final Map<String, Integer> counts = new HashMap<>();
        final Map<String, String> packages = new HashMap<>();

        Listener(RuleBase base, String phase, List<AuditEvent> audit) {
            this.base = base;
            this.phase = phase;
            this.audit = audit;
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            var rule = event.getMatch().getRule();
            RuleScope.enter(new RuleScope.Current(rule.getName(), rule.getPackageName(),
                    base.source(rule.getPackageName(), rule.getName()), rule.getMetaData(), base.phrases()));
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() != null) {
                inserted.add(describe(event.getObject()));
                made.add(event.getObject());
            }
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            // facts are records and are never updated; nothing to record
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            made.remove(event.getOldObject());
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            RuleScope.exit();
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
