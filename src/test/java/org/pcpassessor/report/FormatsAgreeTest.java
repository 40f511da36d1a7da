package org.pcpassessor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Markdown, HTML, Word and JSON carry the same report for the default month (bundled inputs, December 2020): the
 * same numbered paragraphs with the same words, and the same table cells. Each file is read back with a reader of
 * its own format (line patterns for Markdown, jsoup for HTML, Apache POI for Word, Jackson for JSON), not with the
 * code that wrote it. JSON has no printed table, so its measures' labels (1yr, 3yr, benchmark) are compared with
 * the table's label cells.
 */
class FormatsAgreeTest {
    @TempDir
    static Path dir;
    static Path markdown;
    static Path html;
    static Path docx;
    static Path json;

    @BeforeAll
    static void write() {
        markdown = Tools.report(dir, "markdown");
        html = Tools.report(dir, "html");
        docx = Tools.report(dir, "docx", "--date", "2021-02-11");
        json = Tools.report(dir, "json");
    }

    @Test
    void theNumberedParagraphsAreTheSameInEveryFormat() throws Exception {
        Map<String, String> md = markdownParagraphs();
        assertTrue(md.size() > 20, md.toString());
        assertEquals(md, htmlParagraphs());
        assertEquals(md, jsonParagraphs());
        // The Word paper lays them out as the seeds do: every pillar's performance headlines first, in its Performance
        // Headlines section, then each pillar's other priorities (Word numbers them itself)
        java.util.Set<String> headlines = new java.util.HashSet<>();
        Matcher h = Pattern.compile("(?m)^### (\\d+\\.\\d+) Performance headlines$").matcher(Files.readString(markdown));
        while (h.find()) {
            headlines.add(h.group(1));
        }
        assertEquals(2, headlines.size(), "two pillars have headline measures: " + headlines);
        List<String> paperOrder = new java.util.ArrayList<>();
        md.forEach((n, t) -> {
            if (headlines.contains(n.substring(0, n.lastIndexOf('.')))) {
                paperOrder.add(t);
            }
        });
        md.forEach((n, t) -> {
            if (!headlines.contains(n.substring(0, n.lastIndexOf('.')))) {
                paperOrder.add(t);
            }
        });
        assertEquals(paperOrder, wordParagraphs());
    }

    @Test
    void theTableCellsAreTheSameInEveryFormat() throws Exception {
        List<List<String>> md = markdownCells();
        assertTrue(md.size() > 40, md.toString());
        assertEquals(md, htmlCells());
        assertEquals(md, wordCells());
        // JSON: label, Current v 1yr avg, Current v 3yr avg and Perf v Benchmark of every measure row
        List<List<String>> labels = md.stream().filter(r -> r.size() == 10 && !r.get(1).equals("Current Month"))
                .map(r -> List.of(r.get(0), r.get(5), r.get(6), r.get(9))).toList();
        assertEquals(labels, jsonLabels());
    }

