package org.pcpassessor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs that cannot be loosened and a preview only this machine can read (issue 27): an {@code --out} that is a
 * symbolic link is written through to the file it names, which keeps its mode (it was replaced by a file of mode
 * 0777); the preview server answers only requests that name 127.0.0.1 or localhost (a page elsewhere could otherwise
 * read the report by DNS rebinding).
 */
class UnsafeOutputsTest {
    @TempDir
    Path dir;

    @Test
    void anOutputThatIsALinkIsWrittenThroughAndKeepsItsTargetsMode() throws Exception {
        BadInputCorpusTest.setUp(dir);
        Path real = dir.resolve("private/report.md");
        Files.createDirectories(real.getParent());
        Files.writeString(real, "the last report");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Path link = dir.resolve("out.md");
        Files.createSymbolicLink(link, Path.of("private/report.md"));
        ReportCommandTestAccess.Run r = ReportCommandTestAccess.runAsIs("report", "--catalogue",
                dir.resolve("measures.yaml").toString(), "--rules", dir.resolve("rules").toString(), "--out",
                link.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
        assertTrue(Files.readString(real).startsWith("# Corpus base"), "the file it names has the report");
    }

    private static String statusLine(int port, String host) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    @Test
    void thePreviewAnswersOnlyRequestsForThisMachine() throws Exception {
        try (Preview preview = new Preview(0)) {
            int port = Integer.parseInt(preview.address().replaceAll(".*:(\\d+)/$", "$1"));
            assertTrue(statusLine(port, "evil.example").startsWith("HTTP/1.1 421"));
            assertTrue(statusLine(port, "evil.example:" + port).startsWith("HTTP/1.1 421"));
            assertTrue(statusLine(port, "127.0.0.1.evil.example").startsWith("HTTP/1.1 421"));
            assertEquals("HTTP/1.1 200 OK", statusLine(port, "127.0.0.1:" + port));
            assertEquals("HTTP/1.1 200 OK", statusLine(port, "localhost:" + port));
            assertEquals("HTTP/1.1 200 OK", statusLine(port, "localhost"));
        }
    }
}
