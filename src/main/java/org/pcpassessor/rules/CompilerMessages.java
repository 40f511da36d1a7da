package org.pcpassessor.rules;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pcpassessor.problem.Suggestions;

/**
 * The rule compiler's messages in the analyst's terms: fact types by their short names (Snapshot, not
 * org.pcpassessor.facts.Snapshot), no Java class names, and for a field a fact does not have, the fields it does
 * have with a did-you-mean.
 */
public final class CompilerMessages {
    private static final Pattern UNKNOWN_FIELD = Pattern.compile(
            "unable to resolve method using strict-mode: (?:[a-z][\\w]*\\.)*([A-Z]\\w*)\\.(\\w+)\\(\\)");
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+(?=[A-Z])");
    private static final Pattern EXCEPTION = Pattern.compile("\\b[A-Z]\\w*(?:Exception|Error):\\s*");

    private CompilerMessages() {
    }

    public static String clean(String message) {
        String text = message.strip().replaceAll("\\s+", " ");
        Matcher m = UNKNOWN_FIELD.matcher(text);
        if (m.find()) {
            List<String> fields = fieldsOf(m.group(1));
            if (!fields.isEmpty()) {
                return m.group(1) + " has no field '" + m.group(2) + "'" + Suggestions.didYouMean(m.group(2), fields)
                        + "; its fields: " + String.join(", ", fields);
            }
        }
        return EXCEPTION.matcher(QUALIFIED.matcher(text).replaceAll("")).replaceAll("");
    }

    /** The record components of a fact type of the rule API, or none. */
    private static List<String> fieldsOf(String type) {
        try {
            Class<?> c = Class.forName("org.pcpassessor.facts." + type);
            return c.isRecord() ? Arrays.stream(c.getRecordComponents()).map(r -> r.getName()).sorted().toList()
                    : List.of();
        } catch (ClassNotFoundException e) {
            return List.of();
        }
    }
}
