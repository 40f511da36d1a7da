package org.pcpassessor.facts;

import java.util.Objects;

/**
 * One figure of a snapshot and how it was made, for the JSON report and for explain.
 *
 * @param name        the figure's name as in JSON {@code stats} ("rolling12")
 * @param value       the figure (a fraction for rates and proportions)
 * @param numerator   for rates and proportions, the sum of numerators; NaN otherwise
 * @param denominator for rates and proportions, the sum of denominators; NaN otherwise
 * @param how         which months and what operation ("sum of January 2020 to December 2020 (12 months)")
 */
public record Figure(String name, double value, double numerator, double denominator, String how) {
    public Figure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(how, "how");
    }

    public boolean hasParts() {
        return !Double.isNaN(denominator);
    }
}
