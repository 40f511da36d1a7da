package org.pcpassessor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.problem.InputException;

/**
 * What can only be seen from outside the process: a trusted rule calling {@code System.exit(0)} ends the command
 * with 2 and a message naming the rule, not 0 with no output; and how the atomic write treats file permissions and
 * the temporary files of a killed run.
 */
class ProcessGuardTest {
    /** A rule that ends the process from its consequence. */
    static final String EXIT_RULE = """
            package pcp.classify;
            import org.pcpassessor.facts.*;
            rule "Leave"
            when
                $s : Snapshot( measureId == "da-ppo-rate", area == "Force" )
            then
                System.exit(0);
            end
            """;

    @TempDir
    Path dir;

    /** A command's exit code and its output (standard output and error together). */
    private record Ran(int exit, String output) {
    }

    /** The command line run in a JVM of its own (with these options) on this test's class path, as a user runs it. */
    private static Ran assessInItsOwnProcess(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command did not end");
        return new Ran(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aTrustedRuleCallingSystemExitEndsTheProcessWithTwoAndNamesTheRule() throws Exception {
        BadInputCorpusTest.setUp(dir);
        Files.writeString(dir.resolve("rules/classify/zz-exit.drl"), EXIT_RULE);
        Path out = dir.resolve("out.md");
        Files.writeString(out, "the analyst's last good report");
        Ran ran = assessInItsOwnProcess(List.of(), "report", "--catalogue", dir.resolve("measures.yaml").toString(),
                "--rules", dir.resolve("rules").toString(), "--trust-rules", "--out", out.toString());
        String output = ran.output();
        assertEquals(2, ran.exit(), output);
        assertTrue(output.contains("the process was told to exit while rule 'Leave' ("), output);
        assertTrue(output.contains("zz-exit.drl:3) was running; a rule may not end the process"), output);
        assertEquals("the analyst's last good report", Files.readString(out));
    }

    @Test
    void aTrustedRuleCallingSystemExitOutsideAConsequenceEndsTheProcessWithTwo() throws Exception {
        // issue 27: System.exit(0) in a function an eval calls ended the process with 0 and no message, since no
        // consequence was running; any exit the command did not make is now exit 2
        BadInputCorpusTest.setUp(dir);
        Files.writeString(dir.resolve("rules/classify/zz-exit.drl"), """
                package pcp.classify;
                import org.pcpassessor.facts.*;
                function boolean leave() {
                    System.exit(0);
                    return true;
                }
                rule "Leave in a condition"
                when
                    $s : Snapshot( headline )
                    eval( leave() )
                then
                    String x = "y";
                end
                """);
        Path out = dir.resolve("out.md");
        Files.writeString(out, "the analyst's last good report");
        Ran ran = assessInItsOwnProcess(List.of(), "report", "--catalogue", dir.resolve("measures.yaml").toString(),
                "--rules", dir.resolve("rules").toString(), "--trust-rules", "--out", out.toString());
        assertEquals(2, ran.exit(), ran.output());
        assertTrue(ran.output().contains("the process was told to exit while the rules were running (a condition, an "
                + "eval or a function); a rule may not end the process"), ran.output());
        assertEquals("the analyst's last good report", Files.readString(out));
    }

    @Test
    void aRunTooBigForItsHeapSaysSoAndWritesNothing() throws Exception {
        // 11,840 series in a 40 MB heap, about a quarter of what they need (2,960 series ran in 43 MB, failed in 42
        // MB, by hand): the run cannot finish (the bench's 490,000 series in 4 GB once ended so)
        org.pcpassessor.bench.Scale.generate(org.pcpassessor.TestFiles.CATALOGUE, dir.resolve("big"), 4, 80, 1);
        Path out = dir.resolve("out.md");
        Files.writeString(out, "the analyst's last good report");
        Ran ran = assessInItsOwnProcess(List.of("-Xmx40m"), "report", "--catalogue",
                dir.resolve("big/measures.yaml").toString(), "--rules", org.pcpassessor.TestFiles.RULES.toString(),
                "--out", out.toString());
        String output = ran.output();
        assertEquals(1, ran.exit(), output);
        assertTrue(output.contains("assess: error: out of memory (the Java heap is at most"), output);
        assertTrue(output.contains("PCP_JAVA_OPTS=-Xmx1g"), output); // twice 40 MB, in whole gigabytes
        assertTrue(!output.contains("\tat "), "no stack trace: " + output);
        assertEquals("the analyst's last good report", Files.readString(out));
    }

    @Test
    void outOfMemorySuggestsTwiceTheHeapInWholeGigabytes() {
        // by hand: 4,096 MB -> 8 GB; 8,107 MB (what -Xmx8g reported here) -> 16,214 MB, 15.8 GB, rounded up to 16;
        // 40 MB -> 80 MB, at least 1 GB
        assertTrue(Main.outOfMemory(4096L << 20).contains("at most 4096 MB)"));
        assertTrue(Main.outOfMemory(4096L << 20).contains("PCP_JAVA_OPTS=-Xmx8g ./assess"));
        assertTrue(Main.outOfMemory(8107L << 20).contains("PCP_JAVA_OPTS=-Xmx16g ./assess"));
        assertTrue(Main.outOfMemory(40L << 20).contains("PCP_JAVA_OPTS=-Xmx1g ./assess"));
    }

    @Test
    void theSameRuleWithoutTrustIsRejectedBeforeAnythingRuns() throws Exception {
        BadInputCorpusTest.setUp(dir);
        Files.writeString(dir.resolve("rules/classify/zz-exit.drl"), EXIT_RULE);
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = Main.execute(new String[] {"check", "--catalogue", dir.resolve("measures.yaml").toString(),
            "--rules", dir.resolve("rules").toString()}, new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err));
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("zz-exit.drl:7:5: error: 'System' is not part of the rule API"), err.toString());
    }

