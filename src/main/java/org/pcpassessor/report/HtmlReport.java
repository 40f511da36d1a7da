package org.pcpassessor.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pcpassessor.audit.NearMiss;
import org.pcpassessor.catalogue.SeriesKey;
import org.pcpassessor.facts.Comparison;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.wording.Values;
import org.pcpassessor.input.TextFile;
import org.pcpassessor.narrative.MeasureReport;
import org.pcpassessor.narrative.Report;
import org.pcpassessor.narrative.Said;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.problem.Location;
import org.pcpassessor.problem.Problem;

/**
 * The report as one self-contained HTML page, from the {@link Draft} through a Mustache template that the analyst
 * owns ({@code templates/report.html}): the pillar tables, per priority the numbered paragraphs and the charts of
 * its measures ({@link Charts}), and under every table row and sentence its explanation, shown in place: the
 * sentence's rule (file:line), template and values, the tests of the findings it says (both sides and p), and the
 * measure's whole {@link Explanation} with its near misses. Mustache (jmustache) because the template stays plain
 * HTML an analyst can edit, every {{value}} is HTML-escaped, and a misspelt name is an error with its line.
 */
public final class HtmlReport {
    /** Templates are small text files: the same limits as a rule file. */
    private static final TextFile.Limits TEMPLATE = new TextFile.Limits("template", 8L << 20, 20_000);

    private final Template template;
    private final Path file;

    private HtmlReport(Path file, Template template) {
        this.file = file;
        this.template = template;
    }

