package org.pcpassessor.data;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The {@code file:line} of each month of a series, kept as the file's name (one shared string per file) and a line
 * number, and written out only when asked for: a national run reads tens of millions of rows, and a string per row
 * was most of the loader's memory. Immutable; an empty file name stands for a month with no row.
 */
final class Sources extends AbstractList<String> implements RandomAccess {
    private final String[] files;
    private final int[] lines;

    Sources(String[] files, int[] lines) {
        if (files.length != lines.length) {
            throw new IllegalArgumentException("as many files as lines");
        }
        this.files = files.clone();
        this.lines = lines.clone();
    }

    @Override
    public String get(int index) {
        Objects.checkIndex(index, files.length);
        return files[index] == null || files[index].isEmpty() ? "" : files[index] + ":" + lines[index];
    }

    @Override
    public int size() {
        return files.length;
    }
}
