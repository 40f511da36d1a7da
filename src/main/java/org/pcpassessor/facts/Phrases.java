package org.pcpassessor.facts;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pcpassessor.problem.Location;

/**
 * Shared phrases of a rules folder ({@code phrases.yaml}): named ICU templates that any template can use as a
 * value, {@code {vsBenchmark}}, so that a clause said by several rules is written once. A phrase is formatted with
 * the same values as the template that names it, and may itself name other phrases.
 */
public record Phrases(Map<String, String> templates, Map<String, Location> locations) {
    public static final Phrases NONE = new Phrases(Map.of(), Map.of());

    public Phrases {
        templates = java.util.Collections.unmodifiableMap(new TreeMap<>(templates));
        locations = java.util.Collections.unmodifiableMap(new TreeMap<>(locations));
    }

    public Optional<String> template(String name) {
        return Optional.ofNullable(templates.get(name));
    }

    public Location location(String name) {
        return locations.getOrDefault(name, Location.of("phrases.yaml"));
    }
}
