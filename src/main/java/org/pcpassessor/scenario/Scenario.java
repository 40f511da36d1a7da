package org.pcpassessor.scenario;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pcpassessor.data.Series;

/**
 * An analyst's test of the rules: a few months of series, the report month, and what the report must (and must
 * not) say about them.
 *
 * @param catalogue the catalogue whose measure definitions the series use (empty: the one in use)
 */
public record Scenario(Path file, String name, YearMonth month, Optional<Path> catalogue, List<SeriesSpec> series,
                       List<Expectation> expectations) {

    public Scenario {
        series = List.copyOf(series);
        expectations = List.copyOf(expectations);
    }

    /** A series as written in the scenario, before the catalogue tells its kind (empty lists: not given). */
    public record SeriesSpec(String measure, Optional<String> area, YearMonth from, List<Double> values,
                             List<Double> numerators, List<Double> denominators, int line,
                             List<org.pcpassessor.problem.Location> valueAt,
                             List<org.pcpassessor.problem.Location> denominatorAt) {
        public SeriesSpec {
            values = List.copyOf(values);
            numerators = List.copyOf(numerators);
            denominators = List.copyOf(denominators);
            valueAt = List.copyOf(valueAt);
            denominatorAt = List.copyOf(denominatorAt);
        }
    }

    /**
     * What must hold for one measure in one area.
     *
     * @param findings codes that must be present, each optionally with its basis ("TWELVE_MONTH_HIGH monthly")
     * @param absent   codes that must not be present
     * @param labels   table labels by JSON name (vsBenchmark, vs1yrAvg, vs3yrAvg, vsLastYear)
     * @param sentences texts that some sentence of the measure must contain
     * @param noSentences texts that no sentence of the measure may contain
     */
    /**
     * What a scenario expects of one measure: findings present and absent, table labels, sentences made or not
     * made (any, drafted or not), and sentences in the draft's paragraphs ({@code drafted}) or made but left out of
     * them, under "Also noted" or as trivial ({@code notDrafted}).
     */
    public record Expectation(String measure, Optional<String> area, List<String> findings, List<String> absent,
                              Map<String, String> labels, List<String> sentences, List<String> noSentences,
                              List<String> drafted, List<String> notDrafted, int line) {
        public Expectation {
            findings = List.copyOf(findings);
            absent = List.copyOf(absent);
            labels = Map.copyOf(labels);
            sentences = List.copyOf(sentences);
            noSentences = List.copyOf(noSentences);
            drafted = List.copyOf(drafted);
            notDrafted = List.copyOf(notDrafted);
        }
    }

    /** Turns a spec into a series of the measure's kind. */
    static Series series(SeriesSpec spec, org.pcpassessor.catalogue.Kind kind, String area, String file) {
        double[] num = array(kind.hasDenominator() ? spec.numerators() : spec.values());
        double[] den = kind.hasDenominator() ? array(spec.denominators()) : ones(num.length);
        return new Series(spec.measure(), area, kind, spec.from(), num, den,
                java.util.Collections.nCopies(num.length, file + ":" + spec.line()));
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] ones(int n) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, 1);
        return d;
    }
}
