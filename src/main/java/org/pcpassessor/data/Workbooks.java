package org.pcpassessor.data;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.pcpassessor.problem.Problems;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Series kept in Excel workbooks ({@code .xlsx}), each sheet a table in one of two layouts:
 * <ul>
 * <li>long, the CSV's own columns: {@code measure, area, month, value, numerator, denominator};</li>
 * <li>wide, as analysts keep them: {@code measure, area} (and optionally {@code field}: value, numerator or
 * denominator), then one column per month, headed {@code YYYY-MM} as text or as an Excel date.</li>
 * </ul>
 * Headings are read whatever their case ("Measure", "Area"). A sheet is read as a stream of its XML (POI's event API), not loaded as a workbook model, so a big sheet costs
 * about what its CSV would. A month may be text ({@code 2020-12}) or an Excel date; a number is read as Excel stores
 * it, whatever its format; a formula by the result Excel saved with it. Merged cells, formulas without a saved result
 * and cells holding an Excel error are refused, each at its cell: {@code series.xlsx[Sheet1]!D7: error: ...}. Empty
 * sheets are passed over.
 */
final class Workbooks {
    private Workbooks() {
    }

    /** Whether the file is read as a workbook (by its name: {@code .xlsx}). */
    static boolean isWorkbook(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** The columns of the long layout and a wide sheet's field, whatever their case in a workbook's headings. */
    private static final List<String> COLUMNS = List.of("measure", "area", "month", "value", "numerator",
            "denominator", "field");

    /** The columns a wide sheet has before its months. */
    private static final List<String> WIDE_KEYS = List.of("measure", "area", "field");

    /** The sheets' tables in the long layout (a wide sheet turned into it), in the workbook's order. */
    static List<Table> read(Path path, Problems found) {
        String file = path.toString();
        List<Table> tables = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    Sheet sheet = new Sheet(file + "[" + sheets.getSheetName() + "]", found);
                    XMLReader xml = org.apache.poi.util.XMLHelper.newXMLReader();
                    xml.setContentHandler(new Watch(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                            sheet, new Plain(), false), sheet));
                    xml.parse(new InputSource(in));
                    sheet.table().ifPresent(tables::add);
                }
            }
        } catch (IOException | OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException
                 | RuntimeException e) {
            // not a zip, not a workbook, a part missing or too large (POI's zip-bomb limits): one message
            String why = e instanceof org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException
                    || e instanceof org.apache.poi.openxml4j.exceptions.InvalidFormatException
                    ? "it is not an Excel workbook (no Office Open XML inside)" : String.valueOf(e.getMessage());
            found.error(file, 0, 0, "the workbook cannot be read: " + why + "; save it from Excel as an Excel "
                    + "Workbook (.xlsx)");
        }
        return tables;
    }

    /**
     * Numbers as a CSV would hold them ({@code 1057}, {@code 0.103}: plain decimals, whatever the cell's number format),
     * and a date as its month ({@code 2020-12}).
     */
    private static final class Plain extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return YearMonth.from(DateUtil.getLocalDateTime(value, use1904)).toString();
            }
            return plain(value);
        }
    }

    static String plain(double value) {
        return Double.isFinite(value) ? new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }

    /**
     * What POI's handler does not tell: the cell it is in, its type, whether it holds a formula and whether that has a
     * saved result, and the sheet's merged cells.
     */
    private static final class Watch extends DefaultHandler {
        private final ContentHandler handler;
        private final Sheet sheet;
        private boolean formula;
        private boolean saved;

        Watch(ContentHandler handler, Sheet sheet) {
            this.handler = handler;
            this.sheet = sheet;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            switch (localName) {
                case "c" -> {
                    sheet.at = atts.getValue("r");
                    sheet.type = atts.getValue("t");
                    formula = false;
                    saved = false;
                }
                case "f" -> formula = true;
                case "v", "is" -> saved = true;
                case "mergeCell" -> sheet.merged(atts.getValue("ref"));
                default -> {
                }
            }
            handler.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            handler.endElement(uri, localName, qName);
            if (localName.equals("c") && formula && !saved) {
                sheet.error(sheet.at, "the formula has no saved result (the workbook was written by a program that does "
                        + "not calculate): open it in Excel and save it, or paste the values");
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            handler.characters(ch, start, length);
        }
    }

    /** One sheet's cells, by row and column, as read. */
    private static final class Sheet implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String source;
        private final Problems found;
        private final TreeMap<Integer, TreeMap<Integer, String>> rows = new TreeMap<>();
        private final List<String> merges = new ArrayList<>();
        private boolean refused;
        /** The cell being read ({@code D7}) and its XML type ({@code s}, {@code n}, {@code e}, ...). */
        String at;
        String type;

        Sheet(String source, Problems found) {
            this.source = source;
            this.found = found;
        }

        @Override
        public void startRow(int rowNum) {
        }

        @Override
        public void endRow(int rowNum) {
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            CellReference ref = new CellReference(reference != null ? reference : at);
            String text = value == null ? "" : value;
            if ("e".equals(type)) {
                error(ref, "the cell holds an Excel error (" + text.replaceFirst("^ERROR:", "") + "): mend the "
                        + "formula or clear the cell");
                return;
            }
            if ((type == null || "n".equals(type)) && !text.isEmpty() && !SeriesLoader.isDecimal(text)) {
                try { // a number Excel stored in exponent form (1E-3): as a plain decimal
                    text = plain(Double.parseDouble(text));
                } catch (NumberFormatException e) {
                    // a date formatted as its month, or text: as it is
                }
            }
            if (!text.isBlank()) {
                rows.computeIfAbsent(ref.getRow() + 1, k -> new TreeMap<>()).put(ref.getCol() + 1, text);
            }
        }

        void merged(String range) {
            if (range != null) {
                merges.add(range);
            }
        }

        void error(String reference, String message) {
            error(new CellReference(reference), message);
        }

        private void error(CellReference ref, String message) {
            found.error(source, ref.getRow() + 1, ref.getCol() + 1, message);
            refused = true;
        }

        /** The sheet as a table in the long layout; none when it is empty or was refused. */
        java.util.Optional<Table> table() {
            for (String range : merges) {
                error(range.split(":")[0], "cells " + range + " are merged: a merged cell keeps its value in its "
                        + "first cell only, so the others read as empty; unmerge them and fill every cell");
            }
            if (refused || rows.isEmpty()) {
                return java.util.Optional.empty();
            }
            int headerLine = rows.firstKey();
            TreeMap<Integer, String> headerCells = rows.get(headerLine);
            int width = headerCells.lastKey();
            List<String> header = new ArrayList<>();
            for (int c = 1; c <= width; c++) {
                header.add(column(headerCells.getOrDefault(c, "")));
            }
            if (header.contains("month") || !header.contains("measure") || !header.contains("area")) {
                // the long layout; a header lacking measure or area is reported by the loader as a CSV's would be
                List<Table.Line> lines = new ArrayList<>();
                rows.tailMap(headerLine, false).forEach((line, cells) -> lines.add(Table.Line.of(line,
                        values(cells, Math.max(width, cells.lastKey())))));
                return java.util.Optional.of(new Table(source, header, headerLine, lines));
            }
            return wide(headerLine, header);
        }

        /** A heading as the loader names its column: "Measure" in a workbook is the column measure. */
        private static String column(String heading) {
            String h = heading.trim();
            String lower = h.toLowerCase(Locale.ROOT);
            return COLUMNS.contains(lower) ? lower : h;
        }

        private static String[] values(TreeMap<Integer, String> cells, int width) {
            String[] v = new String[width];
            for (int c = 1; c <= width; c++) {
                v[c - 1] = cells.getOrDefault(c, "");
            }
            return v;
        }

        /**
         * A wide sheet as long rows: each month's cell of a row is the value (or the numerator or denominator, by the
         * row's field) of its measure and area in that month, read at that cell.
         */
        private java.util.Optional<Table> wide(int headerLine, List<String> header) {
            Map<String, Integer> keys = new LinkedHashMap<>();
            Map<Integer, String> months = new TreeMap<>();
            for (int c = 0; c < header.size(); c++) {
                String h = header.get(c);
                if (WIDE_KEYS.contains(h) && months.isEmpty()) {
                    keys.put(h, c + 1);
                } else if (SeriesLoader.isMonth(h)) {
                    months.put(c + 1, h);
                } else if (!h.isEmpty()) {
                    error(new CellReference(headerLine - 1, c), "'" + h + "' is not a month: a wide sheet's columns "
                            + "after measure, area (and field) are months, YYYY-MM as text or an Excel date");
                }
            }
            if (months.isEmpty()) {
                error(new CellReference(headerLine - 1, 0), "the header has no month columns: a sheet holds either the "
                        + "long layout (measure,area,month,value,numerator,denominator) or measure, area (and field) "
                        + "then a column per month");
            }
            if (refused) {
                return java.util.Optional.empty();
            }
            // measure, area, month -> value, numerator, denominator: each the cell it was read from
            Map<List<String>, Table.Line> long_ = new LinkedHashMap<>();
            List<String> columns = List.of("measure", "area", "month", "value", "numerator", "denominator");
            rows.tailMap(headerLine, false).forEach((line, cells) -> {
                String measure = cells.getOrDefault(keys.get("measure"), "").trim();
                String area = cells.getOrDefault(keys.get("area"), "").trim();
                String field = keys.containsKey("field")
                        ? cells.getOrDefault(keys.get("field"), "").trim().toLowerCase(Locale.ROOT) : "value";
                int slot = columns.indexOf(field);
                if (slot < 3) {
                    error(new CellReference(line - 1, keys.get("field") - 1), "field must be value, numerator or "
                            + "denominator, not '" + field + "'");
                    return;
                }
                months.forEach((column, month) -> {
                    String value = cells.get(column);
                    if (value == null) {
                        return; // no figure for the month: the series starts later, ends earlier, or has a gap
                    }
                    Table.Line row = long_.computeIfAbsent(List.of(measure, area, month), k -> new Table.Line(line,
                            new String[] {measure, area, month, "", "", ""}, new int[] {keys.get("measure"),
                                keys.get("area"), column, column, column, column}));
                    if (!row.values()[slot].isEmpty()) {
                        error(new CellReference(line - 1, column - 1), "a second " + field + " for " + measure + ", "
                                + area + ", " + month + " (the first on row " + row.line() + ")");
                        return;
                    }
                    row.values()[slot] = value;
                });
            });
            if (refused) {
                return java.util.Optional.empty();
            }
            List<String> header6 = new ArrayList<>(columns);
            return java.util.Optional.of(new Table(source, header6, headerLine, new ArrayList<>(long_.values())));
        }
    }
}
