package org.pcpassessor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.cli.ReportCommandTestAccess;

/**
 * A declared lockdown ghosts its month and a declared change of system rebases the limits: both change the limits
 * that {@code explain} prints and that the HTML chart draws and describes. The series, January 2019 to December 2020:
 * 100 and 104 in turn, but 40 in April 2020. Every limit below is worked out by hand (mean +/- 2.66 x the mean moving
 * range, moving ranges of 3.267 x their mean or more screened out).
 */
class EventsOnChartsTest {
    @TempDir
    Path dir;

    private Path workspace(String events) throws Exception {
        return Fixtures.oneMeasure(dir, i -> i == 15 ? 40 : i % 2 == 0 ? 100 : 104, events);
    }

    private static String explain(Path catalogue) {
        ReportCommandTestAccess.Run r = ReportCommandTestAccess.run("explain", "thefts", "--catalogue",
                catalogue.toString());
        assertEquals(0, r.exit(), r.err());
        return r.out();
    }

    private String html(Path catalogue) throws Exception {
        Path out = dir.resolve("r.html");
        ReportCommandTestAccess.Run r = ReportCommandTestAccess.run("report", "--catalogue", catalogue.toString(),
                "--format", "html", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        return Files.readString(out);
    }

    @Test
    void withoutEventsTheLockdownMonthPullsTheMeanDown() throws Exception {
        // 24 points: mean (12 x 100 + 11 x 104 + 40) / 24 = 99.33; moving ranges 21 of 4 and 2 of 60 (mean 8.87,
        // screening cut 28.98: the 60s go), so 4: limits 99.33 -/+ 10.64 = 88.69 and 109.97
        Path catalogue = workspace("");
        assertTrue(explain(catalogue).contains("mean 99.3, process limits 88.7 to 110.0, 2 moving range(s) screened out"));
        assertTrue(html(catalogue).contains("Mean 99.3; process limits 88.7 to 110.0."));
    }

    @Test
    void aGhostedMonthIsLeftOutOfTheLimitsAndDrawnHollow() throws Exception {
        // 23 points without April 2020: mean (12 x 100 + 11 x 104) / 23 = 101.91; moving ranges 21 of 4 and, across
        // the ghost, 100 to 100: 0 (mean 84 / 22 = 3.818): limits 101.91 -/+ 10.156 = 91.76 and 112.07
        Path catalogue = workspace("""
                        events:
                          - {month: 2020-04, kind: lockdown, text: "the first lockdown"}
            """);
        String explained = explain(catalogue);
        assertTrue(explained.contains("XmR; 23 months from January 2019"), explained);
        assertTrue(explained.contains("mean 101.9, process limits 91.8 to 112.1, 0 moving range(s) screened out"),
                explained);
        assertTrue(explained.contains("ghosted (shown, left out of the mean and limits): Apr-20"), explained);
        assertTrue(explained.contains("declared lockdown 2020-04: the first lockdown (spc: exclude)"), explained);
        String page = html(catalogue);
        assertTrue(page.contains("Mean 101.9; process limits 91.8 to 112.1. No special cause. Left out of the mean and "
                + "limits: Apr-20. Apr-20: lockdown (the first lockdown)."), page);
        assertTrue(page.contains("<circle class=\"ghost\""), page);
        assertTrue(page.contains("<line class=\"event\""), page);
    }

    @Test
    void aChangeOfSystemRecalculatesTheLimitsFromItsMonth() throws Exception {
        // January to December 2020 only: mean (6 x 100 + 5 x 104 + 40) / 12 = 96.67; moving ranges 9 of 4 and 2 of
        // 60 (mean 14.18, cut 46.3: the 60s go), so 4: limits 96.67 -/+ 10.64 = 86.03 and 107.31
        Path catalogue = workspace("""
                        events:
                          - {month: 2020-01, kind: system-change, text: "the new crime system"}
            """);
        String explained = explain(catalogue);
        assertTrue(explained.contains("XmR; 12 months from January 2020"), explained);
        assertTrue(explained.contains("mean 96.7, process limits 86.0 to 107.3"), explained);
        String page = html(catalogue);
        assertTrue(page.contains("Mean 96.7; process limits 86.0 to 107.3 (recalculated from Jan-20)."), page);
        // the limits start at January 2020, the 13th of 24 months: x = 58 + (352 - 58) x 12 / 23 = 211.4
        assertTrue(page.contains("<line class=\"limit\" x1=\"211.4\""), page);
    }
}
