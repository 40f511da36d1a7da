package org.pcpassessor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks for the tests, written with POI as Excel would save them: a cell given as a number is a number, as
 * {@code date:2020-12-01} an Excel date (formatted mmm-yy), as {@code =...} a formula with no saved result (as a
 * program that does not calculate writes it), as {@code #DIV/0!} an Excel error; any other text is text.
 */
final class Workbook {
    private Workbook() {
    }

    /** Writes sheets given as JSON ({@code {Sheet1: [[cell, ...], ...]}}), merging the ranges given. */
    static void write(Path file, JsonNode sheets, JsonNode merged) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle date = date(wb);
            for (Map.Entry<String, JsonNode> e : sheets.properties()) {
                Sheet sheet = wb.createSheet(e.getKey());
                int r = 0;
                for (JsonNode row : e.getValue()) {
                    Row xr = sheet.createRow(r++);
                    int c = 0;
                    for (JsonNode cell : row) {
                        Cell x = xr.createCell(c++);
                        if (cell.isNumber()) {
                            x.setCellValue(cell.asDouble());
                        } else {
                            set(x, cell.asText(), date);
                        }
                    }
                }
                for (JsonNode range : merged) {
                    sheet.addMergedRegion(CellRangeAddress.valueOf(range.asText()));
                }
            }
            save(wb, file);
        }
    }

    /** Writes sheets of rows of values (numbers, or text as {@link #write(Path, JsonNode, JsonNode)} reads it). */
    static void write(Path file, Map<String, List<List<Object>>> sheets) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle date = date(wb);
            sheets.forEach((name, rows) -> {
                Sheet sheet = wb.createSheet(name);
                for (int r = 0; r < rows.size(); r++) {
                    Row xr = sheet.createRow(r);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        Object v = rows.get(r).get(c);
                        if (v == null) {
                            continue;
                        }
                        Cell x = xr.createCell(c);
                        if (v instanceof Number n) {
                            x.setCellValue(n.doubleValue());
                        } else {
                            set(x, v.toString(), date);
                        }
                    }
                }
            });
            save(wb, file);
        }
    }

    private static CellStyle date(XSSFWorkbook wb) {
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("mmm-yy"));
        return date;
    }

    private static void set(Cell x, String text, CellStyle date) {
        if (text.startsWith("date:")) {
            x.setCellValue(LocalDate.parse(text.substring(5)));
            x.setCellStyle(date);
        } else if (text.startsWith("=")) {
            x.setCellFormula(text.substring(1));
        } else if (text.startsWith("#")) {
            x.setCellErrorValue(FormulaError.forString(text).getCode());
        } else {
            x.setCellValue(text);
        }
    }

    private static void save(XSSFWorkbook wb, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }
}
