package org.pcpassessor.catalogue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.pcpassessor.catalogue.Yaml.Entry;
import org.pcpassessor.catalogue.Yaml.ListNode;
import org.pcpassessor.catalogue.Yaml.MapNode;
import org.pcpassessor.catalogue.Yaml.Node;
import org.pcpassessor.catalogue.Yaml.Pos;
import org.pcpassessor.catalogue.Yaml.Scalar;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.problem.Suggestions;

/**
 * Reads and validates {@code measures.yaml}. Every problem is collected with its file:line:column into the
 * caller's {@link Problems} before anything is reported.
 */
public final class CatalogueLoader {
    static final Set<String> TOP_KEYS = Set.of("report", "data", "pillars", "events");
    static final Set<String> REPORT_KEYS = Set.of("title", "month", "areas", "forces", "confidence", "spc", "budget",
            "paper", "populations");
    static final Set<String> PAPER_KEYS = Set.of("to", "from", "purpose", "recommendation", "background", "date",
            "sources", "contact");
    static final Set<String> SPC_KEYS = Set.of("window", "shift", "trend", "screen");
    static final Set<String> BUDGET_KEYS = Set.of("paragraphs", "sentences", "threshold");
    static final Set<String> PILLAR_KEYS = Set.of("name", "heading", "measures", "priorities");
    static final Set<String> PRIORITY_KEYS = Set.of("name", "measures", "budget");
    static final Set<String> MEASURE_KEYS = Set.of("id", "label", "subject", "short", "kind", "polarity", "baseline",
            "test", "unit", "comparisons", "until", "topic", "events", "comparators", "target");
    static final Set<String> COMPARATOR_KEYS = Set.of("id", "area", "name", "population");
    /** A data entry written as a mapping: a file or glob, or a JDBC query; either may skip undeclared measures. */
    static final Set<String> DATA_KEYS = Set.of("file", "jdbc", "query", "credentials", "undeclared", "police.uk",
            "areas", "count");
    static final Set<String> TARGET_KEYS = Set.of("value", "from", "trajectory", "name");
    /** A measure's or comparator's id: the measure column of data files, and what rules match. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final Set<String> EVENT_KEYS = Set.of("month", "to", "kind", "text", "spc");
    /** Every key the catalogue knows somewhere: a known key is never taken for a misspelling of another. */
    private static final Set<String> ALL_KEYS = java.util.stream.Stream.of(TOP_KEYS, REPORT_KEYS, PAPER_KEYS, SPC_KEYS, BUDGET_KEYS, PILLAR_KEYS,
            PRIORITY_KEYS, MEASURE_KEYS, COMPARATOR_KEYS, TARGET_KEYS, EVENT_KEYS, DATA_KEYS).flatMap(Set::stream).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final Set<String> knownTests;
    private final boolean dataOutsideAllowed;
    private final Problems problems;
    private final Set<String> rejected = new TreeSet<>();
    /** The comparators compared per head (a count's): the headline area needs a population. */
    private final List<ComparatorSeries> perHead = new ArrayList<>();
    /** Each area's population ({@code report.populations}), for comparisons per head. */
    private final Map<String, Double> populations = new java.util.LinkedHashMap<>();
    /** Each area's parent when {@code report.areas} nests them (an area's: the headline area; a district's: its area). */
    private final Map<String, String> parents = new java.util.LinkedHashMap<>();
    /** The report's budget, the default of every priority that gives none. */
    private Budget budget = Budget.DEFAULT;
    /** Where each topic a measure names was first given, to keep a topic inside one priority. */
    private final Map<String, TopicAt> topics = new HashMap<>();

    private record TopicAt(String priority, Pos pos) {
    }
    private String file;
    /** The events declared at the top of the catalogue, for every measure. */
    private List<Event> eventsForAll = List.of();

    /**
     * @param knownTests the names of the significance tests a measure's {@code test:} may choose
     * @param problems   where problems go; shared with the other loaders so that {@code check} reports all
     */
    public CatalogueLoader(Set<String> knownTests, Problems problems) {
        this(knownTests, problems, false);
    }

    /**
     * @param dataOutsideAllowed whether {@code data:} may name relative paths outside the catalogue's folder
     *                           ({@code ../}); absolute paths are always allowed, being explicit
     */
    public CatalogueLoader(Set<String> knownTests, Problems problems, boolean dataOutsideAllowed) {
        this.knownTests = Set.copyOf(knownTests);
        this.problems = problems;
        this.dataOutsideAllowed = dataOutsideAllowed;
    }

    /** Reads what it can; problems go to the shared collector. Returns null when nothing usable was read. */
    public Catalogue read(Path path) {
        this.file = path.toString();
        if (!Files.exists(path)) {
            problems.error(file, 0, 0, "catalogue file not found");
            return null;
        }
        Node root = Yaml.read(path, file, problems);
        if (root == null) {
            return null;
        }
        MapNode top = asMap(root, "the catalogue");
        if (top == null) {
            return null;
        }
        checkKeys(top, TOP_KEYS, "catalogue");

        MapNode report = asMap(required(top, "report", "the catalogue"), "report");
        String title = "Police and Crime Plan performance";
        YearMonth month = null;
        List<String> areas = List.of();
        List<Force> forces = List.of();
        double confidence = 0.95;
        SpcSettings spc = SpcSettings.DEFAULT;
        Paper paper = Paper.DEFAULT;
        if (report != null) {
            checkKeys(report, REPORT_KEYS, "report");
            Node t = report.get("title");
            String given = t == null ? null : text(t, "report title"); // an empty title is reported by text()
            if (given != null) {
                title = given;
            }
            month = yearMonth(required(report, "month", "report"), "report month");
            Node forcesNode = report.get("forces");
            if (forcesNode == null) {
                areas = areas(required(report, "areas", "report"));
            } else if (report.get("areas") != null) {
                error(report.get("areas"), "give report.areas (the areas of one force) or report.forces (several "
                        + "forces, each with its areas), not both");
            } else {
                forces = forces(forcesNode);
                areas = forces.stream().flatMap(f -> f.areas().stream()).toList();
            }
            Node c = report.get("confidence");
            if (c != null) {
                confidence = number(c, "confidence");
                if (!(confidence > 0.5 && confidence < 1)) {
                    error(c, "confidence must be between 0.5 and 1 (e.g. 0.95), not " + c.describe());
                    confidence = 0.95;
                }
            }
            spc = spc(report.get("spc"));
            paper = paper(report.get("paper"));
            budget = budget(report.get("budget"), Budget.DEFAULT, "report budget");
            populations(report.get("populations"), areas);
        }
        DataSources data = dataSources(required(top, "data", "the catalogue"), path);
        eventsForAll = events(top.get("events"), true);
        List<Pillar> pillars = pillars(required(top, "pillars", "the catalogue"));

        if (!perHead.isEmpty() && !areas.isEmpty() && !populations.containsKey(areas.get(0))) {
            ComparatorSeries c = perHead.get(0);
            problems.error(file, c.source().line(), c.source().column(), "comparator '" + c.id() + "' is compared per "
                    + "head, but report.populations gives no population for the headline area '" + areas.get(0)
                    + "' (e.g. populations: {" + areas.get(0) + ": 859800})");
        }
        if (month == null || areas.isEmpty()) {
            return null;
        }
        return new Catalogue(path, title, month, areas, confidence, data, pillars, rejected, spc, paper, forces,
                parents, populations);
    }

