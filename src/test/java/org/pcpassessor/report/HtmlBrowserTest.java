package org.pcpassessor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The HTML report in a real browser: headless Chromium, as installed from the OS packages, opens the December 2020
 * report (bundled inputs) from disk, with no network. Every measure's charts render, clicking a sentence shows its
 * explanation in place, and the page logs no error. A screenshot of the Victims section is written to
 * target/screenshots/victims.png for review.
 */
class HtmlBrowserTest {
    @TempDir
    static Path dir;
    static ChromeDriver browser;
    static Path page;

    /** Selenium's own notes (no CDP bindings for this Chromium: not used here) kept out of the build's output. */
    private static final java.util.logging.Logger SELENIUM = java.util.logging.Logger.getLogger("org.openqa.selenium");

    @BeforeAll
    static void open() {
        SELENIUM.setLevel(Level.SEVERE);
        Path chromium = Tools.require("chromium", "chromium-browser", "google-chrome");
        Path driver = Tools.require("chromedriver");
        page = Tools.report(dir, "html");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1300,2000", "--user-data-dir=" + dir.resolve("profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.get(page.toUri().toString());
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyMeasureOfTheTablesHasItsChartsDrawn() {
        List<WebElement> rows = browser.findElements(By.cssSelector("table.perf tbody tr[data-explain]"));
        List<WebElement> figures = browser.findElements(By.cssSelector("figure.chart"));
        // 37 measures in the bundled catalogue's tables (the Markdown golden file has 37 measure rows)
        assertEquals(37, rows.size());
        assertEquals(rows.size(), figures.size());
        for (WebElement figure : figures) {
            List<WebElement> svgs = figure.findElements(By.cssSelector("svg[role=img]"));
            assertFalse(svgs.isEmpty(), figure.getAttribute("id"));
            for (WebElement svg : svgs) {
                // drawn: the browser laid the line out with a real size, and the chart states its values in words
                Number width = (Number) ((JavascriptExecutor) browser).executeScript(
                        "return arguments[0].querySelector('polyline').getBBox().width", svg);
                assertTrue(width.doubleValue() > 100, figure.getAttribute("id") + " line width " + width);
                String desc = svg.findElement(By.tagName("desc")).getAttribute("textContent");
                assertTrue(desc.matches(".*\\d.*"), desc);
                // read off, not just seen: a heading, several values up the side and months along the bottom
                List<String> texts = svg.findElements(By.tagName("text")).stream()
                        .map(t -> t.getAttribute("textContent")).toList();
                assertTrue(texts.get(0).startsWith("Monthly") || texts.get(0).startsWith("Rolling 12 months"),
                        texts.toString());
                assertTrue(texts.stream().filter(t -> t.matches("[A-Z][a-z]{2}-\\d{2}")).count() >= 3, texts.toString());
                assertTrue(texts.stream().filter(t -> t.matches("[\\d,.]+( minutes|%)?")).count() >= 3,
                        texts.toString());
                if (texts.get(0).startsWith("Monthly")) {
                    for (String line : List.of("upper limit ", "mean ", "lower limit ")) {
                        assertTrue(texts.stream().anyMatch(t -> t.startsWith(line)), line + " in " + texts);
                    }
                }
            }
        }
        // a special cause is told apart by shape too: a path (diamond, square, triangle), not a circle
        assertFalse(browser.findElements(By.cssSelector("svg path.improvement, svg path.concern, svg path.neither"))
                .isEmpty());
        assertTrue(browser.findElements(By.cssSelector("svg circle.improvement, svg circle.concern, svg circle.neither"))
                .isEmpty());
    }

    /**
     * Every measure row has its two icon cells; the icons are drawn (a real box) and named for screen readers. The
     * 999 measure carries the example target's assurance icon, and each pillar a summary table of its icons.
     */
    @Test
    void theTablesShowMakingDataCountIconsThatAreDrawnAndNamed() {
        List<WebElement> rows = browser.findElements(By.cssSelector("table.perf tbody tr[data-explain]"));
        int variation = 0;
        for (WebElement row : rows) {
            List<WebElement> icons = row.findElements(By.cssSelector("td.icon"));
            assertEquals(2, icons.size(), row.getAttribute("id"));
            for (WebElement svg : row.findElements(By.cssSelector("td.icon svg[role=img]"))) {
                Number width = (Number) ((JavascriptExecutor) browser).executeScript(
                        "return arguments[0].getBoundingClientRect().width", svg);
                assertEquals(24, width.doubleValue(), 0.5, row.getAttribute("id"));
                assertFalse(svg.getAttribute("aria-label").isBlank(), row.getAttribute("id"));
            }
            variation += icons.get(0).findElements(By.tagName("svg")).size();
        }
        assertTrue(variation >= 30, variation + " rows with a variation icon");
        WebElement calls = browser.findElement(By.id("m-calls-999-within-10s"));
        assertTrue(calls.findElements(By.cssSelector("td.icon")).get(1).findElement(By.tagName("svg"))
                .getAttribute("aria-label").startsWith("The example target (90.0%) hit and miss"));
        assertEquals(3, browser.findElements(By.cssSelector("table.mdc-summary")).size());
    }

    /**
     * axe-core (Deque's accessibility engine, the npm package src/test/a11y pins; installed here with npm ci when
     * missing) run in the browser on the page: no serious or critical violation of WCAG 2.1 A and AA.
     */
    @Test
    void theAccessibilityCheckFindsNoSeriousOrCriticalViolation() throws Exception {
        Path folder = org.pcpassessor.TestFiles.ROOT.resolve("src/test/a11y");
        Path axe = folder.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.exists(axe)) {
            Path npm = Tools.require("npm");
            Process p = new ProcessBuilder(npm.toString(), "ci", "--no-audit", "--no-fund").directory(folder.toFile())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0, log);
        }
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(Files.readString(axe));
        browser.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(120));
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(JSON.stringify({passes: r.passes.length, violations: r.violations.map(v => ({id: "
                + "v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, first: v.nodes[0].html.substring(0, "
                + "160)}))})))"
                + ".catch(e => done('error: ' + e));");
        String violations = String.valueOf(result);
        assertFalse(violations.startsWith("error"), violations);
        com.fasterxml.jackson.databind.JsonNode checked = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(violations);
        // the engine ran: it passed rules on this page (images' alternatives, table headers, labels, contrast ...)
        assertTrue(checked.get("passes").asInt() >= 15, violations);
        List<String> serious = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode v : checked.get("violations")) {
            if (List.of("serious", "critical").contains(v.get("impact").asText())) {
                serious.add(v.toString());
            }
        }
        Files.writeString(Path.of("target", "axe-violations.json"), violations);
        assertEquals(List.of(), serious, "all violations: target/axe-violations.json");
    }

    /**
     * The page printed to PDF by Chromium (its print CSS): no chart split across pages (each page has both ends of
     * every time axis it starts, "Jan-19" as often as "Dec-20"), no heading last on a page, no "Also noted"; the pages
     * as images under target/html-print/.
     */
    @Test
    void printedToPdfNoChartIsSplitAndNoHeadingIsLeftAtAPageFoot() throws Exception {
        org.openqa.selenium.print.PrintOptions options = new org.openqa.selenium.print.PrintOptions();
        options.setBackground(true);
        org.openqa.selenium.Pdf pdf = ((org.openqa.selenium.PrintsPage) browser).print(options);
        byte[] bytes = java.util.Base64.getDecoder().decode(pdf.getContent());
        Path images = Files.createDirectories(Path.of("target", "html-print"));
        try (var old = Files.list(images)) { // only this run's pages
            for (Path f : old.toList()) {
                Files.delete(f);
            }
        }
        Files.write(images.resolve("report.pdf"), bytes);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 5, pages + " pages");
            org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            for (int i = 1; i <= pages; i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                String text = stripper.getText(doc);
                assertEquals(count(text, "Jan-19"), count(text, "Dec-20"), "page " + i + " splits a chart:\n" + text);
                assertFalse(text.contains("Also noted"), "page " + i);
                List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
                assertFalse(i < pages && last.matches("\\d+(\\.\\d+)? [A-Z][A-Za-z ]+"), "page " + i + " ends with "
                        + "a heading: " + last);
                javax.imageio.ImageIO.write(renderer.renderImageWithDPI(i - 1, 50), "png",
                        images.resolve("page-" + i + ".png").toFile());
            }
        }
    }

    private static int count(String text, String word) {
        return text.split(java.util.regex.Pattern.quote(word), -1).length - 1;
    }

    @Test
    void clickingParagraph121ShowsItsRuleAndPValue() {
        WebElement sentence = browser.findElement(By.cssSelector("#p-1-2-1 span[data-explain]"));
        WebElement panel = browser.findElement(By.id(sentence.getAttribute("data-explain")));
        assertFalse(panel.isDisplayed());
        sentence.click();
        assertTrue(panel.isDisplayed());
        String text = panel.getText();
        assertTrue(text.matches("(?s).*rules/narrate/[\\w/.-]+\\.drl:\\d+.*"), text);
        assertTrue(text.matches("(?s).*p = [0-9.e-]+.*"), text);
        sentence.click();
        assertFalse(panel.isDisplayed());
    }

    /**
     * One control per row, paragraph and noted item, keeping the table's semantics: no element plays a button, every
     * control is a button, a row's in its header cell; from the keyboard a paragraph's button opens all its sentences'
     * explanations.
     */
    @Test
    void eachRowAndParagraphHasOneButtonAndTheTableKeepsItsSemantics() {
        assertTrue(browser.findElements(By.cssSelector("[role=button]")).isEmpty());
        List<WebElement> rows = browser.findElements(By.cssSelector("table.perf tbody tr[data-explain]"));
        for (WebElement row : rows) {
            assertEquals(1, row.findElements(By.cssSelector("th[scope=row] button")).size(), row.getAttribute("id"));
        }
        List<WebElement> paragraphs = browser.findElements(By.cssSelector("ol.paras > li"));
        for (WebElement p : paragraphs) {
            assertEquals(1, p.findElements(By.cssSelector("p > button")).size(), p.getAttribute("id"));
        }
        WebElement button = browser.findElement(By.cssSelector("#p-1-2-2 p > button"));
        List<WebElement> panels = java.util.Arrays.stream(button.getAttribute("aria-controls").split(" "))
                .map(id -> browser.findElement(By.id(id))).toList();
        assertTrue(panels.size() >= 2, "paragraph 1.2.2 has several sentences");
        button.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertTrue(panels.stream().allMatch(WebElement::isDisplayed));
        assertEquals("true", button.getAttribute("aria-expanded"));
        button.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertTrue(panels.stream().noneMatch(WebElement::isDisplayed));
    }

    @Test
    void aTableRowOpensItsWholeExplanation() {
        WebElement row = browser.findElement(By.id("m-da-recorded-crime"));
        WebElement panel = browser.findElement(By.id("why-m-da-recorded-crime"));
        row.click();
        assertTrue(panel.isDisplayed());
        assertTrue(panel.getText().contains("Rules that nearly fired"), panel.getText());
        row.click();
    }

    @Test
    void theVictimsSectionIsCapturedAndThePageLogsNoError() throws Exception {
        WebElement victims = browser.findElement(By.cssSelector("section[aria-labelledby=pillar-1]"));
        Path shot = Path.of("target/screenshots/victims.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, victims.getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(shot) > 10_000);
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertEquals(List.of(), errors);
    }
}
