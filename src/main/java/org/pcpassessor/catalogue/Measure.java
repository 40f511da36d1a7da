package org.pcpassessor.catalogue;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * One measure of the Plan, as declared in the catalogue.
 *
 * @param id         stable identifier used in the data files and rules (e.g. {@code da-recorded-crime})
 * @param label      the row label in the pillar table
 * @param subject    what sentences talk about: the noun phrase as it reads mid-sentence, with its article when it
 *                   takes one ("recorded Domestic Abuse crimes", "the Domestic Abuse prosecution possible outcome
 *                   rate"); a sentence that starts with it capitalises its first letter
 * @param shortSubject the short form a paragraph uses once the subject has been named ("these crimes", "the rate");
 *                   the subject itself when the catalogue gives none
 * @param kind       how the monthly figure is made and aggregated
 * @param polarity   which direction is good news
 * @param pillar     the Plan pillar
 * @param priority   the priority within the pillar ({@link Priority#HEADLINES} for pillar-level measures)
 * @param topic      the paragraph the measure is said in: measures of a priority with the same topic (a crime count and
 *                   its outcome rate, say) share one paragraph; the measure's id when the catalogue gives none
 * @param baseline   a fixed benchmark; empty means "the previous complete financial year"
 * @param tests      per comparison basis, the name of the significance test to use instead of the default
 * @param comparisons the comparisons reported for this measure (some of benchmark, 1yr, 3yr, lastYear)
 * @param unit       the unit a median is measured in ("minutes"); empty for counts and rates
 * @param until      the last month the series is published, when its supply stopped (later rows are ignored)
 * @param events     what the analysts declared happened to the data (its own and the catalogue's for every measure),
 *                   in month order
 * @param comparators the series it is compared with (national, peers), for a rate or proportion; none by default
 * @param target     the target it is held to (a value or a trajectory), for a measure with a good direction; none
 *                   by default
 * @param source     where it is declared, for error messages
 */
public record Measure(String id, String label, String subject, String shortSubject, Kind kind, Polarity polarity,
                      String pillar, String priority, String topic, OptionalDouble baseline, Map<Basis, String> tests,
                      Set<Basis> comparisons, String unit, java.util.Optional<java.time.YearMonth> until,
                      java.util.List<Event> events, java.util.List<ComparatorSeries> comparators,
                      java.util.Optional<Target> target, org.pcpassessor.problem.Location source) {

    /** The comparison bases a measure can report; each has a default test per kind. */
    public static final Set<Basis> ALL_BASES = Set.copyOf(java.util.EnumSet.allOf(Basis.class));

    public Measure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(shortSubject, "shortSubject");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(polarity, "polarity");
        Objects.requireNonNull(pillar, "pillar");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        events = events.stream().sorted(java.util.Comparator.comparing(Event::month)).toList();
        comparators = java.util.List.copyOf(comparators);
        tests = Map.copyOf(tests);
        comparisons = Set.copyOf(comparisons);
        if (id.isBlank()) {
            throw new IllegalArgumentException("measure id is blank");
        }
    }

    public boolean reports(Basis basis) {
        return comparisons.contains(basis);
    }
}
