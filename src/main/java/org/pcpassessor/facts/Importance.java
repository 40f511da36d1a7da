package org.pcpassessor.facts;

import java.util.Objects;
import org.pcpassessor.problem.Location;

/**
 * Points of importance a compose rule gives a finding, and why:
 * {@code insert( Importance.of($f, 30, "a significant change on last year") )}. A finding's importance is the sum
 * of its points; a sentence's, the sum over the findings it says (at most two of one code and basis); a paragraph's,
 * that of its most important sentence. The draft keeps each priority's most important paragraphs and each
 * paragraph's most important sentences, within the catalogue's budget.
 */
@Doc("Points of importance a compose rule gives a finding, and why; the draft keeps the most important.")
public record Importance(
        @Doc("The finding.") Finding finding,
        @Doc("The points given (negative points lower it).") int points,
        @Doc("Why, in plain words, for JSON and explain.") String reason,
        @Doc("The name of the rule that gave them.") String rule,
        @Doc("Where that rule is declared.") Location source) {

    /** The most points one rule may give; beyond it, a typing error. */
    public static final int MAX_POINTS = org.pcpassessor.catalogue.Budget.MAX_POINTS;

    public Importance {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
        if (Math.abs(points) > MAX_POINTS) {
            throw new IllegalArgumentException("rule '" + rule + "': importance points must be from -" + MAX_POINTS
                    + " to " + MAX_POINTS + ", not " + points);
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("rule '" + rule + "': an importance needs a reason");
        }
    }

    /** Points for a finding from the running rule. */
    public static Importance of(Finding finding, int points, String reason) {
        Origin rule = Origin.current();
        return new Importance(finding, points, reason, rule.rule(), rule.source());
    }
}
