package org.pcpassessor.problem;

import java.util.Objects;

/**
 * Where something is written: a file and a 1-based line and column (0 when not known). Every place the tool
 * names for the user (a measure's declaration, a rule, a problem) is one of these, never a "file:line" string
 * to be split again.
 */
public record Location(String file, int line, int column) implements Comparable<Location> {
    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
        }
    }

    /** A whole file, no position. */
    public static Location of(String file) {
        return new Location(file, 0, 0);
    }

    /** A line of a file (rules are located by the line that declares them). */
    public static Location of(String file, int line) {
        return new Location(file, line, 0);
    }

    /** {@code file}, {@code file:line} or {@code file:line:column}, as compilers print them. */
    @Override
    public String toString() {
        if (line == 0) {
            return file;
        }
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(Location o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }
}