    /** {@code report.populations}: an area's population (a positive number) by its name, for comparisons per head. */
    private void populations(Node node, List<String> areas) {
        MapNode map = node == null ? null : asMap(node, "populations");
        if (map == null) {
            return;
        }
        for (Entry e : map.entries().values()) {
            if (!areas.contains(e.key())) {
                problems.error(file, e.keyPos().line(), e.keyPos().column(), "populations names no area of the "
                        + "catalogue: '" + e.key() + "'" + Suggestions.didYouMean(e.key(), areas) + "; areas: "
                        + String.join(", ", areas));
                continue;
            }
            populationValue(e.value()).ifPresent(v -> populations.put(e.key(), v));
        }
    }

    /** A population: a positive number, or an error at its place. */
    private java.util.OptionalDouble populationValue(Node node) {
        double v = number(node, "population");
        if (Double.isNaN(v)) {
            return java.util.OptionalDouble.empty();
        }
        if (!(v > 0)) {
            error(node, "a population must be a positive number, not " + node.describe());
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of(v);
    }

    /** The paper's front matter: each key optional, a key not given keeps {@link Paper#DEFAULT}'s. */
    private Paper paper(Node node) {
        MapNode map = node == null ? null : asMap(node, "paper");
        if (map == null) {
            return Paper.DEFAULT;
        }
        checkKeys(map, PAPER_KEYS, "paper");
        Paper d = Paper.DEFAULT;
        return new Paper(paperText(map, "to", d.to()), paperText(map, "from", d.from()),
                paperText(map, "purpose", d.purpose()), paperText(map, "recommendation", d.recommendation()),
                paperText(map, "background", d.background()), paperDate(map.get("date")), sources(map.get("sources")),
                paperText(map, "contact", d.contact()));
    }

    /** The paper's source documents: a list of texts (a title, a link). */
    private List<String> sources(Node node) {
        ListNode list = node == null ? null : asList(node, "paper sources");
        if (list == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Node item : list.items()) {
            String t = text(item, "a paper source");
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** The paper's date, YYYY-MM-DD, when the catalogue gives one. */
    private java.util.Optional<java.time.LocalDate> paperDate(Node node) {
        String text = node == null ? null : text(node, "paper date");
        if (text == null) {
            return java.util.Optional.empty();
        }
        try {
            if (text.matches("(19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}")) {
                return java.util.Optional.of(java.time.LocalDate.parse(text));
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        error(node, "paper date must be YYYY-MM-DD (e.g. 2021-02-11), not " + node.describe());
        return java.util.Optional.empty();
    }

    private String paperText(MapNode map, String key, String fallback) {
        Node n = map.get(key);
        String t = n == null ? null : text(n, "paper " + key);
        return t == null ? fallback : t;
    }

    private SpcSettings spc(Node node) {
        if (node == null) {
            return SpcSettings.DEFAULT;
        }
        MapNode map = asMap(node, "spc");
        if (map == null) {
            return SpcSettings.DEFAULT;
        }
        checkKeys(map, SPC_KEYS, "spc");
        int window = whole(map.get("window"), "spc window", SpcSettings.DEFAULT.window(), 120);
        int shift = whole(map.get("shift"), "spc shift", SpcSettings.DEFAULT.shift(), 60);
        int trend = whole(map.get("trend"), "spc trend", SpcSettings.DEFAULT.trend(), 60);
        boolean screen = SpcSettings.DEFAULT.screen();
        Node s = map.get("screen");
        if (s != null) {
            String t = text(s, "spc screen");
            if ("true".equals(t) || "false".equals(t)) {
                screen = Boolean.parseBoolean(t);
            } else if (t != null) {
                error(s, "spc screen must be true or false, not " + s.describe());
            }
        }
        return new SpcSettings(window, shift, trend, screen);
    }

    /**
     * A budget: {@code paragraphs} and {@code sentences}, each a whole number from 1 to {@link Budget#MAX}, and a
     * {@code threshold} of importance points; a key not given keeps the fallback's (the report's budget).
     */
    private Budget budget(Node node, Budget fallback, String what) {
        MapNode map = node == null ? null : asMap(node, what);
        if (map == null) {
            return fallback;
        }
        checkKeys(map, BUDGET_KEYS, what);
        int threshold = fallback.threshold();
        Node t = map.get("threshold");
        if (t != null) {
            double v = number(t, what + " threshold");
            if (!Double.isNaN(v) && (v != Math.rint(v) || Math.abs(v) > Budget.MAX_POINTS)) {
                error(t, what + " threshold must be a whole number of importance points from -" + Budget.MAX_POINTS
                        + " to " + Budget.MAX_POINTS + ", not " + t.describe());
            } else if (!Double.isNaN(v)) {
                threshold = (int) v;
            }
        }
        return new Budget(count(map.get("paragraphs"), what + " paragraphs", fallback.paragraphs()),
                count(map.get("sentences"), what + " sentences", fallback.sentences()), threshold);
    }

    private int count(Node node, String what, int fallback) {
        if (node == null) {
            return fallback;
        }
        double v = number(node, what);
        if (Double.isNaN(v) || v != Math.rint(v) || v < 1 || v > Budget.MAX) {
            if (!Double.isNaN(v)) {
                error(node, what + " must be a whole number from 1 to " + Budget.MAX + " (report --full says "
                        + "everything), not " + node.describe());
            }
            return fallback;
        }
        return (int) v;
    }

    /** A whole number of months from 2 to {@code max} (beyond it, a typing error: no series is that long). */
    private int whole(Node node, String what, int fallback, int max) {
        if (node == null) {
            return fallback;
        }
        double v = number(node, what);
        if (Double.isNaN(v) || v != Math.rint(v) || v < 2 || v > max) {
            if (!Double.isNaN(v)) {
                error(node, what + " must be a whole number from 2 to " + max + ", not " + node.describe());
            }
            return fallback;
        }
        return (int) v;
    }

    /**
     * One force's areas: the headline area first, then its areas, each a name or a name with its districts
     * ({@code - North: [Peterborough, Fenland, Huntingdonshire]}). Listed in that order: the headline area, the areas,
     * then every district (filling {@link #parents}).
     */
    private List<String> areas(Node node) {
        ListNode list = asList(node, "areas");
        if (list == null) {
            return List.of();
        }
        List<String> areas = new ArrayList<>();
        List<String> districts = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Node item : list.items()) {
            if (item instanceof MapNode m) {
                if (m.entries().size() != 1) {
                    error(item, "an area with districts is one line, 'Area: [District, ...]', not " + m.entries().size()
                            + " keys");
                    continue;
                }
                Entry e = m.entries().values().iterator().next();
                if (areas.isEmpty()) {
                    error(item, "the first area is the headline area (the Force): list districts under its areas");
                }
                if (once(e.key(), seen, item)) {
                    areas.add(e.key());
                }
                ListNode under = asList(e.value(), "the districts of " + e.key());
                for (Node d : under == null ? List.<Node>of() : under.items()) {
                    String district = text(d, "district");
                    if (district != null && once(district, seen, d)) {
                        districts.add(district);
                        parents.put(district, e.key());
                    }
                }
                continue;
            }
            String area = text(item, "area");
            if (area != null && once(area, seen, item)) {
                areas.add(area);
            }
        }
        if (areas.isEmpty()) {
            error(node, "areas must list at least one area; the first is the headline area (e.g. [Force, North, South])");
            return List.of();
        }
        areas.subList(1, areas.size()).forEach(a -> parents.put(a, areas.get(0)));
        areas.addAll(districts);
        return areas;
    }

    /** Whether an area is named for the first time; a second time is an error at its place. */
    private boolean once(String area, Map<String, String> seen, Node at) {
        if (seen.putIfAbsent(area, area) != null) {
            error(at, "area '" + area + "' is listed twice");
            return false;
        }
        return true;
    }

    /**
     * The areas a list names, each once: a name listed again is reported, with both forces when the earlier one is
     * another force's ({@code forceOf}: the force of every area read so far in the catalogue, filled here).
     */
    private List<String> areaNames(ListNode list, String force, Map<String, String> forceOf) {
        List<String> areas = new ArrayList<>();
        for (Node item : list.items()) {
            String area = text(item, "area");
            if (area == null) {
                continue;
            }
            String other = forceOf.putIfAbsent(area, force);
            if (other == null) {
                areas.add(area);
            } else {
                error(item, "area '" + area + "' is listed twice" + (other.equals(force) ? ""
                        : " (forces " + other + " and " + force + "): a series names its area, not its force, "
                        + "so each force's areas need names of their own"));
            }
        }
        return areas;
    }

    /**
     * {@code forces:} a mapping of force names to their areas (each a list, the first the force's headline area);
     * an area belongs to one force only, since a series names its area and not its force.
     */
    private List<Force> forces(Node node) {
        MapNode map = asMap(node, "forces");
        if (map == null) {
            return List.of();
        }
        List<Force> forces = new ArrayList<>();
        Map<String, String> forceOf = new HashMap<>();
        for (Entry e : map.entries().values()) {
            ListNode list = asList(e.value(), "force " + e.key() + "'s areas");
            if (list == null) {
                continue;
            }
            List<String> areas = areaNames(list, e.key(), forceOf);
            if (areas.isEmpty()) {
                error(e.value(), "force " + e.key() + " must list at least one area; the first is its headline area");
                continue;
            }
            forces.add(new Force(e.key(), areas));
        }
        if (map.entries().isEmpty()) {
            error(node, "forces must name at least one force, e.g. {Cambridgeshire: [Cambridgeshire, North, South]}");
        }
        return forces;
    }

    /**
     * The {@code data:} entries: a file or glob each (CSV, or Excel {@code .xlsx}), or a mapping: {@code {file: GLOB,
     * undeclared: warn}} or {@code {jdbc: URL, query: SQL, credentials: FILE, undeclared: warn}}.
     */
    private DataSources dataSources(Node node, Path catalogue) {
        if (node == null) {
            return DataSources.none();
        }
        List<Node> items = node instanceof ListNode l ? l.items() : List.of(node);
        // Relative to the catalogue as the user named it, so messages show paths as the user would type them.
        Path base = catalogue.getParent() == null ? Path.of("") : catalogue.getParent();
        TreeSet<Path> files = new TreeSet<>();
        Set<Path> undeclaredWarn = new java.util.HashSet<>();
        List<DataSources.Query> queries = new ArrayList<>();
        List<DataSources.PoliceUk> archives = new ArrayList<>();
        for (Node item : items) {
            if (item instanceof MapNode map && map.get("police.uk") != null) {
                checkKeys(map, Set.of("police.uk", "areas", "count"), "police.uk data entry");
                policeUk(map, base).ifPresent(archives::add);
                continue;
            }
            if (item instanceof MapNode map) {
                checkKeys(map, DATA_KEYS, "data entry");
                for (String key : List.of("areas", "count")) {
                    if (map.get(key) != null) {
                        error(map.get(key), "'" + key + "' belongs to a police.uk entry (police.uk: FOLDER)");
                    }
                }
                boolean warn = undeclared(map.get("undeclared"));
                if (map.get("jdbc") != null) {
                    query(map, base, warn).ifPresent(queries::add);
                    if (map.get("file") != null) {
                        error(map.get("file"), "a data entry reads a file or a database (jdbc:), not both");
                    }
                    continue;
                }
                for (String key : List.of("query", "credentials")) {
                    if (map.get(key) != null) {
                        error(map.get(key), "'" + key + "' belongs to a database entry, which names its jdbc: URL");
                    }
                }
                List<Path> matched = files(required(map, "file", "a data entry (or jdbc: and query:)"), base);
                files.addAll(matched);
                if (warn) {
                    undeclaredWarn.addAll(matched);
                }
                continue;
            }
            files.addAll(files(item, base));
        }
        return new DataSources(List.copyOf(files), undeclaredWarn, queries, archives);
    }

    /**
     * A police.uk entry: {@code {police.uk: FOLDER, areas: force|districts|lsoa, count: {MEASURE: {FILE: {COLUMN: VALUE or
     * [VALUES]}}}}}, FILE being street, outcomes or stop-and-search and each COLUMN one of that file's.
     */
    private Optional<DataSources.PoliceUk> policeUk(MapNode map, Path base) {
        Node folderNode = map.get("police.uk");
        String folder = text(folderNode, "police.uk");
        String areasMode = text(map.get("areas"), "areas");
        if (areasMode != null && !List.of("force", "districts", "lsoa").contains(areasMode)) {
            error(map.get("areas"), "areas must be force (every row counts to the headline area), districts (also to "
                    + "the district its LSOA name gives, e.g. 'Huntingdonshire 012C') or lsoa (also to the LSOA, by "
                    + "its name), not '" + areasMode + "'");
            areasMode = null;
        }
        String areas = areasMode == null ? "force" : areasMode;
        MapNode count = asMap(required(map, "count", "a police.uk entry"), "count");
        List<DataSources.Count> counts = new ArrayList<>();
        if (count != null) {
            for (Entry e : count.entries().values()) {
                MapNode byFile = asMap(e.value(), "what measure '" + e.key() + "' counts");
                if (byFile == null) {
                    continue;
                }
                if (byFile.entries().size() != 1) {
                    error(byFile, "measure '" + e.key() + "' counts the rows of one kind of file: street, outcomes or "
                            + "stop-and-search, e.g. {street: {Crime type: Burglary}}");
                    continue;
                }
                Entry only = byFile.entries().values().iterator().next();
                List<String> columns = DataSources.POLICE_UK_COLUMNS.get(only.key());
                if (columns == null) {
                    problems.error(file, only.keyPos().line(), only.keyPos().column(), "'" + only.key() + "' is not a "
                            + "kind of police.uk file" + Suggestions.didYouMean(only.key(),
                            DataSources.POLICE_UK_COLUMNS.keySet()) + "; they are street, outcomes and stop-and-search");
                    continue;
                }
                MapNode where = asMap(only.value(), "the rows measure '" + e.key() + "' counts");
                if (where == null) {
                    continue;
                }
                java.util.Map<String, List<String>> accepted = new java.util.LinkedHashMap<>();
                for (Entry w : where.entries().values()) {
                    if (!columns.contains(w.key())) {
                        problems.error(file, w.keyPos().line(), w.keyPos().column(), "'" + w.key() + "' is not a column "
                                + "of police.uk " + only.key() + " files" + Suggestions.didYouMean(w.key(), columns)
                                + "; they are " + String.join(", ", columns));
                        continue;
                    }
                    List<String> values = new ArrayList<>();
                    for (Node v : w.value() instanceof ListNode l ? l.items() : List.of(w.value())) {
                        String t = text(v, "a value of " + w.key());
                        if (t != null) {
                            values.add(t);
                        }
                    }
                    accepted.put(w.key(), values);
                }
                counts.add(new DataSources.Count(e.key(), only.key(), accepted,
                        new org.pcpassessor.problem.Location(file, e.keyPos().line(), e.keyPos().column())));
            }
        }
        if (folder == null) {
            return Optional.empty();
        }
        Path dir;
        try {
            if (!dataOutsideAllowed && outside(base, folder)) {
                error(folderNode, "'" + folder + "' is outside the catalogue's folder; move the data beside the "
                        + "catalogue, give an absolute path, or run with --allow-data-outside");
                return Optional.empty();
            }
            dir = base.resolve(path(folder)).normalize();
        } catch (BadPattern e) {
            error(folderNode, "police.uk folder '" + folder + "': " + e.getMessage());
            return Optional.empty();
        }
        if (!Files.isDirectory(dir)) {
            error(folderNode, "no folder '" + folder + "' (relative to " + base.toAbsolutePath().normalize() + ")");
            return Optional.empty();
        }
        Pos pos = map.pos();
        return Optional.of(new DataSources.PoliceUk(dir, areas, counts,
                new org.pcpassessor.problem.Location(file, pos.line(), pos.column())));
    }

    /** {@code undeclared: warn} (rows of measures the catalogue does not declare are skipped) or error, the default. */
    private boolean undeclared(Node node) {
        if (node == null) {
            return false;
        }
        String value = text(node, "undeclared");
        if (value != null && !value.equals("warn") && !value.equals("error")) {
            error(node, "undeclared must be warn (skip rows of measures the catalogue does not declare, with a warning) "
                    + "or error (the default), not '" + value + "'");
        }
        return "warn".equals(value);
    }

    /** The files a data path or glob names: each must be a CSV file or an Excel workbook. */
    private List<Path> files(Node item, Path base) {
        String pattern = text(item, "data file or glob");
        if (pattern == null) {
            return List.of();
        }
        List<Path> matched;
        try {
            if (!dataOutsideAllowed && outside(base, pattern)) {
                error(item, "'" + pattern + "' is outside the catalogue's folder; move the data beside the "
                        + "catalogue, give an absolute path, or run with --allow-data-outside");
                return List.of();
            }
            // Excel's lock file beside a workbook open in it (~$series.xlsx) is no data: a glob passes over it
            matched = expand(base, pattern).stream().filter(p -> !p.getFileName().toString().startsWith("~$")
                    || !isGlob(pattern)).toList();
        } catch (BadPattern e) {
            error(item, "data path '" + pattern + "': " + e.getMessage());
            return List.of();
        }
        if (matched.isEmpty()) {
            error(item, "no file matches '" + pattern + "' (relative to " + base.toAbsolutePath().normalize() + ")");
        }
        for (Path p : matched) {
            String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".xls") || name.endsWith(".xlsm") || name.endsWith(".xlsb") || name.endsWith(".ods")) {
                error(item, "'" + p + "' is not an Excel workbook this tool reads: save it as .xlsx (Excel Workbook)");
            }
        }
        return matched;
    }

    /**
     * A database entry: its URL (a SQLite file relative to the catalogue's folder), its query and where credentials
     * come from; a URL that carries a password is refused, so that none is ever kept in the catalogue.
     */
    private Optional<DataSources.Query> query(MapNode map, Path base, boolean warn) {
        Node urlNode = map.get("jdbc");
        String url = text(urlNode, "jdbc");
        String sql = text(required(map, "query", "a jdbc: data entry"), "query");
        if (url == null || sql == null) {
            return Optional.empty();
        }
        if (!url.startsWith("jdbc:")) {
            error(urlNode, "jdbc must be a JDBC URL (jdbc:sqlite:series.db, jdbc:postgresql://host/db), not '" + url
                    + "'");
            return Optional.empty();
        }
        if (url.toLowerCase(java.util.Locale.ROOT).matches(".*[?&;]password=.*|.*://[^/@]*:[^/@]*@.*")) {
            error(urlNode, "the URL carries a password: credentials do not belong in the catalogue; name a credentials "
                    + "file kept outside the repository (credentials: ~/.pcp/db.properties, with user= and password=) "
                    + "or set PCP_DB_USER and PCP_DB_PASSWORD");
            return Optional.empty();
        }
        String sqlite = "jdbc:sqlite:";
        if (url.startsWith(sqlite) && !url.startsWith(sqlite + ":memory:") && !url.startsWith(sqlite + "file:")) {
            String file = url.substring(sqlite.length());
            try {
                if (!dataOutsideAllowed && outside(base, file)) {
                    error(urlNode, "'" + file + "' is outside the catalogue's folder; move the database beside the "
                            + "catalogue, give an absolute path, or run with --allow-data-outside");
                    return Optional.empty();
                }
                Path db = base.resolve(path(file)).normalize();
                if (!Files.isRegularFile(db)) {
                    error(urlNode, "no SQLite database '" + file + "' (relative to " + base.toAbsolutePath().normalize()
                            + ")");
                    return Optional.empty();
                }
                url = sqlite + db.toAbsolutePath();
            } catch (BadPattern e) {
                error(urlNode, "SQLite database '" + file + "': " + e.getMessage());
                return Optional.empty();
            }
        }
        Optional<Path> credentials = Optional.empty();
        Node c = map.get("credentials");
        String named = text(c, "credentials");
        if (named != null) {
            Path p = named.startsWith("~/") ? Path.of(System.getProperty("user.home")).resolve(named.substring(2))
                    : base.resolve(named);
            if (!Files.isRegularFile(p)) {
                error(c, "no credentials file '" + named + "' (a properties file with user= and password=)");
            } else {
                credentials = Optional.of(p);
            }
        }
        Pos pos = map.pos();
        return Optional.of(new DataSources.Query(url, sql, credentials, warn,
                new org.pcpassessor.problem.Location(file, pos.line(), pos.column())));
    }

    /** A data path that cannot be a path or a glob, in plain words. */
    static final class BadPattern extends Exception {
        private static final long serialVersionUID = 1L;

        BadPattern(String message) {
            super(message, null, false, false);
        }
    }

    /** Whether a relative pattern's folder part climbs out of {@code base} (lexically: no file is read). */
    static boolean outside(Path base, String pattern) throws BadPattern {
        Path given = path(pattern.replace("*", "_").replace("?", "_").replace("[", "_").replace("{", "_"));
        if (given.isAbsolute()) {
            return false;
        }
        Path root = base.toAbsolutePath().normalize();
        return !root.resolve(given).normalize().startsWith(root);
    }

    private static Path path(String text) throws BadPattern {
        if (text.indexOf('\0') >= 0) {
            throw new BadPattern("a path cannot hold a NUL character");
        }
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw new BadPattern("not a valid path: " + e.getReason());
        }
    }

    /** Expands a file name or glob relative to {@code base}; the part before the first glob segment is a folder. */
    static List<Path> expand(Path base, String pattern) throws BadPattern {
        Path given = path(pattern.replace("*", "_").replace("?", "_").replace("[", "_").replace("{", "_"));
        Path dir = given.isAbsolute() ? given.getRoot() : base;
        String relative = given.isAbsolute() ? pattern.substring(given.getRoot().toString().length()) : pattern;
        String[] segments = relative.replace('\\', '/').split("/");
        int i = 0;
        while (i < segments.length - 1 && !isGlob(segments[i])) {
            dir = dir.resolve(segments[i]);
            i++;
        }
        if (i == segments.length - 1 && !isGlob(segments[i])) {
            Path single = dir.resolve(segments[i]).normalize();
            if (Files.isDirectory(single)) {
                throw new BadPattern("is a folder; name its files, e.g. '" + pattern + "/*.csv'");
            }
            return Files.isRegularFile(single) ? List.of(single) : List.of();
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String rest = String.join("/", java.util.Arrays.copyOfRange(segments, i, segments.length));
        PathMatcher matcher;
        try {
            matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new BadPattern("not a valid glob: " + e.getDescription() + " (use *, ?, [abc] or {a,b})");
        }
        Path root = dir.normalize();
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(root.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            Exception cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
            String where = cause instanceof java.nio.file.FileSystemException f && f.getFile() != null
                    ? " " + f.getFile() : "";
            throw new BadPattern("cannot list the folder" + where + ": "
                    + org.pcpassessor.input.IoMessages.reason(cause));
        }
    }

    private static boolean isGlob(String segment) {
        return segment.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }

    private List<Pillar> pillars(Node node) {
        ListNode list = asList(node, "pillars");
        if (list == null) {
            return List.of();
        }
        List<Pillar> pillars = new ArrayList<>();
        Map<String, Pos> ids = new HashMap<>();
        Set<String> pillarNames = new LinkedHashSet<>();
        for (Node item : list.items()) {
            MapNode p = asMap(item, "a pillar");
            if (p == null) {
                continue;
            }
            checkKeys(p, PILLAR_KEYS, "pillar");
            String name = text(required(p, "name", "pillar"), "pillar name");
            if (name == null) {
                continue;
            }
            if (!pillarNames.add(name)) {
                error(p.get("name"), "pillar '" + name + "' is declared twice");
            }
            Node headingNode = p.get("heading");
            String heading = headingNode == null ? name.toUpperCase(Locale.UK) : text(headingNode, "heading");
            List<Priority> priorities = new ArrayList<>();
            Node headline = p.get("measures");
            if (headline != null) {
                priorities.add(new Priority(Priority.HEADLINES, measures(headline, name, Priority.HEADLINES, ids),
                        budget));
            }
            Node prioritiesNode = p.get("priorities");
            if (prioritiesNode == null && headline == null) {
                error(p, "pillar '" + name + "' has neither 'priorities' nor 'measures'");
            }
            ListNode plist = prioritiesNode == null ? null : asList(prioritiesNode, "priorities");
            if (plist != null) {
                Set<String> seen = new LinkedHashSet<>();
                for (Node pn : plist.items()) {
                    MapNode pm = asMap(pn, "a priority");
                    if (pm == null) {
                        continue;
                    }
                    checkKeys(pm, PRIORITY_KEYS, "priority");
                    String pname = text(required(pm, "name", "priority"), "priority name");
                    if (pname == null) {
                        continue;
                    }
                    if (!seen.add(pname)) {
                        error(pm.get("name"), "priority '" + pname + "' appears twice in pillar '" + name + "'");
                    }
                    Node mnode = pm.get("measures");
                    List<Measure> measures = mnode == null ? List.of() : measures(mnode, name, pname, ids);
                    priorities.add(new Priority(pname, measures, budget(pm.get("budget"), budget,
                            "priority budget")));
                }
            }
            if (heading != null) {
                pillars.add(new Pillar(name, heading, priorities));
            }
        }
        return pillars;
    }

    private List<Measure> measures(Node node, String pillar, String priority, Map<String, Pos> ids) {
        ListNode list = asList(node, "measures");
        if (list == null) {
            return List.of();
        }
        List<Measure> measures = new ArrayList<>();
        for (Node item : list.items()) {
            MapNode m = asMap(item, "a measure");
            if (m == null) {
                continue;
            }
            checkKeys(m, MEASURE_KEYS, "measure");
            String id = text(required(m, "id", "measure"), "measure id");
            if (id != null) {
                if (!ID.matcher(id).matches()) {
                    error(m.get("id"), "measure id '" + id
                            + "' may use only letters, digits, '.', '_' and '-' (it is used in data files and rules)");
                }
                Pos first = ids.putIfAbsent(id, m.get("id").pos());
                if (first != null) {
                    error(m.get("id"), "duplicate measure id '" + id + "' (first declared at line " + first.line() + ")");
                }
            }
            String label = text(required(m, "label", "measure"), "label");
            String subject = text(required(m, "subject", "measure"), "subject");
            Node shortNode = m.get("short");
            String shortSubject = shortNode == null ? subject : text(shortNode, "short");
            Node topicNode = m.get("topic");
            String topic = topicNode == null ? id : text(topicNode, "topic");
            if (topicNode != null && topic != null) {
                TopicAt other = topics.putIfAbsent(topic, new TopicAt(pillar + "/" + priority, topicNode.pos()));
                if (other != null && !other.priority().equals(pillar + "/" + priority)) {
                    error(topicNode, "topic '" + topic + "' is used in priority " + other.priority().replace("/", " / ")
                            + " (line " + other.pos().line() + "); a topic is a paragraph of one priority");
                }
            }
            Kind kind = choice(required(m, "kind", "measure"), "kind", Kind::parse,
                    List.of("count", "rate", "proportion", "median"));
            Polarity polarity = choice(required(m, "polarity", "measure"), "polarity", Polarity::parse,
                    List.of("up-is-good", "down-is-good", "neutral"));
            OptionalDouble baseline = OptionalDouble.empty();
            Node b = m.get("baseline");
            if (b != null) {
                double v = number(b, "baseline");
                if (!Double.isNaN(v)) {
                    if (kind != null && kind.hasDenominator() && (v < -1 || v > 1)) {
                        error(b, "a " + kind.yamlName() + " baseline is a fraction (0.103 for 10.3%), not " + b.describe());
                    }
                    baseline = OptionalDouble.of(v);
                }
            }
            Map<Basis, String> tests = tests(m.get("test"));
            Set<Basis> comparisons = comparisons(m.get("comparisons"));
            Node u = m.get("unit");
            String unit = u == null ? "" : text(u, "unit");
            Node untilNode = m.get("until");
            java.util.Optional<YearMonth> until = untilNode == null ? java.util.Optional.empty()
                    : java.util.Optional.ofNullable(yearMonth(untilNode, "until"));
            List<Event> events = new ArrayList<>(events(m.get("events"), false));
            events.addAll(eventsForAll);
            List<ComparatorSeries> comparators = comparators(m.get("comparators"), kind, ids);
            java.util.Optional<Target> target = target(m.get("target"), kind, polarity);
            if (id == null || label == null || subject == null || shortSubject == null || topic == null || kind == null
                    || polarity == null || unit == null) {
                if (id != null) {
                    rejected.add(id);
                }
                continue;
            }
            Pos at = m.pos();
            measures.add(new Measure(id, label, subject, shortSubject, kind, polarity, pillar, priority, topic,
                    baseline, tests, comparisons, unit, until, events, comparators, target,
                    new org.pcpassessor.problem.Location(file, at.line(), at.column())));
        }
        return measures;
    }

    /**
     * The series a measure is compared with: each an id (its rows' measure column, no measure's id), an area (its
     * rows' area column) and a name sentences use. Only a rate or proportion has comparators: a count or median of
     * another force or the nation says nothing of this force's without populations, which the catalogue cannot give.
     */
    private List<ComparatorSeries> comparators(Node node, Kind kind, Map<String, Pos> ids) {
        ListNode list = node == null ? null : asList(node, "comparators");
        if (list == null) {
            return List.of();
        }
        if (kind == Kind.MEDIAN) {
            error(node, "comparators are for a rate, a proportion or a count (per head), not a median: another force's "
                    + "median response time says little of this force's without its calls");
            return List.of();
        }
        List<ComparatorSeries> out = new ArrayList<>();
        for (Node item : list.items()) {
            MapNode c = asMap(item, "a comparator");
            if (c == null) {
                continue;
            }
            checkKeys(c, COMPARATOR_KEYS, "comparator");
            java.util.OptionalDouble population = population(c, kind);
            String id = text(required(c, "id", "comparator"), "comparator id");
            String area = text(required(c, "area", "comparator"), "comparator area");
            String name = text(required(c, "name", "comparator"), "comparator name");
            if (id != null && !ID.matcher(id).matches()) {
                error(c.get("id"), "comparator id '" + id + "' may use only letters, digits, '.', '_' and '-' (it is "
                        + "used in data files)");
                continue;
            }
            Pos first = id == null ? null : ids.putIfAbsent(id, c.get("id").pos());
            if (first != null) {
                error(c.get("id"), "comparator id '" + id + "' is already an id (line " + first.line() + "): a "
                        + "comparator's rows need an id of their own");
                continue;
            }
            if (id == null || area == null || name == null) {
                continue;
            }
            Pos at = c.pos();
            ComparatorSeries made = new ComparatorSeries(id, area, name, population,
                    new org.pcpassessor.problem.Location(file, at.line(), at.column()));
            out.add(made);
            if (population.isPresent()) {
                perHead.add(made);
            }
        }
        return out;
    }

    /**
     * A comparator's population: required for a count's (compared per head: another force's or the nation's count is
     * comparable with this force's only per head of population), refused for a rate's or proportion's.
     */
    private java.util.OptionalDouble population(MapNode c, Kind kind) {
        Node p = c.get("population");
        if (kind == Kind.COUNT && p == null) {
            error(c, "a count's comparator needs 'population' (its area's population): a count is compared per head, "
                    + "with report.populations giving the headline area's");
            return java.util.OptionalDouble.empty();
        }
        if (p == null) {
            return java.util.OptionalDouble.empty();
        }
        if (kind != Kind.COUNT) {
            error(p, "'population' is for a count's comparator (compared per head); a " + (kind == null ? "rate"
                    : kind.yamlName()) + " is compared as it is");
            return java.util.OptionalDouble.empty();
        }
        return populationValue(p);
    }

    /**
     * A measure's target: a number ({@code target: 0.9}), or a mapping of {@code value} with an optional {@code from}
     * month, or of a {@code trajectory} (month: value, each applying until the next); an optional {@code name} says
     * how sentences name it ("the example target"). A rate's or proportion's values are fractions, as its baseline is;
     * a neutral measure has no target, since neither side of it is better.
     */
    private java.util.Optional<Target> target(Node node, Kind kind, Polarity polarity) {
        if (node == null) {
            return java.util.Optional.empty();
        }
        if (polarity == Polarity.NEUTRAL) {
            error(node, "a target needs a good direction, but the measure's polarity is neutral: make it up-is-good "
                    + "or down-is-good, or remove the target");
            return java.util.Optional.empty();
        }
        java.util.TreeMap<YearMonth, Double> steps = new java.util.TreeMap<>();
        String name = "the target";
        if (node instanceof Scalar) {
            targetValue(node, kind).ifPresent(v -> steps.put(Target.ALWAYS, v));
        } else {
            MapNode t = asMap(node, "target");
            if (t == null) {
                return java.util.Optional.empty();
            }
            checkKeys(t, TARGET_KEYS, "target");
            Node nameNode = t.get("name");
            if (nameNode != null) {
                String n = text(nameNode, "target name");
                name = n == null ? name : n;
            }
            Node value = t.get("value");
            Node trajectory = t.get("trajectory");
            if ((value == null) == (trajectory == null)) {
                error(t, "a target needs either 'value' (one number, with an optional 'from' month) or 'trajectory' "
                        + "(month: value lines), not " + (value == null ? "neither" : "both"));
                return java.util.Optional.empty();
            }
            if (value != null) {
                YearMonth from = t.get("from") == null ? Target.ALWAYS : yearMonth(t.get("from"), "target from");
                java.util.OptionalDouble v = targetValue(value, kind);
                if (from != null && v.isPresent()) {
                    steps.put(from, v.getAsDouble());
                }
            } else {
                if (t.get("from") != null) {
                    error(t.get("from"), "a trajectory starts at its first month; 'from' is for a single 'value'");
                }
                MapNode months = asMap(trajectory, "a target trajectory");
                if (months == null) {
                    return java.util.Optional.empty();
                }
                if (months.entries().isEmpty()) {
                    error(trajectory, "a target trajectory needs at least one month: value line");
                }
                for (Entry e : months.entries().values()) {
                    YearMonth month;
                    try {
                        month = month(e.key());
                    } catch (DateTimeParseException x) {
                        problems.error(file, e.keyPos().line(), e.keyPos().column(), "a trajectory's months are "
                                + "YYYY-MM (e.g. 2020-04), not '" + e.key() + "'");
                        continue;
                    }
                    targetValue(e.value(), kind).ifPresent(v -> steps.put(month, v));
                }
            }
        }
        if (steps.isEmpty()) {
            return java.util.Optional.empty();
        }
        Pos at = node.pos();
        return java.util.Optional.of(new Target(steps, name, new org.pcpassessor.problem.Location(file, at.line(),
                at.column())));
    }

    /** A target's value: a number; a fraction from 0 to 1 for a rate or proportion; not negative. */
    private java.util.OptionalDouble targetValue(Node node, Kind kind) {
        double v = number(node, "a target value");
        if (Double.isNaN(v)) {
            return java.util.OptionalDouble.empty();
        }
        if (kind != null && kind.hasDenominator() && (v < 0 || v > 1)) {
            error(node, "a " + kind.yamlName() + " target is a fraction (0.9 for 90%), not " + node.describe());
            return java.util.OptionalDouble.empty();
        }
        if (v < 0) {
            error(node, "a target cannot be negative: " + node.describe());
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of(v);
    }

    /**
     * The events of a measure, or of the catalogue ({@code forAll}): each a month, a kind, a text, and optionally
     * the last month ({@code to}) and what the SPC chart does ({@code spc}); every problem reported at its place.
     */
    private List<Event> events(Node node, boolean forAll) {
        ListNode list = node == null ? null : asList(node, "events");
        if (list == null) {
            return List.of();
        }
        List<Event> out = new ArrayList<>();
        for (Node item : list.items()) {
            MapNode e = asMap(item, "an event");
            if (e == null) {
                continue;
            }
            checkKeys(e, EVENT_KEYS, "event");
            YearMonth month = yearMonth(required(e, "month", "event"), "event month");
            Event.Kind kind = choice(required(e, "kind", "event"), "event kind", Event.Kind::parse, Event.Kind.names());
            String text = text(required(e, "text", "event"), "event text");
            Node toNode = e.get("to");
            YearMonth to = toNode == null ? null : yearMonth(toNode, "event end ('to')");
            Node spcNode = e.get("spc");
            Event.Spc spc = spcNode == null ? null : choice(spcNode, "event spc", Event.Spc::parse, Event.Spc.names());
            if (month == null || kind == null || text == null || (toNode != null && to == null)
                    || (spcNode != null && spc == null)) {
                continue;
            }
            if (to != null && to.isBefore(month)) {
                error(toNode, "the event ends (" + to + ") before it starts (" + month + ")");
                continue;
            }
            if (to != null && kind == Event.Kind.SUPPLY_BREAK) {
                error(toNode, "a supply break has no end month ('to'): the series stops at it; for months missing "
                        + "in the middle of a series, use kind 'other' with spc: exclude");
                continue;
            }
            if (spc != null && kind == Event.Kind.SUPPLY_BREAK) {
                error(spcNode, "a supply break takes no 'spc': the months from it are not charted");
                continue;
            }
            Pos at = e.pos();
            out.add(new Event(month, java.util.Optional.ofNullable(to), kind, text, spc == null ? kind.defaultSpc() : spc,
                    forAll, new org.pcpassessor.problem.Location(file, at.line(), at.column())));
        }
        return out;
    }

    private Map<Basis, String> tests(Node node) {
        if (node == null) {
            return Map.of();
        }
        Map<Basis, String> tests = new java.util.EnumMap<>(Basis.class);
        if (node instanceof Scalar s) {
            String name = text(s, "test");
            if (name != null && checkTest(s, name)) {
                for (Basis basis : Basis.values()) {
                    tests.put(basis, name);
                }
            }
            return tests;
        }
        MapNode map = asMap(node, "test");
        if (map == null) {
            return tests;
        }
        checkKeys(map, Set.copyOf(Basis.ids()), "test");
        for (Entry e : map.entries().values()) {
            String name = text(e.value(), "test");
            if (name != null && Basis.parse(e.key()).isPresent() && checkTest(e.value(), name)) {
                tests.put(Basis.parse(e.key()).get(), name);
            }
        }
        return tests;
    }

    private boolean checkTest(Node at, String name) {
        if (knownTests.contains(name)) {
            return true;
        }
        error(at, "unknown test '" + name + "'" + Suggestions.didYouMean(name, knownTests)
                + "; known tests: " + String.join(", ", new TreeSet<>(knownTests)));
        return false;
    }

    private Set<Basis> comparisons(Node node) {
        if (node == null) {
            return Measure.ALL_BASES;
        }
        ListNode list = asList(node, "comparisons");
        if (list == null) {
            return Measure.ALL_BASES;
        }
        Set<Basis> out = new LinkedHashSet<>();
        for (Node item : list.items()) {
            String c = text(item, "comparison");
            if (c == null) {
                continue;
            }
            if (Basis.parse(c).isEmpty()) {
                error(item, "unknown comparison '" + c + "'" + Suggestions.didYouMean(c, Basis.ids())
                        + "; use some of: " + String.join(", ", Basis.ids()));
            } else {
                out.add(Basis.parse(c).get());
            }
        }
        return out;
    }

    private <T> T choice(Node node, String what, java.util.function.Function<String, java.util.Optional<T>> parse,
                         List<String> names) {
        String text = text(node, what);
        if (text == null) {
            return null;
        }
        java.util.Optional<T> value = parse.apply(text);
        if (value.isEmpty() && text.equals("CHOOSE")) { // left by assess init for the analyst
            error(node, what + " is still to be chosen (init wrote CHOOSE): use one of: " + String.join(", ", names));
            return null;
        }
        if (value.isEmpty()) {
            error(node, "unknown " + what + " '" + text + "'" + Suggestions.didYouMean(text, names)
                    + "; use one of: " + String.join(", ", names));
            return null;
        }
        return value.get();
    }

    private YearMonth yearMonth(Node node, String what) {
        String text = text(node, what);
        if (text == null) {
            return null;
        }
        try {
            return month(text);
        } catch (DateTimeParseException e) {
            error(node, what + " must be YYYY-MM (e.g. 2020-12), not " + node.describe());
            return null;
        }
    }

    /**
     * A month as the user's files write it: exactly YYYY-MM, years 1900 to 2199 (beyond them, a typing error that
     * would make a series of millions of months).
     */
    public static YearMonth month(String text) {
        if (!text.matches("(19|20|21)[0-9]{2}-[0-9]{2}")) {
            throw new DateTimeParseException("not YYYY-MM", text, 0);
        }
        return YearMonth.parse(text);
    }

    private void checkKeys(MapNode map, Set<String> known, String where) {
        for (Entry e : map.entries().values()) {
            if (!known.contains(e.key())) {
                problems.error(file, e.keyPos().line(), e.keyPos().column(), "unknown key '" + e.key() + "' in "
                        + where + Suggestions.didYouMean(e.key(), known) + "; allowed: "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    private Node required(MapNode map, String key, String where) {
        if (map == null) {
            return null;
        }
        Node n = map.get(key);
        boolean misspelt = map.entries().keySet().stream()
                .anyMatch(k -> !ALL_KEYS.contains(k) && Suggestions.closest(k, List.of(key), 1).contains(key));
        if (n == null && !misspelt) {
            error(map, where + " needs '" + key + "'");
        }
        return n;
    }

    private MapNode asMap(Node node, String what) {
        if (node == null) {
            return null;
        }
        if (node instanceof MapNode m) {
            return m;
        }
        error(node, what + " must be a mapping (key: value lines), not " + node.describe());
        return null;
    }

    private ListNode asList(Node node, String what) {
        if (node == null) {
            return null;
        }
        if (node instanceof ListNode l) {
            return l;
        }
        error(node, what + " must be a list ('- ' items), not " + node.describe());
        return null;
    }

    private String text(Node node, String what) {
        if (node == null) {
            return null;
        }
        if (node instanceof Scalar s && !s.isNull() && !s.text().isBlank()) {
            return s.text().strip();
        }
        error(node, what + " must be a non-empty text value, not " + node.describe());
        return null;
    }

    private double number(Node node, String what) {
        if (node instanceof Scalar s && s.isNumber()) {
            return Double.parseDouble(s.text());
        }
        error(node, what + " must be a number, not " + (node == null ? "nothing" : node.describe()));
        return Double.NaN;
    }

    private void error(Node at, String message) {
        if (at instanceof Scalar s && s.isReported()) {
            return; // the reader said what is wrong with it
        }
        Pos pos = at == null ? new Pos(0, 0) : at.pos();
        problems.error(file, pos.line(), pos.column(), message);
    }
}