    /**
     * Reads and compiles a template; a file that cannot be read, or a syntax error, is a problem at the template's
     * file:line added to {@code found}, and the result is empty.
     */
    public static Optional<HtmlReport> load(Path file, Problems found) {
        Optional<String> text = TextFile.read(file, file.toString(), TEMPLATE, found);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new HtmlReport(file, Mustache.compiler().strictSections(true).emptyStringIsFalse(true)
                    .withEscaper(HtmlReport::escapeHtml).compile(text.get())));
        } catch (MustacheException e) {
            found.add(problem(file, e));
            return Optional.empty();
        }
    }

    /**
     * The page. {@code misses} holds the near misses of the measures the tables show, by series (the run found
     * them: the page only prints them); {@code live} adds the live-reload script of {@code watch --serve}, whose
     * last run's {@code problems} are shown above the report. A template that fails while filled (a section over a
     * value that is not a list, say) is a problem at its file:line added to {@code found}, and the page is empty.
     */
    public Optional<String> render(Draft draft, Map<SeriesKey, List<NearMiss>> misses, boolean live,
                                   List<Problem> problems, Problems found) {
        Objects.requireNonNull(misses, "misses");
        Report report = draft.report();
        Map<Sentence, Report.Placement> placements = report.placements();
        Explanation.Firings firings = Explanation.Firings.of(report.audit());
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("title", draft.title());
        page.put("intro", draft.intro());
        page.put("live", live);
        page.put("problems", problems.stream().map(Problem::toString).toList());
        page.put("hasProblems", !problems.isEmpty());
        List<Map<String, Object>> pillars = new ArrayList<>();
        for (Draft.PillarPart pillar : draft.pillars()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("number", pillar.number());
            p.put("name", pillar.name());
            p.put("header", pillar.table().header().subList(1, pillar.table().header().size()));
            p.put("heading", pillar.table().header().get(0));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Draft.Row row : pillar.table().rows()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("group", row.group());
                r.put("label", row.label());
                r.put("span", pillar.table().header().size() + 2); // and the two icons' columns
                row.measure().ifPresent(m -> {
                    r.put("id", "m-" + m.measure().id());
                    r.put("variationIcon", Icons.variation(m).map(Icons::svg).orElse(""));
                    r.put("assuranceIcon", assuranceIcon(m));
                    // Only Perf v Benchmark is shaded, as in the Board papers and the Word output.
                    List<Draft.Cell> cells = row.cells();
                    r.put("cells", java.util.stream.IntStream.range(0, cells.size()).mapToObj(i -> Map.of(
                            "text", cells.get(i).text(), "label", cells.get(i).judgement().isPresent(),
                            "judgement", i < cells.size() - 1 ? "" : cells.get(i).judgement().map(j -> j.word())
                                    .orElse(""))).toList());
                    r.put("explanation", Explanation.text(m, firings, placements,
                            misses.getOrDefault(new SeriesKey(m.measure().id(), m.area()), List.of())));
                });
                rows.add(r);
            }
            p.put("rows", rows);
            putSummary(p, pillar);
            List<Map<String, Object>> priorities = new ArrayList<>();
            for (Draft.PriorityPart priority : pillar.priorities()) {
                priorities.add(priority(priority, report));
            }
            p.put("priorities", priorities);
            pillars.add(p);
        }
        page.put("pillars", pillars);
        try {
            return Optional.of(template.execute(page));
        } catch (MustacheException e) {
            found.add(problem(file, e));
            return Optional.empty();
        }
    }

    /**
     * A {{value}} as HTML text: jmustache's own HTML escaper ({@code Escapers.HTML}) in one pass. That one replaces
     * the seven characters below one after another, a pass over the text each (the explanations under every row are
     * most of the page: a sixth of its time went on them); none of the replacements makes a character a later one
     * replaces, so one pass gives the same text (HtmlEscapeTest compares the two).
     */
    static String escapeHtml(String raw) {
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            String with = switch (c) {
                case '&' -> "&amp;";
                case '\'' -> "&#39;";
                case '"' -> "&quot;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '`' -> "&#x60;";
                case '=' -> "&#x3D;";
                default -> null;
            };
            if (with != null && out == null) {
                out = new StringBuilder(raw.length() + 64).append(raw, 0, i);
            }
            if (out != null) {
                if (with != null) {
                    out.append(with);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? raw : out.toString();
    }

    /** A measure's assurance icon (its target against the process limits), or nothing without a target. */
    private static String assuranceIcon(MeasureReport m) {
        return Icons.assurance(m).map(a -> Icons.svg(a, Icons.text(a, m))).orElse("");
    }

    /**
     * Making Data Count's summary of a pillar: its measures by the variation icon of their latest month (rows) and the
     * assurance icon of their target (columns), the states no measure has left out; {@code hasSummary} false when no
     * measure of the pillar has a readable chart.
     */
    private static void putSummary(Map<String, Object> p, Draft.PillarPart pillar) {
        List<MeasureReport> measures = pillar.table().rows().stream().flatMap(r -> r.measure().stream()).toList();
        List<java.util.Optional<org.pcpassessor.catalogue.Target.Assurance>> columns = new ArrayList<>();
        for (org.pcpassessor.catalogue.Target.Assurance a : org.pcpassessor.catalogue.Target.Assurance.values()) {
            if (measures.stream().anyMatch(m -> Icons.variation(m).isPresent() && Icons.assurance(m).equals(
                    java.util.Optional.of(a)))) {
                columns.add(java.util.Optional.of(a));
            }
        }
        if (measures.stream().anyMatch(m -> Icons.variation(m).isPresent() && Icons.assurance(m).isEmpty())) {
            columns.add(java.util.Optional.empty());
        }
        List<Map<String, Object>> header = columns.stream().map(c -> Map.<String, Object>of(
                "icon", c.map(a -> Icons.svg(a, "Target " + a.meaning())).orElse(""),
                "text", c.map(a -> switch (a) {
                    case CONSISTENT_PASS -> "Target consistently met";
                    case CONSISTENT_FAIL -> "Target consistently missed";
                    case HIT_AND_MISS -> "Target hit and miss";
                }).orElse("No target"))).toList();
        List<Map<String, Object>> summary = new ArrayList<>();
        for (Icons.Variation v : Icons.Variation.values()) {
            List<MeasureReport> in = measures.stream().filter(m -> Icons.variation(m).equals(java.util.Optional.of(v)))
                    .toList();
            if (in.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> cells = columns.stream().map(c -> Map.<String, Object>of("labels",
                    String.join("; ", in.stream().filter(m -> Icons.assurance(m).equals(c)).map(HtmlReport::named)
                            .toList()))).toList();
            summary.add(Map.of("icon", Icons.svg(v), "text", v.text, "cells", cells));
        }
        p.put("summaryHeader", header);
        p.put("summary", summary);
        p.put("hasSummary", !summary.isEmpty());
    }

    /** A measure as the summary names it: its priority and row label ("Domestic Abuse: Recorded Crime"). */
    private static String named(MeasureReport m) {
        String priority = m.measure().priority();
        return priority.equals(org.pcpassessor.catalogue.Priority.HEADLINES) ? m.measure().label()
                : priority + ": " + m.measure().label();
    }

    private static Map<String, Object> priority(Draft.PriorityPart priority, Report report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", priority.number());
        out.put("heading", priority.heading());
        out.put("notices", priority.notices());
        List<Map<String, Object>> paragraphs = new ArrayList<>();
        for (Draft.Numbered n : priority.paragraphs()) {
            Map<String, Object> p = new LinkedHashMap<>();
            String id = "p-" + n.number().replace('.', '-');
            p.put("number", n.number());
            p.put("id", id);
            p.put("analyst", n.paragraph().analyst());
            p.put("text", n.paragraph().text());
            p.put("source", n.paragraph().note().map(Location::toString).orElse(""));
            List<Map<String, Object>> sentences = new ArrayList<>();
            int k = 0;
            for (Said s : n.paragraph().sentences()) {
                sentences.add(sentence(s, id + "-" + ++k, report));
            }
            p.put("sentences", sentences);
            // the paragraph's one control opens the explanations of all its sentences
            p.put("whyIds", String.join(" ", sentences.stream().map(x -> "why-" + x.get("id")).toList()));
            paragraphs.add(p);
        }
        out.put("paragraphs", paragraphs);
        List<Map<String, Object>> also = new ArrayList<>();
        int k = 0;
        for (Said s : priority.alsoNoted()) {
            also.add(sentence(s, "n-" + priority.number().replace('.', '-') + "-" + ++k, report));
        }
        out.put("alsoNoted", also);
        out.put("alsoNotedCount", also.size());
        out.put("hasAlsoNoted", !also.isEmpty());
        List<Map<String, Object>> charts = priority.measures().stream().map(HtmlReport::chart).toList();
        out.put("charts", charts);
        out.put("hasCharts", !charts.isEmpty());
        return out;
    }

    private static Map<String, Object> chart(MeasureReport m) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "c-" + m.measure().id());
        c.put("rowId", "m-" + m.measure().id());
        c.put("label", m.measure().label());
        // false, not absent, when a measure has no chart (a month in a break in supply): the template's sections are
        // checked strictly, so every name must be there
        Charts.Drawn drawn = Charts.of(m);
        c.put("spc", drawn.spc().<Object>map(v -> v).orElse(false));
        c.put("rolling", drawn.rolling().<Object>map(v -> v).orElse(false));
        return c;
    }

    /** A sentence with its explanation: its rule and template, and the tests of the findings it says. */
    private static Map<String, Object> sentence(Said said, String id, Report report) {
        Sentence s = said.sentence();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("text", said.text());
        out.put("measureRow", s.headline() ? "m-" + s.measureId() : "");
        out.put("rule", s.rule());
        out.put("source", s.source().toString());
        out.put("template", said.wording().template());
        out.put("values", Explanation.values(said.wording().template(), s));
        out.put("importance", said.importance());
        MeasureReport measure = report.measures().stream()
                .filter(r -> r.measure().id().equals(s.measureId()) && r.area().equals(s.area())).findFirst()
                .orElseThrow();
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : s.used()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("code", f.code());
            x.put("basis", f.basis());
            x.put("judgement", f.judgement());
            x.put("rule", f.rule());
            x.put("source", f.source().toString());
            x.put("test", measure.assessment().comparison(f.basis()).map(c -> test(c, measure)).orElse(""));
            findings.add(x);
        }
        out.put("findings", findings);
        return out;
    }

    private static String test(Comparison c, MeasureReport m) {
        var s = m.assessment().snapshot();
        return String.format(Locale.UK, "%s: observed %s (%s) against expected %s (%s); %s = %s, p = %s -> %s",
                c.method(), Values.exact(s, c.observed()), c.observedLabel(), Values.exact(s, c.expected()),
                c.expectedLabel(), c.statisticName(), Explanation.num(c.statistic()), Explanation.num(c.pValue()),
                c.outcome());
    }

    private static Problem problem(Path file, MustacheException e) {
        int line = e instanceof MustacheException.Context c ? c.lineNo : 0;
        return Problem.error(file.toString(), line, line > 0 ? 1 : 0, "template: " + e.getMessage());
    }
}
