package org.pcpassessor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.cli.Main;

/** A broken template is bad input: exit 2, the template's file (and line), and the old output left as it was. */
class TemplateErrorsTest {
    @TempDir
    Path dir;

    private String run(int expectedExit, String... args) {
        StringWriter err = new StringWriter();
        int exit = Main.execute(TestFiles.withBundledInputs(args), new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(expectedExit, exit, err.toString());
        return err.toString();
    }

    @Test
    void aMisspeltNameInTheHtmlTemplateNamesItsLineAndLeavesTheOldReport() throws Exception {
        Path template = dir.resolve("report.html");
        Files.writeString(template, "<!DOCTYPE html>\n<title>{{title}}</title>\n<p>{{intrro}}</p>\n");
        Path out = dir.resolve("old.html");
        Files.writeString(out, "the analyst's last report");
        String err = run(2, "report", "--format", "html", "--template", template.toString(), "--out", out.toString());
        assertTrue(err.contains(template + ":3:1: error:") && err.contains("intrro"), err);
        assertEquals("the analyst's last report", Files.readString(out));
    }

    @Test
    void aWordTemplateWithoutItsKeyOfColoursIsRefused() throws Exception {
        Path template = dir.resolve("paper.docx");
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             var o = Files.newOutputStream(template)) {
            doc.createParagraph().createRun().setText("{{title}}");
            doc.write(o);
        }
        String err = run(2, "report", "--format", "docx", "--template", template.toString(), "--out",
                dir.resolve("p.docx").toString());
        assertTrue(err.contains(template.toString()) && err.contains("Better, Worse and Neutral"), err);
        assertTrue(!Files.exists(dir.resolve("p.docx")));
    }

    @Test
    void aFileThatIsNotWordAndADocxWithoutOutAreRefused() throws Exception {
        Path template = dir.resolve("paper.docx");
        Files.writeString(template, "not a zip");
        assertTrue(run(2, "report", "--format", "docx", "--template", template.toString(), "--out",
                dir.resolve("p.docx").toString()).contains("not a Word (.docx) document"));
        assertTrue(run(2, "report", "--format", "docx").contains("--out FILE"));
        assertTrue(run(2, "report", "--template", template.toString()).contains("--format html or docx"));
    }
}
