package org.pcpassessor.notes;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pcpassessor.catalogue.Catalogue;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.catalogue.Pillar;
import org.pcpassessor.catalogue.Priority;
import org.pcpassessor.catalogue.Yaml;
import org.pcpassessor.wording.Values;
import org.pcpassessor.input.IoMessages;
import org.pcpassessor.input.TextFile;
import org.pcpassessor.problem.Location;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.problem.Suggestions;

/**
 * Reads the analysts' notes of a month: {@code <notes>/<YYYY-MM>/<priority>.md}, one file per priority, named by the
 * priority in lower case with hyphens ({@code domestic-abuse.md}; {@code <pillar>-<priority>.md} works too and is
 * needed when two pillars share a priority name; a pillar's own measures are {@code <pillar>-headlines.md}). A file
 * may start with front matter between {@code ---} lines: {@code suppress:} and {@code pin:}, each a list of topics
 * (or measure ids) of the priority. The rest is paragraphs separated by blank lines. Every problem is collected with
 * its file:line:col: an unknown priority, key, topic, measure, figure or area, a brace that opens no placeholder.
 */
public final class NotesLoader {
    /** The folder the catalogue's notes live in, beside it, unless {@code --notes} names another. */
    public static final String DEFAULT_FOLDER = "notes";
    static final Set<String> FRONT_KEYS = Set.of("suppress", "pin");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "([A-Za-z0-9][A-Za-z0-9._-]*)\\.([A-Za-z0-9]+)(?:@([^{}]+))?");

    private final Catalogue catalogue;
    private final Problems problems;

    public NotesLoader(Catalogue catalogue, Problems problems) {
        this.catalogue = catalogue;
        this.problems = problems;
    }

    /** The figures a placeholder may name for a measure: its figures, changes and (counts, medians) differences. */
    public static List<String> figures(Measure m) {
        List<String> names = new ArrayList<>(Values.FIGURES);
        names.addAll(Values.CHANGES);
        if (!m.kind().hasDenominator()) {
            names.addAll(Values.DIFFERENCES);
        }
        return names;
    }

    /** The notes of a month; none when the month has no folder. */
    public List<NoteFile> read(Path folder, YearMonth month) {
        Path dir = folder.resolve(month.toString());
        if (!Files.exists(dir)) {
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            problems.error(dir.toString(), 0, 0, "notes for " + month + " must be a folder of .md files, not a file");
            return List.of();
        }
        Map<String, Priority> bySlug = new LinkedHashMap<>();
        Map<Priority, String> preferred = new LinkedHashMap<>(); // the shortest name of each, for messages
        Map<Priority, Pillar> pillarOf = new LinkedHashMap<>();
        Map<String, Integer> nameCount = new LinkedHashMap<>();
        for (Pillar p : catalogue.pillars()) {
            for (Priority q : p.priorities()) {
                nameCount.merge(slug(q.name()), 1, Integer::sum);
            }
        }
        for (Pillar p : catalogue.pillars()) {
            for (Priority q : p.priorities()) {
                pillarOf.put(q, p);
                bySlug.put(slug(p.name()) + "-" + slug(q.name()), q);
                preferred.put(q, slug(p.name()) + "-" + slug(q.name()));
                if (!q.isHeadlines() && nameCount.get(slug(q.name())) == 1) {
                    bySlug.put(slug(q.name()), q);
                    preferred.put(q, slug(q.name()));
                }
            }
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException | SecurityException e) {
            problems.error(dir.toString(), 0, 0, "cannot list the notes folder: " + IoMessages.reason(e));
            return List.of();
        }
        List<NoteFile> notes = new ArrayList<>();
        Set<Priority> seen = new LinkedHashSet<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (!name.endsWith(".md")) {
                problems.warning(f.toString(), 0, 0, "not a notes file (notes are .md files named after a priority); "
                        + "ignored");
                continue;
            }
            String slug = name.substring(0, name.length() - 3);
            Priority priority = bySlug.get(slug);
            if (priority == null) {
                problems.error(f.toString(), 0, 0, "no priority is called '" + slug + "'"
                        + Suggestions.didYouMean(slug, bySlug.keySet()) + "; notes files are named after a priority: "
                        + String.join(", ", preferred.values().stream().map(s -> s + ".md").toList()));
                continue;
            }
            if (!seen.add(priority)) {
                problems.error(f.toString(), 0, 0, "a second notes file for priority '" + priority.name()
                        + "'; keep one file per priority");
                continue;
            }
            long before = problems.errorCount();
            NoteFile note = read(f, pillarOf.get(priority), priority);
            if (note != null && problems.errorCount() == before) {
                notes.add(note);
            }
        }
        return notes;
    }

    /** "Domestic Abuse" gives "domestic-abuse". */
    public static String slug(String name) {
        return name.toLowerCase(Locale.UK).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private NoteFile read(Path path, Pillar pillar, Priority priority) {
        String file = path.toString();
        String text = TextFile.read(path, file, TextFile.YAML, problems).orElse(null);
        if (text == null) {
            return null;
        }
        List<String> lines = text.lines().toList();
        Map<String, String> topics = topics(priority);
        Set<String> suppress = new TreeSet<>();
        Set<String> pin = new TreeSet<>();
        int body = 0;
        if (!lines.isEmpty() && lines.get(0).strip().equals("---")) {
            int end = -1;
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).strip().equals("---")) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                problems.error(file, 1, 1, "the front matter opened here has no closing '---' line");
                return null;
            }
            // A blank first line keeps the YAML reader's line numbers those of the file.
            String front = "\n" + String.join("\n", lines.subList(1, end)) + "\n";
            Yaml.Node node = Yaml.read(new StringReader(front), file, problems);
            if (node instanceof Yaml.MapNode map) {
                for (Yaml.Entry e : map.entries().values()) {
                    if (!FRONT_KEYS.contains(e.key())) {
                        problems.error(file, e.keyPos().line(), e.keyPos().column(), "unknown key '" + e.key()
                                + "' in the front matter" + Suggestions.didYouMean(e.key(), FRONT_KEYS)
                                + "; allowed: pin, suppress");
                        continue;
                    }
                    (e.key().equals("pin") ? pin : suppress).addAll(topicList(e.value(), e.key(), topics, priority,
                            file));
                }
                Set<String> both = new TreeSet<>(pin);
                both.retainAll(suppress);
                if (!both.isEmpty()) {
                    problems.error(file, map.pos().line(), map.pos().column(), "topic(s) " + both
                            + " both pinned and suppressed");
                }
            } else if (node != null && !(node instanceof Yaml.Scalar s && s.isNull())) {
                problems.error(file, 2, 1, "the front matter must be keys (suppress:, pin:), not "
                        + node.describe());
            }
            body = end + 1;
        }
        List<NoteFile.Paragraph> paragraphs = new ArrayList<>();
        int i = body;
        while (i < lines.size()) {
            if (lines.get(i).isBlank()) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder joined = new StringBuilder();
            List<int[]> starts = new ArrayList<>(); // per line: offset in joined text, line number, indent
            while (i < lines.size() && !lines.get(i).isBlank()) {
                String line = lines.get(i);
                String stripped = line.strip();
                if (joined.length() > 0) {
                    joined.append(' ');
                }
                int indent = line.indexOf(stripped.isEmpty() ? " " : stripped.substring(0, 1));
                starts.add(new int[] {joined.length(), i + 1, indent});
                joined.append(stripped);
                i++;
            }
            String paragraph = joined.toString();
            if (paragraph.startsWith("<!--") && paragraph.endsWith("-->")) {
                continue; // a comment for the analysts, not for the paper
            }
            List<NoteFile.Placeholder> placeholders = placeholders(paragraph, starts, file);
            String after = placeholders.stream().filter(p -> !p.isMonth())
                    .map(p -> catalogue.measure(p.measureId()).map(Measure::topic).orElse(""))
                    .filter(topics::containsValue).findFirst().orElse("");
            paragraphs.add(new NoteFile.Paragraph(paragraph, placeholders, after, new Location(file, start + 1, 1)));
        }
        return new NoteFile(pillar.name(), priority.name(), paragraphs, suppress, pin, Location.of(file));
    }

    /** Topic names and measure ids of a priority, each to its topic. */
    private static Map<String, String> topics(Priority priority) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Measure m : priority.measures()) {
            out.put(m.topic(), m.topic());
            out.put(m.id(), m.topic());
        }
        return out;
    }

    private List<String> topicList(Yaml.Node node, String key, Map<String, String> topics, Priority priority,
                                   String file) {
        List<Yaml.Node> items = node instanceof Yaml.ListNode l ? l.items() : List.of(node);
        List<String> out = new ArrayList<>();
        for (Yaml.Node item : items) {
            if (!(item instanceof Yaml.Scalar s) || s.isNull() || s.text().isBlank()) {
                problems.error(file, item.pos().line(), item.pos().column(), key + " lists topics or measure ids, not "
                        + item.describe());
                continue;
            }
            String topic = topics.get(s.text().strip());
            if (topic == null) {
                problems.error(file, item.pos().line(), item.pos().column(), "'" + s.text().strip()
                        + "' is not a topic or measure of priority '" + priority.name() + "'"
                        + Suggestions.didYouMean(s.text().strip(), topics.keySet()) + "; it has: "
                        + String.join(", ", new TreeSet<>(topics.keySet())));
                continue;
            }
            out.add(topic);
        }
        return out;
    }

    private List<NoteFile.Placeholder> placeholders(String text, List<int[]> starts, String file) {
        List<NoteFile.Placeholder> out = new ArrayList<>();
        List<String> ids = catalogue.measures().stream().map(Measure::id).toList();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                problems.add(error(file, starts, i, "a '}' that closes no placeholder (placeholders are "
                        + "{measure.figure}, e.g. {da-recorded-crime.rolling12})"));
                i++;
                continue;
            }
            if (c != '{') {
                i++;
                continue;
            }
            int close = text.indexOf('}', i + 1);
            int nextOpen = text.indexOf('{', i + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                problems.add(error(file, starts, i, "a '{' with no closing '}' (placeholders are {measure.figure}, "
                        + "e.g. {da-recorded-crime.rolling12})"));
                i++;
                continue;
            }
            String inside = text.substring(i + 1, close).strip();
            Location at = at(file, starts, i);
            if (inside.equals(NoteFile.Placeholder.MONTH)) {
                out.add(new NoteFile.Placeholder("", NoteFile.Placeholder.MONTH, "", i, close + 1, at));
            } else {
                placeholder(inside, i, close + 1, at, ids).ifPresent(out::add);
            }
            i = close + 1;
        }
        return out;
    }

    private java.util.Optional<NoteFile.Placeholder> placeholder(String inside, int start, int end, Location at,
                                                                List<String> ids) {
        Matcher m = PLACEHOLDER.matcher(inside);
        if (!m.matches()) {
            problems.add(Problem.error(at, "'{" + inside + "}' is not a placeholder: write "
                    + "{measure.figure} or {measure.figure@Area} (e.g. {da-recorded-crime.rolling12}), or {month}"));
            return java.util.Optional.empty();
        }
        String id = m.group(1);
        String figure = m.group(2);
        String area = m.group(3) == null ? catalogue.headlineArea() : m.group(3).strip();
        Measure measure = catalogue.measure(id).orElse(null);
        boolean ok = true;
        if (measure == null) {
            problems.add(Problem.error(at, "'{" + inside + "}' names no measure of the "
                    + "catalogue: '" + id + "'" + Suggestions.didYouMean(id, ids)));
            ok = false;
        } else if (!figures(measure).contains(figure)) {
            problems.add(Problem.error(at, "'{" + inside + "}': a " + measure.kind().yamlName()
                    + " measure has no figure '" + figure + "'" + Suggestions.didYouMean(figure, figures(measure))
                    + "; figures: " + String.join(", ", figures(measure))));
            ok = false;
        }
        if (!catalogue.areas().contains(area)) {
            problems.add(Problem.error(at, "'{" + inside + "}' names no area of the "
                    + "catalogue: '" + area + "'" + Suggestions.didYouMean(area, catalogue.areas()) + "; areas: "
                    + String.join(", ", catalogue.areas())));
            ok = false;
        }
        return ok ? java.util.Optional.of(new NoteFile.Placeholder(id, figure, area, start, end, at))
                : java.util.Optional.empty();
    }

    private static Problem error(String file, List<int[]> starts, int offset, String message) {
        return Problem.error(at(file, starts, offset), message);
    }

    /** The file line and column of an offset in a paragraph whose lines were joined with single spaces. */
    private static Location at(String file, List<int[]> starts, int offset) {
        int[] line = starts.get(0);
        for (int[] s : starts) {
            if (s[0] <= offset) {
                line = s;
            }
        }
        return new Location(file, line[1], line[2] + offset - line[0] + 1);
    }
}
