package org.pcpassessor.catalogue;

import java.util.List;
import java.util.Objects;

/** A pillar of the Plan (Victims, Offenders, Communities), its table heading and its priorities in order. */
public record Pillar(String name, String heading, List<Priority> priorities) {
    public Pillar {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(heading, "heading");
        priorities = List.copyOf(priorities);
    }
}
