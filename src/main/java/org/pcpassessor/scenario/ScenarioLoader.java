package org.pcpassessor.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pcpassessor.catalogue.Basis;
import org.pcpassessor.catalogue.Yaml;
import org.pcpassessor.catalogue.Yaml.ListNode;
import org.pcpassessor.catalogue.Yaml.MapNode;
import org.pcpassessor.catalogue.Yaml.Node;
import org.pcpassessor.catalogue.Yaml.Scalar;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.problem.Suggestions;

/**
 * Reads scenario files. Series values are numbers, or shorthands: {@code "800*12"} (800, twelve times) and
 * {@code "800..1150*36"} (36 values from 800 to 1150 in equal steps, rounded to whole numbers).
 */
public final class ScenarioLoader {
    static final Set<String> KEYS = Set.of("scenario", "month", "catalogue", "series", "expect");
    static final Set<String> SERIES_KEYS = Set.of("measure", "area", "from", "values", "numerators", "denominators");
    static final Set<String> EXPECT_KEYS = expectKeys();

    private static Set<String> expectKeys() {
        Set<String> keys = new java.util.HashSet<>(Set.of("measure", "area", "findings", "absent", "sentences",
                "noSentences", "drafted", "notDrafted"));
        keys.addAll(Basis.LABEL_FIELDS);
        return Set.copyOf(keys);
    }

    private final Problems problems;
    private String file;

    public ScenarioLoader(Problems problems) {
        this.problems = problems;
    }

    /** Reads a scenario; null (with problems recorded) when it cannot be used. */
    public Scenario read(Path path) {
        file = path.toString();
        Node root = Yaml.read(path, file, problems);
        if (!(root instanceof MapNode top)) {
            if (root != null) {
                error(root, "a scenario is a mapping with scenario, month, series and expect");
            }
            return null;
        }
        keys(top, KEYS, "scenario");
        String name = text(top, "scenario", true);
        YearMonth month = month(top.get("month"), "month");
        String cat = text(top, "catalogue", false);
        Optional<Path> catalogue = cat == null ? Optional.empty()
                : Optional.of((path.getParent() == null ? Path.of("") : path.getParent()).resolve(cat));
        if (catalogue.isPresent() && !Files.isRegularFile(catalogue.get())) {
            error(top.get("catalogue"), "catalogue '" + cat + "' not found (relative to the scenario's folder)");
            catalogue = Optional.empty();
            name = null; // the scenario cannot run without it
        }
        List<Scenario.SeriesSpec> series = new ArrayList<>();
        for (MapNode s : maps(top.get("series"), "series")) {
            keys(s, SERIES_KEYS, "series");
            String measure = text(s, "measure", true);
            YearMonth from = month(s.get("from"), "from");
            Numbers valuesRead = numbers(s.get("values"));
            Numbers numRead = numbers(s.get("numerators"));
            Numbers denRead = numbers(s.get("denominators"));
            double[] values = valuesRead == null ? null : valuesRead.values();
            double[] num = numRead == null ? null : numRead.values();
            double[] den = denRead == null ? null : denRead.values();
            if (values == null && (num == null || den == null)) {
                error(s, "a series needs 'values' (counts, medians) or 'numerators' and 'denominators' (rates, "
                        + "proportions)");
                continue;
            }
            if (num != null && den != null && num.length != den.length) {
                error(s, "numerators (" + num.length + ") and denominators (" + den.length + ") differ in length");
                continue;
            }
            if (measure != null && from != null) {
                series.add(new Scenario.SeriesSpec(measure, Optional.ofNullable(text(s, "area", false)), from,
                        list(values), list(num), list(den), s.pos().line(),
                        valuesRead != null ? valuesRead.at() : numRead == null ? List.of() : numRead.at(),
                        denRead == null ? List.of() : denRead.at()));
            }
        }
        List<Scenario.Expectation> expectations = new ArrayList<>();
        for (MapNode e : maps(top.get("expect"), "expect")) {
            keys(e, EXPECT_KEYS, "expect");
            String measure = text(e, "measure", true);
            Map<String, String> labels = new LinkedHashMap<>();
            for (String label : Basis.LABEL_FIELDS) {
                String v = text(e, label, false);
                if (v != null) {
                    labels.put(label, v);
                }
            }
            if (measure != null) {
                expectations.add(new Scenario.Expectation(measure, Optional.ofNullable(text(e, "area", false)),
                        strings(e.get("findings")), strings(e.get("absent")), labels, strings(e.get("sentences")),
                        strings(e.get("noSentences")), strings(e.get("drafted")), strings(e.get("notDrafted")),
                        e.pos().line()));
            }
        }
        if (name == null || month == null) {
            return null;
        }
        if (expectations.isEmpty()) {
            error(top, "a scenario needs at least one expectation under 'expect'");
        }
        return new Scenario(path, name, month, catalogue, series, expectations);
    }

