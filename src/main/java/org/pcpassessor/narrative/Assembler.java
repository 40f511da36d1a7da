package org.pcpassessor.narrative;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcpassessor.catalogue.Catalogue;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.catalogue.Pillar;
import org.pcpassessor.catalogue.Priority;
import org.pcpassessor.rules.Finding;
import org.pcpassessor.rules.RuleRun;
import org.pcpassessor.rules.Sentence;
import org.pcpassessor.stats.Assessment;

/**
 * Puts the rules' output in report order: table labels from the label findings, and per priority the
 * sentences ordered by rank (the rule's {@code @rank}), then catalogue order of measures, then area order.
 */
public final class Assembler {
    /** The finding codes that are table labels, and the words the reports print for them. */
    public static final Map<String, String> LABELS = Map.of(
            "HIGHER", "Higher", "LOWER", "Lower", "IMPROVED", "Improved", "DETERIORATED", "Deteriorated",
            "COMPARABLE", "Comparable", "SIGNIFICANT_RISE", "Higher", "SIGNIFICANT_FALL", "Lower");
    private static final Set<String> TABLE_BASES = Set.of("benchmark", "1yr", "3yr", "lastYear");

    private Assembler() {
    }

    public static Report assemble(Catalogue catalogue, YearMonth month, List<Assessment> assessments,
                                  RuleRun.Result result) {
        Map<String, Integer> measureOrder = new HashMap<>();
        List<Measure> measures = catalogue.measures();
        for (int i = 0; i < measures.size(); i++) {
            measureOrder.put(measures.get(i).id(), i);
        }
        Map<String, Integer> areaOrder = new HashMap<>();
        for (int i = 0; i < catalogue.areas().size(); i++) {
            areaOrder.put(catalogue.areas().get(i), i);
        }
        Map<String, List<Finding>> findings = new HashMap<>();
        result.findings().forEach(f -> findings.computeIfAbsent(key(f.measureId(), f.area()), k -> new ArrayList<>())
                .add(f));
        Comparator<Sentence> order = Comparator.comparingInt(Sentence::rank)
                .thenComparingInt(s -> measureOrder.getOrDefault(s.measureId(), Integer.MAX_VALUE))
                .thenComparingInt(s -> areaOrder.getOrDefault(s.area(), Integer.MAX_VALUE))
                .thenComparing(Sentence::rule)
                .thenComparing(Sentence::text)
                // the engine returns facts in no fixed order: break every remaining tie on what was said
                .thenComparing(s -> s.used().toString());
        List<Sentence> sentences = result.sentences().stream().sorted(order).toList();
        Map<String, List<Sentence>> sentencesBy = new HashMap<>();
        sentences.forEach(s -> sentencesBy.computeIfAbsent(key(s.measureId(), s.area()), k -> new ArrayList<>()).add(s));

        Map<String, MeasureReport> reports = new LinkedHashMap<>();
        for (Assessment a : assessments) {
            String k = key(a.snapshot().measureId(), a.snapshot().area());
            Measure m = catalogue.measure(a.snapshot().measureId()).orElseThrow();
            List<Finding> fs = findings.getOrDefault(k, List.of());
            reports.put(k, new MeasureReport(m, a.snapshot().area(), a, labels(fs), fs,
                    sentencesBy.getOrDefault(k, List.of())));
        }
        List<MeasureReport> ordered = reports.values().stream()
                .sorted(Comparator.<MeasureReport>comparingInt(r -> measureOrder.get(r.measure().id()))
                        .thenComparingInt(r -> areaOrder.get(r.area())))
                .toList();

        List<Report.PillarSection> pillars = new ArrayList<>();
        for (Pillar pillar : catalogue.pillars()) {
            List<Report.PrioritySection> sections = new ArrayList<>();
            for (Priority priority : pillar.priorities()) {
                List<MeasureReport> rows = new ArrayList<>();
                for (Measure m : priority.measures()) {
                    MeasureReport r = reports.get(key(m.id(), catalogue.headlineArea()));
                    if (r != null) {
                        rows.add(r);
                    }
                }
                List<Sentence> said = sentences.stream()
                        .filter(s -> s.pillar().equals(pillar.name()) && s.priority().equals(priority.name()))
                        .toList();
                sections.add(new Report.PrioritySection(priority.name(), priority.isHeadlines(), rows,
                        said.stream().map(Sentence::text).distinct().toList(), said));
            }
            pillars.add(new Report.PillarSection(pillar.name(), pillar.heading(), sections));
        }
        return new Report(catalogue, month, pillars, ordered, result.audit());
    }

    /** Label per basis from the label findings (the first, in the stable finding order, when rules disagree). */
    static Map<String, String> labels(List<Finding> findings) {
        Map<String, String> labels = new HashMap<>();
        for (Finding f : findings) {
            String word = LABELS.get(f.code());
            if (word != null && TABLE_BASES.contains(f.basis())) {
                labels.putIfAbsent(f.basis(), word);
            }
        }
        return labels;
    }

    private static String key(String measure, String area) {
        return measure + "\u0000" + area;
    }
}
