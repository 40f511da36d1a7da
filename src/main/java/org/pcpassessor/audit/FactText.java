package org.pcpassessor.audit;

import org.pcpassessor.facts.Comparison;
import org.pcpassessor.facts.Extreme;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.Importance;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.facts.Snapshot;
import org.pcpassessor.facts.SpcSignal;
import org.pcpassessor.facts.Streak;
import org.pcpassessor.facts.TableLabel;
import org.pcpassessor.facts.Trend;
import org.pcpassessor.facts.Trivial;

/** Short, stable descriptions of facts, as the audit log and the explanations show them. */
public final class FactText {
    private FactText() {
    }

    /** The fact in one line: its type, the measure and area, and what identifies it among its kind. */
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
                    + ", twelveMonth=" + e.twelveMonth() + ", since=" + (e.onRecord() ? "the start of the series, "
                    + e.seriesBegan() : e.since()) + ")";
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
        if (o instanceof Importance i) {
            return "Importance(" + (i.points() >= 0 ? "+" : "") + i.points() + ", " + describe(i.finding()) + ": "
                    + i.reason() + ")";
        }
        if (o instanceof Trivial t) {
            return "Trivial(" + describe(t.finding()) + ": " + t.reason() + ")";
        }
        if (o instanceof Sentence s) { // as a rule inserts it, before the runner words it: the wording it names
            return "Sentence(" + s.measureId() + ", " + s.area() + ": " + (s.isSaid() ? s.text() : s.wording()) + ")";
        }
        if (o instanceof TableLabel l) {
            return "TableLabel(" + l.measureId() + ", " + l.area() + ", " + l.basis() + ": " + l.text() + ")";
        }
        return String.valueOf(o);
    }

}
