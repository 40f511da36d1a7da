package org.pcpassessor.catalogue;

import java.util.List;
import java.util.Objects;

/** A priority of a pillar (Domestic Abuse, Burglary, ...) and its measures, in catalogue order. */
public record Priority(String name, List<Measure> measures) {
    /** The name given to a pillar's own measures, listed under {@code measures:} directly below the pillar. */
    public static final String HEADLINES = "Headlines";

    public Priority {
        Objects.requireNonNull(name, "name");
        measures = List.copyOf(measures);
    }

    public boolean isHeadlines() {
        return HEADLINES.equals(name);
    }
}
