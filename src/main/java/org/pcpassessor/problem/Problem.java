package org.pcpassessor.problem;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with the user's input, located as precisely as we can: {@code file:line:column}.
 * Line and column are 1-based; 0 means "not known".
 */
public record Problem(Severity severity, String file, int line, int column, String message) {

    public enum Severity { ERROR, WARNING }

    /** Orders problems the way a reader scans them: by file, then position, errors before warnings. */
    public static final Comparator<Problem> READING_ORDER = Comparator
            .comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::severity)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
        }
    }

    public static Problem error(String file, int line, int column, String message) {
        return new Problem(Severity.ERROR, file, line, column, message);
    }

    public static Problem warning(String file, int line, int column, String message) {
        return new Problem(Severity.WARNING, file, line, column, message);
    }

    public static Problem error(Location at, String message) {
        return error(at.file(), at.line(), at.column(), message);
    }

    public static Problem warning(Location at, String message) {
        return warning(at.file(), at.line(), at.column(), message);
    }

    public Location location() {
        return new Location(file, line, column);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: error: message}, the shape compilers use, so editors can jump to it. */
    @Override
    public String toString() {
        return Location.format(file, line, column) + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
