package org.pcpassessor.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.pcpassessor.problem.Problems;

/**
 * Reads a user's text file (catalogue, CSV, rules, scenario, phrases) whole, before any parser sees it, so that
 * what would make a parser slow or cryptic is an error with file:line:column instead: a file or a line too long
 * for its kind, bytes that are not UTF-8, a NUL character. A UTF-8 byte order mark (Excel's "CSV UTF-8") is
 * dropped. Every check is one linear pass.
 */
public final class TextFile {
    /** How big a file of one kind, and a line of it, may be. */
    public record Limits(String what, long maxBytes, int maxLineChars) {
        public Limits {
            if (maxBytes <= 0 || maxLineChars <= 0) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    /** Catalogues, scenarios, phrases, codes: hand-written YAML. */
    public static final Limits YAML = new Limits("YAML file", 8L << 20, 10_000);
    /** Rule files and decision tables: a long template fits on a line. */
    public static final Limits RULES = new Limits("rule file", 8L << 20, 20_000);
    /** Series CSV files: many rows, short lines (a force's 12,900 series of 60 months are about 40 MB). */
    public static final Limits CSV = new Limits("CSV file", 512L << 20, 10_000);

    private TextFile() {
    }

    /**
     * The file's text, or empty after recording the problem as an error against {@code file} (the name the user
     * gave). A missing file, a folder or an unreadable file are errors too.
     */
    public static Optional<String> read(Path path, String file, Limits limits, Problems problems) {
        return readBytes(path, file, limits, problems).flatMap(bytes -> decode(bytes, file, limits, problems));
    }

    /**
     * The file's bytes, with the checks of {@link #read} before reading (a folder, a missing file, a named pipe or a
     * device, the size): for a binary file of the user's (an Excel decision table).
     */
    public static Optional<byte[]> readBytes(Path path, String file, Limits limits, Problems problems) {
        try {
            if (Files.isDirectory(path)) {
                problems.error(file, 0, 0, "is a folder, not a " + limits.what());
                return Optional.empty();
            }
            if (!Files.exists(path)) {
                problems.error(file, 0, 0, limits.what() + " not found");
                return Optional.empty();
            }
            if (!Files.isRegularFile(path)) {
                // a named pipe would wait for a writer, a device (/dev/zero) never end: refused before reading
                problems.error(file, 0, 0, "is not a regular file (a named pipe or a device?); a " + limits.what()
                        + " must be a file");
                return Optional.empty();
            }
            long size = Files.size(path);
            if (size > limits.maxBytes()) {
                problems.error(file, 1, 0, "the file is " + megabytes(size) + "; a " + limits.what()
                        + " may be at most " + megabytes(limits.maxBytes()));
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(path));
        } catch (IOException | SecurityException e) {
            problems.error(file, 0, 0, "cannot read the file: " + IoMessages.reason(e));
            return Optional.empty();
        }
    }

    /** As {@link #read}, for bytes already in hand. */
    public static Optional<String> decode(byte[] bytes, String file, Limits limits, Problems problems) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        // The JDK's own UTF-8 decoding is many times faster than a CharsetDecoder (one pass, no char buffer) but
        // replaces a malformed byte with U+FFFD; a text holding U+FFFD is decoded again strictly, which either
        // finds the bad byte or returns the same text (a file may hold U+FFFD itself).
        String fast = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return checked(fast, file, limits, problems);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            // `out` holds the text up to the bad byte: its last line tells the position.
            int[] at = position(out, out.limit());
            problems.error(file, at[0], at[1], "not UTF-8: byte 0x" + String.format("%02X", bytes[in.position()] & 0xFF)
                    + " cannot start a character here; save the file as UTF-8");
            return Optional.empty();
        }
        return checked(out.toString(), file, limits, problems);
    }

    /** The text, or empty after reporting its first NUL character or line longer than the limits allow. */
    private static Optional<String> checked(String text, String file, Limits limits, Problems problems) {
        if (plain(text, limits)) {
            return Optional.of(text);
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0, n = text.length(); i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c == '\0') {
                problems.error(file, line, i - lineStart + 1, "a NUL character: is this a binary file?");
                return Optional.empty();
            }
            if (c == '\n' || c == '\r') {
                if (i - lineStart > limits.maxLineChars()) {
                    problems.error(file, line, limits.maxLineChars() + 1, "line " + line + " is " + (i - lineStart)
                            + " characters long; a " + limits.what() + " may have lines of at most "
                            + limits.maxLineChars());
                    return Optional.empty();
                }
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                lineStart = i + 1;
            }
        }
        return Optional.of(text);
    }

    /**
     * True when the text has no NUL and no line over the limit, found by the JDK's own searches (many times faster
     * than a loop over the characters); otherwise the loop finds where. A '\n'-separated piece within the limit
     * holds only lines within it, whatever '\r' it holds.
     */
    private static boolean plain(String text, Limits limits) {
        if (text.indexOf('\0') >= 0) {
            return false;
        }
        for (int from = 0, n = text.length(); from <= n; ) {
            int end = text.indexOf('\n', from);
            int stop = end < 0 ? n : end;
            if (stop - from > limits.maxLineChars()) {
                return false;
            }
            from = stop + 1;
        }
        return true;
    }

    /** Line and column (1-based) of character {@code index} of {@code text}. */
    private static int[] position(CharSequence text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, index - lineStart + 1};
    }

    private static String megabytes(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }
}
