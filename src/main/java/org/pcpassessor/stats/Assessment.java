package org.pcpassessor.stats;

import org.pcpassessor.facts.Snapshot;
import org.pcpassessor.facts.Comparison;
import org.pcpassessor.facts.Extreme;
import org.pcpassessor.facts.Streak;
import org.pcpassessor.facts.Trend;
import org.pcpassessor.facts.SpcSignal;
import org.pcpassessor.facts.DataIssue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * All the facts computed for one measure in one area for the report month, and the months its charts show (not a
 * rule fact; the headline area's only, since only its rows are charted: {@link History#NONE} for other areas).
 *
 * @param issues what the data checks found, or the catalogue declared, about the months the figures use
 */
public record Assessment(Snapshot snapshot, List<Comparison> comparisons, List<Extreme> extremes,
                         List<Streak> streaks, Optional<Trend> trend, Optional<SpcSignal> spc, History history,
                         List<DataIssue> issues) {

    public Assessment {
        comparisons = List.copyOf(comparisons);
        extremes = List.copyOf(extremes);
        streaks = List.copyOf(streaks);
        issues = List.copyOf(issues);
        java.util.Objects.requireNonNull(history, "history");
    }

    /** Every fact, the snapshot first, in a stable order. */
    public List<Object> facts() {
        List<Object> facts = new ArrayList<>();
        facts.add(snapshot);
        facts.addAll(comparisons);
        facts.addAll(extremes);
        facts.addAll(streaks);
        trend.ifPresent(facts::add);
        spc.ifPresent(facts::add);
        facts.addAll(issues);
        return facts;
    }

    public Optional<Comparison> comparison(String basis) {
        return comparisons.stream().filter(c -> c.basis().equals(basis)).findFirst();
    }
}
