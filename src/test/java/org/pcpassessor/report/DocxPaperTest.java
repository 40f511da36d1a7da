package org.pcpassessor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Word paper: LibreOffice (headless, from the OS packages) opens and converts it to PDF, which shows the front
 * matter, the three pillar tables and the paragraphs numbered by Word's own numbering; and the look comes from the
 * template: a copy with another heading font and other key colours gives a paper with them, with no build.
 */
class DocxPaperTest {
    @TempDir
    Path dir;

    @Test
    void libreOfficeConvertsThePaperToPdfWithFrontMatterTablesAndNumberedParagraphs() throws Exception {
        Path soffice = Tools.require("soffice", "libreoffice");
        Path docx = Tools.report(dir, "docx", "--date", "2021-02-11");
        Process p = new ProcessBuilder(soffice.toString(), "--headless", "-env:UserInstallation=file://"
                + dir.resolve("lo-profile"), "--convert-to", "pdf", "--outdir", dir.toString(), docx.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "LibreOffice did not finish in 3 minutes");
        Path pdf = dir.resolve("report.pdf");
        assertTrue(Files.exists(pdf), Files.readString(dir.resolve("soffice.log")));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            // a landscape paper: front matter and key on page 1, each pillar from a new page (its style's page break)
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 4 && pages <= 30, pages + " pages");
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("To: Business Coordination Board"), text);
            assertTrue(text.contains("Date: 11 February 2021"), text);
            assertTrue(text.contains("Recommendation"), text);
            for (String heading : List.of("SAFEGUARDING THE VULNERABLE", "Perf v Benchmark", "Rolling 12 months")) {
                assertTrue(text.contains(heading), heading);
            }
            // the three pillars, numbered by Word's list: "1. Victims", "2. Offenders", "3. Communities"
            assertTrue(text.matches(".*\\b1\\. Victims .*\\b2\\. Offenders .*\\b3\\. Communities .*"), text);
            // paragraph 1.2.1 carries its number (Word numbering, not typed text) before its words
            String first = paragraphText(docx, 0, 1);
            assertTrue(text.contains("1.2.1 " + first.substring(0, 40)), first);
        }
    }

    /** The same input gives the same bytes: every part stamped with one fixed time, not the time of the run. */
    @Test
    void thePaperSaysNothingOfWhenItWasWritten() throws Exception {
        Path docx = Tools.report(dir, "docx", "--date", "2021-02-11");
        List<String> parts = new java.util.ArrayList<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(Files.newInputStream(docx))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                assertEquals(java.time.LocalDateTime.of(1980, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
                parts.add(e.getName());
            }
        }
        assertTrue(parts.containsAll(List.of("[Content_Types].xml", "word/document.xml", "word/styles.xml")),
                parts.toString());
        try (XWPFDocument doc = open(docx)) {
            assertTrue(doc.getParagraphs().size() > 10, "Word can still read it"); // POI reads the rewritten zip
        }
    }

    /**
     * Making Data Count's icons in the columns the template marks: each a picture whose description is its text
     * alternative. The 999 measure's example target (90%) lies within its limits (73.3% to 100.0%, `./assess
     * explain calls-999-within-10s`): hit and miss; its December is common cause.
     */
    @Test
    void theTablesShowTheVariationAndAssuranceIconsAsDescribedPictures() throws Exception {
        Path docx = Tools.report(dir, "docx", "--date", "2021-02-11");
        try (XWPFDocument doc = open(docx)) {
            var row = doc.getTables().stream().flatMap(t -> t.getRows().stream())
                    .filter(r -> r.getTableCells().get(0).getText().equals("999 calls answered within 10 seconds"))
                    .findFirst().orElseThrow();
            assertEquals(12, row.getTableCells().size());
            assertEquals(List.of("Common cause variation: no significant change"), descriptions(row.getCell(10)));
            assertEquals(List.of("The example target (90.0%) hit and miss: the target lies within the process "
                    + "limits, so it will be met in some months and missed in others"), descriptions(row.getCell(11)));
            long withVariation = doc.getTables().stream().flatMap(t -> t.getRows().stream())
                    .filter(r -> r.getTableCells().size() == 12 && !descriptions(r.getCell(10)).isEmpty()).count();
            assertTrue(withVariation >= 30, withVariation + " rows with a variation icon");
        }
    }

    private static List<String> descriptions(XWPFTableCell cell) {
        return cell.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
                .flatMap(r -> java.util.stream.IntStream.range(0, r.getCTR().sizeOfDrawingArray())
                        .mapToObj(i -> r.getCTR().getDrawingArray(i).getInlineArray(0).getDocPr().getDescr()))
                .toList();
    }

    @Test
    void theLookComesFromTheTemplateNotFromJava() throws Exception {
        Path original = dir.resolve("original.docx");
        Files.move(Tools.report(dir, "docx", "--date", "2021-02-11"), original);
        // change the template as an analyst would in Word: the pillar heading font, the colour for "better"
        Path template = dir.resolve("house.docx");
        try (InputStream in = Files.newInputStream(org.pcpassessor.TestFiles.ROOT.resolve("templates/paper.docx"));
             XWPFDocument doc = new XWPFDocument(in); OutputStream out = Files.newOutputStream(template)) {
            XWPFStyle heading = doc.getStyles().getStyle("PillarHeading");
            heading.getCTStyle().getRPr().addNewRFonts().setAscii("Courier New");
            key(doc, "Better").setColor("00B050");
            doc.write(out);
        }
        Path changed = dir.resolve("changed.docx");
        Files.move(Tools.report(dir, "docx", "--date", "2021-02-11", "--template", template.toString()), changed);
        try (XWPFDocument before = open(original); XWPFDocument after = open(changed)) {
            assertEquals("Courier New", after.getStyles().getStyle("PillarHeading").getCTStyle().getRPr()
                    .getRFontsArray(0).getAscii());
            assertEquals("C6EFCE", benchmarkColour(before, "Prosecution Possible Outcome Rate"));
            assertEquals("00B050", benchmarkColour(after, "Prosecution Possible Outcome Rate"));
        }
    }

    /** The text of the n-th numbered paragraph of the k-th priority with paragraphs (0-based), read back with POI. */
    /**
     * The paper's date: --date, else the catalogue's report.paper.date, else today's with a warning that says so (a
     * paper is dated for its meeting, never silently for the day it was run).
     */
    @Test
    void thePaperIsDatedByTheOptionOrTheCatalogueAndAnUndatedOneSaysSo() throws Exception {
        Path work = dir.resolve("work");
        Files.createDirectories(work);
        for (String folder : List.of("fixtures", "notes")) {
            try (var files = Files.walk(org.pcpassessor.TestFiles.ROOT.resolve(folder))) {
                for (Path f : files.toList()) {
                    Path to = work.resolve(org.pcpassessor.TestFiles.ROOT.relativize(f).toString());
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(f, to);
                    }
                }
            }
        }
        String catalogue = org.pcpassessor.TestFiles.catalogueText();
        String to = "    to: Business Coordination Board\n";
        assertTrue(catalogue.contains(to), "the bundled paper's 'to'");
        Files.writeString(work.resolve("measures.yaml"), catalogue.replace(to, to + "    date: 2021-02-11\n"));
        assertTrue(documentText(paper(work, "dated.docx", "")).contains("11 February 2021"));
        assertTrue(documentText(paper(work, "option.docx", "", "--date", "2021-03-04")).contains("4 March 2021"),
                "--date over the catalogue's date");
        Files.writeString(work.resolve("measures.yaml"), catalogue);
        String today = java.time.LocalDate.now().toString();
        Path undated = paper(work, "undated.docx", "warning: the Word paper is dated today, " + today
                + ": give its date with --date YYYY-MM-DD or report.paper.date in the catalogue");
        assertTrue(Files.exists(undated));
    }

    /** Writes the paper of the catalogue in {@code work}; standard error must contain {@code warning} ("": none). */
    private static Path paper(Path work, String name, String warning, String... more) {
        Path out = work.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("report", "--catalogue",
                work.resolve("measures.yaml").toString(), "--rules", org.pcpassessor.TestFiles.RULES.toString(),
                "--month", "2020-12", "--format", "docx", "--out", out.toString(), "--template",
                org.pcpassessor.TestFiles.ROOT.resolve("templates").resolve("paper.docx").toString()));
        args.addAll(List.of(more));
        java.io.StringWriter err = new java.io.StringWriter();
        assertEquals(0, org.pcpassessor.cli.Main.execute(args.toArray(String[]::new),
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err)), err.toString());
        assertTrue(warning.isEmpty() ? !err.toString().contains("dated today") : err.toString().contains(warning),
                err.toString());
        return out;
    }

    private static String documentText(Path docx) throws Exception {
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            StringBuilder text = new StringBuilder();
            doc.getParagraphs().forEach(p -> text.append(p.getText()).append('\n'));
            return text.toString();
        }
    }

    private static String paragraphText(Path docx, int pillar, int priority) throws Exception {
        try (XWPFDocument doc = open(docx)) {
            var paragraphs = doc.getParagraphs();
            int pillars = -1;
            int priorities = -1;
            for (var p : paragraphs) {
                if ("PillarHeading".equals(p.getStyle())) {
                    pillars++;
                    priorities = -1;
                } else if ("PriorityHeading".equals(p.getStyle())) {
                    priorities++;
                } else if ("NumberedParagraph".equals(p.getStyle()) && pillars == pillar && priorities == priority) {
                    return p.getText();
                }
            }
        }
        throw new AssertionError("no paragraph " + pillar + "." + priority);
    }

    private static XWPFDocument open(Path docx) throws Exception {
        try (InputStream in = Files.newInputStream(docx)) {
            return new XWPFDocument(in);
        }
    }

    private static XWPFTableCell key(XWPFDocument doc, String word) {
        return doc.getTables().stream().flatMap(t -> t.getRows().stream()).flatMap(r -> r.getTableCells().stream())
                .filter(c -> c.getText().strip().equals(word)).findFirst().orElseThrow();
    }

    /** The fill of the Perf v Benchmark cell of the first row with this label whose cell is shaded "better". */
    private static String benchmarkColour(XWPFDocument doc, String label) {
        for (XWPFTable t : doc.getTables()) {
            for (var row : t.getRows()) {
                var cells = row.getTableCells();
                if (cells.size() >= 10 && cells.get(0).getText().equals(label)
                        && cells.get(9).getText().equals("Improved")) {
                    return cells.get(9).getColor();
                }
            }
        }
        throw new AssertionError("no row " + label + " labelled Improved");
    }
}
