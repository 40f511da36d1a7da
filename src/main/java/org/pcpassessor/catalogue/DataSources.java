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
public record DataSources(List<Path> files, Set<Path> undeclaredWarn, List<Query> queries,
                          List<PoliceUk> archives) {
    public DataSources {
        files = List.copyOf(files);
        undeclaredWarn = Set.copyOf(undeclaredWarn);
        queries = List.copyOf(queries);
        archives = List.copyOf(archives);
    }

    /** No data. */
    public static DataSources none() {
        return new DataSources(List.of(), Set.of(), List.of(), List.of());
    }

    /**
     * A folder of police.uk monthly files ({@code 2020-12-cambridgeshire-street.csv}, {@code -outcomes.csv},
     * {@code -stop-and-search.csv}, in any subfolders), counted into measures in one pass over each file.
     *
     * @param folder    the folder
     * @param areas     force (every row counts to the headline area), districts (also to the district its LSOA name
     *                  gives, "Huntingdonshire 012C": Huntingdonshire) or lsoa (also to its LSOA, by name), when that
     *                  is an area of the catalogue
     * @param counts    what each measure counts
     * @param at        where the entry is written
     */
    public record PoliceUk(Path folder, String areas, List<Count> counts, Location at) {
        public PoliceUk {
            Objects.requireNonNull(folder, "folder");
            if (!List.of("force", "districts", "lsoa").contains(areas)) {
                throw new IllegalArgumentException("areas: force, districts or lsoa, not " + areas);
            }
            counts = List.copyOf(counts);
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * A measure counted from police.uk files: the rows of one kind of file whose columns hold the values given
     * ({@code {Crime type: [Burglary]}}: every column named, one of its values).
     *
     * @param measure the measure's id
     * @param file    street, outcomes or stop-and-search
     * @param where   each column's accepted values
     * @param at      where the measure's mapping is written
     */
    public record Count(String measure, String file, java.util.Map<String, List<String>> where, Location at) {
        public Count {
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(file, "file");
            where = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(where));
            Objects.requireNonNull(at, "at");
        }
    }

    /** The columns of each kind of police.uk monthly file, as police.uk publishes them. */
    public static final java.util.Map<String, List<String>> POLICE_UK_COLUMNS = java.util.Map.of(
            "street", List.of("Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
                    "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"),
            "outcomes", List.of("Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude",
                    "Location", "LSOA code", "LSOA name", "Outcome type"),
            "stop-and-search", List.of("Type", "Date", "Part of a policing operation", "Policing operation",
                    "Latitude", "Longitude", "Gender", "Age range", "Self-defined ethnicity",
                    "Officer-defined ethnicity", "Legislation", "Object of search", "Outcome",
                    "Outcome linked to object of search", "Removal of more than just outer clothing"));

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
