package org.pcpassessor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;
import org.pcpassessor.catalogue.Kind;
import org.pcpassessor.catalogue.Polarity;
import org.pcpassessor.core.MonthRun;
import org.pcpassessor.core.Workspace;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.narrative.MeasureReport;

/**
 * Every narrate rule over every kind and polarity, on series that rise, fall, turn and jump: the words of each
 * sentence must agree with what the numbers did. The truth comes from the generated series, not from the rules:
 * each finding's direction is checked against its own evidence (observed against expected, the run's first and
 * last value, ...), and a sentence may use a word of a direction ("higher", "fell") or judgement ("improved",
 * "worse") only when a finding it says has that direction or judgement.
 */
class PolarityMatrixTest {
    private static final List<String> UP = List.of("higher", "highest", "rose", "risen", "rising", "rise", "increased",
            "increase", "more", "above", "upwards");
    private static final List<String> DOWN = List.of("lower", "lowest", "fell", "fallen", "falling", "fall",
            "decreased", "decrease", "fewer", "below", "downwards");
    private static final List<String> BETTER = List.of("improved", "improvement", "improvements", "better");
    private static final List<String> WORSE = List.of("deteriorated", "deterioration", "worse", "worsened", "concern");
    private static final YearMonth START = YearMonth.of(2016, 1);
    private static final int MONTHS = 60;

    @TempDir
    Path dir;

    /** The shapes of series, as the value at month index i (0..59); noise is added from a seeded generator. */
    private static final Map<String, IntToDoubleFunction> SHAPES = Map.of(
            "rising", i -> 100 + 5 * i,
            "falling", i -> 400 - 5 * i,
            "rising-then-turning", i -> i < 55 ? 100 + 5 * i : 375 - 12 * (i - 55),
            "falling-then-turning", i -> i < 55 ? 400 - 5 * i : 125 + 12 * (i - 55),
            "flat-then-jump", i -> i < 59 ? 200 : 320,
            "flat-then-drop", i -> i < 59 ? 200 : 110);

    @Test
    void everySentenceSaysWhatTheNumbersDidForEveryKindAndPolarity() throws Exception {
        StringBuilder measures = new StringBuilder();
        StringBuilder csv = new StringBuilder("measure,area,month,value,numerator,denominator\n");
        Random random = new Random(20201201);
        for (Kind kind : Kind.values()) {
            for (Polarity polarity : Polarity.values()) {
                for (Map.Entry<String, IntToDoubleFunction> shape : new java.util.TreeMap<>(SHAPES).entrySet()) {
                    String id = kind.yamlName() + "-" + polarity.yamlName() + "-" + shape.getKey();
                    measures.append("          - {id: ").append(id).append(", label: ").append(id)
                            .append(", subject: ").append(kind == Kind.COUNT ? "things" : "thing share")
                            .append(", kind: ").append(kind.yamlName()).append(", polarity: ")
                            .append(polarity.yamlName()).append(kind == Kind.MEDIAN ? ", unit: minutes" : "")
                            .append("}\n");
                    for (int i = 0; i < MONTHS; i++) {
                        double v = Math.max(1, Math.round(shape.getValue().applyAsDouble(i) + random.nextGaussian() * 3));
                        String month = START.plusMonths(i).toString();
                        csv.append(id).append(",Force,").append(month).append(',');
                        csv.append(kind.hasDenominator() ? "," + (long) v + ",1000" : (long) v + ",,").append('\n');
                    }
                }
            }
        }
        Files.writeString(dir.resolve("series.csv"), csv.toString());
        Files.writeString(dir.resolve("matrix.yaml"), "report:\n  title: Polarity matrix (synthetic)\n"
                + "  month: 2020-12\n  areas: [Force]\ndata: [series.csv]\npillars:\n  - name: Matrix\n"
                + "    priorities:\n      - name: All\n        measures:\n" + measures);

        Workspace workspace = Workspace.load(dir.resolve("matrix.yaml"), TestFiles.RULES);
        assertEquals(List.of(), workspace.problems());
        MonthRun run = workspace.run(YearMonth.of(2020, 12));
        assertTrue(run.ok(), run.problems().toString());

        List<String> wrong = new ArrayList<>();
        Set<String> rulesSaid = new TreeSet<>();
        int sentences = 0;
        for (MeasureReport r : run.report().orElseThrow().measures()) {
            for (Finding f : r.findings()) {
                String expected = directionFromEvidence(f);
                if (expected != null && !expected.equals(f.direction())) {
                    wrong.add(f.measureId() + ": " + f.code() + " " + f.basis() + " has direction " + f.direction()
                            + " but its evidence says " + expected + ": " + f.evidence());
                }
                if (!f.judgement().equals(judgement(f))) {
                    wrong.add(f.measureId() + ": " + f.code() + " " + f.basis() + " is " + f.judgement()
                            + ", not " + judgement(f));
                }
            }
            for (Sentence s : r.sentences()) {
                sentences++;
                rulesSaid.add(s.rule());
                Set<String> directions = new TreeSet<>();
                Set<String> judgements = new TreeSet<>();
                s.used().forEach(f -> {
                    directions.add(f.direction());
                    judgements.add(f.judgement());
                });
                check(wrong, s, "higher", directions, UP);
                check(wrong, s, "lower", directions, DOWN);
                check(wrong, s, "better", judgements, BETTER);
                check(wrong, s, "worse", judgements, WORSE);
            }
        }
        assertEquals(List.of(), wrong, String.join("\n", wrong));
        // The matrix reaches the rules it is meant to check: every narrate rule about one headline measure except
        // the survey caution (it needs n < 300), the rare rise from none, and the area rules (one area here).
        Set<String> expected = new TreeSet<>(List.of(
                "Count: a run of the 12 month total, against the benchmark",
                "Rate or proportion: a run of the rolling 12 months, against the benchmark",
                "Count: against the benchmark", "Rate: against the benchmark",
                "Survey or service proportion: against the benchmark", "Median: against the benchmark",
                "Month: high or low for years, and a significant change on last year",
                // a significant change on last year that the year's average does not show: the matrix's noisy shapes
                // give it where they gave "Month: significant change on the same month last year" (scenarios 09, 10)
                "Month: a change on last year that the year's average does not show",
                "Count: comparable to the benchmark but 5% or more apart",
                // where a rate's benchmark is comparable, the matrix's rate turning after a rise is significantly up on
                // the 12 months a year earlier: that sentence says the benchmark (the rate 5% apart: scenario 48)
                "Comparable to the benchmark, but not to the 12 months a year earlier",
                "SPC: outside the process limits, but not against the year's average",
                "Monthly streak", "Rolling 12-month streak not said with the benchmark", "SPC: outside the process limits"));
        expected.removeAll(rulesSaid);
        assertEquals(Set.of(), expected, "rules the matrix did not reach; it reached " + rulesSaid);
        assertTrue(sentences > 150, "sentences checked: " + sentences);
    }

