package org.pcpassessor.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pcpassessor.catalogue.Yaml;
import org.pcpassessor.wording.Phrases;
import org.pcpassessor.problem.Location;
import org.pcpassessor.problem.Problems;

/**
 * The YAML files of a rules folder beside the rule files: the wording ({@code wording/*.yaml}, name: ICU template,
 * and {@code phrases.yaml} when there is one) and {@code codes.yaml} (CODE: what it means). All are optional.
 */
final class RuleFolderFiles {
    private RuleFolderFiles() {
    }

    /**
     * The wording of a rules folder: every {@code wording/*.yaml} (in name order), and {@code phrases.yaml} beside the
     * rule files when there is one (where shared phrases were written before the wording folder). Each file maps
     * names to entries; an entry is
     * <ul>
     *   <li>a text: an ICU MessageFormat template;</li>
     *   <li>a list of texts: alternatives, said in turn (a sentence a rule names, not a phrase inside another);</li>
     *   <li>a mapping with {@code by: value} and one line per value of it ({@code higher: rose},
     *       {@code lower: fell}): the line for the value the sentence has, the last line for any value not
     *       listed (or the {@code other:} line when there is one). It is read as an ICU {@code select}.</li>
     * </ul>
     * A name is written once in the folder: a second entry of the same name is an error naming the first.
     */
    static Phrases wording(Path folder, Problems problems) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        Map<String, Location> locations = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        Path legacy = folder.resolve(RuleBase.PHRASES);
        if (Files.isRegularFile(legacy)) {
            files.add(legacy);
        }
        Path wording = folder.resolve(RuleBase.WORDING);
        if (Files.isDirectory(wording)) {
            try (java.util.stream.Stream<Path> list = Files.list(wording)) {
                list.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p)).sorted()
                        .forEach(files::add);
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                problems.error(wording.toString(), 0, 0, "cannot list the wording folder: "
                        + org.pcpassessor.input.IoMessages.reason(e));
            }
        }
        NodeEntry add = (name, node, at) -> {
            if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
                problems.error(at.file(), at.line(), at.column(), "a wording name is letters and digits (it is "
                        + "used as {name} in templates and named by rules), not '" + name + "'");
                return;
            }
            Location first = locations.get(name);
            if (first != null) {
                problems.error(at.file(), at.line(), at.column(), "wording '" + name + "' is written twice; the "
                        + "first is at " + first + " (a phrase is written in one place)");
                return;
            }
            List<String> texts = texts(name, node, at, problems);
            if (texts == null) {
                return;
            }
            entries.put(name, texts); // its templates are checked with the rules (RuleContract)
            locations.put(name, at);
        };
        for (Path file : files) {
            entries(file, problems, add);
        }
        Path draft = wording.resolve(DRAFT);
        if (!Files.exists(draft)) {
            // A force's own rules folder made before the draft's words moved there: the tool's copy, said so.
            problems.warning(draft.toString(), 0, 0, "not found: the draft's own words (the paragraph under the "
                    + "title, the notices under a heading) are the tool's; copy the bundled rules/wording/" + DRAFT
                    + " here to edit them");
            try (java.io.Reader in = new java.io.InputStreamReader(java.util.Objects.requireNonNull(
                    RuleFolderFiles.class.getResourceAsStream("/org/pcpassessor/wording/" + DRAFT), DRAFT),
                    java.nio.charset.StandardCharsets.UTF_8)) {
                entries(Yaml.read(in, "the tool's " + DRAFT, problems), "the tool's " + DRAFT, problems, add);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new Phrases(entries, locations);
    }

    /** An entry's texts: one, its alternatives, or one ICU select made of its lines by value. */
    private static List<String> texts(String name, Yaml.Node node, Location at, Problems problems) {
        if (node instanceof Yaml.Scalar s && !s.isNull() && !s.isNumber()) {
            return List.of(s.text());
        }
        if (node instanceof Yaml.ListNode list && !list.items().isEmpty()) {
            List<String> out = new ArrayList<>();
            for (Yaml.Node item : list.items()) {
                if (!(item instanceof Yaml.Scalar s) || s.isNull() || s.isNumber()) {
                    problems.error(at.file(), item.pos().line(), item.pos().column(), "wording '" + name + "': each "
                            + "alternative is a text, not " + item.describe());
                    return null;
                }
                out.add(s.text());
            }
            return out;
        }
        if (node instanceof Yaml.MapNode map) {
            Yaml.Entry by = map.entries().get("by");
            if (by == null || !(by.value() instanceof Yaml.Scalar b) || b.isNull() || !b.text().matches("[A-Za-z]\\w*")) {
                problems.error(at.file(), at.line(), at.column(), "wording '" + name + "': lines by value need "
                        + "'by: <value name>' (by: direction, then higher: ..., lower: ...)");
                return null;
            }
            StringBuilder select = new StringBuilder("{").append(b.text()).append(", select,");
            String last = null;
            boolean other = false;
            for (Yaml.Entry line : map.entries().values()) {
                if (line.key().equals("by")) {
                    continue;
                }
                if (!line.key().matches("[A-Za-z0-9_]+")) {
                    problems.error(at.file(), line.keyPos().line(), line.keyPos().column(), "wording '" + name
                            + "': a line's key is a value of " + b.text() + " (letters, digits, _), not '"
                            + line.key() + "'");
                    return null;
                }
                if (!(line.value() instanceof Yaml.Scalar s) || s.isNull() || s.isNumber()) {
                    problems.error(at.file(), line.value().pos().line(), line.value().pos().column(), "wording '"
                            + name + "': the line for " + line.key() + " is a text, not " + line.value().describe());
                    return null;
                }
                select.append(' ').append(line.key()).append(" {").append(s.text()).append('}');
                last = s.text();
                other |= line.key().equals("other");
            }
            if (last == null) {
                problems.error(at.file(), at.line(), at.column(), "wording '" + name + "': no line besides by:");
                return null;
            }
            if (!other) {
                select.append(" other {").append(last).append('}');
            }
            return List.of(select.append('}').toString());
        }
        problems.error(at.file(), node.pos().line(), node.pos().column(), "wording '" + name + "' must be a text, a "
                + "list of alternative texts, or lines by value (by: ...), not " + node.describe());
        return null;
    }

    static List<RuleBase.DeclaredCode> codes(Path file, Problems problems) {
        List<RuleBase.DeclaredCode> codes = new ArrayList<>();
        texts(file, problems, "finding code", (name, text, at) -> {
            if (!name.matches("[A-Z][A-Z0-9_]*")) {
                problems.error(at.file(), at.line(), at.column(), "a finding code is UPPER_CASE_WITH_UNDERSCORES, not '"
                        + name + "'");
            } else {
                codes.add(new RuleBase.DeclaredCode(name, text, at));
            }
        });
        return codes;
    }

    private interface Entry {
        void accept(String name, String text, Location at);
    }

    private interface NodeEntry {
        void accept(String name, Yaml.Node node, Location at);
    }

    /** The entries of a YAML mapping file, each with where its name is written. */
    /** The draft's own words' file in the wording folder ({@link org.pcpassessor.wording.DraftWords}). */
    static final String DRAFT = org.pcpassessor.wording.DraftWords.FILE;

    private static void entries(Path file, Problems problems, NodeEntry entry) {
        String name = file.toString();
        entries(Yaml.read(file, name, problems), name, problems, entry);
    }

    private static void entries(Yaml.Node root, String name, Problems problems, NodeEntry entry) {
        if (root == null) {
            return;
        }
        if (!(root instanceof Yaml.MapNode map)) {
            problems.error(name, root.pos().line(), root.pos().column(), "expected a mapping of wording names to "
                    + "texts, not " + root.describe());
            return;
        }
        for (Yaml.Entry e : map.entries().values()) {
            entry.accept(e.key(), e.value(), new Location(name, e.keyPos().line(), e.keyPos().column()));
        }
    }

    private static void texts(Path file, Problems problems, String what, Entry entry) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        String name = file.toString();
        Yaml.Node root = Yaml.read(file, name, problems);
        if (root == null) {
            return;
        }
        if (!(root instanceof Yaml.MapNode map)) {
            problems.error(name, root.pos().line(), root.pos().column(), "expected a mapping of " + what
                    + " names to texts, not " + root.describe());
            return;
        }
        for (Yaml.Entry e : map.entries().values()) {
            Location at = new Location(name, e.keyPos().line(), e.keyPos().column());
            if (e.value() instanceof Yaml.Scalar s && !s.isNull() && !s.isNumber()) {
                entry.accept(e.key(), s.text(), at);
            } else {
                problems.error(name, e.value().pos().line(), e.value().pos().column(), what + " '" + e.key()
                        + "' must be a text, not " + e.value().describe());
            }
        }
    }
}
