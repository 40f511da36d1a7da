package org.pcpassessor.catalogue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated catalogue: report settings, data files, and the pillars with their priorities and measures.
 *
 * @param file         the catalogue file itself
 * @param title        the report title
 * @param defaultMonth the report month unless {@code --month} says otherwise
 * @param areas        the areas reported, the first being the headline area (e.g. Force); with forces, every
 *                     force's areas in turn
 * @param confidence   the confidence level of every significance test (0.95 unless set)
 * @param data         where the series are read: files (CSV and Excel), globs expanded, and SQL queries
 * @param pillars      the pillars in report order
 * @param rejected     ids of measures declared with errors (left out; their data rows are not "unknown")
 * @param spc          how monthly series are charted
 * @param paper        the Board paper's front matter
 * @param forces       the forces, each with its own areas, when the catalogue names several; empty for one force
 * @param parents      each area's parent when the areas nest (an area of the headline area, a district of an area:
 *                     {@code Huntingdonshire -> North}); every area but the headline area has one
 * @param populations  each area's population where the catalogue gives it ({@code report.populations}), for a
 *                     count compared per head with a comparator
 */
public record Catalogue(Path file, String title, YearMonth defaultMonth, List<String> areas, double confidence,
                        DataSources data, List<Pillar> pillars, java.util.Set<String> rejected,
                        SpcSettings spc, Paper paper, List<Force> forces, java.util.Map<String, String> parents,
                        java.util.Map<String, Double> populations) {

    public Catalogue {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(defaultMonth, "defaultMonth");
        areas = List.copyOf(areas);
        Objects.requireNonNull(data, "data");
        pillars = List.copyOf(pillars);
        rejected = java.util.Set.copyOf(rejected);
        Objects.requireNonNull(paper, "paper");
        forces = List.copyOf(forces);
        parents = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parents));
        populations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(populations));
        if (!forces.isEmpty() && !areas.equals(forces.stream().flatMap(f -> f.areas().stream()).toList())) {
            throw new IllegalArgumentException("the areas must be the forces' areas in turn");
        }
        if (areas.isEmpty()) {
            throw new IllegalArgumentException("a catalogue needs at least one area");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1: " + confidence);
        }
    }

    /**
     * The same catalogue over other areas (the first the headline area), as one force: one force of many, or one
     * area, reported on its own among peers.
     */
    public Catalogue withAreas(List<String> others) {
        java.util.Map<String, String> kept = new java.util.LinkedHashMap<>();
        parents.forEach((area, parent) -> {
            if (others.contains(area) && others.contains(parent)) {
                kept.put(area, parent);
            }
        });
        return new Catalogue(file, title, defaultMonth, others, confidence, data, pillars, rejected, spc, paper,
                List.of(), kept, populations);
    }

    /** The series files (CSV and Excel), globs expanded, sorted by path. */
    public List<Path> dataFiles() {
        return data.files();
    }

    /** An area's population, when the catalogue gives it (report.populations). */
    public java.util.OptionalDouble population(String area) {
        Double p = populations.get(area);
        return p == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(p);
    }

    /** The area an area is part of: the headline area for an area, its area for a district; empty for the headline. */
    public java.util.Optional<String> parentOf(String area) {
        if (area.equals(headlineArea())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(parents.getOrDefault(area, headlineArea()));
    }

    /** Where an area sits: {@code headline}, {@code area} (of the headline area) or {@code district} (of an area). */
    public String levelOf(String area) {
        java.util.Optional<String> parent = parentOf(area);
        return parent.isEmpty() ? "headline" : parent.get().equals(headlineArea()) ? "area" : "district";
    }

    public String headlineArea() {
        return areas.get(0);
    }

    /** Every measure, in report order (pillar, priority, declaration). */
    public List<Measure> measures() {
        return pillars.stream()
                .flatMap(p -> p.priorities().stream())
                .flatMap(p -> p.measures().stream())
                .toList();
    }

    public Optional<Measure> measure(String id) {
        return measures().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /**
     * The comparator series of that id (a measure's {@code comparators:}) with the measure compared with it; empty when
     * no measure declares it. Its rows are read as {@link ComparatorSeries#asSeriesOf} that measure, in its own area.
     */
    public Optional<java.util.Map.Entry<ComparatorSeries, Measure>> comparator(String id) {
        for (Measure m : measures()) {
            for (ComparatorSeries c : m.comparators()) {
                if (c.id().equals(id)) {
                    return Optional.of(java.util.Map.entry(c, m));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The data files outside the catalogue's folder (an absolute path, or {@code --allow-data-outside}): named in the
     * JSON report, so that a reader sees where figures came from when it is not beside the catalogue.
     */
    public List<Path> dataOutsideFolder() {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return data.files().stream().map(p -> p.toAbsolutePath().normalize())
                .filter(p -> parent == null || !p.startsWith(parent)).toList();
    }
}
