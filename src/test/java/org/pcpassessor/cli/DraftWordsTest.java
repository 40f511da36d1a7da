package org.pcpassessor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;

/**
 * The draft's own words (the paragraph under the title, the notices under a heading) are an analyst's to edit in
 * rules/wording/draft.yaml, as the sentences' are: an edit there changes the draft; a missing entry, or one naming a
 * value the draft does not supply, is an error of check and report at the file, exit 2, nothing written.
 */
class DraftWordsTest {
    @TempDir
    Path dir;

    private Path draftWords() throws Exception {
        TestFiles.copyRules(dir.resolve("rules"));
        return dir.resolve("rules/wording/draft.yaml");
    }

    private static ReportCommandTestAccess.Run run(Path rules, String... command) {
        String[] args = java.util.Arrays.copyOf(command, command.length + 2);
        args[command.length] = "--rules";
        args[command.length + 1] = rules.toString();
        return ReportCommandTestAccess.run(args);
    }

    @Test
    void anEditOfTheDraftsWordsChangesTheDraft() throws Exception {
        Path file = draftWords();
        Files.writeString(file, Files.readString(file)
                .replace("draftIntro: \"Draft commentary for the {period}", "draftIntro: \"Commentary on the {period}")
                .replace("every measure of this priority was {comparableTo} {theBenchmark}:",
                        "each of these measures was {comparableTo} {theBenchmark}:"));
        ReportCommandTestAccess.Run r = run(dir.resolve("rules"), "report");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("\nCommentary on the 12 months to December 2020, for the whole Force"),
                r.out().substring(0, 400));
        // Knife Crime's heading has only lesser points in December 2020, its measures all comparable (DraftTest)
        assertTrue(r.out().contains("\nIn the 12 months to December 2020, each of these measures was comparable to the "
                + "year end benchmark: 1,432 recorded crimes with the sharp instrument marker (2019/20: 1,577), "), r.out());
    }

    @Test
    void aMissingEntryIsAnErrorAtTheFile() throws Exception {
        Path file = draftWords();
        Files.writeString(file, Files.readString(file).replaceAll("(?m)^noticeNoData: .*\\n", ""));
        for (String command : new String[] {"check", "report"}) {
            Path out = dir.resolve(command + ".md");
            ReportCommandTestAccess.Run r = "check".equals(command) ? run(dir.resolve("rules"), "check")
                    : run(dir.resolve("rules"), "report", "--out", out.toString());
            assertEquals(2, r.exit(), r.out() + r.err());
            assertTrue(r.err().contains(file + ": error: wording 'noticeNoData' is missing: the draft says it"),
                    r.err());
            assertTrue(!Files.exists(out), "nothing written");
        }
    }

    @Test
    void aValueTheDraftDoesNotSupplyIsAnErrorAtItsLine() throws Exception {
        Path file = draftWords();
        String text = Files.readString(file);
        Files.writeString(file, text.replace("\"No data for this priority in {month}.\"",
                "\"No data for this priority in {mnth}.\""));
        int line = 1 + (int) text.substring(0, text.indexOf("noticeNoData:")).chars().filter(c -> c == '\n').count();
        ReportCommandTestAccess.Run r = run(dir.resolve("rules"), "check");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(file + ":" + line + ":1: error: wording 'noticeNoData' names {mnth}, which the "
                + "draft does not supply; it supplies month (did you mean 'month'?)"), r.err());
    }

    /**
     * A force's own rules folder made before the draft's words moved to rules/wording/draft.yaml has none: the draft
     * is made with the tool's copy of the bundled file (the same words), and check and report say so as a warning.
     */
    @Test
    void aRulesFolderWithoutTheDraftsWordsUsesTheToolsCopyAndSaysSo() throws Exception {
        Path file = draftWords();
        Files.delete(file);
        ReportCommandTestAccess.Run r = run(dir.resolve("rules"), "report");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains(file + ": warning: not found: the draft's own words (the paragraph under the title, "
                + "the notices under a heading) are the tool's; copy the bundled rules/wording/draft.yaml here to edit "
                + "them"), r.err());
        ReportCommandTestAccess.Run bundled = ReportCommandTestAccess.run("report");
        assertEquals(bundled.out(), r.out(), "the same draft as with the bundled rules folder");
        ReportCommandTestAccess.Run check = run(dir.resolve("rules"), "check");
        assertEquals(0, check.exit(), check.err());
        assertTrue(check.err().contains(file + ": warning: not found"), check.err());
    }
}
