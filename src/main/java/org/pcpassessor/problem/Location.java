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

    /**
     * {@code file}, {@code file:line} or {@code file:line:column}, as compilers print them; a place in a sheet of a
     * workbook ({@code series.xlsx[Sheet1]}) as Excel names a cell, {@code series.xlsx[Sheet1]!D7} (a whole row
     * {@code !7:7}); a row of a query's result as {@code jdbc:sqlite:/data/series.db, row 37, column 4}.
     */
    @Override
    public String toString() {
        return format(file, line, column);
    }

    /** As {@link #toString()}, of any file, line and column. */
    public static String format(String file, int line, int column) {
        if (line == 0) {
            return file;
        }
        if (file.startsWith("jdbc:")) { // a query's result: its row and column
            return file + ", row " + line + (column == 0 ? "" : ", column " + column);
        }
        if (file.endsWith("]") && SHEET.matcher(file).matches()) {
            return file + "!" + (column == 0 ? line + ":" + line : columnName(column) + line);
        }
        return column == 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }

    /** A sheet of a workbook: {@code path.xlsx[name]}. */
    private static final java.util.regex.Pattern SHEET = java.util.regex.Pattern.compile(
            "(?i).*\\.xlsx\\[[^\\]]*\\]");

    /** Excel's name of a 1-based column: 1 is A, 27 is AA. */
    static String columnName(int column) {
        StringBuilder name = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
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
