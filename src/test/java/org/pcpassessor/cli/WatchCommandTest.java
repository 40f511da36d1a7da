package org.pcpassessor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;

class WatchCommandTest {
    @TempDir
    Path dir;

    /** An edit of the trend rule that changes what it says: it names the bundled wording, then says its own. */
    private static final String TREND_WORDING = "Sentence.of(\"longTermTrend\", $t)";
    /** What the bundled wording of the trend rule says of Domestic Abuse crimes in December 2020. */
    private static final String TREND_SAID = "The long term trend for recorded Domestic Abuse crimes continues upwards";
    private static final String TREND_EDITED = "Sentence.of(\"{direction, select, unchanged {The long term trend for "
            + "{subject} is now flat.} other {The long term indicator for {subject} keeps trending "
            + "{upwardsOrDownwards}.}}\", $t)";

    @Test
    void aBrokenEditIsReportedAndTheWatchGoesOnUntilTheFixedEditIsWritten() throws Exception {
        TestFiles.copyRules(dir.resolve("rules"));
        Path out = dir.resolve("report.md");
        Path rule = dir.resolve("rules/narrate/trend.drl");
        String original = Files.readString(rule);
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> watch = CompletableFuture.supplyAsync(() -> Main.execute(TestFiles.withBundledInputs("watch",
            "--rules", dir.resolve("rules").toString(), "--out", out.toString(), "--runs", "3"),
                new PrintWriter(new StringWriter()), new PrintWriter(err, true)));

        waitFor(() -> Files.exists(out), "the first report");
        assertTrue(Files.readString(out).contains(TREND_SAID));
        Thread.sleep(300);
        Files.writeString(rule, original.replace("then\n", "then\n    insert( ;\n"));
        waitFor(() -> err.toString().contains("the report was not written"), "the broken edit's errors");
        assertTrue(err.toString().contains(rule + ":"), err.toString());

        Thread.sleep(300);
        Files.writeString(rule, original.replace(TREND_WORDING, TREND_EDITED));
        assertEquals(0, watch.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(Files.readString(out).contains("keeps trending upwards"), Files.readString(out));
        // the broken edit's run says it failed, never "ran": two runs ran, one failed, in that order
        java.util.List<String> runs = err.toString().lines().filter(l -> l.matches("watch: \\d\\d:\\d\\d:\\d\\d .*")).toList();
        assertEquals(3, runs.size(), err.toString());
        assertTrue(runs.get(0).contains(" ran (rules read) in "), runs.get(0));
        assertTrue(runs.get(1).contains(" failed, nothing written in "), runs.get(1));
        assertTrue(runs.get(2).contains(" ran (rules read) in "), runs.get(2));
    }

    /** A wording file is part of the rules: saving it writes the report again with its words. */
    @Test
    void aWordingEditWritesTheReportAgain() throws Exception {
        TestFiles.copyRules(dir.resolve("rules"));
        Path out = dir.resolve("report.md");
        Path wording = dir.resolve("rules/wording/trend.yaml");
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> watch = CompletableFuture.supplyAsync(() -> Main.execute(TestFiles.withBundledInputs(
                "watch", "--rules", dir.resolve("rules").toString(), "--out", out.toString(), "--runs", "2"),
                new PrintWriter(new StringWriter()), new PrintWriter(err, true)));
        waitFor(() -> Files.exists(out), "the first report");
        assertTrue(Files.readString(out).contains(TREND_SAID));
        Thread.sleep(300);
        Files.writeString(wording, Files.readString(wording).replace("continues {upwardsOrDownwards}",
                "keeps trending {upwardsOrDownwards}"));
        assertEquals(0, watch.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(Files.readString(out).contains("keeps trending upwards"), Files.readString(out));
        assertEquals(2, err.toString().lines().filter(l -> l.contains("ran (rules read)")).count(), err.toString());
    }

    @Test
    void aCatalogueEditReusesTheCompiledRules() throws Exception {
        Files.writeString(dir.resolve("measures.yaml"), TestFiles.catalogueText());
        Files.writeString(dir.resolve("measures.yaml"), Files.readString(dir.resolve("measures.yaml"))
                .replace("data: [fixtures/cambridgeshire/*.csv]", "data: [" + Path.of("fixtures/cambridgeshire")
                        .toAbsolutePath() + "/*.csv]"));
        Path out = dir.resolve("report.md");
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> watch = CompletableFuture.supplyAsync(() -> Main.execute(new String[] {"watch",
            "--catalogue", dir.resolve("measures.yaml").toString(), "--out", out.toString(), "--runs", "2"},
                new PrintWriter(new StringWriter()), new PrintWriter(err, true)));
        waitFor(() -> Files.exists(out), "the first report");
        Thread.sleep(300);
        Files.writeString(dir.resolve("measures.yaml"), Files.readString(dir.resolve("measures.yaml"))
                .replace("title: Police and Crime Plan performance", "title: Edited title"));
        assertEquals(0, watch.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(Files.readString(out).startsWith("# Edited title: December 2020"));
        assertTrue(err.toString().contains("ran (rules reused)"), err.toString());
    }

    /** A data entry's workbook is watched as a CSV file is: saving it writes the report again. */
    @Test
    void aWorkbookEditWritesTheReportAgain() throws Exception {
        Path book = dir.resolve("series.xlsx");
        writeWorkbook(book, 100);
        Files.writeString(dir.resolve("measures.yaml"), """
                report: {title: Workbook, month: 2020-12, areas: [Force]}
                data: [series.xlsx]
                pillars:
                  - name: Victims
                    measures:
                      - {id: burglaries, label: Burglaries, subject: burglaries, kind: count, polarity: down-is-good}
                """);
        Path out = dir.resolve("report.md");
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> watch = CompletableFuture.supplyAsync(() -> Main.execute(new String[] {"watch",
            "--catalogue", dir.resolve("measures.yaml").toString(), "--rules", TestFiles.RULES.toString(), "--out",
            out.toString(), "--runs", "2"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true)));
        waitFor(() -> Files.exists(out), "the first report");
        assertTrue(Files.readString(out).contains("| Burglaries | 100 |"), Files.readString(out));
        Thread.sleep(300);
        writeWorkbook(book, 250);
        assertEquals(0, watch.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(Files.readString(out).contains("| Burglaries | 250 |"), Files.readString(out) + err);
    }

    /** 100 burglaries a month from January 2018, {@code december} in December 2020, as a wide sheet. */
    private static void writeWorkbook(Path book, int december) throws java.io.IOException {
        java.util.List<Object> months = new java.util.ArrayList<>(java.util.List.of("measure", "area"));
        java.util.List<Object> values = new java.util.ArrayList<>(java.util.List.of("burglaries", "Force"));
        for (java.time.YearMonth m = java.time.YearMonth.of(2018, 1); !m.isAfter(java.time.YearMonth.of(2020, 12));
             m = m.plusMonths(1)) {
            months.add(m.toString());
            values.add(m.equals(java.time.YearMonth.of(2020, 12)) ? december : 100 + m.getMonthValue() % 3);
        }
        Path temp = book.resolveSibling("series.tmp");
        Workbook.write(temp, java.util.Map.of("Sheet1", java.util.List.of(months, values)));
        Files.move(temp, book, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * watch --serve: the page is served on loopback, a rule edit makes the open page's event stream say reload and
     * the page then has the edit; a broken edit serves its errors (file:line) above the last good report.
     */
    @Test
    void servedPageReloadsAfterAnEditAndShowsABrokenEditAboveTheLastGoodReport() throws Exception {
        TestFiles.copyRules(dir.resolve("rules"));
        Path rule = dir.resolve("rules/narrate/trend.drl");
        String original = Files.readString(rule);
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> watch = CompletableFuture.supplyAsync(() -> Main.execute(TestFiles.withBundledInputs(
                "watch", "--rules", dir.resolve("rules").toString(), "--format", "html", "--template",
                TestFiles.ROOT.resolve("templates/report.html").toString(), "--serve", "--port",
                Integer.toString(port), "--runs", "4"),
                new PrintWriter(new StringWriter()), new PrintWriter(err, true)));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI page = java.net.URI.create("http://127.0.0.1:" + port + "/");
        waitFor(() -> err.toString().contains("ran (rules read)"), "the first report");
        assertTrue(get(http, page).contains(TREND_SAID));
        assertTrue(get(http, page).contains("new EventSource('/events')"), "the live-reload script");

        java.io.InputStream events = http.send(java.net.http.HttpRequest.newBuilder(page.resolve("/events")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream()).body();
        java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(events,
                java.nio.charset.StandardCharsets.UTF_8));
        Files.writeString(rule, original.replace(TREND_WORDING, TREND_EDITED));
        CompletableFuture<String> reload = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        return line;
                    }
                }
                return "closed";
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        assertEquals("data: reload", reload.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(get(http, page).contains("keeps trending upwards"));

        Thread.sleep(300);
        Files.writeString(rule, original.replace("then\n", "then\n    insert( ;\n"));
        waitFor(() -> err.toString().contains("the report was not written"), "the broken edit's errors");
        String[] served = {""};
        waitFor(() -> {
            try {
                served[0] = get(http, page);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return served[0].contains("The last edit has errors");
        }, "the page with the errors");
        String broken = served[0];
        int errors = broken.indexOf("The last edit has errors");
        assertTrue(errors > 0, broken);
        assertTrue(broken.indexOf(rule + ":") > errors, "the error names the rule file and line");
        assertTrue(broken.indexOf("keeps trending upwards") > errors, "the last good report below the errors");

        Thread.sleep(300);
        Files.writeString(rule, original);
        assertEquals(0, watch.get(60, java.util.concurrent.TimeUnit.SECONDS));
    }

    private static String get(java.net.http.HttpClient http, java.net.URI uri) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void theWarmUpEditsARuleOfTheLargestFileOfACopyAndLeavesTheFolderAsItWas() throws Exception {
        // the warm-up's rule edit is one RulePatch compiles a rule at a time: a line inside the first rule's
        // consequence of the largest file, the text around the rules unchanged
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules.resolve("narrate"));
        String small = "package pcp.narrate;\nrule \"a\"\nwhen\nthen\nend\n";
        String large = "package pcp.narrate;\n// the larger file\nrule \"b\"\nwhen\n    $f : Finding()\nthen\n"
                + "    insert( Sentence.of(\"x\", $f) );\nend\nrule \"c\"\nwhen\nthen\nend\n";
        Files.writeString(rules.resolve("narrate/small.drl"), small);
        Files.writeString(rules.resolve("narrate/large.drl"), large);
        Files.writeString(rules.resolve("codes.yaml"), "codes: {}\n");
        Path copy = WatchCommand.copyOf(rules);
        try {
            assertTrue(WatchCommand.editLargest(copy));
            assertEquals(small, Files.readString(copy.resolve("narrate/small.drl")));
            assertEquals("codes: {}\n", Files.readString(copy.resolve("codes.yaml")));
            String edited = Files.readString(copy.resolve("narrate/large.drl"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "\\Q" + large.substring(0, large.indexOf("then\n") + 5) + "\\E    // warm-up \\d+\n\\Q"
                    + large.substring(large.indexOf("then\n") + 5) + "\\E").matcher(edited);
            assertTrue(m.matches(), edited);
            // the analyst's folder as it was
            assertEquals(large, Files.readString(rules.resolve("narrate/large.drl")));
            assertEquals(small, Files.readString(rules.resolve("narrate/small.drl")));
        } finally {
            try (java.util.stream.Stream<Path> walk = Files.walk(copy)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        // a folder with no rule file is not copied
        Path empty = Files.createDirectories(dir.resolve("empty/narrate"));
        assertEquals(null, WatchCommand.copyOf(empty.getParent()));
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
