package org.pcpassessor.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.model.DRLOutput;

/**
 * A decision table in an Excel workbook ({@code *.drl.xlsx}): compiled to DRL by Drools' own spreadsheet compiler
 * (which reads the workbook's first sheet and no other), and the way back from that DRL to the cells it came from,
 * so that a problem with a line of the generated code names the sheet and the cell the analyst typed.
 *
 * <p>The way back is found by Drools itself, not by reimplementing its templates: the sheet's cells are recorded as
 * Drools reads them, and replayed to its compiler with one column of the rule rows left blank (or one cell above the
 * tables): the code that goes away is that column's code in each rule. Drools names a table's rules after the row
 * that makes them and marks each rule with its row in a comment ({@code // rule values at A10, header at A5}), which
 * finds the rule of a line. The replays are made only when a problem needs them, once per column.
 */
final class SheetTable {
    /** What a workbook may unpack to: far more than a decision table needs, far less than a zip bomb's. */
    static final long MAX_UNPACKED = 64L << 20;
    private static final Pattern ROW_MARK = Pattern.compile("^\\s*// rule values at [A-Z]+(\\d+), header at [A-Z]+(\\d+)");
    private static final Pattern IN_CELL = Pattern.compile(",?\\s*(?:in|at) cell ([A-Z]{1,3})(\\d+)");
    /** A compiler message's position in the generated DRL, which means nothing to the reader of the sheet. */
    private static final Pattern DRL_POSITION = Pattern.compile("\\bLine (\\d+):(\\d+)\\s*");
    /** How many cells above the tables are tried, one replay each, to place a problem there. */
    private static final int MAX_HEADER_CELLS = 60;

    /** A table that cannot be read: where (the sheet, and the cell when known) and why. */
    static final class BadTable extends Exception {
        private static final long serialVersionUID = 1L;

        BadTable(String message) {
            super(message);
        }
    }

    /** Where a line of the generated code came from: the row and column (0-based; -1 unknown) of its cell. */
    record Place(String sheet, int row, int column, String code, String template) {
        /** "sheet 'Rules' cell C10", or "sheet 'Rules' row 10" when the column is not known, or "sheet 'Rules'". */
        String where() {
            String s = "sheet '" + sheet + "'";
            return row < 0 ? s : column < 0 ? s + " row " + (row + 1) : s + " cell " + ref(row, column);
        }
    }

    /** One call Drools' reader made: a new row ({@code column} -1, {@code merged} the cell count) or a cell. */
    private record Event(int row, int column, String value, int merged) {
        boolean isCell() {
            return column >= 0;
        }
    }

    /** A rule of the generated code: the row that makes it, its table's header row, and its lines (0-based). */
    private record Block(int row, int headerRow, int first, int last) {
    }

    /** The code a cell makes: lines {@code first..last} of its block or preamble, characters {@code from..to}. */
    private record Span(int first, int last, int from, int to, String text) {
        boolean oneLine() {
            return first == last && to != Integer.MAX_VALUE;
        }
    }

    private final String sheet;
    private final List<Event> events;
    private final Map<Long, String> cells = new HashMap<>();
    private final String drl;
    private final String[] lines;
    private final List<Block> blocks;
    /** The code of each column of each rule row, by row then column: made on the first {@link #place}. */
    private Map<Integer, Map<Integer, Span>> ruleSpans;
    /** The code of each cell above the tables, by (row, column) key. */
    private Map<Long, Span> headerSpans;

    private SheetTable(String sheet, List<Event> events, String drl) {
        this.sheet = sheet;
        this.events = events;
        for (Event e : events) {
            if (e.isCell() && e.value() != null && !e.value().isBlank()) {
                cells.put(key(e.row(), e.column()), e.value());
            }
        }
        this.drl = drl;
        this.lines = drl.split("\r?\n", -1);
        this.blocks = blocks(lines);
    }

    /** Reads the workbook's first sheet as Drools does; throws with the sheet and cell at fault when it cannot. */
    static SheetTable read(byte[] bytes) throws BadTable {
        unpackedSize(bytes);
        Recorder recorder = new Recorder();
        ExcelParser parser = new ExcelParser(recorder); // before opening: it sets POI's zip-bomb ratio
        Workbook workbook;
        try {
            workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new BadTable("not an Excel workbook: save it from Excel as an .xlsx file (" + reason(e) + ")");
        }
        if (workbook.getNumberOfSheets() == 0) {
            throw new BadTable("the workbook has no sheet");
        }
        String name = workbook.getSheetName(0);
        try {
            parser.parseWorkbook(workbook);
            return new SheetTable(name, recorder.events, render(recorder));
        } catch (RuntimeException e) {
            throw new BadTable(failure(name, recorder, e));
        }
    }

