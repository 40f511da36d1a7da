package org.pcpassessor.data;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The {@code file:line} of each month of a series, kept as the file's name (one shared string per file) and a line
 * number, and written out only when asked for: a national run reads tens of millions of rows, and a string per row
 * was most of the loader's memory. When every month comes from the same file (the usual case) the name is kept
 * once, not once a month (60 references a series, 125 MB at 490,176 series). Immutable; an empty file name stands
 * for a month with no row.
 */
final class Sources extends AbstractList<String> implements RandomAccess {
    /** The file of each month, or a single file for all of them. */
    private final String[] files;
    private final int[] lines;

    Sources(String[] files, int[] lines) {
        if (files.length != lines.length) {
            throw new IllegalArgumentException("as many files as lines");
        }
        this.files = oneFile(files) ? new String[] {files[0]} : files.clone();
        this.lines = lines.clone();
    }

    private static boolean oneFile(String[] files) {
        for (String f : files) {
            if (!Objects.equals(f, files[0])) {
                return false;
            }
        }
        return files.length > 0;
    }

    @Override
    public String get(int index) {
        Objects.checkIndex(index, lines.length);
        String file = files[files.length == 1 ? 0 : index];
        return file == null || file.isEmpty() ? "" : file + ":" + lines[index];
    }

    @Override
    public int size() {
        return lines.length;
    }
}
