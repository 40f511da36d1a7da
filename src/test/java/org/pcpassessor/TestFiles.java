package org.pcpassessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** File helpers shared by tests. */
public final class TestFiles {
    private TestFiles() {
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
