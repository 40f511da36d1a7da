package org.pcpassessor.scenario;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
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
                "noSentences"));
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
        Node root;
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            root = Yaml.read(r, file, problems);
        } catch (IOException e) {
            problems.error(file, 0, 0, "cannot read the scenario: " + e.getMessage());
            return null;
        }
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
        List<Scenario.SeriesSpec> series = new ArrayList<>();
        for (MapNode s : maps(top.get("series"), "series")) {
            keys(s, SERIES_KEYS, "series");
            String measure = text(s, "measure", true);
            YearMonth from = month(s.get("from"), "from");
            double[] values = numbers(s.get("values"));
            double[] num = numbers(s.get("numerators"));
            double[] den = numbers(s.get("denominators"));
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
                        list(values), list(num), list(den), s.pos().line()));
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
                        strings(e.get("noSentences")), e.pos().line()));
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

    private double[] numbers(Node node) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof ListNode list)) {
            error(node, "expected a list of numbers, e.g. [800*11, 1057]");
            return null;
        }
        List<Double> out = new ArrayList<>();
        for (Node item : list.items()) {
            if (!(item instanceof Scalar s) || s.isNull()) {
                error(item, "expected a number");
                continue;
            }
            String t = s.text().strip();
            try {
                if (s.isNumber()) {
                    out.add(Double.parseDouble(t));
                } else if (t.matches("-?[0-9.]+\\.\\.-?[0-9.]+\\*[0-9]+")) {
                    double a = Double.parseDouble(t.substring(0, t.indexOf("..")));
                    double b = Double.parseDouble(t.substring(t.indexOf("..") + 2, t.indexOf('*')));
                    int n = Integer.parseInt(t.substring(t.indexOf('*') + 1));
                    for (int i = 0; i < n; i++) {
                        out.add((double) Math.round(n == 1 ? a : a + (b - a) * i / (n - 1)));
                    }
                } else if (t.matches("-?[0-9.]+\\*[0-9]+")) {
                    double v = Double.parseDouble(t.substring(0, t.indexOf('*')));
                    int n = Integer.parseInt(t.substring(t.indexOf('*') + 1));
                    for (int i = 0; i < n; i++) {
                        out.add(v);
                    }
                } else {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                error(item, "'" + t + "' is not a number, 'value*count' or 'from..to*count'");
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

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
                return YearMonth.parse(s.text().strip());
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
        problems.error(file, at.pos().line(), at.pos().column(), message);
    }
}
