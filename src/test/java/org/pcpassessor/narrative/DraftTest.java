package org.pcpassessor.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pcpassessor.cli.ReportCommandTestAccess;

/**
 * The December 2020 draft on the bundled inputs, read as a manager would: the budget holds, no number is said twice in
 * a paragraph, the draft is under half of the one-sentence-paragraph draft it replaced, and nothing the rules found is
 * lost (the JSON places every sentence once; --full prints every one).
 */
class DraftTest {
    private static String markdown;
    private static String full;
    private static JsonNode json;

    @BeforeAll
    static void draft() throws Exception {
        markdown = ok(ReportCommandTestAccess.run("report"));
        full = ok(ReportCommandTestAccess.run("report", "--full"));
        json = new ObjectMapper().readTree(ok(ReportCommandTestAccess.run("report", "--format", "json")));
    }

    private static String ok(ReportCommandTestAccess.Run r) {
        assertEquals(0, r.exit(), r.err());
        return r.out();
    }

    /** The numbered paragraphs of a Markdown report, "1.2.1" to text, "Also noted" blocks left out. */
    static Map<String, String> paragraphs(String md) {
        Map<String, String> out = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^- (\\d+\\.\\d+\\.\\d+) (.+)$").matcher(
                md.replaceAll("(?s)<details>.*?</details>", ""));
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    @Test
    void noPriorityHasMoreThanFourParagraphsOrAParagraphMoreThanThreeSentences() {
        Map<String, Integer> perPriority = new HashMap<>();
        paragraphs(markdown).keySet().forEach(n -> perPriority.merge(n.substring(0, n.lastIndexOf('.')), 1,
                Integer::sum));
        perPriority.forEach((priority, count) -> assertTrue(count <= 4, priority + " has " + count + " paragraphs"));
        int paragraphs = 0;
        for (JsonNode pillar : json.get("commentary")) {
            for (JsonNode priority : pillar.get("priorities")) {
                for (JsonNode p : priority.get("paragraphs")) {
                    paragraphs++;
                    if (analystNote(p)) {
                        continue;
                    }
                    assertTrue(p.get("sentences").size() <= 3, p.toString());
                    // the sentences, as printed and joined, are the paragraph
                    List<String> texts = new ArrayList<>();
                    p.get("sentences").forEach(s -> texts.add(s.get("text").asText()));
                    assertEquals(p.get("text").asText(), String.join(" ", texts));
                }
            }
        }
        assertEquals(paragraphs(markdown).size(), paragraphs);
    }

    /**
     * A priority whose sentences all went under "Also noted" says so under its heading rather than showing a heading
     * with nothing under it but a folded list (Knife Crime in December 2020; counted here from the Markdown itself).
     * When every measure of it is Comparable against its benchmark (the JSON's vsBenchmark), the notice says where
     * each stands: its 12-month figure and baseline as the JSON's figures give them, formatted here.
     */
    @Test
    void aPriorityWithoutAParagraphSaysWhy() {
        Matcher sections = Pattern.compile("(?ms)^### (\\d+\\.\\d+) ([^\n]+)\n(.*?)(?=^### |^## |\\z)").matcher(markdown);
        int without = 0;
        int steady = 0;
        while (sections.find()) {
            String body = sections.group(3);
            boolean numbered = Pattern.compile("(?m)^- \\d+\\.\\d+\\.\\d+ ")
                    .matcher(body.replaceAll("(?s)<details>.*?</details>", "")).find();
            Matcher also = Pattern.compile("<summary>Also noted \\((\\d+)\\)</summary>").matcher(body);
            if (numbered || !also.find()) {
                continue;
            }
            without++;
            String n = also.group(1);
            String priority = sections.group(2);
            List<JsonNode> measures = new ArrayList<>();
            json.get("measures").forEach(m -> {
                if (m.get("priority").asText().equals(priority) && m.get("area").asText().equals("Force")) {
                    measures.add(m);
                }
            });
            assertFalse(measures.isEmpty(), priority);
            boolean allComparable = measures.stream().allMatch(m -> m.get("vsBenchmark").asText().equals("Comparable"));
            if (!allComparable) {
                assertTrue(body.contains("Nothing this month reached the commentary for this priority; " + (n.equals("1")
                        ? "its one lesser point is" : "its " + n + " lesser points are") + " under Also noted below."),
                        priority + ":\n" + body);
                continue;
            }
            steady++;
            assertTrue(body.contains("In the 12 months to December 2020, every measure of this priority was comparable "
                    + "to the year end benchmark: "), priority + ":\n" + body);
            for (JsonNode m : measures) {
                JsonNode stats = m.get("stats");
                boolean count = m.get("kind").asText().equals("count");
                String now = figure(stats.get("rolling12").asDouble(), count);
                String then = figure(stats.get("baseline").asDouble(), count);
                String year = stats.get("baselineYear").asText();
                assertTrue(body.contains(now) && body.contains("(" + year + ": " + then + ")"),
                        m.get("id").asText() + ": " + now + ", " + year + ": " + then + " in\n" + body);
            }
        }
        assertTrue(without >= 1, "December 2020 has a priority with no paragraph (Knife Crime)");
        assertTrue(steady >= 1, "Knife Crime's four measures are all Comparable in December 2020");
    }

