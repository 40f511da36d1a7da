package org.pcpassessor.audit;

import java.util.List;
import java.util.Objects;

/**
 * One rule firing: its order in the run, phase, rule and where it is declared, the measure and area it was
 * about, and descriptions of the facts it matched and inserted ({@link FactText#describe}). The facts are kept and
 * described when first asked ({@code --audit}, explain): a national run fires hundreds of thousands of rules, and
 * describing every fact up front held as many strings as the rest of the run (facts are immutable, so the
 * description is the same whenever it is made). Equal when every part is.
 */
public final class AuditEvent {
    private final int sequence;
    private final String phase;
    private final String rule;
    private final org.pcpassessor.problem.Location source;
    private final String measure;
    private final String area;
    private final List<Object> matchedFacts;
    private final List<Object> insertedFacts;
    /** The facts' descriptions, made together when first asked. */
    private record Described(List<String> matched, List<String> inserted) {
    }

    private volatile Described described;

    public AuditEvent(int sequence, String phase, String rule, org.pcpassessor.problem.Location source, String measure,
                      String area, List<?> matchedFacts, List<?> insertedFacts) {
        this.sequence = sequence;
        this.phase = Objects.requireNonNull(phase, "phase");
        this.rule = Objects.requireNonNull(rule, "rule");
        this.source = Objects.requireNonNull(source, "source");
        this.measure = Objects.requireNonNull(measure, "measure");
        this.area = Objects.requireNonNull(area, "area");
        this.matchedFacts = List.copyOf(matchedFacts);
        this.insertedFacts = List.copyOf(insertedFacts);
    }

    /** The same firing under another number (the run numbers the firings of its parallel sessions in order). */
    public AuditEvent numbered(int number) {
        return new AuditEvent(number, phase, rule, source, measure, area, matchedFacts, insertedFacts);
    }

    public int sequence() {
        return sequence;
    }

    public String phase() {
        return phase;
    }

    public String rule() {
        return rule;
    }

    public org.pcpassessor.problem.Location source() {
        return source;
    }

    public String measure() {
        return measure;
    }

    public String area() {
        return area;
    }

    /** Descriptions of the facts the rule matched, in the match's order. */
    public List<String> matched() {
        return described().matched();
    }

    /** Descriptions of the facts the rule's consequence inserted, in order. */
    public List<String> inserted() {
        return described().inserted();
    }

    private Described described() {
        Described d = described;
        if (d == null) {
            d = new Described(matchedFacts.stream().map(FactText::describe).toList(),
                    insertedFacts.stream().map(FactText::describe).toList());
            described = d;
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditEvent e && sequence == e.sequence && phase.equals(e.phase) && rule.equals(e.rule)
                && source.equals(e.source) && measure.equals(e.measure) && area.equals(e.area)
                && matched().equals(e.matched()) && inserted().equals(e.inserted());
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, phase, rule, source, measure, area);
    }

    @Override
    public String toString() {
        return "AuditEvent[sequence=" + sequence + ", phase=" + phase + ", rule=" + rule + ", source=" + source
                + ", measure=" + measure + ", area=" + area + ", matched=" + matched() + ", inserted=" + inserted() + "]";
    }
}
