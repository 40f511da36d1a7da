package org.pcpassessor.problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects every problem found in one pass over the input, so the user sees them all at once: the first
 * {@value #PER_FILE} errors of each file, then a count of the rest (a CSV of a million bad rows gives 50 lines, and
 * is read at full speed).
 */
public final class Problems {
    /** Errors listed per file; the rest are counted. */
    public static final int PER_FILE = 50;
    private static final String MORE = " more error(s) in this file are not listed (the first " + PER_FILE + " are)";

    private final List<Problem> all = new ArrayList<>();
    private final Map<String, Integer> listed = new HashMap<>();
    private final Map<String, Long> unlisted = new TreeMap<>();

    public void add(Problem problem) {
        if (problem.isError() && problem.line() == 0 && problem.message().endsWith(MORE)) {
            // the count of another collector, merged into this one
            long n = Long.parseLong(problem.message().substring(0, problem.message().indexOf(' ')).replace(",", ""));
            unlisted.merge(problem.file(), n, Long::sum);
            return;
        }
        if (problem.isError() && listed.merge(problem.file(), 1, Integer::sum) > PER_FILE) {
            unlisted.merge(problem.file(), 1L, Long::sum);
            return;
        }
        all.add(problem);
    }

    public void error(String file, int line, int column, String message) {
        add(Problem.error(file, line, column, message));
    }

    public void warning(String file, int line, int column, String message) {
        add(Problem.warning(file, line, column, message));
    }

    public void addAll(List<Problem> problems) {
        problems.forEach(this::add);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Problem::isError);
    }

    /**
     * The problems in reading order (by file and position), errors before warnings at the same place; a file with
     * more than {@value #PER_FILE} errors has a count of the others first (at line 0).
     */
    public List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(all);
        unlisted.forEach((file, n) -> copy.add(Problem.error(file, 0, 0, String.format(java.util.Locale.UK, "%,d", n)
                + MORE)));
        copy.sort(Problem.READING_ORDER);
        return List.copyOf(copy);
    }

    /** Every error found, counted or listed. */
    public long errorCount() {
        return all.stream().filter(Problem::isError).count() + unlisted.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The errors in {@code problems}, counting those a cap left unlisted. */
    public static long errorCount(List<Problem> problems) {
        Problems p = new Problems();
        p.addAll(problems);
        return p.errorCount();
    }

    public long warningCount() {
        return all.stream().filter(pr -> !pr.isError()).count();
    }
}