    /**
     * The Word paper carries the page's charts: a picture for every SVG chart of the page, titled alike (drawn from the
     * same geometry by ChartImage), and described by the same values in words.
     */
    @Test
    void theWordPaperHasThePagesCharts() throws Exception {
        Document page = Jsoup.parse(html.toFile());
        List<String> svg = new ArrayList<>(page.select("figure.chart svg > title").eachText());
        List<String> descs = new ArrayList<>(page.select("figure.chart svg > desc").eachText());
        List<String> pictures = new ArrayList<>();
        List<String> described = new ArrayList<>();
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            for (XWPFParagraph p : doc.getParagraphs()) {
                if ("Charts".equals(p.getStyle())) {
                    for (var run : p.getRuns()) {
                        for (var drawing : run.getCTR().getDrawingList()) {
                            var pr = drawing.getInlineArray(0).getDocPr();
                            pictures.add(pr.getTitle());
                            described.add(pr.getDescr());
                        }
                    }
                }
            }
        }
        assertTrue(svg.size() >= 60, svg.size() + " charts on the page");
        java.util.Collections.sort(svg);
        java.util.Collections.sort(pictures);
        assertEquals(svg, pictures);
        for (int i = 0; i < descs.size(); i++) {
            final String d = descs.get(i);
            assertTrue(described.stream().anyMatch(x -> x.endsWith(d)), d);
        }
    }

    private static Map<String, String> markdownParagraphs() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^- (\\d+\\.\\d+\\.\\d+) (.*)$").matcher(Files.readString(markdown));
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /**
     * The page carries the near misses the run found, in each table row's explanation, as explain prints them: rape
     * recorded crime's benchmark test has p = 0.054 in December 2020 (ExplainCommandTest), so its row says the label
     * rule would fire were it below 0.05; and no row says only "none" for every measure.
     */
    @Test
    void theHtmlPageCarriesTheRunsNearMisses() throws Exception {
        String page = Files.readString(html);
        assertTrue(page.contains("HIGHER (benchmark): rule &quot;Label: significantly higher (neutral measure)&quot;")
                || page.contains("HIGHER (benchmark): rule \"Label: significantly higher (neutral measure)\""),
                "rape recorded crime's near miss");
        assertTrue(page.contains("would fire if the benchmark test&#39;s p-value (0.054) were below 0.05")
                || page.contains("would fire if the benchmark test's p-value (0.054) were below 0.05"),
                "with its p-value");
    }

    private static Map<String, String> htmlParagraphs() throws Exception {
        Document doc = Jsoup.parse(html.toFile());
        Map<String, String> out = new LinkedHashMap<>();
        for (Element li : doc.select("ol.paras > li")) {
            Element p = li.selectFirst("p");
            String number = p.selectFirst(".num-label").text();
            p.select(".num-label").remove();
            p.select("button").remove(); // the paragraph's explanation control ("?", "(analyst's note)")
            out.put(number, p.text());
        }
        return out;
    }

    /**
     * The paper's generated paragraphs in order: those of the Performance Headlines section (front paragraphs after
     * its heading, before the first pillar), then the numbered paragraphs of the pillars (Word numbers them itself).
     */
    private static List<String> wordParagraphs() throws Exception {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            boolean inHeadlines = false;
            for (XWPFParagraph p : doc.getParagraphs()) {
                String style = String.valueOf(p.getStyle());
                if (style.equals("FrontHeading")) {
                    inHeadlines = p.getText().equals("Performance Headlines");
                } else if (style.equals("PillarHeading")) {
                    inHeadlines = false;
                } else if ((inHeadlines && style.equals("FrontParagraph")) || style.equals("NumberedParagraph")) {
                    out.add(p.getText());
                }
            }
        }
        return out;
    }

    private static Map<String, String> jsonParagraphs() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        for (JsonNode pillar : root.get("commentary")) {
            for (JsonNode priority : pillar.get("priorities")) {
                for (JsonNode p : priority.get("paragraphs")) {
                    out.put(p.get("number").asText(), p.get("text").asText());
                }
            }
        }
        return out;
    }

    private static List<List<String>> markdownCells() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(markdown)) {
            if (!line.startsWith("| ") || line.startsWith("|---")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String c : line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1)) {
                cells.add(c.strip().replace("\\|", "|").replaceAll("^\\*\\*(.*)\\*\\*$", "$1"));
            }
            // a priority's name row: one cell with the name, the rest empty
            rows.add(cells.subList(1, cells.size()).stream().allMatch(String::isEmpty) ? List.of(cells.get(0)) : cells);
        }
        return rows;
    }

    private static List<List<String>> htmlCells() throws Exception {
        Document doc = Jsoup.parse(html.toFile());
        List<List<String>> rows = new ArrayList<>();
        for (Element row : doc.select("table.perf tr:not(.why-row)")) {
            Element cells = row.clone();
            cells.select("button").remove(); // the row's explanation control ("?")
            rows.add(cells.select("th:not(.icon), td:not(.icon)").eachText()); // the icons: IconsTest, HtmlBrowserTest
        }
        return rows;
    }

    private static List<List<String>> wordCells() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            for (XWPFTable table : doc.getTables()) {
                if (table.getRows().size() == 1) {
                    continue; // the key of colours
                }
                // the first ten columns: the two icons' columns after them hold pictures (DocxPaperTest)
                table.getRows().forEach(r -> rows.add(r.getTableCells().stream().limit(10)
                        .map(c -> c.getText().strip()).toList()));
            }
        }
        return rows;
    }

    private static List<List<String>> jsonLabels() throws Exception {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        String headline = root.get("headlineArea").asText();
        List<List<String>> out = new ArrayList<>();
        for (JsonNode m : root.get("measures")) {
            if (m.get("area").asText().equals(headline)) {
                out.add(List.of(m.get("label").asText(), m.get("vs1yrAvg").asText(), m.get("vs3yrAvg").asText(),
                        m.get("vsBenchmark").asText()));
            }
        }
        return out;
    }
}
