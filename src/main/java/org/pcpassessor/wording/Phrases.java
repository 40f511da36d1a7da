package org.pcpassessor.wording;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pcpassessor.problem.Location;

/**
 * The wording of a rules folder ({@code wording/*.yaml}): named ICU templates. A rule names the sentence it makes,
 * {@code Sentence.of("countAgainstBenchmark", $b)}; any template uses another entry as a value, {@code {vsBenchmark}},
 * so that a clause said by several sentences is written once. An entry is formatted with the same values as the
 * template that names it. An entry may have alternatives (said in turn, so that a report does not open every
 * paragraph alike): {@link #template} is the first, {@link #alternatives} all of them.
 */
public record Phrases(Map<String, List<String>> entries, Map<String, Location> locations) {
    public static final Phrases NONE = new Phrases(Map.of(), Map.of());

    public Phrases {
        TreeMap<String, List<String>> copy = new TreeMap<>();
        entries.forEach((name, texts) -> {
            if (texts.isEmpty()) {
                throw new IllegalArgumentException("wording '" + name + "' has no text");
            }
            copy.put(name, List.copyOf(texts));
        });
        entries = java.util.Collections.unmodifiableMap(copy);
        locations = java.util.Collections.unmodifiableMap(new TreeMap<>(locations));
    }

    /** One template per name: the entry's first (or only) text. */
    public static Phrases of(Map<String, String> templates, Map<String, Location> locations) {
        Map<String, List<String>> entries = new TreeMap<>();
        templates.forEach((name, text) -> entries.put(name, List.of(text)));
        return new Phrases(entries, locations);
    }

    /** The entry's template (its first alternative). */
    public Optional<String> template(String name) {
        List<String> texts = entries.get(name);
        return texts == null ? Optional.empty() : Optional.of(texts.get(0));
    }

    /** The entry's alternatives, in the order written (one for most entries); empty for an unknown name. */
    public List<String> alternatives(String name) {
        return entries.getOrDefault(name, List.of());
    }

    /** The names of the entries. */
    public java.util.Set<String> names() {
        return entries.keySet();
    }

    public Location location(String name) {
        return locations.getOrDefault(name, Location.of("wording"));
    }

    /** Whether a text is a wording name (letters and digits, a letter first) rather than a template. */
    public static boolean isName(String text) {
        if (text.isEmpty() || !Character.isLetter(text.charAt(0))) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