    private List<MapNode> maps(Node node, String what) {
        if (node == null) {
            problems.error(file, 1, 1, "the scenario needs '" + what + "'");
            return List.of();
        }
        if (!(node instanceof ListNode list)) {
            error(node, what + " must be a list ('- ' items)");
            return List.of();
        }
        List<MapNode> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof MapNode m) {
                out.add(m);
            } else {
                error(item, "each item of " + what + " must be a mapping");
            }
        }
        return out;
    }

    private List<String> strings(Node node) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof ListNode list)) {
            error(node, "expected a list of texts");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (item instanceof Scalar s && !s.isNull()) {
                out.add(s.text());
            } else {
                error(item, "expected a text");
            }
        }
        return out;
    }

    /** The most months a scenario's series may hold (100 years): an expansion beyond it is a typing error. */
    static final int MAX_MONTHS = 1200;

    /** A list of numbers as expanded, and where each was written (an expansion's values share its position). */
    private record Numbers(double[] values, List<org.pcpassessor.problem.Location> at) {
    }

    private Numbers numbers(Node node) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof ListNode list)) {
            error(node, "expected a list of numbers, e.g. [800*11, 1057]");
            return null;
        }
        List<Double> out = new ArrayList<>();
        List<org.pcpassessor.problem.Location> at = new ArrayList<>();
        for (Node item : list.items()) {
            int before = out.size();
            numbers(item, out);
            org.pcpassessor.problem.Location where = new org.pcpassessor.problem.Location(file, item.pos().line(),
                    item.pos().column());
            for (int i = before; i < out.size(); i++) {
                at.add(where);
            }
            if (out.size() > MAX_MONTHS) {
                error(item, "the series is longer than " + MAX_MONTHS + " months (100 years): a typing error?");
                return null;
            }
        }
        return new Numbers(out.stream().mapToDouble(Double::doubleValue).toArray(), at);
    }

    private void numbers(Node item, List<Double> out) {
        if (!(item instanceof Scalar s) || s.isNull()) {
            error(item, "expected a number");
            return;
        }
        String t = s.text().strip();
        java.util.regex.Matcher range = RANGE.matcher(t);
        java.util.regex.Matcher repeat = REPEAT.matcher(t);
        if (s.isNumber()) {
            out.add(Double.parseDouble(t));
        } else if (range.matches() || repeat.matches()) {
            java.util.regex.Matcher m = range.matches() ? range : repeat;
            String countText = m.group(m.groupCount());
            long n = countText.length() > 6 ? Long.MAX_VALUE : Long.parseLong(countText);
            if (n < 1 || n > MAX_MONTHS - out.size()) {
                error(item, "'" + t + "' repeats " + countText + " times; a series holds at most " + MAX_MONTHS
                        + " months (100 years)");
                return;
            }
            double a = Double.parseDouble(m.group(1));
            double b = range.matches() ? Double.parseDouble(m.group(2)) : a;
            for (int i = 0; i < n; i++) {
                out.add(range.matches() ? (double) Math.round(n == 1 ? a : a + (b - a) * i / (n - 1)) : a);
            }
        } else {
            error(item, "'" + t + "' is not a number, 'value*count' or 'from..to*count'");
        }
    }

    private static final java.util.regex.Pattern NUMBER_TEXT = java.util.regex.Pattern.compile("-?[0-9]+(?:\\.[0-9]+)?");
    private static final java.util.regex.Pattern REPEAT = java.util.regex.Pattern.compile(
            "(" + NUMBER_TEXT.pattern() + ")\\*([0-9]+)");
    private static final java.util.regex.Pattern RANGE = java.util.regex.Pattern.compile(
            "(" + NUMBER_TEXT.pattern() + ")\\.\\.(" + NUMBER_TEXT.pattern() + ")\\*([0-9]+)");

    private static List<Double> list(double[] values) {
        return values == null ? List.of() : java.util.Arrays.stream(values).boxed().toList();
    }

    private YearMonth month(Node node, String what) {
        if (node == null) {
            problems.error(file, 1, 1, "the scenario needs '" + what + "' (YYYY-MM)");
            return null;
        }
        if (node instanceof Scalar s) {
            try {
                return org.pcpassessor.catalogue.CatalogueLoader.month(s.text().strip());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        error(node, what + " must be YYYY-MM, not " + node.describe());
        return null;
    }

    private String text(MapNode map, String key, boolean required) {
        Node n = map.get(key);
        if (n == null) {
            if (required) {
                error(map, "'" + key + "' is required here");
            }
            return null;
        }
        if (n instanceof Scalar s && !s.isNull() && !s.text().isBlank()) {
            return s.text().strip();
        }
        error(n, key + " must be a text");
        return null;
    }

    private void keys(MapNode map, Set<String> known, String where) {
        map.entries().values().forEach(e -> {
            if (!known.contains(e.key())) {
                problems.error(file, e.keyPos().line(), e.keyPos().column(), "unknown key '" + e.key() + "' in "
                        + where + Suggestions.didYouMean(e.key(), known) + "; allowed: "
                        + String.join(", ", new TreeSet<>(known)));
            }
        });
    }

    private void error(Node at, String message) {
        if (at instanceof Scalar s && s.isReported()) {
            return; // the reader said what is wrong with it
        }
        problems.error(file, at.pos().line(), at.pos().column(), message);
    }
}
