package org.pcpassessor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pcpassessor.rules.run.RuleRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.cli.Main;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.problem.Problems;

/**
 * Decision tables in Excel ({@code *.drl.xlsx}): made here with POI from the bundled CSV tables' rows, so no
 * workbook is committed. The same rows compile to the same rules and findings as the CSV, and a cell that does
 * not compile, or that Drools cannot read, is reported at its sheet and cell.
 */
class ExcelTableTest {
    @TempDir
    Path dir;

    @AfterEach
    void noCache() {
        System.clearProperty(RuleCache.PROPERTY);
        RuleBase.forgetCompiled();
    }

    @Test
    void anExcelTableMakesTheSameRulesAndFindingsAsItsCsv() throws Exception {
        Path rules = copy();
        excel(rules, "classify/streaks", "Sheet1", rows -> { });
        excel(rules, "compose/importance", "Points", rows -> { });
        // the lock file Excel keeps beside an open workbook is not a table
        Files.writeString(rules.resolve("classify/~$reaks.drl.xlsx"), "owner");
        Problems problems = new Problems();
        RuleBase excel = RuleBase.compile(rules, problems);
        assertEquals(List.of(), problems.sorted());
        RuleBase csv = org.pcpassessor.TestFiles.compileRules(TestFiles.RULES);

        for (String table : List.of("classify/streaks", "compose/importance")) {
            assertEquals(drl(csv, TestFiles.RULES.resolve(table + ".drl.csv")),
                    drl(excel, rules.resolve(table + ".drl.xlsx")), table + ": the same generated rules");
            // each rule at its row, as the CSV's at its line
            assertEquals(rowsOf(csv, TestFiles.RULES.resolve(table + ".drl.csv")),
                    rowsOf(excel, rules.resolve(table + ".drl.xlsx")), table);
        }
        assertTrue(excel.rules().stream().anyMatch(r -> r.name().equals("Runs of rises or falls_10")
                && r.source().toString().equals(rules.resolve("classify/streaks.drl.xlsx") + ":10")));

        var assessment = new org.pcpassessor.stats.Calculator(
                org.pcpassessor.stats.CalculatorTest.measure(org.pcpassessor.catalogue.Kind.COUNT,
                        java.util.OptionalDouble.empty()),
                org.pcpassessor.stats.CalculatorTest.counts(org.pcpassessor.stats.CalculatorTest.ramp()), true, 0.95)
                .assess(java.time.YearMonth.of(2020, 12));
        var timeout = org.pcpassessor.core.Settings.DEFAULT.ruleTimeout();
        RuleRun.Result fromCsv = RuleRun.run(csv, List.of(assessment), timeout, true, true, new Problems()).orElseThrow();
        RuleRun.Result fromExcel = RuleRun.run(excel, List.of(assessment), timeout, true, true, new Problems()).orElseThrow();
        List<String> findings = strings(fromCsv.findings());
        assertTrue(findings.stream().anyMatch(f -> f.contains("CONSECUTIVE_RISES")), findings.toString());
        assertEquals(findings, strings(fromExcel.findings()));
        assertTrue(!fromCsv.importance().isEmpty());
        // the same points for the same findings, by the same rules (the source names the file)
        assertEquals(points(fromCsv.importance()), points(fromExcel.importance()));
    }

