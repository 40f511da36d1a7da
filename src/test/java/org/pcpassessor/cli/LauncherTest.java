package org.pcpassessor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher ({@code assess}) with trusted rules: a JVM that ends without the tool's mark (a rule called
 * {@code Runtime.halt(0)}, which runs no shutdown hook) is exit 2 with a message, never 0. Run on a copy of the
 * launcher with a stand-in for {@code java} ({@code PCP_JAVA}) that ends as a halted JVM would, with or without
 * writing the mark the tool writes ({@code -Dpcp.done}); the real tool is run the same way by {@code .ci/run}.
 */
class LauncherTest {
    @TempDir
    Path dir;

    private static final String FAKE_JAVA = """
            #!/bin/sh
            # a stand-in for java: writes the tool's mark when FAKE_MARK=1, then ends with FAKE_STATUS
            for a in "$@"; do case "$a" in -Dpcp.done=*) mark="${a#-Dpcp.done=}";; esac; done
            if [ "$FAKE_MARK" = 1 ] && [ -n "$mark" ]; then echo done > "$mark"; fi
            [ -n "$mark" ] && echo "marked:$mark"
            exit "${FAKE_STATUS:-0}"
            """;

    @BeforeEach
    void launcher() throws Exception {
        Files.copy(Path.of("assess"), dir.resolve("assess"));
        Files.writeString(dir.resolve("pom.xml"), "");
        Files.createDirectories(dir.resolve("src/main"));
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/pcp-assessor-all.jar"), "");
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        Files.setLastModifiedTime(dir.resolve("pom.xml"), old);
        Files.setLastModifiedTime(dir.resolve("src/main"), old);
        Files.writeString(dir.resolve("fakejava"), FAKE_JAVA);
        Files.setPosixFilePermissions(dir.resolve("fakejava"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir.resolve("assess"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Ran(int exit, String out, String err) {
    }

    private Ran assess(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of(dir.resolve("assess").toString())));
        pb.command().addAll(List.of(args));
        pb.environment().put("PCP_JAVA", dir.resolve("fakejava").toString());
        pb.environment().put("TMPDIR", dir.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Ran(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aTrustedRunThatEndsWithZeroWithoutTheToolsMarkIsExitTwo() throws Exception {
        Ran halted = assess(Map.of("FAKE_STATUS", "0"), "check", "--trust-rules");
        assertEquals(2, halted.exit(), halted.err());
        assertTrue(halted.err().contains("a trusted rule called System.exit or Runtime.halt; a rule may not end the "
                + "process"), halted.err());
        try (var left = Files.list(dir)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().startsWith("pcp-done.")), "the mark is removed");
        }
    }

    @Test
    void aTrustedRunTheToolEndsKeepsItsStatus() throws Exception {
        assertEquals(0, assess(Map.of("FAKE_STATUS", "0", "FAKE_MARK", "1"), "check", "--trust-rules").exit());
        assertEquals(1, assess(Map.of("FAKE_STATUS", "1", "FAKE_MARK", "1"), "check", "--trust-rules").exit());
        // killed by a signal (128 + 9): passed on as it is
        assertEquals(137, assess(Map.of("FAKE_STATUS", "137"), "check", "--trust-rules").exit());
    }

    @Test
    void anUntrustedRunIsTheJvmItselfWithNoMark() throws Exception {
        Ran plain = assess(Map.of("FAKE_STATUS", "0"), "check");
        assertEquals(0, plain.exit(), plain.err());
        assertFalse(plain.out().contains("marked:"), plain.out());
    }
}
