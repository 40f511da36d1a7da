package org.pcpassessor.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.catalogue.Catalogue;
import org.pcpassessor.catalogue.CatalogueLoader;
import org.pcpassessor.problem.Location;
import org.pcpassessor.problem.Problems;

/** A workbook as analysts keep one: headings in their own case, months as Excel dates, a rate in two rows. */
class WorkbooksTest {
    @TempDir
    Path dir;

    @Test
    void aWideSheetWithCapitalisedHeadingsAndDateMonthsIsReadAndExcelsLockFileIsNot() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("mmm-yy"));
            Sheet sheet = wb.createSheet("Outcomes");
            Row top = sheet.createRow(0);
            top.createCell(0).setCellValue("Measure");
            top.createCell(1).setCellValue("Area");
            top.createCell(2).setCellValue("Field");
            for (int m = 0; m < 2; m++) {
                top.createCell(3 + m).setCellValue(LocalDate.of(2020, 11 + m, 1));
                top.getCell(3 + m).setCellStyle(date);
            }
            Object[][] rows = {{"charge-rate", "Force", "Numerator", 12, 15}, {"charge-rate", "Force", "Denominator",
                100, 120}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof String t) {
                        row.createCell(c).setCellValue(t);
                    } else {
                        row.createCell(c).setCellValue(((Integer) rows[r][c]).doubleValue());
                    }
                }
            }
            try (var out = Files.newOutputStream(dir.resolve("plan.xlsx"))) {
                wb.write(out);
            }
        }
        Files.writeString(dir.resolve("measures.yaml"), """
                report: {title: Workbook, month: 2020-12, areas: [Force]}
                data: ["*.xlsx"]
                pillars:
                  - name: Offenders
                    measures:
                      - {id: charge-rate, label: Charge rate, subject: the charge rate, kind: rate, polarity: up-is-good}
                """);
        // the lock file Excel keeps beside a workbook it has open: not a workbook, and passed over by a glob
        Files.writeString(dir.resolve("~$plan.xlsx"), "owner");
        Problems problems = new Problems();
        Catalogue c = new CatalogueLoader(org.pcpassessor.stats.SignificanceMethods.names(), problems)
                .read(dir.resolve("measures.yaml"));
        DataSet data = new SeriesLoader(c, problems).read();
        assertFalse(problems.hasErrors(), problems.sorted().toString());
        Series s = data.series("charge-rate", "Force").orElseThrow();
        assertEquals(YearMonth.of(2020, 11), s.start());
        assertEquals(15.0, s.numerator(1));
        assertEquals(120.0, s.denominator(1));
        // December's figures are said to come from the numerator's row of the sheet, row 2
        assertEquals(dir.resolve("plan.xlsx") + "[Outcomes]:2", s.source(1));
    }

    @Test
    void aPlaceInASheetIsNamedAsExcelNamesACell() {
        assertEquals("s.xlsx[Sheet1]!D7", Location.format("s.xlsx[Sheet1]", 7, 4));
        assertEquals("s.xlsx[Sheet1]!AA12", Location.format("s.xlsx[Sheet1]", 12, 27));
        assertEquals("s.xlsx[Sheet1]!7:7", Location.format("s.xlsx[Sheet1]", 7, 0));
        assertEquals("s.xlsx[Sheet1]", Location.format("s.xlsx[Sheet1]", 0, 0));
        assertEquals("series.csv:7:4", Location.format("series.csv", 7, 4));
        assertEquals("jdbc:sqlite:/d/s.db, row 7, column 4", Location.format("jdbc:sqlite:/d/s.db", 7, 4));
    }
}