    @Test
    void aCellThatDoesNotCompileIsReportedByCheckAtItsSheetAndCell() throws Exception {
        Path rules = copy();
        Path table = excel(rules, "classify/streaks", "Runs", rows -> rows.get(9).set(2, "3)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(TestFiles.withBundledInputs("check", "--rules", rules.toString()), new PrintWriter(out),
                new PrintWriter(err));
        assertEquals(2, exit, err.toString());
        assertEquals("", out.toString(), "no partial output");
        List<String> errors = err.toString().lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(List.of(table + ": error: sheet 'Runs' cell C10: [ERR 102] mismatched input ')' in rule \"Runs of "
                + "rises or falls_10\" (the cell's code, made with its column's template in C8: Streak(this == $s, "
                + "length >= 3)))"), errors, err.toString());
    }

    @Test
    void aTemplateOrAValueOfAMergedPatternIsPlacedOnItsCell() throws Exception {
        Path rules = copy();
        // the two conditions on one Finding, under one merged "$f : Finding" cell (Drools' usual layout), the
        // second's template broken: each row's code is placed on the row's cell in that column
        Path table = excel(rules, "compose/importance", "Sheet1", rows -> {
            rows.get(6).set(1, "");
            rows.get(7).set(1, "basis === \"$param\"");
        });
        merge(table, new CellRangeAddress(6, 6, 0, 1));
        // and a consequence that does not compile, in every row of its column: the template's fault
        Path streaks = excel(rules, "classify/streaks", "Sheet1",
                rows -> rows.get(7).set(3, "insert(Finding.of(\"$param\", $s);"));
        List<String> errors = errors(rules);
        assertTrue(errors.contains(table + ": error: sheet 'Sheet1' cell B10: [ERR 102] mismatched input '==' in rule "
                + "\"Importance_10\" (the cell's code, made with its column's template in B8: basis === \"benchmark\")"),
                errors.toString());
        for (int row = 10; row <= 13; row++) {
            String at = streaks + ": error: sheet 'Sheet1' cell D" + row + ": Rule Compilation error ";
            assertTrue(errors.stream().anyMatch(e -> e.startsWith(at) && e.contains("template in D8: insert(")),
                    errors.toString());
        }
    }

    @Test
    void aCellDroolsCannotReadIsReportedAtItsCell() throws Exception {
        // a priority (salience) that is not a number
        Path rules = copy();
        Path table = excel(rules, "classify/streaks", "Sheet1", rows -> {
            rows.get(5).add("PRIORITY");
            rows.get(8).add("Priority");
            rows.get(9).add("high");
        });
        assertEquals(List.of(table + ": error: sheet 'Sheet1' cell E10: Priority is not an integer literal"),
                errors(rules));
        // a column keyword Drools does not know
        excel(rules, "classify/streaks", "Sheet1", rows -> rows.get(5).set(1, "WHEN"));
        assertEquals(List.of(table + ": error: sheet 'Sheet1' cell B6: Invalid column header: WHEN, should be CONDITION, "
                + "ACTION or attribute"), errors(rules));
        // a RuleTable cell without its space
        excel(rules, "classify/streaks", "Sheet1", rows -> rows.get(4).set(0, "RuleTableRuns"));
        assertEquals(List.of(table + ": error: sheet 'Sheet1' cell A5: 'RuleTableRuns' does not start a table: write "
                + "RuleTable, a space and the table's name ('RuleTable Runs')"), errors(rules));
        // not a workbook at all
        Files.writeString(table, "Series,Direction\n");
        List<String> errors = errors(rules);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith(table + ": error: not an Excel workbook: save it from Excel as an .xlsx "
                + "file"), errors.toString());
    }

    @Test
    void codeOutsideTheRuleApiIsReportedAtItsCell() throws Exception {
        Path rules = copy();
        // a second action column whose cells are the code itself, one row's calling System
        Path table = excel(rules, "classify/streaks", "Sheet1", rows -> {
            rows.get(5).add("ACTION");
            rows.get(6).add("");
            rows.get(7).add("$param");
            rows.get(8).add("More");
            rows.get(10).add("System.exit(0);");
        });
        assertEquals(List.of(table + ": error: sheet 'Sheet1' cell E11: 'System' is not part of the rule API; remove it, "
                + "or run with --trust-rules if you trust the rules' author (README: rules are code)"), errors(rules));
    }

