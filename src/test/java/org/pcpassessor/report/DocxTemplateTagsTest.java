package org.pcpassessor.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Word template's tags are checked against what the paper fills (issue 27): poi-tl leaves an unknown tag blank,
 * so a misspelt one was a silently empty part of the paper. The bundled template, with two tags misspelt in its
 * document part, is refused with both named and the closest known tag for each.
 */
class DocxTemplateTagsTest {
    @TempDir
    Path dir;

    /** The bundled template with its document part's text replaced. */
    private Path edited(String from, String to, String from2, String to2) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(Path.of("templates/paper.docx")));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("word/document.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    assertTrue(xml.contains(from) && xml.contains(from2), "the template has the tags to misspell");
                    data = xml.replace(from, to).replace(from2, to2).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        Path file = dir.resolve("paper.docx");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    @Test
    void theBundledTemplateHasOnlyTagsThePaperFills() {
        org.pcpassessor.problem.Problems found = new org.pcpassessor.problem.Problems();
        assertTrue(DocxReport.load(Path.of("templates/paper.docx"), found).isPresent(), found.sorted().toString());
        assertTrue(found.sorted().isEmpty(), found.sorted().toString());
    }

    @Test
    void anUnknownTagIsRefusedWithTheClosestKnownOne() throws Exception {
        Path file = edited("{{recommendation}}", "{{recomendation}}", "{{heading}}", "{{headng}}");
        org.pcpassessor.problem.Problems found = new org.pcpassessor.problem.Problems();
        assertTrue(DocxReport.load(file, found).isEmpty(), "a template with unknown tags is not used");
        String said = found.sorted().toString();
        assertTrue(said.contains("{{recomendation}} (did you mean 'recommendation'?)"), said);
        assertTrue(said.contains("{{headng}} in {{?priorities}} (did you mean 'heading'?)"), said);
    }
}
