package org.pcpassessor.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.pcpassessor.catalogue.Basis;
import org.pcpassessor.narrative.MeasureReport;
import org.pcpassessor.narrative.Paragraph;
import org.pcpassessor.narrative.Report;
import org.pcpassessor.narrative.Said;
import org.pcpassessor.facts.Importance;
import java.util.List;
import org.pcpassessor.problem.InternalException;
import org.pcpassessor.audit.AuditEvent;
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

    /**
     * The report as UTF-8 JSON, ending with a newline: written as it is made, without a tree of the whole report
     * first (the 12,876-series report is 176 MB, and its tree and string copies took 4.7 s to write); see
     * {@link #write} for a file.
     */
    public static byte[] bytes(Report report) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1 << 16);
        try {
            write(report, out);
        } catch (java.io.IOException e) {
            throw new InternalException("cannot write JSON", e);
        }
        return out.toByteArray();
    }

    /**
     * The report as UTF-8 JSON, ending with a newline, written to {@code out} as it is made (a national report is
     * hundreds of megabytes: made in memory first, and copied as its buffer grew, it needed three times that).
     * The stream is left open.
     */
    public static void write(Report report, java.io.OutputStream out) throws java.io.IOException {
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            write(report, g);
        }
        out.write('\n');
    }

    /**
     * As {@link #write(Report, java.io.OutputStream)}, to a writer (standard output): streamed too, so a national
     * report is never held in memory whole (100,200 series ran out of a 4 GB heap on standard output).
     */
    public static void write(Report report, java.io.Writer out) throws java.io.IOException {
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            write(report, g);
        }
        out.write('\n');
    }

    private static void write(Report report, JsonGenerator g) throws java.io.IOException {
        { // the report object, as one block
            g.setPrettyPrinter(printer());
            g.writeStartObject();
            g.writeStringField("title", report.catalogue().title());
            g.writeStringField("month", report.month().toString());
            g.writeStringField("headlineArea", report.catalogue().headlineArea());
            g.writeNumberField("confidence", report.catalogue().confidence());
            java.util.List<java.nio.file.Path> outside = report.catalogue().dataOutsideFolder();
            if (!outside.isEmpty()) {
                g.writeArrayFieldStart("dataOutsideCatalogueFolder");
                for (java.nio.file.Path p : outside) {
                    g.writeString(p.toString());
                }
                g.writeEndArray();
            }
            Map<Sentence, Report.Placement> placements = report.placements();
            g.writeArrayFieldStart("measures");
            for (MeasureReport r : report.measures()) {
                measure(g, r, placements);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("commentary");
            commentary(g, report);
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void commentary(JsonGenerator g, Report report) throws java.io.IOException {
        int pillarNumber = 0;
        for (Report.PillarSection p : report.pillars()) {
            pillarNumber++;
            g.writeStartObject();
            g.writeStringField("pillar", p.name());
            g.writeArrayFieldStart("priorities");
            int priorityNumber = 0;
            for (Report.PrioritySection s : p.priorities()) {
                priorityNumber++;
                g.writeStartObject();
                g.writeStringField("priority", s.name());
                g.writeArrayFieldStart("notices"); // what the draft says under the heading (draft.yaml)
                for (String notice : s.notices()) {
                    g.writeString(notice);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("paragraphs");
                int paragraphNumber = 0;
                for (Paragraph paragraph : s.paragraphs()) {
                    paragraphNumber++;
                    g.writeStartObject();
                    g.writeStringField("number", Report.number(pillarNumber, priorityNumber, paragraphNumber));
                    g.writeBooleanField("analyst", paragraph.analyst());
                    if (!paragraph.topic().isEmpty()) {
                        g.writeStringField("topic", paragraph.topic());
                    }
                    if (paragraph.note().isPresent()) {
                        g.writeStringField("source", paragraph.note().get().toString());
                    }
                    if (!paragraph.analyst()) {
                        g.writeNumberField("importance", paragraph.importance());
                    }
                    g.writeStringField("text", paragraph.text());
                    if (!paragraph.analyst()) {
                        g.writeArrayFieldStart("sentences");
                        for (Said x : paragraph.sentences()) {
                            said(g, x);
                        }
                        g.writeEndArray();
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("alsoNoted");
                for (Said x : s.alsoNoted()) {
                    said(g, x);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("trivial");
                for (Said x : s.trivial()) {
                    said(g, x);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** A composed sentence: its words as printed, what said it and why it is where it is. */
    private static void said(JsonGenerator g, Said x) throws java.io.IOException {
        g.writeStartObject();
        g.writeStringField("text", x.text());
        g.writeStringField("measure", x.sentence().measureId());
        g.writeStringField("area", x.sentence().area());
        g.writeStringField("rule", x.sentence().rule());
        g.writeStringField("source", x.sentence().source().toString());
        g.writeNumberField("importance", x.importance());
        g.writeArrayFieldStart("findings");
        for (String code : x.sentence().findingCodes()) {
            g.writeString(code);
        }
        g.writeEndArray();
        if (!x.why().isEmpty()) {
            g.writeStringField("why", x.why());
        }
        g.writeEndObject();
    }

    /** Two-space indents, one value a line: the layout every JSON file of the tool has. */
    private static DefaultPrettyPrinter printer() {
        return new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    }

    /** A tree as JSON text in the tool's layout, ending with a newline. */
    static String write(Object node) {
        try {
            return MAPPER.writer(printer()).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new InternalException("cannot write JSON", e);
        }
    }

    private static void measure(JsonGenerator g, MeasureReport r, Map<Sentence, Report.Placement> placements)
            throws java.io.IOException {
        Snapshot s = r.assessment().snapshot();
        g.writeStartObject();
        g.writeStringField("id", r.measure().id());
        g.writeStringField("pillar", r.measure().pillar());
        g.writeStringField("priority", r.measure().priority());
        g.writeStringField("area", r.area());
        g.writeStringField("label", r.measure().label());
        g.writeStringField("kind", s.kind());
        g.writeStringField("polarity", s.polarity());
        g.writeObjectFieldStart("stats");
        for (Figure f : s.figures()) {
            putFinite(g, f.name(), f.value());
            if (f.hasParts()) {
                putFinite(g, f.name() + "Numerator", f.numerator());
                putFinite(g, f.name() + "Denominator", f.denominator());
            }
        }
        g.writeStringField("baselineYear", s.baselineLabel());
        if (r.assessment().spc().isPresent()) {
            g.writeObjectField("spc", clean(r.assessment().spc().get().evidence()));
        }
        putFinite(g, "changeVsLastYear", s.changeVsLastYear());
        putFinite(g, "changeVsBaseline", s.changeVsBaseline());
        putFinite(g, "changeRolling12VsLastYear", s.changeRolling12VsLastYear());
        g.writeEndObject();
        // Making Data Count's icons (docs/methods.md): "none" when the chart is not read or there is no target
        g.writeObjectFieldStart("icons");
        g.writeStringField("variation", Icons.variation(r).map(v -> v.code).orElse("none"));
        g.writeStringField("assurance", Icons.assurance(r).map(org.pcpassessor.catalogue.Target.Assurance::code)
                .orElse("none"));
        g.writeEndObject();
        for (Basis b : Basis.values()) {
            if (b.tabled()) { // the table's labels; the year-earlier comparison is in "tests" and the findings
                g.writeStringField(b.labelField(), r.label(b));
            }
        }
        g.writeArrayFieldStart("dataIssues"); // what the data checks found or the catalogue declared (docs/methods.md)
        for (org.pcpassessor.facts.DataIssue d : r.assessment().issues()) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : clean(d.evidence()).entrySet()) {
                g.writeObjectField(e.getKey(), e.getValue());
            }
            g.writeArrayFieldStart("rows");
            for (String row : d.rows()) {
                g.writeString(row);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("tests");
        for (Comparison c : r.assessment().comparisons()) {
            g.writeObject(clean(c.evidence()));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (Finding f : r.findings()) {
            g.writeStartObject();
            g.writeStringField("code", f.code());
            g.writeStringField("basis", f.basis());
            g.writeStringField("direction", f.direction());
            g.writeStringField("judgement", f.judgement());
            g.writeStringField("rule", f.rule());
            g.writeStringField("source", f.source().toString());
            g.writeObjectField("evidence", clean(f.evidence()));
            List<Importance> points = r.importanceOf(f);
            g.writeNumberField("importance", points.stream().mapToInt(Importance::points).sum());
            g.writeArrayFieldStart("importanceReasons");
            for (Importance i : points) {
                g.writeStartObject();
                g.writeNumberField("points", i.points());
                g.writeStringField("reason", i.reason());
                g.writeStringField("rule", i.rule());
                g.writeStringField("source", i.source().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            List<org.pcpassessor.facts.Trivial> marks = r.trivialOf(f);
            if (!marks.isEmpty()) { // one "trivial" field: a finding marked more than once shows its last mark
                org.pcpassessor.facts.Trivial t = marks.get(marks.size() - 1);
                g.writeObjectFieldStart("trivial");
                g.writeStringField("reason", t.reason());
                g.writeStringField("rule", t.rule());
                g.writeStringField("source", t.source().toString());
                g.writeEndObject();
            }
            // where the finding is said: the first of its sentences' places, in paragraph order
            List<String> places = r.sentences().stream().filter(x -> x.used().contains(f))
                    .map(x -> placements.containsKey(x) ? placements.get(x).place() : "notSaid").distinct().toList();
            g.writeStringField("said", places.stream().filter(x -> Character.isDigit(x.charAt(0))).findFirst()
                    .or(() -> places.stream().filter("alsoNoted"::equals).findFirst())
                    .or(() -> places.stream().findFirst()).orElse("notSaid"));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("sentences");
        for (Sentence sentence : r.sentences()) {
            Report.Placement x = placements.get(sentence);
            // as said: the alternative of its wording the composition gave it (the first when not placed)
            Sentence.Variant said = x == null ? sentence.variants().get(0) : x.said().wording();
            g.writeStartObject();
            g.writeStringField("text", said.text());
            g.writeStringField("rule", sentence.rule());
            g.writeStringField("source", sentence.source().toString());
            if (!sentence.wording().isEmpty()) {
                g.writeStringField("wording", sentence.wording());
                org.pcpassessor.problem.Location at = said.words().get(sentence.wording());
                if (at != null) { // where the entry is written, as explain names it: the one place to edit
                    g.writeStringField("wordingSource", at.file() + ":" + at.line());
                }
            }
            g.writeStringField("template", said.template());
            g.writeArrayFieldStart("findings");
            for (String code : sentence.findingCodes()) {
                g.writeString(code);
            }
            g.writeEndArray();
            if (x != null) {
                g.writeNumberField("importance", x.said().importance());
                g.writeStringField("placement", x.place());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
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
    private static void putFinite(JsonGenerator g, String name, double value) throws java.io.IOException {
        if (Double.isFinite(value)) {
            if (isWhole(value)) {
                g.writeNumberField(name, (long) value);
            } else {
                g.writeNumberField(name, value);
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
