package org.pcpassessor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.pcpassessor.TestFiles;
import org.junit.jupiter.params.provider.CsvSource;
import org.pcpassessor.cli.Main;

/**
 * The default Markdown report, byte for byte (21 KB: a diff a person reads). The golden file was reviewed by hand
 * against the seed reports when written; a change to figures, rules or layout must regenerate it
 * (-Dgolden.write=true) and the diff must be read. The figures themselves are checked independently elsewhere
 * (ReportCommandTest, FixturesTest); the JSON report by its contract's shape and cited figures (JsonContractTest).
 */
class GoldenReportTest {
    @ParameterizedTest
    @CsvSource({"markdown,report-2020-12.md"})
    void theDefaultReportMatchesItsGoldenFile(String format, String golden) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(TestFiles.withBundledInputs("report", "--format", format, "--month", "2020-12"),
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, exit, err.toString());
        Path file = Path.of("src/test/resources/golden").resolve(golden);
        if (Boolean.getBoolean("golden.write")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString());
        }
        assertEquals(Files.readString(file), out.toString(), "regenerate with -Dgolden.write=true and review the diff");
    }
}
