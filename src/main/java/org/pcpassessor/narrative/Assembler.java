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
import org.pcpassessor.rules.run.RuleRun;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.facts.TableLabel;
import org.pcpassessor.stats.Assessment;
import java.util.Optional;
import java.util.function.Function;
import org.pcpassessor.facts.Months;
import org.pcpassessor.facts.Snapshot;
import org.pcpassessor.wording.Values;
import org.pcpassessor.notes.NoteFile;
import org.pcpassessor.catalogue.Kind;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.stats.SignificanceMethods;
import org.pcpassessor.wording.DraftWords;
import org.pcpassessor.wording.Phrases;
import org.pcpassessor.problem.Problems;

/**
 * Puts the rules' output in report order: table labels from the rules' {@link TableLabel}s, and per priority the
 * commentary the {@link Composer} makes from the sentences (in a stable order: the rule's {@code @rank}, then
 * catalogue order of measures, then area order), the compose rules' importance and the analysts' notes.
 */
public final class Assembler {
    private Assembler() {
    }

    /**
     * The report of the month: the rules' results in report order, with the analysts' notes of the month, and with
     * {@code full} every sentence said, with no budget; the draft's own words (the paragraph under the title, the
     * notices under a priority) from {@code phrases} ({@code rules/wording/draft.yaml}). A notes placeholder whose
     * figure the month lacks is a problem at its file:line:col, added to {@code found}; the report is then empty.
     */
    public static Optional<Report> assemble(Catalogue catalogue, YearMonth month, List<Assessment> assessments,
                                            RuleRun.Result result, List<NoteFile> notes, boolean full,
                                            Phrases phrases, Problems found) {
        try {
            return ordered(catalogue, month, assessments, result, notes, full, phrases, found);
        } catch (DraftWords.Unsaid e) {
            found.add(Problem.error(e.at(), e.getMessage()));
            return Optional.empty();
        }
    }

