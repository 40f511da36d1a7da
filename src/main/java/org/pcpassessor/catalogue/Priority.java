package org.pcpassessor.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * A priority of a pillar (Domestic Abuse, Burglary, ...), its measures in catalogue order, and how much the draft
 * says about it (its own {@code budget}, else the report's).
 */
public record Priority(String name, List<Measure> measures, Budget budget) {
    /** The name given to a pillar's own measures, listed under {@code measures:} directly below the pillar. */
    public static final String HEADLINES = "Headlines";

    public Priority {
        Objects.requireNonNull(name, "name");
        measures = List.copyOf(measures);
        Objects.requireNonNull(budget, "budget");
    }

    public boolean isHeadlines() {
        return HEADLINES.equals(name);
    }
}