    @Test
    void aReplacedFileKeepsItsPermissionsAndANewOneGetsTheUmask() throws IOException {
        Path kept = dir.resolve("kept.md");
        Files.writeString(kept, "old");
        Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(kept, shared);
        AtomicFiles.write(kept, "new", "--out");
        assertEquals("new", Files.readString(kept));
        assertEquals(shared, Files.getPosixFilePermissions(kept));

        // A file made the ordinary way in the same folder shows what the umask gives; the report must get the same.
        Path ordinary = Files.createFile(dir.resolve("ordinary"));
        Path made = dir.resolve("made.md");
        AtomicFiles.write(made, "x", "--out");
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(made));
    }

    @Test
    void aTemporaryFileLeftByAKilledRunIsRemovedByTheNextAndALiveRunsIsKept() throws IOException {
        Path target = dir.resolve("out.md");
        // PIDs above the kernel's pid_max (4194304 at most on Linux) belong to no process.
        Path dead = Files.writeString(dir.resolve(".out.md.99999999.1a2b.tmp"), "half a report");
        Path live = Files.writeString(dir.resolve(".out.md." + ProcessHandle.current().pid() + ".3c4d.tmp"), "writing");
        Path other = Files.writeString(dir.resolve(".other.md.99999999.1a2b.tmp"), "another target's");
        AtomicFiles.write(target, "report", "--out");
        assertFalse(Files.exists(dead), "the killed run's temporary file is still there");
        assertTrue(Files.exists(live), "a running process's temporary file was removed");
        assertTrue(Files.exists(other), "another target's temporary file was removed");
        assertEquals("report", Files.readString(target));
    }

    /**
     * A file written as it is made (the JSON report, streamed) that fails half way, as a full disk or an exhausted
     * heap would make it: the old file is untouched and the half-written temporary file is gone.
     */
    @Test
    void aStreamedWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporaryOne() throws IOException {
        Path target = Files.writeString(dir.resolve("report.json"), "the old report");
        InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                () -> AtomicFiles.write(target, out -> {
                    out.write(new byte[200_000]); // past the write buffer: bytes reach the temporary file
                    throw new IOException("No space left on device");
                }, "--out"));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertEquals("the old report", Files.readString(target));
        Error oom = org.junit.jupiter.api.Assertions.assertThrows(OutOfMemoryError.class,
                () -> AtomicFiles.write(target, out -> {
                    out.write(new byte[200_000]);
                    throw new OutOfMemoryError("Java heap space");
                }, "--out"));
        assertEquals("Java heap space", oom.getMessage());
        assertEquals("the old report", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "only the old report is in the folder");
        }
    }
}
