package org.pcpassessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** File helpers shared by tests. */
public final class TestFiles {
    private TestFiles() {
    }

    /**
     * Fails unless {@code source} ({@code path:line}) declares the rule: a DRL line {@code rule "name"}, or, in a
     * decision table ({@code .drl.csv}), the data row whose number ends the generated name ("Table_10").
     */
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

    /** Copies the repository's rules folder into {@code to}, as an analyst would before editing. */
    public static void copyRules(Path to) throws IOException {
        Path from = Path.of("rules");
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
