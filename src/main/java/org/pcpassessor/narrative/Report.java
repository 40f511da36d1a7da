package org.pcpassessor.narrative;

import java.time.YearMonth;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.pcpassessor.facts.Sentence;
import java.util.Objects;
import org.pcpassessor.catalogue.Catalogue;
import org.pcpassessor.audit.AuditEvent;

/**
 * The assembled report: per pillar, the table rows (headline area) and per priority the numbered paragraphs in
 * order of importance; and per measure and area everything behind them.
 */
public record Report(Catalogue catalogue, YearMonth month, String intro, List<PillarSection> pillars,
                     List<MeasureReport> measures, List<AuditEvent> audit) {

    public Report {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(intro, "intro");
        pillars = List.copyOf(pillars);
        measures = List.copyOf(measures);
        audit = List.copyOf(audit);
    }

    /**
     * Where the composition put a sentence: {@code place} is its paragraph's number ("1.2.1"), {@code alsoNoted} or
     * {@code trivial}; {@code said} gives its importance, its words as printed and why it is not in the draft.
     */
    public record Placement(String place, Said said) {
        public static final String ALSO_NOTED = "alsoNoted";
        public static final String TRIVIAL = "trivial";

        public boolean drafted() {
            return !place.equals(ALSO_NOTED) && !place.equals(TRIVIAL);
        }
    }

    /** The number of a paragraph, as printed: pillar, priority and paragraph, each counted from 1. */
    public static String number(int pillar, int priority, int paragraph) {
        return pillar + "." + priority + "." + paragraph;
    }

    /** Every sentence of the report with its placement (identity: two sentences may have the same words). */
    public Map<Sentence, Placement> placements() {
        Map<Sentence, Placement> out = new IdentityHashMap<>();
        for (int i = 0; i < pillars.size(); i++) {
            List<PrioritySection> sections = pillars.get(i).priorities();
            for (int j = 0; j < sections.size(); j++) {
                PrioritySection s = sections.get(j);
                for (int k = 0; k < s.paragraphs().size(); k++) {
                    String place = number(i + 1, j + 1, k + 1);
                    s.paragraphs().get(k).sentences().forEach(x -> out.put(x.sentence(), new Placement(place, x)));
                }
                s.alsoNoted().forEach(x -> out.put(x.sentence(), new Placement(Placement.ALSO_NOTED, x)));
                s.trivial().forEach(x -> out.put(x.sentence(), new Placement(Placement.TRIVIAL, x)));
            }
        }
        return out;
    }

    /** A pillar: its table rows grouped by priority, and its commentary. */
    public record PillarSection(String name, String heading, List<PrioritySection> priorities) {
        public PillarSection {
            priorities = List.copyOf(priorities);
        }
    }

    /**
     * A priority: the heading the draft gives it (its name, or the headline priority's heading from the wording);
     * the notices said under it (measures no longer published, why there is no paragraph); its table rows (the
     * headline area's measure reports, in catalogue order); its numbered paragraphs, most important first, with the
     * analysts' paragraphs among them; what the budget left out ("Also noted"); what the rules found too slight to
     * say (trivial); and every sentence the rules made for it.
     */
    public record PrioritySection(String name, boolean headlines, String heading, List<String> notices,
                                  List<MeasureReport> rows, List<Paragraph> paragraphs, List<Said> alsoNoted,
                                  List<Said> trivial, List<org.pcpassessor.facts.Sentence> sentences) {
        public PrioritySection {
            Objects.requireNonNull(heading, "heading");
            notices = List.copyOf(notices);
            rows = List.copyOf(rows);
            paragraphs = List.copyOf(paragraphs);
            alsoNoted = List.copyOf(alsoNoted);
            trivial = List.copyOf(trivial);
            sentences = List.copyOf(sentences);
        }
    }
}
