package org.pcpassessor.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.problem.Suggestions;

/**
 * Checks the rule files for names the compiler cannot know are wrong: a finding code that no classify rule
 * makes (a narrate rule waiting for "HIGHR" would never fire), and a measure id that is not in the catalogue.
 */
public final class RuleLint {
    /** The codes of the design contract, always known even if no rule in the folder makes them. */
    public static final Set<String> CONTRACT_CODES = Set.of("HIGHER", "LOWER", "IMPROVED", "DETERIORATED",
            "COMPARABLE", "SIGNIFICANT_RISE", "SIGNIFICANT_FALL", "TWELVE_MONTH_HIGH", "TWELVE_MONTH_LOW",
            "HIGHEST_SINCE", "LOWEST_SINCE", "CONSECUTIVE_RISES", "CONSECUTIVE_FALLS", "TREND_UP", "TREND_DOWN",
            "TREND_FLAT", "AREA_DIVERGENCE", "SPC_IMPROVEMENT", "SPC_CONCERN", "SPC_SPECIAL_CAUSE", "SPC_COMMON_CAUSE");
    private static final Pattern MAKES = Pattern.compile("Finding\\.of\\(\\s*kcontext\\s*,\\s*\"([^\"]+)\"");
    private static final Pattern CODE_IS = Pattern.compile("\\bcode\\s*(?:==|!=)\\s*\"([^\"]*)\"");
    private static final Pattern CODE_IN = Pattern.compile("\\bcode\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)");
    private static final Pattern MEASURE_IS = Pattern.compile("\\bmeasureId\\s*(?:==|!=)\\s*\"([^\"]*)\"");
    private static final Pattern MEASURE_IN = Pattern.compile("\\bmeasureId\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private RuleLint() {
    }

    public static void check(RuleBase base, Collection<String> measureIds, Problems problems) {
        Set<Path> files = new TreeSet<>();
        base.rules().forEach(r -> files.add(Path.of(r.source().substring(0, r.source().lastIndexOf(':')))));
        Set<String> made = new TreeSet<>(CONTRACT_CODES);
        for (Path f : files) {
            Matcher m = MAKES.matcher(f.toString().endsWith(".drl.csv") ? tableAsDrl(f) : read(f));
            while (m.find()) {
                made.add(m.group(1));
            }
        }
        for (Path f : files) {
            if (f.toString().endsWith(".drl.csv")) {
                continue; // a table's conditions are its cells: checked through the DRL it compiles to, above
            }
            String text = read(f);
            names(text, CODE_IS, CODE_IN, (name, offset) -> {
                if (!made.contains(name)) {
                    report(problems, f, text, offset, "finding code '" + name + "' is made by no classify rule"
                            + Suggestions.didYouMean(name, made) + ", so this condition can never match");
                }
            });
            names(text, MEASURE_IS, MEASURE_IN, (name, offset) -> {
                if (!measureIds.contains(name)) {
                    report(problems, f, text, offset, "measure id '" + name + "' is not in the catalogue"
                            + Suggestions.didYouMean(name, measureIds));
                }
            });
        }
    }

    private interface Found {
        void name(String name, int offset);
    }

    private static void names(String text, Pattern single, Pattern list, Found found) {
        Matcher m = single.matcher(text);
        while (m.find()) {
            if (!inComment(text, m.start())) {
                found.name(m.group(1), m.start(1));
            }
        }
        Matcher l = list.matcher(text);
        while (l.find()) {
            if (inComment(text, l.start())) {
                continue;
            }
            Matcher q = QUOTED.matcher(l.group(1));
            while (q.find()) {
                found.name(q.group(1), l.start(1) + q.start(1));
            }
        }
    }

    private static boolean inComment(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset) + 1;
        return text.substring(lineStart, offset).contains("//");
    }

    private static void report(Problems problems, Path file, String text, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        problems.error(file.toString(), line, offset - lineStart + 1, message);
    }

    /** The DRL a CSV decision table compiles to (Drools' own SpreadsheetCompiler). */
    private static String tableAsDrl(Path f) {
        try (var in = Files.newInputStream(f)) {
            return new org.drools.decisiontable.SpreadsheetCompiler().compile(in,
                    org.drools.decisiontable.InputType.CSV);
        } catch (IOException | RuntimeException e) {
            return ""; // the table's own errors come from the build, with its file
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
