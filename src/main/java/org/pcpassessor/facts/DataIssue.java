package org.pcpassessor.facts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the data checks found, or an analyst declared, about a measure's data in the months the report month's
 * figures use: a break in supply (the months from it are not compared), a new series (not compared with months
 * before it began), zeros no level of the series makes plausible, a constant series, a proportion stuck at 0% or
 * 100%, numbers too small to test, or a declared event (a recording or system change, a lockdown) in the months
 * compared. Classify rules make findings of these (rules/classify/data.drl); narrate rules say them.
 */
@Doc("What the data checks found, or an analyst declared, about a measure's data in the months the report uses.")
public record DataIssue(
        @Doc("The measure's id in the catalogue.") String measureId,
        @Doc("The area.") String area,
        @Doc("True for the catalogue's first (headline) area.") boolean headline,
        @Doc("count, rate, proportion or median.") String kind,
        @Doc("up-is-good, down-is-good or neutral.") String polarity,
        @Doc("supply-break, new-series, implausible-zero, constant, stuck-proportion, small-numbers or event.")
        String problem,
        @Doc("Its first month, in words: \"June 2019\".") String from,
        @Doc("Its last month, in words (a break: the series' last month).") String to,
        @Doc("How many months it concerns.") int months,
        @Doc("The month before it, in words: a break's last month of data (\"May 2019\"); \"\" for none.")
        String before,
        @Doc("How many months before the report month it ended (0: it covers the report month).") int monthsAgo,
        @Doc("The series' level around it (median of the months before a break, around zeros, after a new series' "
                + "start; the 12 months' total or denominator for small numbers); NaN when it does not apply.")
        double level,
        @Doc("The chance of as many zeros in a row at that level (Poisson); NaN when it does not apply.")
        double probability,
        @Doc("True when declared in the catalogue (events:), false when found in the data.") boolean declared,
        @Doc("A declared event's kind (supply-break, recording-change, system-change, lockdown, other); \"\" when "
                + "found.") String eventKind,
        @Doc("A declared event's text, as the analyst wrote it; \"\" when found.") String eventText,
        @Doc("The file:line of the data rows concerned (a few).") List<String> rows,
        @Doc("Every figure of the measure in the month.") Snapshot snapshot) implements Evidence {

    /** The problems, as {@link #problem} names them. */
    public static final List<String> PROBLEMS = List.of("supply-break", "new-series", "implausible-zero", "constant",
            "stuck-proportion", "small-numbers", "event");

    public static final List<String> EVIDENCE_KEYS = List.of("problem", "from", "to", "months", "before", "monthsAgo",
            "level", "probability", "declared", "eventKind", "eventText");

    public DataIssue {
        Objects.requireNonNull(measureId, "measureId");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(eventKind, "eventKind");
        Objects.requireNonNull(eventText, "eventText");
        Objects.requireNonNull(snapshot, "snapshot");
        rows = List.copyOf(rows);
        if (!PROBLEMS.contains(problem)) {
            throw new IllegalArgumentException("unknown data problem '" + problem + "'; one of " + PROBLEMS);
        }
    }

    @Override
    public String basis() {
        return Evidence.Series.MONTHLY;
    }

    @Override
    public Direction directionOfChange() {
        return Direction.UNCHANGED;
    }

    @Override
    public boolean definite() {
        return true;
    }

    @Override
    public Map<String, Object> evidence() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("problem", problem);
        e.put("from", from);
        e.put("to", to);
        e.put("months", months);
        e.put("before", before);
        e.put("monthsAgo", monthsAgo);
        e.put("level", level);
        e.put("probability", probability);
        e.put("declared", declared);
        e.put("eventKind", eventKind);
        e.put("eventText", eventText);
        return e;
    }
}
