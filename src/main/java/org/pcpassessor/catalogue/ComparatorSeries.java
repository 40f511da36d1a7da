package org.pcpassessor.catalogue;

import java.util.Objects;
import org.pcpassessor.problem.Location;

/**
 * A series a measure is compared with (the national rate, a most similar group, a region), declared under the
 * measure's {@code comparators:} in the catalogue. Its rows are in the data files like a measure's, under its own id
 * and area, and may end months before the force's own (national figures are published a month or two behind).
 *
 * @param id     the series' id in the data files ({@code national-all-crime-outcome-rate}); no measure's id
 * @param area   its area in the data files ("England and Wales"); not one of the catalogue's areas
 * @param name   how sentences name it: "the 43 forces of England and Wales"
 * @param population for a count's comparator, the population of its area (a count is compared per head, with the
 *               catalogue's {@code report.populations} for the force's); empty for a rate's or proportion's
 * @param source where it is declared, for messages
 */
public record ComparatorSeries(String id, String area, String name, java.util.OptionalDouble population,
                               Location source) {
    public ComparatorSeries {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(population, "population");
        if (population.isPresent() && !(population.getAsDouble() > 0)) {
            throw new IllegalArgumentException("a population must be positive: " + population.getAsDouble());
        }
        if (id.isBlank() || area.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("a comparator needs an id, an area and a name");
        }
    }

    /**
     * The comparator as the data loader reads it: a measure of its own id with the kind and polarity of the measure
     * it is compared with, reporting nothing itself.
     */
    public Measure asSeriesOf(Measure of) {
        return new Measure(id, name, name, name, of.kind(), of.polarity(), of.pillar(), of.priority(), id,
                java.util.OptionalDouble.empty(), java.util.Map.of(), java.util.Set.of(), of.unit(),
                java.util.Optional.empty(), java.util.List.of(), java.util.List.of(), java.util.Optional.empty(), source);
    }
}
