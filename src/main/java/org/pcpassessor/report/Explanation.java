package org.pcpassessor.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pcpassessor.catalogue.Basis;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.audit.NearMiss;
import org.pcpassessor.facts.Comparison;
import org.pcpassessor.facts.Figure;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.Months;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.facts.Snapshot;
import org.pcpassessor.wording.Values;
import org.pcpassessor.narrative.MeasureReport;
import org.pcpassessor.narrative.Report;
import org.pcpassessor.audit.AuditEvent;
import org.pcpassessor.audit.FactText;

/**
 * The whole chain behind one measure's figures, labels, findings and sentences, as text: how each figure was made
 * (months and parts), each test with both sides and its p-value, the rule (file:line) behind each finding and
 * sentence with the facts it matched and its template, and the rules that nearly fired. {@code explain} prints it;
 * the HTML report shows it under each row and sentence.
 */
public final class Explanation {
    private Explanation() {
    }

    /**
     * A run's classify firings by the rule that fired, in the run's order: what {@link #text} looks up each finding's
     * matched facts in. Made once per report (the HTML page explains every measure; looking through the whole audit
     * trail for each finding took a third of the page's time).
     */
    public static final class Firings {
        private final Map<org.pcpassessor.problem.Location, List<AuditEvent>> bySource;

        private Firings(Map<org.pcpassessor.problem.Location, List<AuditEvent>> bySource) {
            this.bySource = bySource;
        }

        /** The classify firings of {@code audit}, a run's audit trail. */
        public static Firings of(List<AuditEvent> audit) {
            Map<org.pcpassessor.problem.Location, List<AuditEvent>> bySource = new java.util.HashMap<>();
            for (AuditEvent e : audit) {
                if (e.phase().equals("classify")) {
                    bySource.computeIfAbsent(e.source(), s -> new ArrayList<>()).add(e);
                }
            }
            return new Firings(bySource);
        }

        /**
         * Of each rule asked about, what each of its firings inserted (as {@link FactText} describes it) and what
         * that firing matched, the first firing kept for a fact inserted twice: made when a finding of the rule is
         * first asked about, so that each firing is read once, not once per finding (a rule fires for every measure).
         */
        private final Map<org.pcpassessor.problem.Location, Map<String, List<String>>> matchedByInserted =
                new java.util.concurrent.ConcurrentHashMap<>();

        /** The facts the rule matched when it made this finding (its first firing that inserted it). */
        List<String> matchedBy(Finding f) {
            return matchedByInserted.computeIfAbsent(f.source(), source -> {
                Map<String, List<String>> byInserted = new java.util.HashMap<>();
                for (AuditEvent e : bySource.getOrDefault(source, List.of())) {
                    for (String inserted : e.inserted()) {
                        byInserted.putIfAbsent(inserted, e.matched());
                    }
                }
                return byInserted;
            }).getOrDefault(FactText.describe(f), List.of());
        }
    }

    /**
     * The explanation of a measure in an area, as {@code explain} prints it; {@code firings} are the run's
     * ({@link Firings#of} its audit trail).
     */
    public static String text(MeasureReport r, Firings firings,
                              Map<Sentence, Report.Placement> placements, List<NearMiss> misses) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        Snapshot s = r.assessment().snapshot();
        Measure m = r.measure();
        out.printf("%s: %s (%s, %s), %s, %s%n", m.id(), m.label(), m.priority(), m.pillar(), r.area(),
                Months.longName(s.month()));
        out.printf("kind %s, polarity %s; declared at %s%n", s.kind(), s.polarity(), m.source());

        out.printf("%nFigures%n");
        for (Figure f : s.figures()) {
            String parts = f.hasParts() ? String.format(Locale.UK, " = %s / %s", Values.number(f.numerator(), 0),
                    Values.number(f.denominator(), 0)) : "";
            out.printf("  %-24s %-14s %s%s%n", f.name(), Values.exact(s, f.value()), f.how(), parts);
        }

