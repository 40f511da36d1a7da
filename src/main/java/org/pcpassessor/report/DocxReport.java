package org.pcpassessor.report;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.policy.DynamicTableRenderPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.pcpassessor.facts.Judgement;
import org.pcpassessor.input.IoMessages;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.problem.Problems;

/**
 * The report as a Word paper, filled from a template the analyst owns and edits in Word ({@code templates/paper.docx})
 * with poi-tl. The template holds everything about the look: fonts, heading styles, page layout, the table's
 * borders, widths and alignment, and the paragraph numbering (a multi-level Word list linked to the Pillar Heading,
 * Priority Heading and Numbered Paragraph styles, so Word numbers 1., 1.2 and 1.2.1 itself). This class only puts the
 * {@link Draft}'s words in:
 * <ul>
 * <li>{@code {{to}} {{from}} {{date}} {{title}} {{purpose}} {{recommendation}} {{background}} {{intro}}};</li>
 * <li>{@code {{?pillars}}...{{/pillars}}} repeated per pillar ({@code {{name}}}, {@code {{number}}}), inside it
 * {@code {{?priorities}}...{{/priorities}}} ({@code {{heading}}}, {@code {{number}}}) with
 * {@code {{?notices}}}, {@code {{?paragraphs}}}, {@code {{?hasAlsoNoted}}} and {@code {{?alsoNoted}}} blocks, each
 * item's words in {@code {{text}}}, and {@code {{charts}}} (its measures' charts as pictures, {@link ChartImage});
 * before the pillars, the Performance Headlines ({@code {{?headlines}}}, {@code {{headlineCharts}}}); after them the
 * appendix of what the budget left out ({@code {{?hasAppendix}}}) and the bibliography ({@code {{?sources}}},
 * {@code {{contact}}});</li>
 * <li>a pillar table marked {@code {{table}}}: its first row is the header ({@code [h0]}...{@code [h9]}), the second
 * the row of a priority's name ({@code [group]}), the third the row of a measure ({@code [c0]}...{@code [c9]}); the
 * second and third are copied per row, keeping their formatting.</li>
 * </ul>
 * The Perf v Benchmark cell is shaded with the colour of the template's key: the table whose cells read Better,
 * Worse and Neutral.
 */
public final class DocxReport {
    /**
     * Where the paper prints what the budget left out: nowhere (the default: the paper is what goes to the Board; the
     * other formats list it all), in an appendix after the closing recommendation, or under each priority.
     */
    public enum AlsoNoted { none, appendix, inline }

