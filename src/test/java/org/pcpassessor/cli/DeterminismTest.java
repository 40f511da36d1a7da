package org.pcpassessor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.pcpassessor.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same inputs give the same bytes, whatever the order of the data files on disk or of the rows in them:
 * two copies of the catalogue and data, the second with its files renamed (so they sort in another order) and
 * the rows of every file shuffled, give identical Markdown, JSON and audit log.
 */
class DeterminismTest {
    @TempDir
    Path dir;

    @Test
    void shuffledInputFilesGiveByteIdenticalReportsAndAuditLogs() throws Exception {
        Path a = copy(dir.resolve("a"), false);
        Path b = copy(dir.resolve("b"), true);
        for (String format : List.of("markdown", "json")) {
            String outA = run(a, format, dir.resolve("a-" + format + ".audit"));
            String outB = run(b, format, dir.resolve("b-" + format + ".audit"));
            assertEquals(outA, outB, format);
            assertEquals(Files.readString(dir.resolve("a-" + format + ".audit")),
                    Files.readString(dir.resolve("b-" + format + ".audit")), "audit log, " + format);
        }
    }

    private String run(Path root, String format, Path audit) {
        ReportCommandTest.Run r = ReportCommandTest.run("report", "--catalogue", root.resolve("measures.yaml").toString(),
                "--rules", TestFiles.RULES.toString(), "--format", format, "--audit", audit.toString());
        assertEquals(0, r.exit(), r.err());
        return r.out();
    }

    /** Copies measures.yaml and the fixtures; optionally renames files to reverse their order and shuffles rows. */
    private static Path copy(Path root, boolean shuffle) throws Exception {
        Path data = root.resolve("fixtures/cambridgeshire");
        Files.createDirectories(data);
        Files.writeString(root.resolve("measures.yaml"), TestFiles.catalogueText());
        List<Path> files;
        try (var list = Files.list(Path.of("fixtures/cambridgeshire"))) {
            files = list.sorted().toList();
        }
        Random random = new Random(42);
        for (int i = 0; i < files.size(); i++) {
            List<String> lines = new ArrayList<>(Files.readAllLines(files.get(i)));
            String name = files.get(i).getFileName().toString();
            if (shuffle) {
                String header = lines.remove(0);
                Collections.shuffle(lines, random);
                lines.add(0, header);
                name = String.format("%03d-%s", files.size() - i, name);
            }
            Files.write(data.resolve(name), lines);
        }
        if (shuffle) {
            try (var list = Files.list(data)) {
                assertNotEquals(files.get(0).getFileName().toString(),
                        list.sorted().findFirst().orElseThrow().getFileName().toString().substring(4));
            }
        }
        return root;
    }
}
