package org.pcpassessor.data;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rows in the series' long layout (measure, area, month, value or numerator and denominator) read from a source that
 * is not a CSV file: a sheet of a workbook, or a query's result. Each row keeps its place in the source, so that
 * every message names it ({@code series.xlsx[Sheet1]!D7}, or the query's row and column).
 *
 * @param source     the file, sheet or query the rows came from, as messages name it
 * @param header     the column names, in order (lower case for a query's)
 * @param headerLine the line (row) of the header, 0 where there is none (a query's columns)
 * @param rows       the rows, in the source's order
 */
record Table(String source, List<String> header, int headerLine, List<Line> rows) {
    Table {
        Objects.requireNonNull(source, "source");
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /**
     * A row: its line (a sheet's row number, a result's row) and its values by header position; {@code positions}
     * are the 1-based columns each value was read from (a wide sheet's month values come from their month's column).
     */
    record Line(int line, String[] values, int[] positions) {
        Line {
            Objects.requireNonNull(values, "values");
            Objects.requireNonNull(positions, "positions");
            if (values.length != positions.length) {
                throw new IllegalArgumentException("a position for every value");
            }
        }

        /** A row whose values are in their header's columns, in order. */
        static Line of(int line, String[] values) {
            int[] positions = new int[values.length];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = i + 1;
            }
            return new Line(line, values, positions);
        }
    }

    /** A row's fields by header name. */
    record Fields(Map<String, Integer> columns, Line line) implements SeriesLoader.Fields {
        @Override
        public int size() {
            return line.values().length;
        }

        @Override
        public String field(int i) {
            String v = line.values()[i];
            return v == null ? "" : v;
        }

        @Override
        public int column(String column) {
            Integer i = columns.get(column);
            return i == null || i >= line.positions().length ? 0 : line.positions()[i];
        }
    }
}
