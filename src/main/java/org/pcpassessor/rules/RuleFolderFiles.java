package org.pcpassessor.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pcpassessor.catalogue.Yaml;
import org.pcpassessor.facts.Phrases;
import org.pcpassessor.facts.Values;
import org.pcpassessor.problem.Location;
import org.pcpassessor.problem.Problems;

/**
 * The two YAML files of a rules folder beside the rule files: {@code phrases.yaml} (name: ICU template) and
 * {@code codes.yaml} (CODE: what it means). Both are optional; both are mappings of texts.
 */
final class RuleFolderFiles {
    private RuleFolderFiles() {
    }

    static Phrases phrases(Path file, Problems problems) {
        Map<String, String> templates = new LinkedHashMap<>();
        Map<String, Location> locations = new LinkedHashMap<>();
        texts(file, problems, "phrase", (name, text, at) -> {
            if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
                problems.error(at.file(), at.line(), at.column(), "a phrase name is letters and digits (it is used as "
                        + "{name} in templates), not '" + name + "'");
                return;
            }
            try {
                Values.namesIn(text);
                templates.put(name, text);
                locations.put(name, at);
            } catch (Values.TemplateException e) {
                problems.error(at.file(), at.line(), at.column(), "phrase '" + name + "': " + e.getMessage());
            }
        });
        return new Phrases(templates, locations);
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
