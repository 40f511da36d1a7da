package org.pcpassessor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;

/**
 * {@code report --each-area --out-dir DIR}: every area of the bundled catalogue reported as its own headline area,
 * and peers.md / peers.json comparing them. The Force tables are checked against the golden report (reviewed by
 * hand against the seed reports); a North figure against the fixture CSV's own row.
 */
class EachAreaTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(TestFiles.withBundledInputs(args), new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    private static List<String> tableLines(String markdown) {
        return markdown.lines().filter(l -> l.startsWith("| ")).toList();
    }

    @Test
    void aReportPerAreaAndTheirComparison() throws IOException {
        Path dir = tmp.resolve("areas");
        Run r = run("report", "--month", "2020-12", "--each-area", "--out-dir", dir.toString());
        assertEquals(0, r.exit(), r.err());
        try (Stream<Path> files = Files.list(dir)) {
            // the Force, its two areas and their six districts (measures.yaml report.areas), each its own report
            assertEquals(List.of("cambridge.md", "east-cambridgeshire.md", "fenland.md", "force.md",
                    "huntingdonshire.md", "north.md", "peterborough.md", "south-cambridgeshire.md", "south.md",
                    "peers.json", "peers.md"),
                    files.map(p -> p.getFileName().toString()).sorted((a, b) -> {
                        boolean pa = a.startsWith("peers");
                        boolean pb = b.startsWith("peers");
                        return pa == pb ? a.compareTo(b) : pa ? 1 : -1;
                    }).toList());
        }
        String golden = Files.readString(Path.of("src/test/resources/golden/report-2020-12.md"));
        String force = Files.readString(dir.resolve("force.md"));
        assertEquals(tableLines(golden), tableLines(force), "Force's own report has the default report's tables");

        // One area per report: nothing compares areas.
        for (String area : List.of("force.md", "north.md", "south.md", "huntingdonshire.md")) {
            String text = Files.readString(dir.resolve(area));
            assertFalse(text.contains("By area") || text.contains("area variation"), area);
        }
        String north = Files.readString(dir.resolve("north.md"));
        assertTrue(north.contains("for North unless an area is named"), "North is its own headline area");

        // The comparison: Force's row of each measure is the default report's row; North's current month of
        // all-recorded-crime is the fixture's 2020-12 row for North (1986).
        String peers = Files.readString(dir.resolve("peers.md"));
        for (String row : tableLines(golden)) {
            String[] cells = row.split(" \\| ", 2);
            if (cells.length == 2 && !cells[0].startsWith("| **") && Character.isDigit(cells[1].charAt(0))) {
                assertTrue(peers.contains("| Force | " + cells[1]), "Force's row of " + cells[0] + " in peers.md");
            }
        }
        String csv = Files.readString(TestFiles.ROOT.resolve("fixtures/cambridgeshire/all-recorded-crime.csv"));
        assertTrue(csv.contains("\nall-recorded-crime,North,2020-12,1986,"), "the fixture row the check relies on");
        assertTrue(peers.contains("| North | 1,986 |"), peers.substring(0, 1200));
        String json = Files.readString(dir.resolve("peers.json"));
        assertTrue(json.contains("\"area\" : \"North\"") || json.contains("\"area\": \"North\""), "JSON names North");
        assertTrue(json.contains("\"judgement\""), "JSON cells carry judgements");
        assertTrue(r.err().contains("9 reports and peers.md, peers.json written to"), r.err());
    }

    @Test
    void wrongOptionsAndABadMonthWriteNothing() {
        Path dir = tmp.resolve("never");
        Run noDir = run("report", "--each-area");
        assertEquals(2, noDir.exit());
        assertTrue(noDir.err().contains("--each-area writes a report per area: name their folder with --out-dir DIR"),
                noDir.err());
        Run dirAlone = run("report", "--out-dir", dir.toString());
        assertEquals(2, dirAlone.exit());
        assertTrue(dirAlone.err().contains("--out-dir is for --each-area"), dirAlone.err());
        Run withOut = run("report", "--each-area", "--out-dir", dir.toString(), "--out", tmp.resolve("x.md").toString());
        assertEquals(2, withOut.exit());
        assertTrue(withOut.err().contains("--out and --audit are for one report"), withOut.err());
        Run badMonth = run("report", "--each-area", "--out-dir", dir.toString(), "--month", "2099-01");
        assertEquals(2, badMonth.exit());
        assertTrue(badMonth.err().contains("no data for 2099-01"), badMonth.err());
        assertFalse(Files.exists(dir), "nothing written");
    }

    /**
     * A catalogue naming two forces (report.forces), each with its own areas: a report per force over its areas,
     * whose area sentences are about its own areas only (the golden report's sentences about North and South are
     * from a run with both under Force), and the peers' comparison by force name.
     */
    @Test
    void forcesAreEachReportedOverTheirOwnAreas() throws IOException {
        Path ws = tmp.resolve("ws");
        Path data = Files.createDirectories(ws.resolve("fixtures/cambridgeshire"));
        try (Stream<Path> files = Files.list(TestFiles.ROOT.resolve("fixtures/cambridgeshire"))) {
            for (Path f : files.toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
        String text = TestFiles.catalogueText();
        String areas = "  areas: [Force, North: [Peterborough, Fenland, Huntingdonshire], South: [Cambridge, East "
                + "Cambridgeshire, South Cambridgeshire]]\n";
        assertTrue(text.contains(areas), "the bundled catalogue's areas");
        Path catalogue = ws.resolve("measures.yaml");
        Files.writeString(catalogue, text.replace(areas, "  forces:\n    Cambridgeshire: [Force, North, Peterborough, "
                + "Fenland, Huntingdonshire]\n    Elsewhere: [South, Cambridge, East Cambridgeshire, South Cambridgeshire]\n"));
        Path dir = tmp.resolve("forces");

        Run r = run("report", "--catalogue", catalogue.toString(), "--month", "2020-12", "--each-area", "--out-dir",
                dir.toString());
        assertEquals(0, r.exit(), r.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("cambridgeshire.md", "elsewhere.md", "peers.json", "peers.md"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        String golden = Files.readString(Path.of("src/test/resources/golden/report-2020-12.md"));
        String cambs = Files.readString(dir.resolve("cambridgeshire.md"));
        assertEquals(tableLines(golden), tableLines(cambs), "the force's tables are its headline area's, as before");
        assertTrue(cambs.contains("in North (593) is significantly lower than its baseline (715)"),
                "North, the force's own area, is compared with Force (golden: 593 against a baseline of 715)");
        assertFalse(cambs.contains("South"), "South is another force's area");
        String elsewhere = Files.readString(dir.resolve("elsewhere.md"));
        assertTrue(elsewhere.contains("for South unless an area is named"), "South is its force's headline area");
        assertFalse(elsewhere.contains("North") || elsewhere.contains("By area"), "a force of one area");
        String peers = Files.readString(dir.resolve("peers.md"));
        assertTrue(peers.contains("| Cambridgeshire | ") && peers.contains("| Elsewhere | "), peers.substring(0, 800));
        assertTrue(r.err().contains("2 reports and peers.md, peers.json written to"), r.err());

        Run one = run("report", "--catalogue", catalogue.toString(), "--month", "2020-12");
        assertEquals(2, one.exit(), one.err());
        assertTrue(one.err().contains("names 2 forces (report.forces): report each over its own areas with "
                + "--each-area --out-dir DIR"), one.err());
        assertEquals("", one.out(), "no report of the forces' areas as one force");
    }
}