    /** The DRL the sheet compiles to. */
    String drl() {
        return drl;
    }

    String sheet() {
        return sheet;
    }

    /**
     * The row (1-based) of each rule the sheet makes, by the rule's line in {@link #drl} (1-based). A table cut off
     * before its rows makes an empty rule of a row past the sheet's end, which is not one.
     */
    Map<Integer, Integer> ruleRows() {
        java.util.Set<Integer> filled = new java.util.HashSet<>();
        for (long cell : cells.keySet()) {
            filled.add((int) (cell >> 32));
        }
        Map<Integer, Integer> rows = new java.util.LinkedHashMap<>();
        for (Block b : blocks) {
            if (!filled.contains(b.row())) {
                continue;
            }
            for (int i = b.first(); i <= b.last(); i++) {
                if (lines[i].strip().startsWith("rule ")) {
                    rows.put(i + 1, b.row() + 1);
                    break;
                }
            }
        }
        return rows;
    }

    /**
     * Where a position in the generated code (line 1-based, column 0-based, as the compiler gives them) came from;
     * {@code message}, the compiler's, places it when the position does not (a message that quotes the code).
     */
    Place place(int line, int column, String message) {
        int at = line - 1;
        for (Block b : blocks) {
            if (at >= b.first() && at <= b.last()) {
                Map<Integer, Span> spans = ruleSpans().getOrDefault(b.row(), Map.of());
                Integer c = choose(spans, at - b.first(), column, message);
                if (c == null && message.startsWith("Rule Compilation error")) {
                    c = soleAction(spans, b); // the consequence's Java, which the compiler places at the rule
                }
                if (c == null) {
                    return new Place(sheet, b.row(), -1, null, null);
                }
                String template = cells.get(key(b.headerRow() + 3, c));
                return new Place(sheet, b.row(), c, spans.get(c).text(),
                        template == null ? null : ref(b.headerRow() + 3, c));
            }
        }
        Map<Long, Span> spans = headerSpans();
        Long cell = choose(spans, at, column, message);
        if (cell == null) {
            return new Place(sheet, -1, -1, null, null);
        }
        return new Place(sheet, (int) (cell >> 32), (int) (cell & 0xFFFFFFFFL), spans.get(cell).text(), null);
    }

    /**
     * A compiler message about the generated code (its line, its column when known, 0-based), placed on the sheet:
     * "sheet 'Rules' cell C10: ..., with the cell's code"; the generated code's own line and column left out.
     */
    String describe(int line, int column, String message) {
        Matcher at = DRL_POSITION.matcher(message);
        if (at.find()) { // the parser's "Line 9:30", more precise than the message's own column
            line = Integer.parseInt(at.group(1));
            column = Integer.parseInt(at.group(2));
        }
        Place place = place(line, column, message);
        String said = DRL_POSITION.matcher(message).replaceFirst("").strip();
        String code = place.code() == null ? "" : place.code().strip().replaceAll("\\s+", " ");
        if (!code.isEmpty()) {
            said += " (the cell's code" + (place.template() == null ? ""
                    : ", made with its column's template in " + place.template()) + ": "
                    + (code.length() > 160 ? code.substring(0, 157) + "..." : code) + ")";
        }
        return place.where() + ": " + said;
    }

    /** "C10" for row 9, column 2 (both 0-based). */
    static String ref(int row, int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters + Integer.toString(row + 1);
    }

    private static long key(int row, int column) {
        return ((long) row << 32) | (column & 0xFFFFFFFFL);
    }

    /** The cell whose code holds the position: on its line and around its column, else quoted by the message. */
    private static <K> K choose(Map<K, Span> spans, int line, int column, String message) {
        K best = null;
        long bestScore = Long.MAX_VALUE;
        for (Map.Entry<K, Span> e : spans.entrySet()) {
            Span s = e.getValue();
            if (line < s.first() || line > s.last()) {
                continue;
            }
            long score;
            if (!s.oneLine()) {
                score = (1L << 40) + (long) (s.last() - s.first()); // a whole line or more: after any span on the line
            } else if (column >= s.from() && column <= s.to()) {
                score = s.to() - s.from();
            } else {
                score = (1L << 20) + Math.min(Math.abs(column - s.from()), Math.abs(column - s.to()));
            }
            if (score < bestScore) {
                bestScore = score;
                best = e.getKey();
            }
        }
        if (best != null) {
            return best;
        }
        int longest = 2; // a code shorter than three characters quoted by a message proves nothing
        for (Map.Entry<K, Span> e : spans.entrySet()) {
            String code = e.getValue().text().strip();
            if (code.length() > longest && message.contains(code)) {
                longest = code.length();
                best = e.getKey();
            }
        }
        return best;
    }