        if (!m.events().isEmpty() || !r.assessment().issues().isEmpty()) {
            out.printf("%nData checks and declared events%n");
            for (org.pcpassessor.catalogue.Event e : m.events()) {
                out.printf("  declared %s %s%s: %s (spc: %s) at %s%n", e.kind().yamlName(), e.month(),
                        e.to().map(t -> " to " + t).orElse(""), e.text(), e.spc().yamlName(), e.source());
            }
            for (org.pcpassessor.facts.DataIssue d : r.assessment().issues()) {
                out.printf("  %s: %s%s%s%s%s%n", d.problem(), d.from(), d.months() > 1 ? " to " + d.to() : "",
                        Double.isFinite(d.level()) ? ", level " + Values.number(d.level(), 1) : "",
                        Double.isFinite(d.probability()) ? ", chance " + num(d.probability()) : "",
                        d.eventText().isEmpty() ? "" : " (" + d.eventKind() + ": " + d.eventText() + ")");
                if (!d.rows().isEmpty()) {
                    out.printf("      rows %s%n", String.join(", ", d.rows()));
                }
            }
        }

        out.printf("%nTests (two-sided; outcome at the stated confidence)%n");
        for (Comparison c : r.assessment().comparisons()) {
            out.printf("  %s: %s%n", c.basis(), c.method());
            out.printf("      observed  %-12s %s%n", Values.exact(s, c.observed()), c.observedLabel());
            out.printf("      expected  %-12s %s%n", Values.exact(s, c.expected()), c.expectedLabel());
            out.printf("      %s = %s, p = %s, confidence %s -> %s%s%n", c.statisticName(), num(c.statistic()),
                    num(c.pValue()), Values.number(c.confidence() * 100, 0) + "%", c.outcome(),
                    c.run() > 1 ? " (" + c.run() + " consecutive months)" : "");
            if (c.details().containsKey("reason")) {
                out.printf("      not tested: %s%n", c.details().get("reason"));
            }
            out.printf("      label: %s%n", Basis.parse(c.basis()).map(r::label).orElse("-"));
        }

        r.assessment().spc().ifPresent(p -> {
            out.printf("%nSPC chart of the monthly series (XmR; %d months from %s)%n", p.points(), p.from());
            out.printf("  mean %s, process limits %s to %s, %d moving range(s) screened out%n",
                    Values.exact(s, p.mean()), Values.exact(s, p.lpl()), Values.exact(s, p.upl()), p.screened());
            out.printf("  %s: %s -> %s%s%n", Months.longName(s.month()), Values.exact(s, p.value()),
                    p.special() ? "special cause (" + String.join(", ", p.rules()) + ")" : "common cause",
                    p.shortSeries() ? "; fewer than 12 points: not read"
                            : p.degenerate() ? "; limits less than one unit apart as stated: not read" : "");
            List<String> ghosted = r.assessment().history().points().stream().filter(x -> x.ghost())
                    .map(x -> Months.shortName(x.month())).toList();
            if (!ghosted.isEmpty()) {
                out.printf("  ghosted (shown, left out of the mean and limits): %s%n", String.join(", ", ghosted));
            }
        });

        out.printf("%nFindings%n");
        if (r.findings().isEmpty()) {
            out.printf("  none%n");
        }
        for (Finding f : r.findings()) {
            out.printf("  %s (%s): %s, %s%n", f.code(), f.basis(), f.direction(), f.judgement());
            out.printf("      rule \"%s\" at %s%n", f.rule(), f.source());
            for (String matched : firings.matchedBy(f)) {
                out.printf("      matched %s%n", matched);
            }
            out.printf("      evidence %s%n", evidence(f.evidence()));
            List<org.pcpassessor.facts.Importance> points = r.importanceOf(f);
            out.printf("      importance %d%s%n", points.stream().mapToInt(org.pcpassessor.facts.Importance::points).sum(),
                    points.isEmpty() ? " (no compose rule gave it points)" : "");
            for (org.pcpassessor.facts.Importance i : points) {
                out.printf("        %+d %s: rule \"%s\" at %s%n", i.points(), i.reason(), i.rule(), i.source());
            }
            for (org.pcpassessor.facts.Trivial t : r.trivialOf(f)) {
                out.printf("      trivial: %s: rule \"%s\" at %s%n", t.reason(), t.rule(), t.source());
            }
        }