    @Test
    void theCacheKeysOnWhatTheSheetCompilesTo() throws Exception {
        Path rules = copy();
        System.setProperty(RuleCache.PROPERTY, dir.resolve("cache").toString());
        excel(rules, "classify/streaks", "Sheet1", rows -> { });
        int modules = compiled(rules).sources().size(); // a module per rule file
        int loaded = RuleCache.loaded();
        excel(rules, "classify/streaks", "Renamed", rows -> { }); // another file, the same rules
        compiled(rules);
        assertEquals(loaded + modules, RuleCache.loaded(), "every file's module from the cache");
        excel(rules, "classify/streaks", "Renamed", rows -> rows.get(9).set(2, "4"));
        RuleBase edited = compiled(rules);
        assertEquals(loaded + 2 * modules - 1, RuleCache.loaded(),
                "the edited table compiled afresh, every other file's module loaded");
        assertTrue(edited.sources().stream().anyMatch(s -> s.path().endsWith("streaks.drl.xlsx")
                && s.drl().contains("length >= 4")));
    }

    private Path copy() throws IOException {
        Path rules = dir.resolve("rules");
        TestFiles.copyRules(rules);
        return rules;
    }

    /**
     * Replaces the bundled CSV table ({@code classify/streaks}) by a workbook of its rows, edited: one cell per CSV
     * value, a whole number as a number (as Excel keeps it), on a first sheet of the given name.
     */
    private static Path excel(Path rules, String table, String sheet, Consumer<List<List<String>>> edit)
            throws IOException {
        List<List<String>> rows = csvRows(Files.readString(TestFiles.RULES.resolve(table + ".drl.csv")));
        edit.accept(rows);
        Files.deleteIfExists(rules.resolve(table + ".drl.csv"));
        Path file = rules.resolve(table + ".drl.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet s = workbook.createSheet(sheet);
            workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("not read: Drools reads the first sheet");
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = s.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String v = rows.get(r).get(c);
                    if (v.matches("\\d{1,9}")) {
                        row.createCell(c).setCellValue(Integer.parseInt(v));
                    } else if (!v.isEmpty()) {
                        row.createCell(c).setCellValue(v);
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }

    private static void merge(Path file, CellRangeAddress range) throws IOException {
        XSSFWorkbook workbook;
        try (var in = Files.newInputStream(file)) {
            workbook = new XSSFWorkbook(in);
        }
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            workbook.getSheetAt(0).addMergedRegion(range);
            workbook.write(out);
        }
    }

    /** The cells of a CSV text's lines (quoted cells with doubled quotes; no cell spans lines in the tables). */
    private static List<List<String>> csvRows(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == ',' && !quoted) {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            cells.add(cell.toString());
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> errors(Path rules) {
        Problems problems = new Problems();
        assertNull(RuleBase.compile(rules, problems));
        return problems.sorted().stream().filter(Problem::isError).map(Problem::toString).toList();
    }

    private static RuleBase compiled(Path rules) {
        RuleBase.forgetCompiled();
        Problems problems = new Problems();
        RuleBase base = RuleBase.compile(rules, problems);
        assertNotNull(base, problems.sorted().toString());
        return base;
    }

    private static String drl(RuleBase base, Path file) {
        return base.sources().stream().filter(s -> s.path().equals(file.toString())).findFirst().orElseThrow().drl();
    }

    /** Each rule of the file: its name and the row (line) it is declared at. */
    private static List<String> rowsOf(RuleBase base, Path file) {
        return base.rules().stream().filter(r -> r.source().file().equals(file.toString()))
                .map(r -> r.name() + "@" + r.source().line()).toList();
    }

    private static List<String> points(List<org.pcpassessor.facts.Importance> importance) {
        return importance.stream().map(i -> i.finding() + " " + i.points() + " " + i.reason() + " " + i.rule()).sorted()
                .toList();
    }

    private static List<String> strings(List<?> facts) {
        return facts.stream().map(String::valueOf).sorted().toList();
    }
}
