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
import org.pcpassessor.problem.Problems;

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

    /** A scalar: its text as written, and whether YAML read it as a number, a boolean, null or a string. */
    public record Scalar(Pos pos, String text, JsonToken token) implements Node {
        public boolean isNull() {
            return token == JsonToken.VALUE_NULL;
        }

        public boolean isNumber() {
            return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
        }

        @Override
        public String describe() {
            return isNull() ? "an empty value" : "'" + text + "'";
        }
    }

    /**
     * Reads one document. Syntax errors and duplicate keys go to {@code problems}; returns null when the
     * document could not be read at all.
     */
    public static Node read(Reader reader, String file, Problems problems) {
        YAMLFactory factory = YAMLFactory.builder().build();
        try (JsonParser parser = factory.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.error(file, 1, 1, "the file is empty");
                return null;
            }
            return readValue(parser, file, problems);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Pos pos = at == null ? new Pos(0, 0) : Pos.of(at);
            // The parser's message goes on with an excerpt of the file; file:line:column already says where.
            String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().lines()
                    .findFirst().orElse("").strip();
            problems.error(file, pos.line(), pos.column(), "YAML syntax: " + message);
            return null;
        } catch (IOException e) {
            problems.error(file, 0, 0, "cannot read: " + e.getMessage());
            return null;
        }
    }

    private static Node readValue(JsonParser parser, String file, Problems problems) throws IOException {
        JsonToken token = parser.currentToken();
        Pos pos = Pos.of(parser.currentTokenLocation());
        switch (token) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Pos keyPos = Pos.of(parser.currentTokenLocation());
                    parser.nextToken();
                    Node value = readValue(parser, file, problems);
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
                    items.add(readValue(parser, file, problems));
                }
                return new ListNode(pos, items);
            }
            default -> {
                String text = token == JsonToken.VALUE_NULL ? "" : parser.getText();
                return new Scalar(pos, text, token);
            }
        }
    }
}
