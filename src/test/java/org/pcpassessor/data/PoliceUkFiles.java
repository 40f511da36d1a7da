package org.pcpassessor.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.pcpassessor.catalogue.DataSources;

/**
 * A police.uk monthly archive made up for the tests: files named and laid out exactly as police.uk publishes them
 * ({@code 2020-12/2020-12-cambridgeshire-street.csv}, the same header, one row per crime, outcome or stop and
 * search), holding the rows given and seeded noise that no measure counts. SYNTHETIC: every row's location is "On or
 * near Synthetic Street" and a street row's Context "synthetic"; identifiers and coordinates are random (seeded), so
 * the same call writes the same files.
 */
final class PoliceUkFiles {
    private PoliceUkFiles() {
    }

    /**
     * {@code count} rows of a kind of file in a month, with these column values (the rest made up); in {@code
     * district} when given (an LSOA of it, "District 012C", or the LSOA named), else in no LSOA (police.uk's rows
     * without a location).
     */
    record Rows(String kind, YearMonth month, Map<String, String> values, int count, String district) {
    }

    /** Writes the files of every kind and month given (a month with no rows still has its file). */
    static void write(Path folder, String force, long seed, List<Rows> rows, Map<String, List<YearMonth>> months)
            throws IOException {
        Random random = new Random(seed);
        Map<String, List<List<String>>> files = new TreeMap<>();
        months.forEach((kind, list) -> list.forEach(m -> files.put(m + "/" + m + "-" + force + "-" + kind + ".csv",
                new ArrayList<>())));
        for (Rows r : rows) {
            List<List<String>> into = files.get(r.month() + "/" + r.month() + "-" + force + "-" + r.kind() + ".csv");
            for (int i = 0; i < r.count(); i++) {
                into.add(row(r.kind(), r.month(), r.values(), r.district(), random));
            }
        }
        for (var f : files.entrySet()) {
            String kind = f.getKey().replaceAll(".*-(street|outcomes|stop-and-search)\\.csv", "$1");
            YearMonth month = YearMonth.parse(f.getKey().substring(0, 7));
            int noise = random.nextInt(4); // rows of a category no measure counts
            for (int i = 0; i < noise; i++) {
                f.getValue().add(row(kind, month, Map.of(), null, random));
            }
            Collections.shuffle(f.getValue(), random);
            Path file = folder.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file)) {
                w.write(String.join(",", DataSources.POLICE_UK_COLUMNS.get(kind)) + "\n");
                for (List<String> row : f.getValue()) {
                    w.write(String.join(",", row.stream().map(PoliceUkFiles::quoted).toList()) + "\n");
                }
            }
        }
    }

    private static String quoted(String field) {
        return field.contains(",") || field.contains("\"") ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    private static List<String> row(String kind, YearMonth month, Map<String, String> values, String district,
                                    Random random) {
        List<String> columns = DataSources.POLICE_UK_COLUMNS.get(kind);
        List<String> row = new ArrayList<>();
        // a district's rows fall in LSOAs of its own, made up; a district given as an LSOA name ("Fenland 004B") is kept
        String lsoa = district == null ? "" : district.matches(".* [0-9]{3}[A-Z]") ? district
                : district + " " + String.format("%03d", random.nextInt(100)) + (char) ('A' + random.nextInt(6));
        for (String c : columns) {
            String v = values.get(c);
            if (v == null) {
                v = switch (c) {
                    case "Crime ID" -> kind.equals("street") && random.nextInt(5) == 0 ? "" // anti-social behaviour
                            : String.format("%064x", random.nextLong() & Long.MAX_VALUE);
                    case "Month" -> month.toString();
                    case "Date" -> month.atDay(1 + random.nextInt(month.lengthOfMonth())) + "T1"
                            + random.nextInt(10) + ":00:00+00:00";
                    case "Reported by", "Falls within" -> "Cambridgeshire Constabulary";
                    case "Longitude" -> district == null ? "" : String.format(java.util.Locale.ROOT, "%.6f", -0.1 + random.nextDouble() / 2);
                    case "Latitude" -> district == null ? "" : String.format(java.util.Locale.ROOT, "%.6f", 52.2 + random.nextDouble() / 2);
                    case "Location" -> district == null ? "No location" : "On or near Synthetic Street";
                    case "LSOA code" -> district == null ? "" : String.format("E0100%04d", random.nextInt(10000));
                    case "LSOA name" -> lsoa;
                    case "Crime type", "Outcome type", "Object of search" -> "Synthetic other";
                    case "Context" -> "synthetic";
                    case "Type" -> "Person search";
                    case "Gender" -> random.nextBoolean() ? "Male" : "Female";
                    case "Age range" -> "18-24";
                    case "Legislation" -> "Misuse of Drugs Act 1971 (section 23)";
                    case "Outcome" -> "A no further action disposal";
                    case "Part of a policing operation", "Outcome linked to object of search",
                         "Removal of more than just outer clothing" -> "False";
                    default -> "";
                };
            }
            row.add(v);
        }
        return row;
    }
}
