package org.pcpassessor.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found in one pass over the input, so the user sees them all at once. */
public final class Problems {
    private final List<Problem> all = new ArrayList<>();

    public void add(Problem problem) {
        all.add(problem);
    }

    public void error(String file, int line, int column, String message) {
        add(Problem.error(file, line, column, message));
    }

    public void warning(String file, int line, int column, String message) {
        add(Problem.warning(file, line, column, message));
    }

    public void addAll(List<Problem> problems) {
        all.addAll(problems);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Problem::isError);
    }

    /** The problems in reading order (by file and position), errors before warnings at the same place. */
    public List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(all);
        copy.sort(Problem.READING_ORDER);
        return List.copyOf(copy);
    }

    public long errorCount() {
        return all.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
        return all.size() - errorCount();
    }

    /** Throws {@link InputException} carrying every problem collected, if any is an error. */
    public void throwIfErrors(String what) {
        if (hasErrors()) {
            throw new InputException(what, sorted());
        }
    }
}
