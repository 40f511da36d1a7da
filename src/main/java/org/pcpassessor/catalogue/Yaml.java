package org.pcpassessor.catalogue;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.pcpassessor.input.TextFile;
import org.pcpassessor.problem.Problems;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A YAML document as a tree whose every node knows its line and column, read with Jackson's streaming YAML
 * parser. Jackson's own tree model drops locations, and a catalogue error must name file:line:column.
 */
public final class Yaml {
    private Yaml() {
    }

    /** A position in the file, 1-based. */
    public record Pos(int line, int column) {
        static Pos of(JsonLocation location) {
            return new Pos(Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()));
        }
    }

    public sealed interface Node permits MapNode, ListNode, Scalar {
        Pos pos();

        /** How the node reads to a user in an error message: "a list", "a mapping", or the scalar itself. */
        String describe();
    }

    public record Entry(String key, Pos keyPos, Node value) {
    }

    public record MapNode(Pos pos, Map<String, Entry> entries) implements Node {
        public Node get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    public record ListNode(Pos pos, List<Node> items) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar: its text as written, and whether YAML read it as a number, a boolean, null or a string. A scalar
     * already reported as wrong (an alias, a number not in plain decimal) has no text and token
     * {@code NOT_AVAILABLE}, so that the loaders say nothing more about it.
     */
    public record Scalar(Pos pos, String text, JsonToken token) implements Node {
        static Scalar reported(Pos pos) {
            return new Scalar(pos, "", JsonToken.NOT_AVAILABLE);
        }

        /** Whether the reader already reported this value as wrong. */
        public boolean isReported() {
            return token == JsonToken.NOT_AVAILABLE;
        }

        public boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        public boolean isNumber() {
            return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        }

        @Override
        public String describe() {
            String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
            return isNull() || isReported() ? "an empty value" : "'" + shown.replaceAll("\\s+", " ") + "'";
        }
    }

    private static final Pattern MARK = Pattern.compile("^ in '[^']*', line (\\d+), column (\\d+):");

    /** Deeper than this, a hand-written file is a mistake (an unclosed bracket, say), not a structure. */
    static final int MAX_DEPTH = 32;
    /** A number as an analyst writes it: no hex, octal, underscores, exponents, .nan or .inf. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    /**
     * Reads a file whole and strictly (sizes, UTF-8: {@link TextFile}), then as one YAML document; null after
     * recording the problems when it cannot be read.
     */
    public static Node read(java.nio.file.Path path, String file, Problems problems) {
        return TextFile.read(path, file, TextFile.YAML, problems)
                .map(text -> read(new java.io.StringReader(text), file, problems)).orElse(null);
    }

    /**
     * Reads one document, strictly: no anchors, aliases or merge keys (an analyst's file says each thing where it
     * is used), one document only, numbers in plain decimal, at most {@value #MAX_DEPTH} levels. Syntax errors and
     * duplicate keys go to {@code problems}; returns null when the document could not be read at all.
     */
    public static Node read(Reader reader, String file, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by readValue with both lines
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_DEPTH + 8);
        options.setCodePointLimit((int) TextFile.YAML.maxBytes());
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
        try (JsonParser parser = factory.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.error(file, 1, 1, "the file is empty");
                return null;
            }
            Node root = readValue((YAMLParser) parser, file, problems, 0);
            if (root != null && parser.nextToken() != null) {
                Pos at = Pos.of(parser.currentTokenLocation());
                problems.error(file, at.line(), at.column(), "a second YAML document ('---'): a file holds one");
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Pos pos = at == null ? new Pos(0, 0) : Pos.of(at);
            // SnakeYAML's message: the context, the problem, then " in 'reader', line L, column C:" (the problem's
            // place, which is where to look) and an excerpt of the file; file:line:column already shows where.
            String original = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
            List<String> words = new ArrayList<>();
            for (String line : original.lines().toList()) {
                java.util.regex.Matcher mark = MARK.matcher(line);
                if (mark.find()) {
                    pos = new Pos(Integer.parseInt(mark.group(1)), Integer.parseInt(mark.group(2)));
                } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                    words.add(line.strip());
                }
            }
            problems.error(file, pos.line(), pos.column(), "YAML syntax: " + String.join("; ", words));
            return null;
        } catch (TooDeep e) {
            problems.error(file, e.at.line(), e.at.column(), "nested more than " + MAX_DEPTH
                    + " levels deep: an unclosed bracket?");
            return null;
        } catch (IOException | YAMLException e) {
            // The YAML library's own limits and failures (SnakeYAML's exceptions are unchecked): the first line of its
            // message, which names the problem, never its class.
            String message = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("").strip();
            problems.error(file, 1, 1, "YAML: " + message);
            return null;
        }
    }

    /** Thrown out of the recursion when the nesting is too deep. */
    private static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Pos at;

        TooDeep(Pos at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    private static Node readValue(YAMLParser parser, String file, Problems problems, int depth) throws IOException {
        JsonToken token = parser.currentToken();
        Pos pos = Pos.of(parser.currentTokenLocation());
        if (parser.isCurrentAlias()) {
            // An anchor alone changes nothing; its use elsewhere would copy a value the reader cannot see.
            problems.error(file, pos.line(), pos.column(), "YAML aliases (*" + parser.getText()
                    + ") are not allowed: write the value where it is used");
            return Scalar.reported(pos);
        }
        if (depth > MAX_DEPTH && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
            throw new TooDeep(pos);
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Pos keyPos = Pos.of(parser.currentTokenLocation());
                    if ("<<".equals(key)) {
                        problems.error(file, keyPos.line(), keyPos.column(),
                                "YAML merge keys (<<) are not allowed: write each key where it is used");
                    }
                    parser.nextToken();
                    Node value = readValue(parser, file, problems, depth + 1);
                    Entry previous = entries.get(key);
                    if (previous != null) {
                        problems.error(file, keyPos.line(), keyPos.column(), "duplicate key '" + key
                                + "' (first given at line " + previous.keyPos().line() + ")");
                    } else {
                        entries.put(key, new Entry(key, keyPos, value));
                    }
                }
                return new MapNode(pos, entries);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, file, problems, depth + 1));
                }
                return new ListNode(pos, items);
            }
            default -> {
                String text = token == JsonToken.VALUE_NULL ? "" : parser.getText();
                boolean number = token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
                if (number && !PLAIN_DECIMAL.matcher(text).matches()) {
                    problems.error(file, pos.line(), pos.column(), "write numbers in plain decimal (e.g. 0.95 or "
                            + "10660), not '" + text + "'; quote it if it is a text");
                    return Scalar.reported(pos);
                }
                return new Scalar(pos, text, token);
            }
        }
    }
}
