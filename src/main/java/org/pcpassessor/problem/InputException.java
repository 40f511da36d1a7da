package org.pcpassessor.problem;

import java.util.List;

/**
 * The user's input (catalogue, data, rules, options) is wrong. Carries every problem found, each with its
 * file, line and column. Exit code 2.
 */
public class InputException extends PcpException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public InputException(String what, List<Problem> problems) {
        super(what + ": " + problems.stream().filter(Problem::isError).count() + " error(s)");
        this.problems = List.copyOf(problems);
    }

    /** A single problem without a file position (a bad option value, say). */
    public InputException(String file, String message) {
        this(message, List.of(Problem.error(file, 0, 0, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
