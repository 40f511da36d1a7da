package org.pcpassessor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;

/**
 * The hostile-rules suite (issue 27): every escape found by a hostile reader of the rule check, and the ways Java
 * reaches outside a sandbox, each a rule file in {@code src/test/resources/hostile-rules/} whose first line says what
 * it tried and the line it must be refused at. Each is added to a workspace that passes {@code check}, and run,
 * without {@code --trust-rules}, under {@code check}, {@code report}, {@code explain} and {@code test}: each must end
 * with exit 2 and the file:line, write no report, and do nothing it aimed at (the file it would write is absent;
 * {@code ~/java0.log}, which Drools made while compiling an {@code import accumulate} of a FileHandler, is not made).
 */
class HostileRulesTest {
    static final Path HOSTILE = Path.of("src/test/resources/hostile-rules");
    private static final Pattern REFUSED_AT = Pattern.compile("Refused at line (\\d+)\\.");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyHostileRuleIsRefusedUnderEveryCommandAndDoesNothing() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(HOSTILE)) {
            files = list.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
        }
        assertTrue(files.size() >= 35, "the suite's files: " + files.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files) {
            for (String command : List.of("check", "report", "explain", "test")) {
                tests.add(DynamicTest.dynamicTest(file.getFileName() + " under " + command, () -> run(file, command)));
            }
        }
        return tests.stream();
    }

    private void run(Path hostile, String command) throws Exception {
        Path ws = Files.createTempDirectory(dir, "ws");
        BadInputCorpusTest.setUp(ws);
        String text = Files.readString(hostile);
        Matcher at = REFUSED_AT.matcher(text.lines().findFirst().orElseThrow());
        assertTrue(at.find(), "the first line says where it is refused: " + hostile);
        Path pwned = ws.resolve("pwned");
        Path rule = ws.resolve("rules/classify/zz-hostile.drl");
        Files.writeString(rule, text.replace("PWNED", pwned.toString()));
        Files.createDirectories(ws.resolve("scenarios"));
        Files.copy(TestFiles.SCENARIOS.resolve("22-count-comparable.yaml"), ws.resolve("scenarios/22.yaml"));
        Path log = Path.of(System.getProperty("user.home"), "java0.log");
        boolean logBefore = Files.exists(log);
        Path out = ws.resolve("out.md");
        List<String> args = new ArrayList<>(switch (command) {
            case "report" -> List.of("report", "--out", out.toString());
            case "explain" -> List.of("explain", "da-recorded-crime");
            case "test" -> List.of("test", ws.resolve("scenarios").toString());
            default -> List.of("check");
        });
        args.addAll(List.of("--catalogue", ws.resolve("measures.yaml").toString(), "--rules",
                ws.resolve("rules").toString()));
        ReportCommandTestAccess.Run r = ReportCommandTestAccess.runAsIs(args.toArray(String[]::new));
        String where = hostile.getFileName() + " under " + command + ": " + r.err();
        assertEquals(2, r.exit(), where);
        assertTrue(r.err().contains(rule + ":" + at.group(1) + ":"), where);
        assertTrue(r.err().contains("outside the rule API") || r.err().contains("is not part of the rule API")
                || r.err().contains("unicode escape") || r.err().contains("dialect") || r.err().contains("declared type")
                || r.err().contains("is the tool's, the engine's or the platform's") || r.err().contains("backslash")
                || r.err().contains("backtick") || r.err().contains("double quote inside"), where);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), where);
        assertFalse(Files.exists(pwned), "it wrote its file: " + where);
        assertFalse(Files.exists(out), "a report was written: " + where);
        assertEquals(logBefore, Files.exists(log), "~/java0.log was made: " + where);
        assertEquals("", r.out().replaceAll("(?m)^(PASS|FAIL).*\\n?", "").strip().isEmpty() ? "" : r.out(),
                "nothing printed on standard output: " + where);
    }
}