    /** The one cell whose code is in the rule's consequence (after {@code then}), when only one is. */
    private Integer soleAction(Map<Integer, Span> spans, Block b) {
        int then = -1;
        for (int i = b.first(); i <= b.last(); i++) {
            if (lines[i].strip().equals("then")) {
                then = i - b.first();
                break;
            }
        }
        Integer sole = null;
        for (Map.Entry<Integer, Span> e : spans.entrySet()) {
            if (then >= 0 && e.getValue().first() > then) {
                if (sole != null) {
                    return null;
                }
                sole = e.getKey();
            }
        }
        return sole;
    }

    /** Each rule row's code by column: one replay per column with that column of every rule row left blank. */
    private synchronized Map<Integer, Map<Integer, Span>> ruleSpans() {
        if (ruleSpans != null) {
            return ruleSpans;
        }
        Map<Integer, Map<Integer, Span>> spans = new HashMap<>();
        java.util.Set<Integer> rows = new java.util.HashSet<>();
        for (Block b : blocks) {
            rows.add(b.row());
        }
        java.util.Set<Integer> columns = new java.util.TreeSet<>();
        for (Event e : events) {
            if (e.isCell() && rows.contains(e.row()) && cells.containsKey(key(e.row(), e.column()))) {
                columns.add(e.column());
            }
        }
        for (int column : columns) {
            String[] replayed = replay(e -> !(e.column() == column && rows.contains(e.row())));
            if (replayed == null) {
                continue;
            }
            Map<Integer, Block> byRow = new HashMap<>();
            for (Block b : blocks(replayed)) {
                byRow.put(b.row(), b);
            }
            for (Block b : blocks) {
                if (!cells.containsKey(key(b.row(), column))) {
                    continue;
                }
                Block other = byRow.get(b.row());
                Span span = other == null
                        ? new Span(0, b.last() - b.first(), 0, Integer.MAX_VALUE, "")
                        : diff(lines, b.first(), b.last(), replayed, other.first(), other.last());
                if (span != null) {
                    spans.computeIfAbsent(b.row(), r -> new HashMap<>()).put(column, span);
                }
            }
        }
        ruleSpans = spans;
        return spans;
    }

    /** The code of each cell above the first table (RuleSet, Import, Functions, ...): one replay per cell. */
    private synchronized Map<Long, Span> headerSpans() {
        if (headerSpans != null) {
            return headerSpans;
        }
        int firstTable = blocks.stream().mapToInt(Block::headerRow).min().orElse(Integer.MAX_VALUE);
        int end = blocks.isEmpty() ? lines.length - 1 : blocks.get(0).first() - 1;
        Map<Long, Span> spans = new HashMap<>();
        int tried = 0;
        for (Event e : events) {
            if (!e.isCell() || e.row() >= firstTable || !cells.containsKey(key(e.row(), e.column()))
                    || tried++ >= MAX_HEADER_CELLS) {
                continue;
            }
            String[] replayed = replay(x -> !(x.row() == e.row() && x.column() == e.column()));
            if (replayed == null) {
                continue;
            }
            List<Block> other = blocks(replayed);
            int otherEnd = other.isEmpty() ? replayed.length - 1 : other.get(0).first() - 1;
            Span span = diff(lines, 0, end, replayed, 0, otherEnd);
            if (span != null) {
                spans.put(key(e.row(), e.column()), span);
            }
        }
        headerSpans = spans;
        return spans;
    }

