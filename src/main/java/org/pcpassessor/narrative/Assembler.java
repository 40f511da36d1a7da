package org.pcpassessor.narrative;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pcpassessor.catalogue.Basis;
import org.pcpassessor.catalogue.Catalogue;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.catalogue.Pillar;
import org.pcpassessor.catalogue.Priority;
import org.pcpassessor.catalogue.SeriesKey;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.rules.RuleRun;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.facts.TableLabel;
import org.pcpassessor.stats.Assessment;

/**
 * Puts the rules' output in report order: table labels from the rules' {@link TableLabel}s, and per priority the
 * sentences ordered by rank (the rule's {@code @rank}), then catalogue order of measures, then area order.
 */
public final class Assembler {
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
        Map<SeriesKey, List<Finding>> findings = new HashMap<>();
        result.findings().forEach(f -> findings.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f));
        Map<SeriesKey, List<TableLabel>> labels = new HashMap<>();
        result.labels().forEach(l -> labels.computeIfAbsent(l.key(), k -> new ArrayList<>()).add(l));
        Comparator<Sentence> order = Comparator.comparingInt(Sentence::rank)
                .thenComparingInt(s -> measureOrder.getOrDefault(s.measureId(), Integer.MAX_VALUE))
                .thenComparingInt(s -> areaOrder.getOrDefault(s.area(), Integer.MAX_VALUE))
                .thenComparing(Sentence::rule)
                .thenComparing(Sentence::text)
                // the engine returns facts in no fixed order: break every remaining tie on what was said
                .thenComparing(s -> s.used().toString());
        List<Sentence> sentences = result.sentences().stream().sorted(order).toList();
        Map<SeriesKey, List<Sentence>> sentencesBy = new HashMap<>();
        sentences.forEach(s -> sentencesBy.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s));

        Map<SeriesKey, MeasureReport> reports = new LinkedHashMap<>();
        for (Assessment a : assessments) {
            SeriesKey k = new SeriesKey(a.snapshot().measureId(), a.snapshot().area());
            Measure m = catalogue.measure(k.measureId()).orElseThrow();
            reports.put(k, new MeasureReport(m, k.area(), a, labels(labels.getOrDefault(k, List.of())),
                    findings.getOrDefault(k, List.of()), sentencesBy.getOrDefault(k, List.of())));
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
                    MeasureReport r = reports.get(new SeriesKey(m.id(), catalogue.headlineArea()));
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

    /**
     * The label per basis: when rules give two for one basis, the one made from the first finding in the stable
     * finding order wins, so the table never depends on the engine's order.
     */
    static Map<Basis, TableLabel> labels(List<TableLabel> labels) {
        Map<Basis, TableLabel> out = new java.util.EnumMap<>(Basis.class);
        labels.stream()
                .sorted(Comparator.comparing(TableLabel::finding, RuleRun.FINDING_ORDER)
                        .thenComparing(TableLabel::text))
                .forEach(l -> Basis.parse(l.basis()).ifPresent(b -> out.putIfAbsent(b, l)));
        return out;
    }
}