    /** A 12-month figure as a reader sees it: a count with thousands separated, a rate as a percentage, 1 place. */
    private static String figure(double value, boolean count) {
        return count ? String.format(java.util.Locale.UK, "%,d", Math.round(value))
                : String.format(java.util.Locale.UK, "%.1f%%", value * 100);
    }

    /**
     * Numbers as a reader sees them, after taking out the dates and periods that frame them ("December 2020",
     * "2019/20", "12 month", "24 months"): no paragraph states one twice.
     */
    @Test
    void noNumberAppearsTwiceInAParagraph() {
        Pattern frame = Pattern.compile("(January|February|March|April|May|June|July|August|September|October|November"
                + "|December) \\d{4}|\\d{4}/\\d{2}|\\b\\d+ months?\\b|\\b12 month\\b");
        Pattern number = Pattern.compile("\\d[\\d,]*(\\.\\d+)?(%|ppts)?");
        paragraphs(markdown).forEach((n, text) -> {
            Map<String, Integer> seen = new HashMap<>();
            Matcher m = number.matcher(frame.matcher(text).replaceAll(""));
            while (m.find()) {
                seen.merge(m.group().replaceAll("(%|ppts)$", ""), 1, Integer::sum);
            }
            seen.forEach((value, times) -> assertEquals(1, times, n + " states " + value + " " + times + " times: "
                    + text));
        });
    }

    /**
     * The draft of December 2020 before composition (git show d9f0d28:src/test/resources/golden/report-2020-12.md)
     * had 95 one-sentence paragraphs of 2,467 words, counted as here: words of the numbered paragraphs after the
     * number. The composed draft is under half of that.
     */
    @Test
    void theDraftIsUnderHalfOfTheOneSentenceParagraphDraft() {
        int words = paragraphs(markdown).values().stream().mapToInt(t -> t.split("\\s+").length).sum();
        assertTrue(words < 2467 / 2, words + " words");
    }

    @Test
    void everySentenceIsPlacedOnceAndEveryFindingTheRulesSaidIsInTheDraftAlsoNotedOrTrivial() {
        // Every sentence of every measure (the rules' own output) appears exactly once in the commentary: in a
        // paragraph, under "Also noted", or as trivial. Sentences are matched by rule, measure, area and findings.
        Map<String, Integer> made = new HashMap<>();
        Map<String, List<String>> findingsSaid = new HashMap<>();
        for (JsonNode m : json.get("measures")) {
            for (JsonNode s : m.get("sentences")) {
                made.merge(key(m.get("id").asText(), m.get("area").asText(), s), 1, Integer::sum);
                assertTrue(s.has("placement"), s.toString());
            }
            for (JsonNode f : m.get("findings")) {
                findingsSaid.computeIfAbsent(f.get("said").asText(), k -> new ArrayList<>()).add(f.get("code").asText());
            }
        }
        Map<String, Integer> placed = new HashMap<>();
        for (JsonNode pillar : json.get("commentary")) {
            for (JsonNode priority : pillar.get("priorities")) {
                for (JsonNode p : priority.get("paragraphs")) {
                    if (!analystNote(p)) {
                        p.get("sentences").forEach(s -> placed.merge(key(s), 1, Integer::sum));
                    }
                }
                priority.get("alsoNoted").forEach(s -> placed.merge(key(s), 1, Integer::sum));
                priority.get("trivial").forEach(s -> placed.merge(key(s), 1, Integer::sum));
            }
        }
        assertEquals(made, placed);
        // Every finding is either said somewhere or said by no rule at all (the label findings of the tables), and
        // where JSON says it is said, a sentence of that place says it: the union of the places is the findings.
        findingsSaid.keySet().forEach(place -> assertTrue(place.matches("\\d+\\.\\d+\\.\\d+|alsoNoted|trivial|notSaid"),
                place));
        assertTrue(findingsSaid.containsKey("alsoNoted"), findingsSaid.keySet().toString());
        Map<String, List<String>> saidAt = new HashMap<>(); // place -> "measure/area/CODE" of its sentences' findings
        for (JsonNode pillar : json.get("commentary")) {
            for (JsonNode priority : pillar.get("priorities")) {
                for (JsonNode p : priority.get("paragraphs")) {
                    if (analystNote(p)) {
                        continue;
                    }
                    p.get("sentences").forEach(s -> s.get("findings").forEach(code -> saidAt.computeIfAbsent(
                            p.get("number").asText(), k -> new ArrayList<>()).add(key3(s, code))));
                }
                for (String list : List.of("alsoNoted", "trivial")) {
                    priority.get(list).forEach(s -> s.get("findings").forEach(code -> saidAt.computeIfAbsent(
                            priority.get("priority").asText() + "/" + list, k -> new ArrayList<>()).add(key3(s, code))));
                }
            }
        }
        int said = 0;
        for (JsonNode m : json.get("measures")) {
            for (JsonNode f : m.get("findings")) {
                String place = f.get("said").asText();
                if (place.equals("notSaid")) {
                    continue;
                }
                said++;
                String where = place.matches("\\d.*") ? place : m.get("priority").asText() + "/" + place;
                String k = m.get("id").asText() + "/" + m.get("area").asText() + "/" + f.get("code").asText();
                assertTrue(saidAt.getOrDefault(where, List.of()).contains(k), k + " is not said at " + where);
            }
        }
        assertTrue(said > 100, "findings said: " + said);
    }