    /** The generated code's lines with only the cells {@code keep} accepts read; null when Drools refuses that. */
    private String[] replay(Predicate<Event> keep) {
        DefaultRuleSheetListener r = new DefaultRuleSheetListener();
        try {
            for (Event e : events) {
                if (!e.isCell()) {
                    r.newRow(e.row(), e.merged());
                } else if (keep.test(e)) {
                    r.newCell(e.row(), e.column(), e.value(), e.merged());
                }
            }
            r.finishSheet();
            return render(r).split("\r?\n", -1);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * What lines {@code a[aFirst..aLast]} have that {@code b[bFirst..bLast]} has not: the lines between their common
     * first and last lines, and when that is one line on both sides, the characters between their common ends.
     */
    private static Span diff(String[] a, int aFirst, int aLast, String[] b, int bFirst, int bLast) {
        int head = 0;
        while (aFirst + head <= aLast && bFirst + head <= bLast && a[aFirst + head].equals(b[bFirst + head])) {
            head++;
        }
        if (aFirst + head > aLast && bFirst + head > bLast) {
            return null; // the same code: the cell made none here
        }
        int tail = 0;
        while (aLast - tail >= aFirst + head && bLast - tail >= bFirst + head && a[aLast - tail].equals(b[bLast - tail])) {
            tail++;
        }
        int from = head;
        int to = aLast - tail - aFirst;
        if (to < from) {
            return null; // only lines added without it: nothing of this code to point at
        }
        if (from == to && bLast - tail - bFirst == head) {
            String x = a[aFirst + from];
            String y = b[bFirst + head];
            int p = 0;
            while (p < x.length() && p < y.length() && x.charAt(p) == y.charAt(p)) {
                p++;
            }
            int s = 0;
            while (s < x.length() - p && s < y.length() - p
                    && x.charAt(x.length() - 1 - s) == y.charAt(y.length() - 1 - s)) {
                s++;
            }
            return new Span(from, to, p, x.length() - s, x.substring(p, x.length() - s));
        }
        StringBuilder text = new StringBuilder();
        for (int i = from; i <= to; i++) {
            text.append(text.length() == 0 ? "" : " ").append(a[aFirst + i].strip());
        }
        return new Span(from, to, 0, Integer.MAX_VALUE, text.toString());
    }

    /** The rules of generated code, each from its row mark to its {@code end}. */
    private static List<Block> blocks(String[] lines) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ROW_MARK.matcher(lines[i]);
            if (!m.find()) {
                continue;
            }
            int last = i + 1;
            while (last < lines.length - 1 && !lines[last].strip().equals("end")) {
                last++;
            }
            blocks.add(new Block(Integer.parseInt(m.group(1)) - 1, Integer.parseInt(m.group(2)) - 1, i, last));
            i = last;
        }
        return blocks;
    }

    private static String render(DefaultRuleSheetListener listener) {
        DRLOutput out = new DRLOutput();
        listener.getRuleSet().renderDRL(out);
        return out.getDRL();
    }

    /** Why Drools could not read the sheet, at the cell it names or was reading. */
    private static String failure(String sheet, Recorder recorder, RuntimeException e) {
        String message = String.valueOf(e.getMessage()).replaceFirst("^\\[[^\\]]*\\]\\s*", "").strip();
        Matcher at = IN_CELL.matcher(message);
        String where = "sheet '" + sheet + "'";
        if (at.find()) {
            where += " cell " + at.group(1) + at.group(2);
            message = (message.substring(0, at.start()) + message.substring(at.end())).strip();
        } else if (recorder.failedRow >= 0) {
            where += " cell " + ref(recorder.failedRow, recorder.failedColumn);
        } else if (message.startsWith("No RuleTable")) {
            return noTable(where, recorder.events);
        }
        if (message.isBlank() || message.equals("null")) {
            message = "it is not a decision table (" + reason(e) + ")";
        }
        return where + ": " + CompilerMessages.clean(message);
    }

    /** Drools found no table: say which cell nearly starts one, or what starts one. */
    private static String noTable(String where, List<Event> events) {
        for (Event e : events) {
            if (e.isCell() && e.value() != null
                    && e.value().strip().toLowerCase(java.util.Locale.ROOT).startsWith("ruletable")) {
                return where + " cell " + ref(e.row(), e.column()) + ": '" + e.value().strip() + "' does not start a "
                        + "table: write RuleTable, a space and the table's name ('RuleTable Runs')";
            }
        }
        return where + ": the sheet has no 'RuleTable NAME' cell: a table starts with one, then come the CONDITION/ACTION, "
                + "fact, template and title rows, and one row per rule (see rules/classify/streaks.drl.csv)";
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return CompilerMessages.clean(m == null || m.isBlank() ? e.getClass().getSimpleName() : m);
    }

    /** Refuses a workbook whose parts unpack to more than {@link #MAX_UNPACKED}, before POI unpacks it. */
    private static void unpackedSize(byte[] bytes) throws BadTable {
        long total = 0;
        byte[] buffer = new byte[8192];
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(bytes))) {
            while (zip.getNextEntry() != null) {
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    total += n;
                    if (total > MAX_UNPACKED) {
                        throw new BadTable("the workbook unpacks to more than " + (MAX_UNPACKED >> 20) + " MB; a "
                                + "decision table is far smaller");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a zip, or a damaged one: POI says what it is
        }
    }

    /**
     * Drools' own reader of a rule sheet, which records what it is given (for the replays) and the cell it was
     * reading when it failed. A subclass, not a wrapper: Drools' reader asks whether its listener is this class.
     */
    private static final class Recorder extends DefaultRuleSheetListener {
        final List<Event> events = new ArrayList<>();
        int failedRow = -1;
        int failedColumn = -1;

        @Override
        public void newRow(int row, int columns) {
            events.add(new Event(row, -1, null, columns));
            super.newRow(row, columns);
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            events.add(new Event(row, column, value, mergedColStart));
            failedRow = row;
            failedColumn = column;
            super.newCell(row, column, value, mergedColStart);
            failedRow = -1;
            failedColumn = -1;
        }
    }
}
