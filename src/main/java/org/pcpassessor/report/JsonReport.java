package org.pcpassessor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.pcpassessor.catalogue.Basis;
import org.pcpassessor.narrative.MeasureReport;
import org.pcpassessor.narrative.Paragraph;
import org.pcpassessor.narrative.Report;
import org.pcpassessor.narrative.Said;
import org.pcpassessor.facts.Importance;
import java.util.List;
import org.pcpassessor.problem.InternalException;
import org.pcpassessor.rules.AuditEvent;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.facts.Comparison;
import org.pcpassessor.facts.Figure;
import org.pcpassessor.facts.Snapshot;

/**
 * The report as JSON in the contract shape of the design notes. Rates and proportions are fractions; figures
 * that could not be made are left out rather than written as null.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {
    }

    public static String render(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("title", report.catalogue().title());
        root.put("month", report.month().toString());
        root.put("headlineArea", report.catalogue().headlineArea());
        root.put("confidence", report.catalogue().confidence());
        java.util.List<java.nio.file.Path> outside = report.catalogue().dataOutsideFolder();
        if (!outside.isEmpty()) {
            ArrayNode files = root.putArray("dataOutsideCatalogueFolder");
            outside.forEach(p -> files.add(p.toString()));
        }
        Map<Sentence, Report.Placement> placements = report.placements();
        ArrayNode commentary = MAPPER.createArrayNode();
        int pillarNumber = 0;
        for (Report.PillarSection p : report.pillars()) {
            pillarNumber++;
            ObjectNode pillar = commentary.addObject();
            pillar.put("pillar", p.name());
            ArrayNode priorities = pillar.putArray("priorities");
            int priorityNumber = 0;
            for (Report.PrioritySection s : p.priorities()) {
                priorityNumber++;
                ObjectNode priority = priorities.addObject();
                priority.put("priority", s.name());
                ArrayNode paragraphs = priority.putArray("paragraphs");
                int paragraphNumber = 0;
                for (Paragraph paragraph : s.paragraphs()) {
                    paragraphNumber++;
                    ObjectNode o = paragraphs.addObject();
                    o.put("number", Report.number(pillarNumber, priorityNumber, paragraphNumber));
                    o.put("analyst", paragraph.analyst());
                    if (!paragraph.topic().isEmpty()) {
                        o.put("topic", paragraph.topic());
                    }
                    paragraph.note().ifPresent(n -> o.put("source", n.toString()));
                    if (!paragraph.analyst()) {
                        o.put("importance", paragraph.importance());
                    }
                    o.put("text", paragraph.text());
                    if (!paragraph.analyst()) {
                        ArrayNode sentences = o.putArray("sentences");
                        paragraph.sentences().forEach(x -> sentences.add(said(x)));
                    }
                }
                ArrayNode alsoNoted = priority.putArray("alsoNoted");
                s.alsoNoted().forEach(x -> alsoNoted.add(said(x)));
                ArrayNode trivial = priority.putArray("trivial");
                s.trivial().forEach(x -> trivial.add(said(x)));
            }
        }
        ArrayNode measures = root.putArray("measures");
        for (MeasureReport r : report.measures()) {
            measures.add(measure(r, placements));
        }
        root.set("commentary", commentary);
        return write(root);
    }

    /** A composed sentence: its words as printed, what said it and why it is where it is. */
    private static ObjectNode said(Said x) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("text", x.text());
        o.put("measure", x.sentence().measureId());
        o.put("area", x.sentence().area());
        o.put("rule", x.sentence().rule());
        o.put("source", x.sentence().source().toString());
        o.put("importance", x.importance());
        ArrayNode codes = o.putArray("findings");
        x.sentence().findingCodes().forEach(codes::add);
        if (!x.why().isEmpty()) {
            o.put("why", x.why());
        }
        return o;
    }

    static String write(Object node) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new InternalException("cannot write JSON", e);
        }
    }

    private static ObjectNode measure(MeasureReport r, Map<Sentence, Report.Placement> placements) {
        Snapshot s = r.assessment().snapshot();
        ObjectNode m = MAPPER.createObjectNode();
        m.put("id", r.measure().id());
        m.put("pillar", r.measure().pillar());
        m.put("priority", r.measure().priority());
        m.put("area", r.area());
        m.put("label", r.measure().label());
        m.put("kind", s.kind());
        m.put("polarity", s.polarity());
        ObjectNode stats = m.putObject("stats");
        for (Figure f : s.figures()) {
            putFinite(stats, f.name(), f.value());
            if (f.hasParts()) {
                putFinite(stats, f.name() + "Numerator", f.numerator());
                putFinite(stats, f.name() + "Denominator", f.denominator());
            }
        }
        stats.put("baselineYear", s.baselineLabel());
        r.assessment().spc().ifPresent(spc -> stats.set("spc", MAPPER.valueToTree(clean(spc.evidence()))));
        putFinite(stats, "changeVsLastYear", s.changeVsLastYear());
        putFinite(stats, "changeVsBaseline", s.changeVsBaseline());
        putFinite(stats, "changeRolling12VsLastYear", s.changeRolling12VsLastYear());
        for (Basis b : Basis.values()) {
            m.put(b.labelField(), r.label(b));
        }
        ArrayNode tests = m.putArray("tests");
        for (Comparison c : r.assessment().comparisons()) {
            tests.add(MAPPER.valueToTree(clean(c.evidence())));
        }
        ArrayNode findings = m.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode o = findings.addObject();
            o.put("code", f.code());
            o.put("basis", f.basis());
            o.put("direction", f.direction());
            o.put("judgement", f.judgement());
            o.put("rule", f.rule());
            o.put("source", f.source().toString());
            o.set("evidence", MAPPER.valueToTree(clean(f.evidence())));
            List<Importance> points = r.importanceOf(f);
            o.put("importance", points.stream().mapToInt(Importance::points).sum());
            ArrayNode reasons = o.putArray("importanceReasons");
            points.forEach(i -> reasons.addObject().put("points", i.points()).put("reason", i.reason())
                    .put("rule", i.rule()).put("source", i.source().toString()));
            r.trivialOf(f).forEach(t -> o.putObject("trivial").put("reason", t.reason()).put("rule", t.rule())
                    .put("source", t.source().toString()));
            // where the finding is said: the first of its sentences' places, in paragraph order
            List<String> places = r.sentences().stream().filter(x -> x.used().contains(f))
                    .map(x -> placements.containsKey(x) ? placements.get(x).place() : "notSaid").distinct().toList();
            o.put("said", places.stream().filter(x -> Character.isDigit(x.charAt(0))).findFirst()
                    .or(() -> places.stream().filter("alsoNoted"::equals).findFirst())
                    .or(() -> places.stream().findFirst()).orElse("notSaid"));
        }
        ArrayNode sentences = m.putArray("sentences");
        for (Sentence sentence : r.sentences()) {
            ObjectNode o = sentences.addObject();
            o.put("text", sentence.text());
            o.put("rule", sentence.rule());
            o.put("source", sentence.source().toString());
            o.put("template", sentence.template());
            ArrayNode codes = o.putArray("findings");
            sentence.findingCodes().forEach(codes::add);
            Report.Placement x = placements.get(sentence);
            if (x != null) {
                o.put("importance", x.said().importance());
                o.put("placement", x.place());
            }
        }
        return m;
    }

    /**
     * Evidence without non-finite numbers (JSON has no NaN), whole numbers written as integers, keys kept in
     * their given order.
     */
    static Map<String, Object> clean(Map<String, Object> evidence) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        evidence.forEach((k, v) -> {
            if (v instanceof Double d) {
                if (Double.isFinite(d)) {
                    out.put(k, isWhole(d) ? (Object) (long) (double) d : d);
                }
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    private static boolean isWhole(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15;
    }

    /** A figure, left out when it could not be made; whole numbers (counts, totals) written as integers. */
    private static void putFinite(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            if (isWhole(value)) {
                node.put(name, (long) value);
            } else {
                node.put(name, value);
            }
        }
    }

    /** The audit trail as JSON Lines: one firing per line, in firing order. */
    public static String auditLines(java.util.List<AuditEvent> audit) {
        StringBuilder out = new StringBuilder();
        for (AuditEvent e : audit) {
            Map<String, Object> line = new java.util.LinkedHashMap<>();
            line.put("seq", e.sequence());
            line.put("phase", e.phase());
            line.put("rule", e.rule());
            line.put("source", e.source().toString());
            line.put("measure", e.measure());
            line.put("area", e.area());
            line.put("matched", e.matched());
            line.put("inserted", e.inserted());
            try {
                out.append(MAPPER.writeValueAsString(line)).append('\n');
            } catch (JsonProcessingException ex) {
                throw new InternalException("cannot write the audit log", ex);
            }
        }
        return out.toString();
    }

}
