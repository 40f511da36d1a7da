package org.pcpassessor.core;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pcpassessor.data.DataScan;
import org.pcpassessor.problem.Problems;

/**
 * A first catalogue written from data files ({@code assess init}): every series found declared, its kind guessed from
 * its columns and figures; what only the force knows (whether more of a measure is good news) is written
 * {@link #CHOOSE}, which the catalogue's check refuses until it is chosen, and the wording is marked for review.
 *
 * @param text     the catalogue, with its comments
 * @param measures the number of measures declared
 */
public record InitialCatalogue(String text, int measures) {
    /** What {@code check} refuses until the analyst has chosen. */
    public static final String CHOOSE = "CHOOSE";

    /**
     * The catalogue of the files' series, to be written to {@code out} (its data paths relative to that folder when
     * under it); none when the files cannot be read or hold no series (problems say why).
     */
    public static Optional<InitialCatalogue> of(List<Path> data, Path out, Problems problems) {
        Map<String, DataScan.Found> found = DataScan.scan(data, problems);
        if (!problems.hasErrors() && found.isEmpty()) {
            problems.error(data.get(0).toString(), 0, 0, "no series found: the files hold no rows with a measure and "
                    + "a month (YYYY-MM)");
        }
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new InitialCatalogue(catalogue(data, out, found), found.size()));
    }

    private static String catalogue(List<Path> data, Path out, Map<String, DataScan.Found> found) {
        LinkedHashSet<String> areas = new LinkedHashSet<>();
        found.values().forEach(f -> areas.addAll(f.areas()));
        String headline = areas.contains("Force") ? "Force" : areas.stream().max(Comparator.comparingLong(
                a -> found.values().stream().filter(f -> f.areas().contains(a)).count())).orElseThrow();
        List<String> ordered = new ArrayList<>(List.of(headline));
        areas.stream().filter(a -> !a.equals(headline)).forEach(ordered::add);
        YearMonth month = found.values().stream().map(DataScan.Found::last).max(Comparator.naturalOrder())
                .orElseThrow();
        Path folder = out.toAbsolutePath().normalize().getParent();
        StringBuilder y = new StringBuilder();
        y.append("# Written by ./assess init from ").append(String.join(", ", data.stream().map(Path::toString)
                .toList())).append(".\n");
        y.append("# Every series found is declared. Make the choices marked ").append(CHOOSE).append(" (check refuses the "
                + "catalogue until they are made),\n# review the wording marked 'review', group the measures into the "
                + "Plan's pillars and priorities, then run\n#   ./assess check --catalogue ").append(out).append("\n");
        y.append("report:\n");
        y.append("  title: \"Police and Crime Plan performance\"\n");
        y.append("  month: ").append(month).append("   # the latest month in the data: the report month unless "
                + "--month says otherwise\n");
        y.append("  areas: [").append(String.join(", ", ordered.stream().map(InitialCatalogue::flow).toList()))
                .append("]   # the first is the headline area: every measure needs its series\n");
        y.append("data:\n");
        for (Path p : data) {
            Path abs = p.toAbsolutePath().normalize();
            String named = folder != null && abs.startsWith(folder) ? folder.relativize(abs).toString()
                    : abs.toString();
            y.append("  - ").append(quoted(named)).append('\n');
        }
        y.append("pillars:\n");
        y.append("  - name: \"Measures\"   # review: the Plan's pillar (Victims, Offenders, Communities, ...)\n");
        y.append("    priorities:\n");
        y.append("      - name: \"All measures\"   # review: the priority (Domestic Abuse, Burglary, ...); a "
                + "priority per heading of the Plan\n");
        y.append("        measures:\n");
        for (DataScan.Found f : found.values()) {
            String words = f.id().replace('-', ' ').replace('_', ' ');
            y.append("          - id: ").append(f.id()).append('\n');
            y.append("            label: ").append(quoted(Character.toUpperCase(words.charAt(0)) + words.substring(1)))
                    .append("   # review: the table's row\n");
            y.append("            subject: ").append(quoted(words.toLowerCase(Locale.ROOT)))
                    .append("   # review: what sentences call it, mid-sentence (\"recorded burglaries\")\n");
            y.append("            kind: ").append(kind(f)).append('\n');
            if (!f.areas().contains(headline)) {
                y.append("            # the data give no series for ").append(headline).append(", the headline area: "
                        + "add one, or check will say so\n");
            }
            y.append("            polarity: ").append(CHOOSE).append("   # up-is-good | down-is-good | neutral: is more "
                    + "of it good news?\n");
            if (f.lastNonZero() != null && f.lastNonZero().isBefore(f.last().minusMonths(2))) {
                y.append("            # until: ").append(f.lastNonZero()).append("   # review: 0 in every month from ")
                        .append(f.lastNonZero().plusMonths(1)).append("; if the supply stopped, say so (the last "
                        + "month published)\n");
            }
        }
        return y.toString();
    }

    /** The kind the figures suggest, with why, as a comment. */
    private static String kind(DataScan.Found f) {
        if (f.ratio()) {
            return f.beyond() ? "rate   # guessed: numerator and denominator, the numerator sometimes above it or below 0"
                    : "proportion   # guessed: numerator and denominator, never above it (a rate if it may be, such "
                    + "as outcomes of earlier crimes)";
        }
        return f.whole() ? "count   # guessed: whole numbers in value"
                : "median   # guessed: values with fractions (a median time; give its unit: minutes)";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** An area in a flow list: plain when YAML reads it as the same text, else quoted. */
    private static String flow(String area) {
        return area.matches("[A-Za-z][A-Za-z0-9 .'-]*") ? area : quoted(area);
    }
}