    /** As {@link #assemble}; a draft entry that cannot be said is thrown (checked at load, so not expected). */
    private static Optional<Report> ordered(Catalogue catalogue, YearMonth month, List<Assessment> assessments,
                                            RuleRun.Result result, List<NoteFile> notes, boolean full,
                                            Phrases phrases, Problems found) {
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
        Map<SeriesKey, List<org.pcpassessor.facts.Importance>> importance = new HashMap<>();
        result.importance().forEach(i -> importance.computeIfAbsent(i.finding().key(), k -> new ArrayList<>()).add(i));
        Map<SeriesKey, List<org.pcpassessor.facts.Trivial>> trivial = new HashMap<>();
        result.trivial().forEach(t -> trivial.computeIfAbsent(t.finding().key(), k -> new ArrayList<>()).add(t));
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

        Map<String, Measure> measuresById = new HashMap<>();
        catalogue.measures().forEach(m -> measuresById.put(m.id(), m));
        Map<SeriesKey, MeasureReport> reports = new LinkedHashMap<>();
        for (Assessment a : assessments) {
            SeriesKey k = new SeriesKey(a.snapshot().measureId(), a.snapshot().area());
            Measure m = java.util.Objects.requireNonNull(measuresById.get(k.measureId()), k.measureId());
            reports.put(k, new MeasureReport(m, k.area(), a, labels(labels.getOrDefault(k, List.of())),
                    findings.getOrDefault(k, List.of()), importance.getOrDefault(k, List.of()),
                    trivial.getOrDefault(k, List.of()), sentencesBy.getOrDefault(k, List.of())));
        }
        List<MeasureReport> ordered = reports.values().stream()
                .sorted(Comparator.<MeasureReport>comparingInt(r -> measureOrder.get(r.measure().id()))
                        .thenComparingInt(r -> areaOrder.get(r.area())))
                .toList();

        Composer.Scores scores = new Composer.Scores(result.importance(), result.trivial());
        Map<SeriesKey, Snapshot> snapshots = new HashMap<>();
        assessments.forEach(a -> snapshots.put(new SeriesKey(a.snapshot().measureId(), a.snapshot().area()),
                a.snapshot()));
        Problems unfilled = new Problems();
        Function<NoteFile.Paragraph, String> fill = p -> fill(p, snapshots, month, unfilled);
        // each priority's sentences, in the order above (one pass, not a scan of every sentence per priority)
        Map<List<String>, List<Sentence>> byPriority = new HashMap<>();
        sentences.forEach(s -> byPriority.computeIfAbsent(List.of(s.pillar(), s.priority()), k -> new ArrayList<>())
                .add(s));
        List<Report.PillarSection> pillars = new ArrayList<>();
        Variation variation = new Variation(); // one per report: alternatives are said in turn, in report order
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
                List<Sentence> said = List.copyOf(byPriority.getOrDefault(List.of(pillar.name(), priority.name()),
                        List.of()));
                Optional<NoteFile> note = notes.stream()
                        .filter(n -> n.pillar().equals(pillar.name()) && n.priority().equals(priority.name()))
                        .findFirst();
                Composer.Composed composed = Composer.compose(priority, said, scores, note, fill, full, variation);
                sections.add(new Report.PrioritySection(priority.name(), priority.isHeadlines(),
                        priority.isHeadlines() ? DraftWords.say(phrases, "headlinesHeading", Map.of())
                                : priority.name(),
                        notices(priority, month, rows, composed, phrases), rows, composed.paragraphs(),
                        composed.alsoNoted(), composed.trivial(), said));
            }
            pillars.add(new Report.PillarSection(pillar.name(), pillar.heading(), sections));
        }
        if (unfilled.hasErrors()) {
            found.addAll(unfilled.sorted());
            return Optional.empty();
        }
        return Optional.of(new Report(catalogue, month, intro(catalogue, month, phrases), pillars, ordered,
                result.audit()));
    }

    /**
     * The paragraph under the title: the period and area; what "significant" means, in words a Board reads (a new
     * reader took "not statistically significant" beside a 7% fall for a mistake, and "significantly higher" for
     * 100.0% against 99.3% for a trivial point); that the tables' words are the same tests; and that the year end
     * benchmark is the baseline. The sentence on counts is said when every count measure is tested against its
     * baseline by quasi-Poisson, the one on rates when the catalogue has rates or proportions.
     */
    static String intro(Catalogue catalogue, YearMonth month, Phrases phrases) {
        String area = catalogue.headlineArea();
        List<Measure> measures = catalogue.measures();
        boolean counts = measures.stream().anyMatch(m -> m.kind() == Kind.COUNT) && measures.stream()
                .filter(m -> m.kind() == Kind.COUNT)
                .map(m -> SignificanceMethods.forMeasure(m, Basis.BENCHMARK).name())
                .allMatch(SignificanceMethods.QUASI_POISSON::equals);
        boolean rates = measures.stream().anyMatch(m -> m.kind() == Kind.RATE || m.kind() == Kind.PROPORTION);
        List<String> said = new ArrayList<>();
        said.add(DraftWords.say(phrases, "draftIntro", Map.of("period", Months.twelveMonthsTo(month), "area", area,
                "confidence", Values.number(catalogue.confidence() * 100, 0))));
        if (counts || rates) {
            said.add(DraftWords.say(phrases, counts && rates ? "draftIntroCountsAndRates"
                    : counts ? "draftIntroCounts" : "draftIntroRates", Map.of()));
        }
        said.add(DraftWords.say(phrases, "draftIntroEnd", Map.of()));
        return String.join(" ", said);
    }

    /**
     * What is said under a priority's heading: the measures no longer published; and when there is no paragraph,
     * why (nothing but trivial points, no data, nothing found, or only lesser points under Also noted).
     */
    private static List<String> notices(Priority priority, YearMonth month, List<MeasureReport> rows,
                                        Composer.Composed composed, Phrases phrases) {
        List<String> notices = new ArrayList<>();
        List<String> discontinued = priority.measures().stream()
                .filter(m -> m.until().isPresent() && month.isAfter(m.until().get()))
                .map(m -> m.label() + " (to " + Months.longName(m.until().get()) + ")")
                .toList();
        if (!discontinued.isEmpty()) {
            notices.add(DraftWords.say(phrases, "noticeDiscontinued", Map.of("list", String.join(", ", discontinued))));
        }
        if (composed.paragraphs().isEmpty() && composed.alsoNoted().isEmpty()) {
            if (!composed.trivial().isEmpty()) {
                notices.add(DraftWords.say(phrases, "noticeOnlyTrivial", Map.of("count", composed.trivial().size())));
            } else if (discontinued.isEmpty()) {
                notices.add(rows.isEmpty() ? DraftWords.say(phrases, "noticeNoData", Map.of("month",
                        Months.longName(month))) : DraftWords.say(phrases, "noticeNothingFound", Map.of()));
            }
        } else if (composed.paragraphs().isEmpty()) {
            // a heading with nothing under it but a folded list reads as an omission: say why there is no paragraph,
            // and where every measure held steady against the benchmark, say where each stands (a reader asked
            // "Knife crime was stable: 1,432 offences (2019/20: 1,577) ... neither significantly different")
            List<String> steady = steady(rows, phrases);
            notices.add(steady.isEmpty()
                    ? DraftWords.say(phrases, "noticeOnlyAlsoNoted", Map.of("count", composed.alsoNoted().size()))
                    : DraftWords.say(phrases, "noticeSteady", Map.of("count", composed.alsoNoted().size(),
                            "period", Months.twelveMonthsTo(month), "list", Values.list(steady))));
        }
        return notices;
    }

    /**
     * Each measure as it stands against its benchmark ({@code noticeSteadyItem}), when every one of them has a
     * benchmark label and each is comparable; else none.
     */
    private static List<String> steady(List<MeasureReport> rows, Phrases phrases) {
        List<String> items = new ArrayList<>();
        for (MeasureReport r : rows) {
            TableLabel label = r.labels().get(Basis.BENCHMARK);
            if (label == null || !label.finding().code().equals("COMPARABLE")
                    || r.assessment().snapshot().baselineLabel().equals("fixed")) {
                return List.of();
            }
            Map<String, Object> values = Values.of(r.assessment().snapshot(), List.of());
            Map<String, Object> item = new java.util.HashMap<>();
            for (String name : DraftWords.ENTRIES.get("noticeSteadyItem")) {
                item.put(name, values.get(name));
            }
            items.add(DraftWords.say(phrases, "noticeSteadyItem", item));
        }
        return items;
    }

    /**
     * A notes paragraph with each placeholder replaced by the figure as generated text gives it ("12,037", "10.3%",
     * "12.9%"); a figure the month lacks is an error at the placeholder.
     */
    static String fill(NoteFile.Paragraph paragraph, Map<SeriesKey, Snapshot> snapshots, YearMonth month,
                       Problems problems) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (NoteFile.Placeholder p : paragraph.placeholders()) {
            out.append(paragraph.text(), at, p.start());
            at = p.end();
            if (p.isMonth()) {
                out.append(Months.longName(month));
                continue;
            }
            Snapshot s = snapshots.get(new SeriesKey(p.measureId(), p.area()));
            Object value = s == null ? null : Values.of(s, List.of()).get(p.figure() + "Text");
            if (value == null || "-".equals(value)) {
                problems.add(Problem.error(p.at(), "the placeholder for " + p.figure() + " of '" + p.measureId()
                        + "' cannot be filled: " + (s == null ? "the measure has no data in " + p.area() + " for "
                        + month : "there is no such figure in " + p.area() + " for " + month)));
                out.append('{').append(p.measureId()).append('.').append(p.figure()).append('}');
                continue;
            }
            out.append(value);
        }
        out.append(paragraph.text().substring(at));
        return out.toString();
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
