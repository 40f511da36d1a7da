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

    @Test
    void aBrokenEditIsReportedAndTheWatchGoesOnUntilTheFixedEditIsWritten() throws Exception {
        TestFiles.copyRules(dir.resolve("rules"));
        Path out = dir.resolve("report.md");
        Path rule = dir.resolve("rules/narrate/trend.drl");
        String original = Files.readString(rule);
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> watch = CompletableFuture.supplyAsync(() -> Main.execute(TestFiles.withFrozenInputs("watch",
            "--rules", dir.resolve("rules").toString(), "--out", out.toString(), "--runs", "3"),
                new PrintWriter(new StringWriter()), new PrintWriter(err, true)));

        waitFor(() -> Files.exists(out), "the first report");
        assertTrue(Files.readString(out).contains("continues to trend upwards"));
        Thread.sleep(300);
        Files.writeString(rule, original.replace("then\n", "then\n    insert( ;\n"));
        waitFor(() -> err.toString().contains("the report was not written"), "the broken edit's errors");
        assertTrue(err.toString().contains(rule + ":"), err.toString());

        Thread.sleep(300);
        Files.writeString(rule, original.replace("continues to trend", "keeps trending"));
        assertEquals(0, watch.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(Files.readString(out).contains("keeps trending upwards"), Files.readString(out));
        assertEquals(3, err.toString().lines().filter(l -> l.contains("rules compiled")).count(), err.toString());
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
