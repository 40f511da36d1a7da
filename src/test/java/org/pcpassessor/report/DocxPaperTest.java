package org.pcpassessor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 4 && pages <= 30, pages + " pages");
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("To: Business Coordination Board"), text);
            assertTrue(text.contains("Date: 11 February 2021"), text);
            for (String heading : List.of("SAFEGUARDING THE VULNERABLE", "Perf v Benchmark", "Rolling 12 months")) {
                assertTrue(text.contains(heading), heading);
            }
            // numbered as the seeds are, by Word's list: the front matter 1 to 3 (its paragraphs 1.1, 2.1, 3.1),
            // Performance Headlines 4, the pillars 5 to 7, the closing recommendation 8, then the bibliography
            assertTrue(text.matches(".*\\b1\\. Purpose 1\\.1 The purpose .*\\b2\\. Recommendation 2\\.1 .*"
                    + "\\b3\\. Background 3\\.1 .*\\b4\\. Performance Headlines 4\\.1 The number of recorded crimes .*"
                    + "\\b5\\. Victims .*\\b6\\. Offenders .*\\b7\\. Communities .*\\b8\\. Recommendation 8\\.1 .*"
                    + "BIBLIOGRAPHY .*Contact officer.*"), text);
            // a pillar's first paragraph carries its number (Word numbering, not typed text) before its words
            String first = firstNumberedParagraph(docx);
            assertTrue(text.contains("5.1.1 " + first.substring(0, 40)), first);
            // the bundled template's keys: the charts' points and the tables' icons, before the first chart
            int key = text.indexOf("In the charts, the points are Making Data Count");
            assertTrue(key > 0 && key < text.indexOf("4. Performance Headlines")
                    && text.indexOf("Assurance a target against the process limits") > key, "the keys on page 1");
            // "Also noted" is out of the paper by default (--also-noted)
            assertFalse(text.contains("Also noted"), "Also noted in the paper");
            // the footer: every page numbered, "Page n of N"
            for (int i = 1; i <= pages; i++) {
                assertTrue(text.contains("Page " + i + " of " + pages), "page " + i);
            }
            // looked at: every page as an image under target/, and no page but the last under a third full
            Path images = Path.of("target", "paper-pages");
            Files.createDirectories(images);
            try (var old = Files.list(images)) { // only this run's pages
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
            org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
            for (int i = 0; i < pages; i++) {
                javax.imageio.ImageIO.write(renderer.renderImageWithDPI(i, 60), "png",
                        images.resolve("page-" + (i + 1) + ".png").toFile());
                if (i < pages - 1) {
                    double filled = BodyDepth.of(renderer.renderImageWithDPI(i, 30));
                    assertTrue(filled > 1.0 / 3, "page " + (i + 1) + " is " + Math.round(filled * 100) + "% full");
                }
            }
        }
    }

    /**
     * How far down its page a page's body reaches, as a share of the page's height: the lowest row, above the footer
     * (the bottom eighth of the page, where "Page n of N" is), with anything but white on it. Text, tables and charts
     * alike, as a reader sees the page.
     */
    private static final class BodyDepth {
        static double of(java.awt.image.BufferedImage page) {
            int footer = page.getHeight() - page.getHeight() / 8;
            for (int y = footer - 1; y >= 0; y--) {
                for (int x = 0; x < page.getWidth(); x++) {
                    if ((page.getRGB(x, y) & 0xFFFFFF) < 0xF0F0F0) {
                        return (double) y / page.getHeight();
                    }
                }
            }
            return 0;
        }
    }

    /** The first paragraph of the pillars' numbered paragraphs, read back with POI. */
    private static String firstNumberedParagraph(Path docx) throws Exception {
        try (XWPFDocument doc = open(docx)) {
            return doc.getParagraphs().stream().filter(p -> "NumberedParagraph".equals(p.getStyle()))
                    .map(p -> p.getText()).findFirst().orElseThrow();
        }
    }

    /** --also-noted: in an appendix after the closing recommendation, or under each priority. */
    @Test
    void alsoNotedGoesInAnAppendixOrInlineWhenAsked() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("i"));
        String appendix = documentText(Tools.report(dir.resolve("a"), "docx", "--date", "2021-02-11", "--also-noted",
                "appendix"));
        int recommendation = appendix.lastIndexOf("Recommendation");
        int also = appendix.indexOf("Appendix: also noted");
        assertTrue(also > recommendation && recommendation > 0, "the appendix follows the closing recommendation");
        assertTrue(appendix.indexOf("Victims: Domestic Abuse", also) > also, "by pillar and priority");
        String inline = documentText(Tools.report(dir.resolve("i"), "docx", "--date", "2021-02-11", "--also-noted",
                "inline"));
        assertTrue(inline.contains("Also noted") && !inline.contains("Appendix: also noted"), "under the priorities");
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
