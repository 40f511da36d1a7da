package org.pcpassessor.rules.run;

import java.util.List;
import org.pcpassessor.problem.Problem;

/**
 * A rule that failed, looped, halted its session or ran past its time, as its problems at the rule's file:line.
 * Thrown only inside a run, from the session that met it to {@link RuleRun}'s entry points, which add the problems
 * to the caller's collector: outside this package a failed run is data, not an exception.
 */
final class RuleFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    RuleFailure(List<Problem> problems) {
        super(problems.isEmpty() ? "rule failure" : problems.get(0).message(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
        return problems;
    }
}
