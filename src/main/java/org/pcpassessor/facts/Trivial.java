package org.pcpassessor.facts;

import java.util.Objects;
import org.pcpassessor.problem.Location;

/**
 * A finding too slight to say in the draft (a 12-month high of a count under 5, say), marked by a compose rule:
 * {@code insert( Trivial.of($f, "a high of a handful") )}. A sentence whose findings are all trivial is left out of
 * the draft; JSON lists it as trivial, with the reason, and {@code report --full} prints it.
 */
@Doc("A finding too slight to say in the draft, marked by a compose rule; JSON and report --full still show it.")
public record Trivial(
        @Doc("The finding.") Finding finding,
        @Doc("Why it is too slight, in plain words.") String reason,
        @Doc("The name of the rule that marked it.") String rule,
        @Doc("Where that rule is declared.") Location source) {

    public Trivial {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("rule '" + rule + "': a trivial finding needs a reason");
        }
    }

    /** Marks a finding as trivial, from the running rule. */
    public static Trivial of(Finding finding, String reason) {
        Origin rule = Origin.current();
        return new Trivial(finding, reason, rule.rule(), rule.source());
    }
}
