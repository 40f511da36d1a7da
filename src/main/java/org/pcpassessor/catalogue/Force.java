package org.pcpassessor.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * One force of a catalogue that names several ({@code report.forces}): its name and its areas, the first being its
 * headline area. {@code report --each-area} writes a report per force over its own areas.
 */
public record Force(String name, List<String> areas) {
    public Force {
        Objects.requireNonNull(name, "name");
        areas = List.copyOf(areas);
        if (areas.isEmpty()) {
            throw new IllegalArgumentException("force " + name + " needs at least one area");
        }
    }
}