    /** What the finding's own evidence says the numbers did; null when it holds no comparison. */
    private static String directionFromEvidence(Finding f) {
        Map<String, Object> e = f.evidence();
        if (e.get("observed") instanceof Double o && e.get("expected") instanceof Double x) {
            return o > x ? "higher" : o < x ? "lower" : "unchanged";
        }
        if (e.get("length") != null && e.get("from") instanceof Double a && e.get("to") instanceof Double b) {
            return b > a ? "higher" : "lower";
        }
        if (e.get("twelveMonth") != null) {
            return "high".equals(e.get("direction")) ? "higher" : "lower";
        }
        if (e.get("slopePerMonth") instanceof Double slope) {
            return "flat".equals(e.get("direction")) ? "unchanged" : slope > 0 ? "higher" : "lower";
        }
        if (e.get("spcRules") != null && e.get("value") instanceof Double v && e.get("mean") instanceof Double m) {
            return v > m ? "higher" : v < m ? "lower" : "unchanged";
        }
        return null;
    }

    /** The judgement the polarity gives a definite change; worked out here from the code, not the finding. */
    private static String judgement(Finding f) {
        boolean definite = switch (f.code()) {
            case "COMPARABLE", "TREND_FLAT", "SPC_COMMON_CAUSE" -> false;
            default -> true;
        };
        if (!definite || f.polarity().equals("neutral") || f.direction().equals("unchanged")) {
            return "neutral";
        }
        return f.direction().equals("higher") == f.polarity().equals("up-is-good") ? "better" : "worse";
    }

    private static void check(List<String> wrong, Sentence s, String meaning, Set<String> allowed, List<String> words) {
        if (allowed.contains(meaning)) {
            return;
        }
        for (String word : s.text().toLowerCase(Locale.UK).split("[^a-z]+")) {
            if (words.contains(word)) {
                wrong.add(s.measureId() + ": \"" + word + "\" (" + meaning + ") in a sentence whose findings are "
                        + s.used().stream().map(f -> f.code() + " " + f.direction() + "/" + f.judgement()).toList()
                        + " (rule '" + s.rule() + "'): " + s.text());
            }
        }
    }
}
