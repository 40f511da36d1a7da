package org.pcpassessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * File helpers shared by tests, and the frozen inputs they run on (src/test/resources/frozen): a copy of the rules,
 * catalogue and scenarios, so that an analyst's edit of the live files never breaks the build.
 */
public final class TestFiles {
    public static final Path FROZEN = Path.of("src/test/resources/frozen");
    public static final Path CATALOGUE = FROZEN.resolve("measures.yaml");
    public static final Path RULES = FROZEN.resolve("rules");
    public static final Path SCENARIOS = FROZEN.resolve("scenarios");

    private TestFiles() {
    }

    /**
     * The frozen catalogue's text ({@code data: [fixtures/cambridgeshire/*.csv]}: beside it, {@code fixtures} is a
     * link to the repository's fixtures folder), for tests that copy it into a folder of their own.
     */
    public static String catalogueText() throws IOException {
        return Files.readString(CATALOGUE);
    }

    /**
     * Fails unless {@code source} ({@code path:line}) declares the rule: a DRL line {@code rule "name"}, or, in a
     * decision table ({@code .drl.csv}), the data row whose number ends the generated name ("Table_10").
     */
    public static void assertDeclares(org.pcpassessor.problem.Location source, String rule) throws IOException {
        assertDeclares(source.toString(), rule);
    }

    /** As {@link #assertDeclares(org.pcpassessor.problem.Location, String)}, for a source read from JSON. */
    public static void assertDeclares(String source, String rule) throws IOException {
        Path file = Path.of(source.substring(0, source.lastIndexOf(':')));
        int line = Integer.parseInt(source.substring(source.lastIndexOf(':') + 1));
        String declared = Files.readAllLines(file).get(line - 1);
        boolean ok = file.toString().endsWith(".drl.csv")
                ? rule.endsWith("_" + line) && !declared.replace(",", "").isBlank()
                : declared.strip().startsWith("rule \"" + rule + "\"");
        if (!ok) {
            throw new AssertionError(source + " does not declare rule '" + rule + "': " + declared);
        }
    }

    /**
     * A command line with {@code --catalogue} and {@code --rules} of the frozen inputs added after the command name,
     * unless it names its own ({@code help} and option-less calls are left alone).
     */
    public static String[] withFrozenInputs(String... args) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
        if (all.isEmpty() || all.get(0).startsWith("-") || all.get(0).equals("help")) {
            return args;
        }
        if (!all.contains("--catalogue")) {
            all.addAll(1, java.util.List.of("--catalogue", CATALOGUE.toString()));
        }
        if (!all.contains("--rules")) {
            all.addAll(1, java.util.List.of("--rules", RULES.toString()));
        }
        return all.toArray(String[]::new);
    }

    /** Copies the frozen rules folder into {@code to}, as an analyst would copy theirs before editing. */
    public static void copyRules(Path to) throws IOException {
        Path from = RULES;
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
