package org.pcpassessor.problem;

import java.util.List;

/** The rule files is wrong; every problem found is carried, with its file, line and column. */
public final class RulesException extends InputException {
    private static final long serialVersionUID = 1L;

    public RulesException(List<Problem> problems) {
        super("rule files", problems);
    }
}