        out.printf("%nSentences%n");
        if (r.sentences().isEmpty()) {
            out.printf("  none%n");
        }
        int n = 0;
        for (Sentence sentence : r.sentences()) {
            n++;
            Report.Placement placed = placements.get(sentence);
            Sentence.Variant said = placed == null ? sentence.variants().get(0) : placed.said().wording();
            out.printf("  %d. %s%n", n, said.text());
            out.printf("      rule \"%s\" at %s (rank %d)%n", sentence.rule(), sentence.source(), sentence.rank());
            if (!sentence.wording().isEmpty()) {
                org.pcpassessor.problem.Location at = said.words().get(sentence.wording());
                out.printf("      wording %s at %s, alternative %d of %d%n", sentence.wording(),
                        at == null ? "rules/wording/" : at.file() + ":" + at.line(),
                        sentence.variants().indexOf(said) + 1, sentence.variants().size());
            }
            String phrases = phrases(said, sentence.wording());
            if (!phrases.isEmpty()) {
                out.printf("      phrases %s%n", phrases);
            }
            out.printf("      template %s%n", said.template());
            out.printf("      values %s%n", values(said.template(), sentence));
            out.printf("      says %s%n", says(sentence.used()));
            if (placed != null) {
                out.printf("      importance %d; %s%n", placed.said().importance(), placed.drafted()
                        ? "in the draft, paragraph " + placed.place()
                        : (placed.place().equals(Report.Placement.TRIVIAL) ? "not said: " : "under Also noted: ")
                        + placed.said().why());
            }
        }

        out.printf("%nRules that nearly fired%n");
        if (misses.isEmpty()) {
            out.printf("  none: no small change in a run of months or a p-value would make another rule fire%n");
        }
        for (NearMiss miss : misses) {
            out.printf("  %s (%s): rule \"%s\" at %s would fire %s%n", miss.code(), miss.basis(), miss.rule(),
                    miss.source(), miss.change());
        }
        out.flush();
        return text.toString();
    }

    /** The values a sentence's template used, as name=value in the template's order. */
    static String values(String template, Sentence sentence) {
        List<String> values = new ArrayList<>();
        for (String name : Values.namesIn(template)) {
            values.add(name + "=" + sentence.values().get(name));
        }
        return String.join(", ", values);
    }

    /**
     * The other wording entries an alternative's words came from, by file and then line, so that an analyst finds
     * the phrase to change: "in rules/wording/phrases.yaml: comparableTo (11), theBenchmark (12)".
     */
    static String phrases(Sentence.Variant said, String entry) {
        java.util.TreeMap<String, java.util.TreeMap<Integer, List<String>>> byFile = new java.util.TreeMap<>();
        said.words().forEach((name, at) -> {
            if (!name.equals(entry)) {
                byFile.computeIfAbsent(at.file(), f -> new java.util.TreeMap<>())
                        .computeIfAbsent(at.line(), l -> new ArrayList<>()).add(name);
            }
        });
        List<String> parts = new ArrayList<>();
        byFile.forEach((file, lines) -> {
            List<String> names = new ArrayList<>();
            lines.forEach((line, atLine) -> atLine.forEach(name -> names.add(name + " (" + line + ")")));
            parts.add("in " + file + ": " + String.join(", ", names));
        });
        return String.join("; ", parts);
    }

    private static String evidence(Map<String, Object> evidence) {
        List<String> parts = new ArrayList<>();
        evidence.forEach((k, v) -> parts.add(k + "=" + (v instanceof Double d ? num(d) : v)));
        return String.join(", ", parts);
    }

    static String num(double x) {
        if (!Double.isFinite(x)) {
            return "n/a";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e12) {
            return Long.toString((long) x);
        }
        return String.format(Locale.ROOT, "%.6g", x);
    }

    /**
     * What a sentence says, "CODE (basis)" for each finding; three or more alike in a row (a list of areas) once,
     * with how many: "AREA_DIVERGENCE (benchmark) x 20".
     */
    static String says(List<Finding> used) {
        List<String> said = used.stream().map(f -> f.code() + " (" + f.basis() + ")").toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < said.size(); ) {
            int j = i + 1;
            while (j < said.size() && said.get(j).equals(said.get(i))) {
                j++;
            }
            out.addAll(j - i >= 3 ? List.of(said.get(i) + " x " + (j - i)) : said.subList(i, j));
            i = j;
        }
        return String.join(", ", out);
    }
}
