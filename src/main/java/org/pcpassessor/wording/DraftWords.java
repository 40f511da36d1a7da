package org.pcpassessor.wording;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The draft's own words, in {@code rules/wording/draft.yaml} beside the sentences' words: the paragraph under the
 * title and the notices under a priority's heading. Each entry is filled with the values listed here, and may name
 * any phrase ({@code {theBenchmark}}); {@code check} proves each entry is there and names nothing else.
 */
public final class DraftWords {
    /** The file of the draft's own words in a rules folder's wording folder. */
    public static final String FILE = "draft.yaml";

    /** Each entry the draft says, with the values it is filled with, in the order the draft says them. */
    public static final Map<String, Set<String>> ENTRIES = entries();

    private DraftWords() {
    }

    private static Map<String, Set<String>> entries() {
        Map<String, Set<String>> e = new LinkedHashMap<>();
        // the paragraph under the title: the first always; of the next three, the one for what the catalogue holds
        // (counts all tested by quasi-Poisson, rates or proportions, both); the last always
        e.put("draftIntro", Set.of("period", "area", "confidence"));
        e.put("draftIntroCounts", Set.of());
        e.put("draftIntroRates", Set.of());
        e.put("draftIntroCountsAndRates", Set.of());
        e.put("draftIntroEnd", Set.of());
        // the heading of a pillar's headline priority
        e.put("headlinesHeading", Set.of());
        // the notices under a priority's heading
        e.put("noticeDiscontinued", Set.of("list"));
        e.put("noticeOnlyTrivial", Set.of("count"));
        e.put("noticeNoData", Set.of("month"));
        e.put("noticeNothingFound", Set.of());
        e.put("noticeOnlyAlsoNoted", Set.of("count"));
        e.put("noticeSteady", Set.of("count", "period", "list"));
        e.put("noticeSteadyItem", Set.of("kind", "subject", "rolling12Text", "baselineText", "baselineYear"));
        return java.util.Collections.unmodifiableMap(e);
    }

    /**
     * The entry filled with {@code values}, which must be those {@link #ENTRIES} lists for it. An entry is said in its
     * first wording (alternatives, which sentences take in turn, are not used for the draft's one opening). Throws
     * {@link Unsaid} at the entry's line when it cannot be filled (check proves each entry, so a run that got this
     * far does not).
     */
    public static String say(Phrases phrases, String entry, Map<String, Object> values) {
        if (!ENTRIES.containsKey(entry)) {
            throw new IllegalArgumentException("not a draft entry: " + entry);
        }
        List<String> alternatives = phrases.alternatives(entry);
        if (alternatives.isEmpty()) {
            throw new Unsaid(org.pcpassessor.problem.Location.of(FILE), "wording '" + entry
                    + "' is missing: the draft says it");
        }
        try {
            return Values.format(alternatives.get(0), values, phrases, "draft");
        } catch (Values.TemplateException e) {
            throw new Unsaid(phrases.location(entry), e.getMessage());
        }
    }

    /** A draft entry that could not be said, at its file:line. */
    public static final class Unsaid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient org.pcpassessor.problem.Location at;

        Unsaid(org.pcpassessor.problem.Location at, String message) {
            super(message, null, false, false);
            this.at = at;
        }

        public org.pcpassessor.problem.Location at() {
            return at;
        }
    }
}
