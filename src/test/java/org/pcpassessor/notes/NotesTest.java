package org.pcpassessor.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.cli.ReportCommandTestAccess;

/**
 * Analysts' notes: their own paragraphs in a priority's commentary, numbered with the generated ones, figures cited
 * by placeholder and filled from the month's data, and every mistake a check error at its file:line:col.
 */
class NotesTest {
    @TempDir
    Path dir;
    private Path notes;

    /** The bundled catalogue, rules and a copy of the fixtures in a folder of their own, with a notes folder. */
    @BeforeEach
    void workspace() throws IOException {
        Files.writeString(dir.resolve("measures.yaml"), TestFiles.catalogueText());
        TestFiles.copyRules(dir.resolve("rules"));
        Path from = Path.of("fixtures/cambridgeshire");
        Path to = dir.resolve("fixtures/cambridgeshire");
        Files.createDirectories(to);
        try (Stream<Path> csv = Files.list(from)) {
            for (Path f : csv.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        notes = Files.createDirectories(dir.resolve("notes/2020-12"));
    }

    private ReportCommandTestAccess.Run run(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--catalogue", dir.resolve("measures.yaml").toString(),
                "--rules", dir.resolve("rules").toString())).toArray(String[]::new);
        return ReportCommandTestAccess.runAsIs(all);
    }

    @Test
    void aNoteAppearsNumberedInItsPriorityWithItsFiguresFilledAndMarkedAsTheAnalysts() throws Exception {
        Files.writeString(notes.resolve("domestic-abuse.md"), """
                Recording changes explain part of the rise to {da-recorded-crime.rolling12} crimes
                ({da-recorded-crime.changeVsBaseline} on {da-recorded-crime.baseline}); North recorded
                {da-recorded-crime.rolling12@North} in the 12 months to {month}.

                <!-- a comment for the team, not for the paper -->

                The WeProtect App has now been rolled out forcewide.
                """);
        ReportCommandTestAccess.Run r = run("report");
        assertEquals(0, r.exit(), r.err());
        // 12,037 and 10,660: the Force's 12 months to December 2020 and 2019/20 (the Victims report's table);
        // 12.9% = (12,037 - 10,660) / 10,660 by hand; 4,537: the sum of North's 2020 rows in the fixture CSV
        String cited = "Recording changes explain part of the rise to 12,037 crimes (12.9% on 10,660); North recorded "
                + "4,537 in the 12 months to December 2020.";
        List<String> priority = r.out().lines().dropWhile(l -> !l.equals("### 1.2 Domestic Abuse"))
                .takeWhile(l -> !l.startsWith("### 1.3")).filter(l -> l.startsWith("- 1.2.")).toList();
        // after the paragraph of the measure it cites first; the note without a figure comes last
        int citedAt = indexOf(priority, cited);
        assertTrue(citedAt > 0 && priority.get(citedAt - 1).contains("recorded Domestic Abuse crimes"), priority.toString());
        assertEquals("- 1.2." + priority.size() + " The WeProtect App has now been rolled out forcewide.",
                priority.get(priority.size() - 1));
        assertFalse(r.out().contains("a comment for the team"));

        JsonNode json = new ObjectMapper().readTree(run("report", "--format", "json").out());
        JsonNode paragraphs = json.get("commentary").get(0).get("priorities").get(1).get("paragraphs");
        JsonNode note = paragraphs.get(citedAt);
        assertTrue(note.get("analyst").asBoolean(), note.toString());
        assertEquals(notes.resolve("domestic-abuse.md") + ":1:1", note.get("source").asText());
        assertEquals(cited, note.get("text").asText());
    }

    @Test
    void changingTheDataChangesTheNumberInTheNote() throws Exception {
        Files.writeString(notes.resolve("domestic-abuse.md"), "In all, {da-recorded-crime.rolling12} crimes.\n");
        assertTrue(run("report").out().contains("In all, 12,037 crimes."));
        Path csv = dir.resolve("fixtures/cambridgeshire/da-recorded-crime.csv");
        String text = Files.readString(csv);
        assertTrue(text.contains("da-recorded-crime,Force,2020-12,1057,"));
        Files.writeString(csv, text.replace("da-recorded-crime,Force,2020-12,1057,", "da-recorded-crime,Force,2020-12,1157,"));
        ReportCommandTestAccess.Run r = run("report");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("In all, 12,137 crimes."), "12,037 - 1,057 + 1,157");
    }

    @Test
    void aMisspeltPlaceholderIsACheckErrorAtItsLineAndColumnAndNoReportIsWritten() throws Exception {
        Path file = notes.resolve("domestic-abuse.md");
        Files.writeString(file, """
                ---
                suppress: [da-ppo-rat]
                ---
                First line of the paragraph,
                then {da-recorded-crim.rolling12} and {da-recorded-crime.rolling13}.
                """);
        Files.writeString(notes.resolve("domestic-abus.md"), "A file for no priority.\n");
        ReportCommandTestAccess.Run check = run("check");
        assertEquals(2, check.exit(), check.err());
        assertTrue(check.err().contains(file + ":2:12: error: 'da-ppo-rat' is not a topic or measure of priority "
                + "'Domestic Abuse' (did you mean 'da-ppo-rate'?)"), check.err());
        assertTrue(check.err().contains(file + ":5:6: error: '{da-recorded-crim.rolling12}' names no measure of the "
                + "catalogue: 'da-recorded-crim' (did you mean 'da-recorded-crime'"), check.err());
        assertTrue(check.err().contains(file + ":5:39: error: '{da-recorded-crime.rolling13}': a count measure has no "
                + "figure 'rolling13' (did you mean 'rolling12'?)"), check.err());
        assertTrue(check.err().contains(notes.resolve("domestic-abus.md") + ": error: no priority is called "
                + "'domestic-abus' (did you mean 'domestic-abuse'?)"), check.err());
        Path out = dir.resolve("report.md");
        Files.writeString(out, "last month's report");
        ReportCommandTestAccess.Run report = run("report", "--out", out.toString());
        assertEquals(2, report.exit(), report.err());
        assertEquals("last month's report", Files.readString(out));
    }

    @Test
    void aNoteCanLeaveOutOrPinAGeneratedParagraph() throws Exception {
        ReportCommandTestAccess.Run before = run("report");
        String rate = "The rolling 12 month Domestic Abuse prosecution possible outcome rate has continued to make "
                + "incremental improvements";
        assertTrue(before.out().contains("- 1.2.1 " + rate), before.out());
        Files.writeString(notes.resolve("domestic-abuse.md"), "---\npin: da-recorded-crime\n---\n");
        assertTrue(run("report").out().contains("- 1.2.1 The 12 month total of recorded Domestic Abuse crimes"));
        Files.writeString(notes.resolve("domestic-abuse.md"), "---\nsuppress: [da-ppo-rate]\n---\n");
        ReportCommandTestAccess.Run after = run("report");
        assertFalse(after.out().lines().anyMatch(l -> l.startsWith("- 1.2.") && l.contains(rate)), after.out());
        // left out of the paragraphs, not lost: listed under Also noted
        String alsoNoted = after.out().substring(after.out().indexOf("### 1.2 "), after.out().indexOf("### 1.3 "));
        assertTrue(alsoNoted.contains("<summary>Also noted") && alsoNoted.contains("- " + rate), alsoNoted);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith(" " + text)) {
                return i;
            }
        }
        return -1;
    }
}
