package org.pcpassessor.data;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import org.pcpassessor.catalogue.DataSources;
import org.pcpassessor.problem.Problems;

/**
 * Series read from a database: a catalogue entry {@code {jdbc: URL, query: SQL}} whose query returns the CSV's
 * columns (measure, area, month, value or numerator and denominator; more are ignored), checked as a CSV file's rows
 * are. Drivers for SQLite and PostgreSQL are bundled; another database's driver is given at run time as jar files in
 * {@code PCP_DRIVERS} (separated as on the class path). Credentials come from the entry's {@code credentials} file
 * ({@code user=}, {@code password=}) or the environment ({@code PCP_DB_USER}, {@code PCP_DB_PASSWORD}), never from
 * the catalogue. A query that fails is reported at the entry's line with the database's own message.
 */
final class Queries {
    private Queries() {
    }

    /** Rows fetched from the server at a time: a warehouse table of millions of rows is not held twice. */
    private static final int FETCH = 10_000;

    /** The query's result as a table (its rows numbered from 1), or none when it failed (reported). */
    static Optional<Table> read(DataSources.Query query, Problems found) {
        String file = query.at().file();
        int line = query.at().line();
        int column = query.at().column();
        Properties login = new Properties();
        try {
            login = credentials(query);
        } catch (IOException e) {
            found.error(file, line, column, "the credentials file cannot be read: " + e.getMessage());
            return Optional.empty();
        }
        try (Connection c = connect(query.url(), login)) {
            c.setAutoCommit(false); // PostgreSQL streams a result by the fetch size only within a transaction
            try (Statement st = c.createStatement()) {
                st.setFetchSize(FETCH);
                try (ResultSet rs = st.executeQuery(query.query())) {
                    ResultSetMetaData md = rs.getMetaData();
                    List<String> header = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        header.add(md.getColumnLabel(i).trim().toLowerCase(Locale.ROOT));
                    }
                    List<Table.Line> rows = new ArrayList<>();
                    int row = 0;
                    while (rs.next()) {
                        String[] values = new String[header.size()];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = text(rs.getObject(i + 1));
                        }
                        rows.add(Table.Line.of(++row, values));
                    }
                    return Optional.of(new Table(query.name(), header, 0, rows));
                }
            } finally {
                c.rollback(); // nothing the query did is kept
            }
        } catch (SQLException e) {
            found.error(file, line, column, "the query on " + query.name() + " failed: " + message(e)
                    + (e.getSQLState() == null ? "" : " (SQL state " + e.getSQLState() + ")"));
            return Optional.empty();
        }
    }

    private static String message(SQLException e) {
        String m = String.valueOf(e.getMessage()).strip();
        return m.startsWith("No suitable driver") ? "no JDBC driver for this URL (SQLite and PostgreSQL are bundled; "
                + "put another database's driver jar in PCP_DRIVERS)" : m;
    }

    /** The user and password: from the entry's credentials file, else from the environment when set there. */
    private static Properties credentials(DataSources.Query query) throws IOException {
        Properties p = new Properties();
        if (query.credentials().isPresent()) {
            try (Reader r = Files.newBufferedReader(query.credentials().get())) {
                p.load(r);
            }
            return p;
        }
        String user = System.getenv("PCP_DB_USER");
        String password = System.getenv("PCP_DB_PASSWORD");
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }

    /** A connection through a bundled driver, or through one of the jars named in {@code PCP_DRIVERS}. */
    private static Connection connect(String url, Properties login) throws SQLException {
        String extra = System.getenv("PCP_DRIVERS");
        if (extra != null && !extra.isBlank()) {
            List<URL> jars = new ArrayList<>();
            for (String jar : extra.split(java.io.File.pathSeparator)) {
                try {
                    jars.add(Path.of(jar.strip()).toUri().toURL());
                } catch (java.net.MalformedURLException | java.nio.file.InvalidPathException e) {
                    throw new SQLException("PCP_DRIVERS names '" + jar + "', which is not a path to a jar");
                }
            }
            ClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), Queries.class.getClassLoader());
            for (Driver d : ServiceLoader.load(Driver.class, loader)) {
                if (d.acceptsURL(url)) {
                    Connection c = d.connect(url, login);
                    if (c != null) {
                        return c;
                    }
                }
            }
        }
        return DriverManager.getConnection(url, login);
    }

    /** A value as the CSV would hold it: numbers as plain decimals, dates as their month, NULL as empty. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return Workbooks.plain(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof java.sql.Date d) {
            return YearMonth.from(d.toLocalDate()).toString();
        }
        if (value instanceof java.sql.Timestamp t) {
            return YearMonth.from(t.toLocalDateTime()).toString();
        }
        if (value instanceof TemporalAccessor t && t.isSupported(java.time.temporal.ChronoField.MONTH_OF_YEAR)) {
            return YearMonth.from(t).toString();
        }
        return value.toString();
    }
}