    /** The front matter of one paper, and its bibliography (source documents, contact officer). */
    public record FrontMatter(String to, String from, String date, String purpose, String recommendation,
                              String background, List<String> sources, String contact) {
        /** The catalogue's paper on a date, {@code {month}} replaced by the report month ("December 2020"). */
        public static FrontMatter of(org.pcpassessor.catalogue.Paper paper, java.time.YearMonth month,
                                     java.time.LocalDate date) {
            String m = org.pcpassessor.facts.Months.longName(month);
            return new FrontMatter(paper.to(), paper.from(),
                    date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK)),
                    paper.purpose().replace("{month}", m), paper.recommendation().replace("{month}", m),
                    paper.background().replace("{month}", m), paper.sources(), paper.contact());
        }
    }

    private final Path file;
    private final byte[] template;
    private final Map<Judgement, String> colours;

    private DocxReport(Path file, byte[] template, Map<Judgement, String> colours) {
        this.file = file;
        this.template = template;
        this.colours = colours;
    }

    /** The largest Word template read: the bundled one is 40 KB; one with pictures a few MB. */
    static final long MAX_TEMPLATE = 32L << 20;

    /**
     * Reads a template and its key of colours. A file that is not a usable Word template is a problem at the file,
     * added to {@code found}; the result is then empty.
     */
    public static Optional<DocxReport> load(Path file, Problems found) {
        try {
            return Optional.of(load(file));
        } catch (Unusable e) {
            found.add(Problem.error(file.toString(), 0, 0, e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Why a template cannot be read or filled: thrown inside this writer only, from where it is found to the public
     * entry points, which add it to the caller's problems.
     */
    private static final class Unusable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    private static DocxReport load(Path file) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new Unusable(Files.exists(file) ? "the Word template is not a regular file "
                        + "(a folder, a named pipe or a device?)" : "the Word template was not found");
            }
            if (Files.size(file) > MAX_TEMPLATE) {
                throw new Unusable("the Word template is " + (Files.size(file) >> 20)
                        + " MB; a template may be at most " + (MAX_TEMPLATE >> 20) + " MB");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            throw new Unusable("cannot read the Word template: " + IoMessages.reason(e));
        }
        Map<Judgement, String> colours = new EnumMap<>(Judgement.class);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            for (XWPFTable table : doc.getTables()) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        Judgement.parse(cell.getText().strip().toLowerCase(Locale.ROOT))
                                .ifPresent(j -> colours.put(j, Optional.ofNullable(cell.getColor()).orElse("auto")));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new Unusable("not a Word (.docx) document: " + e.getMessage());
        }
        if (colours.size() < Judgement.values().length) {
            throw new Unusable("the Word template has no key of colours: a table whose cells "
                    + "read Better, Worse and Neutral, shaded as the Perf v Benchmark cells should be (missing: "
                    + java.util.Arrays.stream(Judgement.values()).filter(j -> !colours.containsKey(j))
                    .map(Judgement::word).toList() + ")");
        }
        checkTags(file, bytes);
        return new DocxReport(file, bytes, colours);
    }

    /**
     * The tags the paper fills, by the block they stand in: the paper's own, a pillar's, a priority's and the text of
     * a listed item. {@code hasAlsoNoted} is a condition: inside it, a priority's tags.
     */
    private static final Map<String, List<String>> TAGS = Map.ofEntries(
            Map.entry("", List.of("to", "from", "date", "title", "purpose", "recommendation", "background", "intro",
                    "headlines", "headlineCharts", "hasHeadlinesAlsoNoted", "headlinesAlsoNoted", "pillars",
                    "hasAppendix", "appendix", "sources", "contact")),
            Map.entry("headlines", List.of("text")), Map.entry("headlinesAlsoNoted", List.of("text")),
            Map.entry("pillars", List.of("number", "name", "table", "priorities")),
            Map.entry("priorities", List.of("number", "heading", "notices", "paragraphs", "charts", "hasAlsoNoted",
                    "alsoNoted")),
            Map.entry("notices", List.of("text")), Map.entry("paragraphs", List.of("text")),
            Map.entry("alsoNoted", List.of("text")), Map.entry("appendix", List.of("heading", "items")),
            Map.entry("items", List.of("text")), Map.entry("sources", List.of("text")));

    /**
     * Refuses a template whose tags the paper does not fill: poi-tl leaves an unknown tag blank, so a misspelt
     * {@code {{recomendation}}} would be a silently empty section of a Board paper. Each unknown tag is named with the
     * closest known one.
     */
    private static void checkTags(Path file, byte[] bytes) {
        List<String> unknown = new ArrayList<>();
        try (XWPFTemplate compiled = XWPFTemplate.compile(new ByteArrayInputStream(bytes), Configure.createDefault())) {
            walk(compiled.getElementTemplates(), "", unknown);
        } catch (IOException | RuntimeException e) {
            throw new Unusable("cannot read the Word template's tags: " + e.getMessage());
        }
        if (!unknown.isEmpty()) {
            throw new Unusable("the Word template has tags the paper does not fill: "
                    + String.join("; ", unknown) + " (docs/analyst-guide.md lists them)");
        }
    }

    private static void walk(List<com.deepoove.poi.template.MetaTemplate> templates, String block,
                             List<String> unknown) {
        List<String> known = TAGS.getOrDefault(block, List.of());
        for (com.deepoove.poi.template.MetaTemplate t : templates) {
            String name;
            List<com.deepoove.poi.template.MetaTemplate> inner = null;
            if (t instanceof com.deepoove.poi.template.BlockTemplate b) {
                name = b.getStartMark().getTagName();
                inner = b.getTemplates();
            } else if (t instanceof com.deepoove.poi.template.ElementTemplate e) {
                name = e.getTagName();
            } else {
                continue;
            }
            if (!known.contains(name)) {
                unknown.add("{{" + name + "}}" + (block.isEmpty() ? "" : " in {{?" + block + "}}")
                        + org.pcpassessor.problem.Suggestions.didYouMean(name, known));
            }
            if (inner != null) {
                walk(inner, name.startsWith("has") ? block : name, unknown); // a condition keeps its block
            }
        }
    }

    /**
     * The paper: the template filled with the draft and the front matter; empty, with the problem in {@code found},
     * when the template cannot be filled.
     */
    public Optional<byte[]> render(Draft draft, FrontMatter front, AlsoNoted alsoNoted, Problems found) {
        try {
            return Optional.of(render(draft, front, alsoNoted));
        } catch (Unusable e) {
            found.add(Problem.error(file.toString(), 0, 0, e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * The paper as the seeds lay it out: the front matter, then a Performance Headlines section holding every pillar's
     * headline paragraphs (the pillars' own "Performance headlines" priorities, which the paper does not repeat), the
     * pillars with their tables and priorities, the closing recommendation and the bibliography; "Also noted" where
     * {@code alsoNoted} says. The numbering (1. Purpose ... 4. Performance Headlines, 5. the first pillar) is Word's,
     * from the template's styles.
     */
    private byte[] render(Draft draft, FrontMatter front, AlsoNoted alsoNoted) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("to", front.to());
        data.put("from", front.from());
        data.put("date", front.date());
        data.put("title", draft.title());
        data.put("purpose", front.purpose());
        data.put("recommendation", front.recommendation());
        data.put("background", front.background());
        data.put("intro", draft.intro());
        data.put("sources", texts(front.sources().isEmpty() ? List.of("None given (report.paper.sources in the "
                + "catalogue)") : front.sources()));
        data.put("contact", front.contact().isEmpty() ? "None given (report.paper.contact in the catalogue)"
                : front.contact());
        List<String> headlines = new ArrayList<>();
        List<Chart> headlineCharts = new ArrayList<>();
        List<String> headlinesAlsoNoted = new ArrayList<>();
        List<Map<String, Object>> appendix = new ArrayList<>();
        List<Map<String, Object>> pillars = new ArrayList<>();
        for (Draft.PillarPart pillar : draft.pillars()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("number", pillar.number());
            p.put("name", pillar.name());
            p.put("table", pillar.table());
            List<Map<String, Object>> priorities = new ArrayList<>();
            for (Draft.PriorityPart priority : pillar.priorities()) {
                List<String> also = priority.alsoNoted().stream().map(s -> s.text()).toList();
                if (!also.isEmpty()) {
                    appendix.add(Map.of("heading", pillar.name() + ": " + priority.heading(), "items", texts(also)));
                }
                if (priority.headlines()) {
                    priority.notices().forEach(headlines::add);
                    priority.paragraphs().forEach(n -> headlines.add(n.paragraph().text()));
                    headlineCharts.addAll(charts(priority));
                    headlinesAlsoNoted.addAll(also);
                    continue;
                }
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("number", priority.number());
                q.put("heading", priority.heading());
                q.put("notices", texts(priority.notices()));
                q.put("paragraphs", texts(priority.paragraphs().stream().map(n -> n.paragraph().text()).toList()));
                q.put("charts", charts(priority));
                q.put("hasAlsoNoted", alsoNoted == AlsoNoted.inline && !also.isEmpty());
                q.put("alsoNoted", texts(alsoNoted == AlsoNoted.inline ? also : List.of()));
                priorities.add(q);
            }
            p.put("priorities", priorities);
            pillars.add(p);
        }
        data.put("headlines", texts(headlines));
        data.put("headlineCharts", headlineCharts);
        data.put("hasHeadlinesAlsoNoted", alsoNoted == AlsoNoted.inline && !headlinesAlsoNoted.isEmpty());
        data.put("headlinesAlsoNoted", texts(alsoNoted == AlsoNoted.inline ? headlinesAlsoNoted : List.of()));
        data.put("hasAppendix", alsoNoted == AlsoNoted.appendix && !appendix.isEmpty());
        data.put("appendix", alsoNoted == AlsoNoted.appendix ? appendix : List.of());
        data.put("pillars", pillars);
        Configure config = Configure.builder().bind("table", new TablePolicy()).bind("charts", new ChartsPolicy())
                .bind("headlineCharts", new ChartsPolicy()).build();
        try (InputStream in = new ByteArrayInputStream(template);
             XWPFTemplate filled = XWPFTemplate.compile(in, config).render(data);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            filled.write(out);
            return fixedTimes(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            throw new Unusable("cannot fill the Word template: " + e.getMessage());
        }
    }

    /** The time every part of the paper carries: the earliest a zip can hold, so that it says nothing of the run. */
    static final java.time.LocalDateTime PART_TIME = java.time.LocalDateTime.of(1980, 1, 1, 0, 0);

    /**
     * The paper's zip written again with every part stamped {@link #PART_TIME}: POI stamps each part with the time
     * it was written, so two runs on the same input gave different bytes (the same parts). The parts, their order
     * and their compression are kept.
     */
    private static byte[] fixedTimes(byte[] docx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(docx.length);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(docx));
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry part = in.getNextEntry(); part != null; part = in.getNextEntry()) {
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(part.getName());
                copy.setTimeLocal(PART_TIME);
                zip.putNextEntry(copy);
                in.transferTo(zip);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A chart drawn for the paper: its PNG and its text alternative. */
    private record Chart(byte[] png, String text) {
    }

    /** A priority's charts, as the HTML page draws them: per measure its SPC chart and its rolling 12 months. */
    private static List<Chart> charts(Draft.PriorityPart priority) {
        List<Chart> out = new ArrayList<>();
        for (org.pcpassessor.narrative.MeasureReport m : priority.measures()) {
            Charts.Drawn drawn = Charts.of(m);
            for (Optional<Map<String, Object>> view : List.of(drawn.spc(), drawn.rolling())) {
                view.ifPresent(v -> {
                    // on paper the chart names its measure (the page has a caption per measure instead)
                    Map<String, Object> named = new LinkedHashMap<>(v);
                    // and its priority, as a page of charts alone must ("Hate Crime: Recorded Crime")
                    String name = priority.headlines() ? m.measure().label() : priority.heading() + ": "
                            + m.measure().label();
                    named.put("heading", name + (v.containsKey("meanY") ? ", monthly" : ", rolling 12 months"));
                    // without fonts nothing is drawn: the section's charts paragraph says so (ChartsPolicy)
                    out.add(new Chart(ChartImage.canDrawText() ? ChartImage.png(named) : new byte[0],
                            ChartImage.text(named)));
                });
            }
        }
        return out;
    }

    /**
     * Puts a priority's charts where the template says {@code {{charts}}} (and the headlines' at
     * {@code {{headlineCharts}}}): pictures two to a line, 8.3 cm wide, each described by its text alternative; the
     * paragraph goes when there is none.
     */
    private static final class ChartsPolicy extends com.deepoove.poi.policy.AbstractRenderPolicy<List<Chart>> {
        private static final double WIDTH_POINTS = 235; // 8.3 cm: two to a line across a portrait A4 page
        private static final double HEIGHT_POINTS = WIDTH_POINTS * Charts.HEIGHT / Charts.WIDTH;

        @Override
        protected boolean validate(List<Chart> charts) {
            return charts != null && !charts.isEmpty();
        }

        @Override
        public void doRender(com.deepoove.poi.render.RenderContext<List<Chart>> context) throws Exception {
            XWPFRun run = context.getRun();
            if (!ChartImage.canDrawText()) {
                run.setText("(The charts of this section are not drawn: the machine that made this paper has no fonts; "
                        + "install one, e.g. the fonts-dejavu-core package, and run the report again.)", 0);
                return;
            }
            run.setText("", 0);
            List<Chart> charts = context.getData();
            for (int i = 0; i < charts.size(); i++) {
                if (i > 0) {
                    if (i % 2 == 0) {
                        run.addBreak();
                    } else {
                        run.addTab();
                    }
                }
                Chart c = charts.get(i);
                run.addPicture(new ByteArrayInputStream(c.png()), org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG,
                        "chart-" + (i + 1) + ".png", org.apache.poi.util.Units.toEMU(WIDTH_POINTS),
                        org.apache.poi.util.Units.toEMU(HEIGHT_POINTS));
                var inline = run.getCTR().getDrawingArray(run.getCTR().sizeOfDrawingArray() - 1).getInlineArray(0);
                inline.getDocPr().setDescr(c.text());
                inline.getDocPr().setTitle(c.text().substring(0, c.text().indexOf(". ")));
            }
        }

        @Override
        protected void afterRender(com.deepoove.poi.render.RenderContext<List<Chart>> context) {
            // the run keeps its pictures
        }

        @Override
        protected void postValidError(com.deepoove.poi.render.RenderContext<List<Chart>> context) {
            clearPlaceholder(context, true); // no chart: no empty paragraph
        }
    }

    private static List<Map<String, Object>> texts(List<String> texts) {
        return texts.stream().map(t -> Map.<String, Object>of("text", t)).toList();
    }

    /** The icons' pixels: 64, for a 12-point picture that prints sharp. */
    private static final int ICON_PIXELS = 64;

    /** Fills a pillar table: the header, then per row a copy of the template's group or measure row. */
    private final class TablePolicy extends DynamicTableRenderPolicy {
        @Override
        public void render(XWPFTable table, Object data) {
            Draft.Table model = (Draft.Table) data;
            if (table.getRows().size() < 3) {
                throw new IllegalStateException("the pillar table in " + file + " needs three rows: the header "
                        + "([h0]...), a priority's row ([group]) and a measure's row ([c0]...)");
            }
            XWPFTableRow header = table.getRow(0);
            fill(header, i -> i < model.header().size() ? model.header().get(i) : "");
            int at = 3;
            for (Draft.Row row : model.rows()) {
                XWPFTableRow template = table.getRow(row.group() ? 1 : 2);
                XWPFTableRow copy = table.insertNewTableRow(at);
                copy.getCtRow().set(template.getCtRow().copy());
                XWPFTableRow filled = new XWPFTableRow(copy.getCtRow(), table);
                if (row.group()) {
                    fill(filled, i -> row.label());
                } else {
                    List<String> marks = filled.getTableCells().stream().map(c -> c.getText().strip()).toList();
                    fill(filled, i -> i == 0 ? row.label() : i <= row.cells().size() ? row.cells().get(i - 1).text()
                            : "");
                    row.measure().ifPresent(m -> icons(filled, marks, m));
                    List<XWPFTableCell> cells = filled.getTableCells();
                    Draft.Cell benchmark = row.cells().get(row.cells().size() - 1);
                    if (cells.size() > row.cells().size()) { // the label, the cells, then any icons' columns
                        benchmark.judgement().ifPresent(j -> cells.get(row.cells().size()).setColor(colours.get(j)));
                    }
                }
                at++;
            }
            table.removeRow(2);
            table.removeRow(1);
        }

        /**
         * Making Data Count's icons in the cells the template marks {@code [variation]} and {@code [assurance]} (a
         * template without them shows none): PNG pictures drawn by {@link Icons}, 12 points square, each with its
         * text alternative as the picture's description.
         */
        private void icons(XWPFTableRow row, List<String> marks, org.pcpassessor.narrative.MeasureReport m) {
            int v = marks.indexOf("[variation]");
            if (v >= 0) {
                Icons.variation(m).ifPresent(x -> picture(row.getCell(v), Icons.png(x, ICON_PIXELS), x.code, x.text));
            }
            int a = marks.indexOf("[assurance]");
            if (a >= 0) {
                Icons.assurance(m).ifPresent(x -> picture(row.getCell(a), Icons.png(x, ICON_PIXELS), x.code(),
                        Icons.text(x, m)));
            }
        }

        private void picture(XWPFTableCell cell, byte[] png, String name, String text) {
            XWPFParagraph p = cell.getParagraphs().get(0);
            XWPFRun run = p.getRuns().isEmpty() ? p.createRun() : p.getRuns().get(0);
            try {
                run.addPicture(new ByteArrayInputStream(png), org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG,
                        name + ".png", org.apache.poi.util.Units.toEMU(12), org.apache.poi.util.Units.toEMU(12));
            } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                throw new IllegalStateException("cannot add the icon " + name + ": " + e.getMessage(), e);
            }
            var inline = run.getCTR().getDrawingArray(run.getCTR().sizeOfDrawingArray() - 1).getInlineArray(0);
            inline.getDocPr().setDescr(text);
            inline.getDocPr().setTitle(text);
        }

        /** Replaces each cell's [field] text with the value of its column, keeping the first run's formatting. */
        private void fill(XWPFTableRow row, java.util.function.IntFunction<String> value) {
            List<XWPFTableCell> cells = row.getTableCells();
            for (int i = 0; i < cells.size(); i++) {
                for (XWPFParagraph p : cells.get(i).getParagraphs()) {
                    List<XWPFRun> runs = p.getRuns();
                    if (runs.isEmpty() || !p.getText().contains("[")) {
                        continue;
                    }
                    runs.get(0).setText(value.apply(i), 0);
                    for (int k = runs.size() - 1; k > 0; k--) {
                        p.removeRun(k);
                    }
                }
            }
        }
    }
}
