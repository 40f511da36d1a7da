package org.pcpassessor.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The programs outside Java that the report tests use: headless Chromium with its chromedriver, and LibreOffice.
 * CI installs them ({@code .ci/run} sets PCP_REQUIRE_TOOLS=1, so a missing one fails the build there); on a
 * developer's machine without them the tests that need them are skipped, with the reason printed.
 */
final class Tools {
    private Tools() {
    }

    /** The first of the programs found on the PATH (or given as an absolute path). */
    static Path require(String... names) {
        Optional<Path> found = Stream.of(names).flatMap(n -> n.startsWith("/") ? Stream.of(Path.of(n))
                        : Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(d -> Path.of(d, n)))
                .filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            String why = "none of " + String.join(", ", names) + " is installed (.ci/run installs them)";
            if (System.getenv("PCP_REQUIRE_TOOLS") != null) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        return found.get();
    }

    /** The report written by {@code report} on the bundled inputs for December 2020, in a format, to a file. */
    static Path report(Path dir, String format, String... more) {
        Path out = dir.resolve("report." + format);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("report", "--format", format,
                "--month", "2020-12", "--out", out.toString()));
        if ((format.equals("html") || format.equals("docx")) && !java.util.List.of(more).contains("--template")) {
            args.addAll(java.util.List.of("--template", org.pcpassessor.TestFiles.ROOT.resolve("templates")
                    .resolve(format.equals("html") ? "report.html" : "paper.docx").toString()));
        }
        args.addAll(java.util.List.of(more));
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = org.pcpassessor.cli.Main.execute(org.pcpassessor.TestFiles.withBundledInputs(args.toArray(String[]::new)),
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err));
        Assertions.assertEquals(0, exit, err.toString());
        return out;
    }
}
