package org.pcpassessor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;

/**
 * The bundled series read from where analysts keep them (issue 32): one workbook in the CSV's own columns, a workbook
 * of wide sheets (a sheet per file, months across) and a SQLite table each give the same Markdown draft as the CSV
 * files. The workbooks and the database are made here from the CSV files, cell by cell and row by row.
 */
class DataSourcesTest {
    private static final Path FIXTURES = Path.of("fixtures/cambridgeshire").toAbsolutePath();
    private static final String BUNDLED_DATA = "data: [fixtures/cambridgeshire/*.csv]";

    @TempDir
    static Path dir;

    /** Each bundled CSV file's header and records, by file name. */
    private static final Map<String, List<List<String>>> CSV = new TreeMap<>();
    private static String csvDraft;

    @BeforeAll
    static void readTheCsvFilesAndDraftFromThem() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                List<List<String>> rows = new ArrayList<>();
                try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(f)) {
                    r.forEach(rec -> rows.add(rec.getFields()));
                }
                CSV.put(f.getFileName().toString().replace(".csv", ""), rows);
            }
        }
        csvDraft = draft("data: [" + FIXTURES + "/*.csv]", "csv");
        assertTrue(csvDraft.contains("### 1.1 Performance headlines"), csvDraft);
    }

    /**
     * With {@code -Dsources.keep=DIR} (bench/sources.sh), the workbooks and the database made here are copied to DIR,
     * for timing the report read from each.
     */
    private static void keep(Path made) throws IOException {
        String keep = System.getProperty("sources.keep");
        if (keep != null && !keep.isBlank()) {
            Files.createDirectories(Path.of(keep));
            Files.copy(made, Path.of(keep).resolve(made.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The December 2020 Markdown draft of the bundled catalogue with its data: line replaced. */
    private static String draft(String dataLine, String name) throws IOException {
        String text = TestFiles.catalogueText();
        assertTrue(text.contains(BUNDLED_DATA), "the bundled catalogue reads " + BUNDLED_DATA);
        Path catalogue = dir.resolve(name + ".yaml");
        Files.writeString(catalogue, text.replace(BUNDLED_DATA, dataLine));
        Path out = dir.resolve(name + ".md");
        ReportCommandTest.Run r = ReportCommandTest.runAsIs("report", "--catalogue", catalogue.toString(), "--rules",
                TestFiles.RULES.toString(), "--month", "2020-12", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        return Files.readString(out);
    }

    private static Object number(String text) {
        return text.isEmpty() ? null : Double.parseDouble(text);
    }

    @Test
    void aWorkbookInTheCsvsColumnsGivesTheSameDraft() throws IOException {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        int n = 0;
        for (var file : CSV.entrySet()) {
            boolean dates = n++ % 2 == 1; // every other sheet types its months as Excel dates
            List<String> header = file.getValue().get(0);
            List<List<Object>> rows = new ArrayList<>();
            rows.add(new ArrayList<>(header));
            for (List<String> record : file.getValue().subList(1, file.getValue().size())) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < header.size(); i++) {
                    String h = header.get(i);
                    String v = record.get(i);
                    row.add(h.equals("month") && dates ? "date:" + v + "-01"
                            : List.of("value", "numerator", "denominator").contains(h) ? number(v) : v);
                }
                rows.add(row);
            }
            sheets.put(file.getKey(), rows);
        }
        Workbook.write(dir.resolve("long.xlsx"), sheets);
        keep(dir.resolve("long.xlsx"));
        assertEquals(csvDraft, draft("data: [" + dir.resolve("long.xlsx") + "]", "long"));
    }

    @Test
    void aWorkbookOfWideSheetsGivesTheSameDraft() throws IOException {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        int n = 0;
        for (var file : CSV.entrySet()) {
            boolean dates = n++ % 2 == 0;
            List<String> header = file.getValue().get(0);
            List<List<String>> records = file.getValue().subList(1, file.getValue().size());
            TreeSet<String> months = new TreeSet<>();
            // measure, area -> field -> month -> figure
            Map<List<String>, Map<String, Map<String, String>>> series = new LinkedHashMap<>();
            for (List<String> r : records) {
                months.add(r.get(header.indexOf("month")));
                for (String field : List.of("value", "numerator", "denominator")) {
                    String v = r.get(header.indexOf(field));
                    if (!v.isEmpty()) {
                        series.computeIfAbsent(List.of(r.get(header.indexOf("measure")), r.get(header.indexOf("area"))),
                                k -> new LinkedHashMap<>()).computeIfAbsent(field, k -> new TreeMap<>())
                                .put(r.get(header.indexOf("month")), v);
                    }
                }
            }
            List<List<Object>> rows = new ArrayList<>();
            List<Object> top = new ArrayList<>(List.of("measure", "area", "field"));
            months.forEach(m -> top.add(dates ? "date:" + m + "-01" : m));
            rows.add(top);
            series.forEach((key, fields) -> fields.forEach((field, byMonth) -> {
                List<Object> row = new ArrayList<>(List.of(key.get(0), key.get(1), field));
                months.forEach(m -> row.add(byMonth.containsKey(m) ? number(byMonth.get(m)) : null));
                rows.add(row);
            }));
            sheets.put(file.getKey(), rows);
        }
        Workbook.write(dir.resolve("wide.xlsx"), sheets);
        keep(dir.resolve("wide.xlsx"));
        assertEquals(csvDraft, draft("data: [" + dir.resolve("wide.xlsx") + "]", "wide"));
    }

    @Test
    void aSqliteTableGivesTheSameDraft() throws IOException, SQLException {
        Path db = dir.resolve("series.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("create table series (measure text, area text, month text, value real, "
                    + "numerator real, denominator real)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into series values (?, ?, ?, ?, ?, ?)")) {
                for (List<List<String>> file : CSV.values()) {
                    List<String> header = file.get(0);
                    for (List<String> r : file.subList(1, file.size())) {
                        List<String> columns = List.of("measure", "area", "month", "value", "numerator",
                                "denominator");
                        for (int i = 0; i < columns.size(); i++) {
                            String v = r.get(header.indexOf(columns.get(i)));
                            insert.setObject(i + 1, i < 3 ? v : number(v)); // texts, then figures
                        }
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
        keep(db);
        String sqlite = draft("data: [{jdbc: \"jdbc:sqlite:" + db + "\", query: \"select * from series\"}]", "sqlite");
        assertEquals(csvDraft, sqlite);
        assertFalse(sqlite.isBlank());
    }

    /**
     * A PostgreSQL server for the test: the one .ci/run started ({@code PCP_TEST_POSTGRES_URL}, user pcp), or one
     * started here from the OS's PostgreSQL by the same script ({@code .ci/postgres}) and stopped after. Without
     * PostgreSQL installed the test fails, saying how to install it: it never passes without a server.
     */
    private record Postgres(String url, Path folder) implements AutoCloseable {
        static Postgres start() throws IOException, InterruptedException {
            String given = System.getenv("PCP_TEST_POSTGRES_URL");
            if (given != null && !given.isBlank()) {
                return new Postgres(given, null);
            }
            // straight under the system's temporary folder: as root the server runs as the user postgres, who must
            // be able to reach it (JUnit's folders are the owner's alone)
            Path folder = Files.createTempDirectory("pcp-pg");
            int port;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Process p = new ProcessBuilder(".ci/postgres", "start", folder.toString(), Integer.toString(port))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            assertEquals(0, p.waitFor(), "a PostgreSQL server could not be started (.ci/postgres start; install the "
                    + "OS's postgresql package, as .ci/run does): " + out);
            return new Postgres(out, folder);
        }

        @Override
        public void close() throws IOException {
            if (folder != null) {
                try {
                    new ProcessBuilder(".ci/postgres", "stop", folder.toString()).inheritIO().start().waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                try (Stream<Path> all = Files.walk(folder)) {
                    for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    @Test
    void aPostgresqlTableGivesTheSameDraftAndAFailingQueryTheDatabasesMessage() throws Exception {
        try (Postgres pg = Postgres.start()) {
            // a table of its own per run (a server .ci/run started serves every run of the suite)
            String table = "series_" + ProcessHandle.current().pid();
            java.util.Properties login = new java.util.Properties();
            login.setProperty("user", "pcp");
            try (Connection c = DriverManager.getConnection(pg.url(), login)) {
                c.createStatement().execute("drop table if exists " + table);
                // months as dates and figures as numeric: the loader reads both as the CSV would hold them
                c.createStatement().execute("create table " + table + " (measure text, area text, month date, "
                        + "value numeric, numerator numeric, denominator numeric)");
                c.setAutoCommit(false);
                try (PreparedStatement insert = c.prepareStatement("insert into " + table
                        + " values (?, ?, ?, ?, ?, ?)")) {
                    for (List<List<String>> file : CSV.values()) {
                        List<String> header = file.get(0);
                        for (List<String> r : file.subList(1, file.size())) {
                            insert.setString(1, r.get(header.indexOf("measure")));
                            insert.setString(2, r.get(header.indexOf("area")));
                            insert.setObject(3, java.time.LocalDate.parse(r.get(header.indexOf("month")) + "-01"));
                            int i = 4;
                            for (String h : List.of("value", "numerator", "denominator")) {
                                String v = r.get(header.indexOf(h));
                                insert.setBigDecimal(i++, v.isEmpty() ? null : new java.math.BigDecimal(v));
                            }
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                }
                c.commit();
            }
            // the user from a credentials file beside the catalogue (outside it in real use), never in the catalogue
            Files.writeString(dir.resolve("db.properties"), "user=pcp\n");
            String entry = "data: [{jdbc: \"" + pg.url() + "\", credentials: db.properties, query: \"select measure, area, "
                    + "month, value, numerator, denominator from " + table + "\"}]";
            assertEquals(csvDraft, draft(entry, "postgres"));

            String text = TestFiles.catalogueText().replace(BUNDLED_DATA, entry.replace("from " + table,
                    "from nosuch"));
            Path catalogue = dir.resolve("postgres-fails.yaml");
            Files.writeString(catalogue, text);
            Path out = dir.resolve("postgres-fails.md");
            ReportCommandTest.Run r = ReportCommandTest.runAsIs("report", "--catalogue", catalogue.toString(),
                    "--month", "2020-12", "--out", out.toString());
            assertEquals(2, r.exit(), r.err());
            int line = text.lines().toList().indexOf(text.lines().filter(l -> l.startsWith("data:")).findFirst()
                    .orElseThrow()) + 1;
            assertTrue(r.err().contains(catalogue + ":" + line + ":8: error: the query on " + pg.url() + " failed: "
                    + "ERROR: relation \"nosuch\" does not exist"), r.err());
            assertFalse(Files.exists(out), "no report is written");
            try (Connection c = DriverManager.getConnection(pg.url(), login)) {
                c.createStatement().execute("drop table " + table);
            }
        }
    }
}