    @Test
    void fullPrintsEverySentenceInItsNumberedParagraphs() throws Exception {
        JsonNode fullJson = new ObjectMapper().readTree(ok(ReportCommandTestAccess.run("report", "--full", "--format",
                "json")));
        Map<String, String> fullParagraphs = paragraphs(full);
        assertTrue(!full.contains("Also noted"), "--full lists nothing apart");
        int sentences = 0;
        for (JsonNode pillar : fullJson.get("commentary")) {
            for (JsonNode priority : pillar.get("priorities")) {
                assertEquals(0, priority.get("alsoNoted").size(), priority.toString());
                assertEquals(0, priority.get("trivial").size(), priority.toString());
                for (JsonNode p : priority.get("paragraphs")) {
                    if (analystNote(p)) {
                        continue;
                    }
                    for (JsonNode s : p.get("sentences")) {
                        sentences++;
                        assertTrue(fullParagraphs.get(p.get("number").asText()).contains(s.get("text").asText()),
                                s.toString());
                    }
                }
            }
        }
        int made = 0;
        for (JsonNode m : json.get("measures")) {
            made += m.get("sentences").size();
        }
        assertEquals(made, sentences, "--full says every sentence the rules made");
        assertTrue(String.join(" ", fullParagraphs.values()).length()
                > String.join(" ", paragraphs(markdown).values()).length());
    }

    @Test
    void importanceIsInTheJsonWithTheRuleThatGaveIt() {
        JsonNode da = null;
        for (JsonNode m : json.get("measures")) {
            if (m.get("id").asText().equals("da-recorded-crime") && m.get("area").asText().equals("Force")) {
                da = m;
            }
        }
        assertTrue(da != null);
        for (JsonNode f : da.get("findings")) {
            int sum = 0;
            for (JsonNode reason : f.get("importanceReasons")) {
                sum += reason.get("points").asInt();
                assertTrue(reason.get("source").asText().matches(".*rules/compose/importance\\.drl(\\.csv)?:\\d+"), reason.toString());
            }
            assertEquals(sum, f.get("importance").asInt(), f.toString());
        }
    }

    private static String key3(JsonNode sentence, JsonNode code) {
        return sentence.get("measure").asText() + "/" + sentence.get("area").asText() + "/" + code.asText();
    }

    private static String key(JsonNode said) {
        return key(said.get("measure").asText(), said.get("area").asText(), said);
    }

    private static String key(String measure, String area, JsonNode sentence) {
        return measure + "/" + area + "/" + sentence.get("rule").asText() + "/" + sentence.get("findings");
    }

    /**
     * An analyst's paragraph from notes/ (the bundled notes/2020-12/domestic-abuse.md gives 1.2.3): its text is the
     * analyst's, not sentences of the rules; it must say which note file and line it came from.
     */
    private static boolean analystNote(JsonNode paragraph) {
        if (!paragraph.path("analyst").asBoolean()) {
            return false;
        }
        assertTrue(paragraph.get("source").asText().startsWith("notes/"), paragraph.toString());
        assertTrue(!paragraph.has("sentences"), paragraph.toString());
        return true;
    }
}
