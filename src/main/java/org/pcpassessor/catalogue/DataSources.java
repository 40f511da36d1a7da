package org.pcpassessor.catalogue;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pcpassessor.problem.Location;

/**
 * Where the catalogue's series are read from: its {@code data:} entries. Files are CSV files or Excel workbooks
 * ({@code .xlsx}), globs expanded; queries are SQL run through JDBC.
 *
 * @param files          every file named, sorted by path
 * @param undeclaredWarn the files whose rows for measures the catalogue does not declare are skipped with a warning
 *                       (the entry's {@code undeclared: warn}), not refused
 * @param queries        the SQL entries, in the catalogue's order
 */
public record DataSources(List<Path> files, Set<Path> undeclaredWarn, List<Query> queries) {
    public DataSources {
        files = List.copyOf(files);
        undeclaredWarn = Set.copyOf(undeclaredWarn);
        queries = List.copyOf(queries);
    }

    /** No data. */
    public static DataSources none() {
        return new DataSources(List.of(), Set.of(), List.of());
    }

    /**
     * A {@code {jdbc: URL, query: SQL}} entry: its rows are the CSV's columns. Credentials never come from the
     * catalogue: {@code credentials} names a properties file ({@code user=}, {@code password=}) kept outside the
     * repository; without one, the environment's {@code PCP_DB_USER} and {@code PCP_DB_PASSWORD} are used when set.
     *
     * @param url            the JDBC URL, e.g. {@code jdbc:sqlite:series.db} (relative to the catalogue's folder)
     * @param query          the SQL that returns measure, area, month and value or numerator and denominator
     * @param credentials    the credentials file, if the entry names one
     * @param undeclaredWarn whether rows of undeclared measures are skipped with a warning
     * @param at             where the entry is written, for every message about it
     */
    public record Query(String url, String query, Optional<Path> credentials, boolean undeclaredWarn, Location at) {
        public Query {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(at, "at");
        }

        /** The URL as said in messages: the part a reader recognises, without any parameters. */
        public String name() {
            int q = url.indexOf('?');
            return q < 0 ? url : url.substring(0, q);
        }
    }
}
