package org.pcpassessor.narrative;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.pcpassessor.catalogue.Budget;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.catalogue.Priority;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.Importance;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.facts.Trivial;
import org.pcpassessor.notes.NoteFile;

/**
 * Composes a priority's commentary from the sentences the narrate rules made, with the importance the compose
 * rules gave their findings:
 * <ol>
 *   <li>a sentence whose findings are all trivial is not said (listed as trivial);</li>
 *   <li>sentences are grouped by topic (a measure, or the measures the catalogue gives one {@code topic}); a topic's
 *       importance is that of its most important sentence, and topics go most important first, pinned ones (notes)
 *       before all, suppressed ones (notes) left out;</li>
 *   <li>each priority keeps at most its budget of paragraphs, each paragraph at most its budget of sentences, taken
 *       most important first; after a paragraph's first sentence only those of the budget's threshold of importance
 *       or more, and none that states a figure the paragraph already states;</li>
 *   <li>once a paragraph has named a measure, later sentences about it use the catalogue's short form;</li>
 *   <li>the analysts' paragraphs follow the paragraph of the topic they first cite, or come last.</li>
 * </ol>
 * Nothing is lost: every sentence not in a paragraph is in "Also noted" or trivial, with the reason. With
 * {@code full}, every sentence is said, trivial ones too, with no budget and no figure skipped.
 */
public final class Composer {
    private Composer() {
    }

    /** A priority's composed commentary. */
    public record Composed(List<Paragraph> paragraphs, List<Said> alsoNoted, List<Said> trivial) {
    }

    /** The importance points and trivial marks the compose rules gave, by finding. */
    public static final class Scores {
        private final Map<Finding, Integer> points = new IdentityHashMap<>();
        private final Map<Finding, List<String>> trivial = new IdentityHashMap<>();

        public Scores(List<Importance> importance, List<Trivial> trivialMarks) {
            importance.forEach(i -> points.merge(i.finding(), i.points(), Integer::sum));
            trivialMarks.forEach(t -> trivial.computeIfAbsent(t.finding(), f -> new ArrayList<>()).add(t.reason()));
            trivial.values().forEach(reasons -> reasons.sort(Comparator.naturalOrder()));
        }

        /** The sum of a finding's points (0 when no rule gave any). */
        public int points(Finding f) {
            return points.getOrDefault(f, 0);
        }

        /**
         * A sentence's importance: the sum over the findings it says, of which at most two of one code and basis
         * count (the two with most points): a sentence that lists the areas differing from the headline area counts
         * as one that names two, whether the force has three areas or a thousand (the areas' points would otherwise
         * put the list before the measure's own sentences).
         */
        public int importance(Sentence s) {
            Map<List<String>, List<Integer>> byCode = new java.util.HashMap<>();
            for (Finding f : s.used()) {
                byCode.computeIfAbsent(List.of(f.code(), f.basis()), k -> new ArrayList<>()).add(points(f));
            }
            return byCode.values().stream().mapToInt(given -> given.stream().sorted(Comparator.reverseOrder())
                    .limit(2).mapToInt(Integer::intValue).sum()).sum();
        }

        /** Why each of a sentence's findings is trivial, when all of them are; empty otherwise. */
        public Optional<String> trivial(Sentence s) {
            Set<String> reasons = new LinkedHashSet<>();
            for (Finding f : s.used()) {
                List<String> r = trivial.get(f);
                if (r == null) {
                    return Optional.empty();
                }
                reasons.addAll(r);
            }
            return Optional.of(String.join("; ", reasons));
        }
    }

    /**
     * Composes one priority.
     *
     * @param sentences the priority's sentences in the stable report order (rank, measure, area, ...)
     * @param fill      the text of a notes paragraph with its placeholders filled
     */
    public static Composed compose(Priority priority, List<Sentence> sentences, Scores scores,
                                   Optional<NoteFile> note, Function<NoteFile.Paragraph, String> fill, boolean full) {
        return compose(priority, sentences, scores, note, fill, full, new Variation());
    }

    /**
     * As {@link #compose(Priority, List, Scores, Optional, Function, boolean)}, saying each sentence in the
     * alternative of its wording that {@code variation} (one per report, in report order) gives it.
     */
    static Composed compose(Priority priority, List<Sentence> sentences, Scores scores, Optional<NoteFile> note,
                            Function<NoteFile.Paragraph, String> fill, boolean full, Variation variation) {
        Budget budget = full ? Budget.UNLIMITED : priority.budget();
        Map<String, Measure> measures = new LinkedHashMap<>();
        priority.measures().forEach(m -> measures.put(m.id(), m));
        List<Said> alsoNoted = new ArrayList<>();
        List<Said> trivial = new ArrayList<>();
        Map<String, List<Scored>> byTopic = new LinkedHashMap<>();
        for (String topic : priority.measures().stream().map(Measure::topic).distinct().toList()) {
            byTopic.put(topic, new ArrayList<>());
        }
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            int importance = scores.importance(s);
            Optional<String> slight = scores.trivial(s);
            if (slight.isPresent() && !full) {
                trivial.add(new Said(s, importance, s.text(), "trivial: " + slight.get()));
                continue;
            }
            Measure m = measures.get(s.measureId());
            byTopic.computeIfAbsent(m == null ? s.measureId() : m.topic(), t -> new ArrayList<>())
                    .add(new Scored(s, importance, i));
        }
        byTopic.values().removeIf(List::isEmpty);
        Set<String> pinned = note.map(NoteFile::pin).orElse(Set.of());
        Set<String> suppressed = note.map(NoteFile::suppress).orElse(Set.of());
        List<String> order = new ArrayList<>(byTopic.keySet());
        Map<String, Integer> catalogueOrder = new LinkedHashMap<>();
        order.forEach(t -> catalogueOrder.put(t, catalogueOrder.size()));
        order.sort(Comparator.<String, Boolean>comparing(t -> !pinned.contains(t))
                .thenComparing(t -> -byTopic.get(t).stream().mapToInt(Scored::importance).max().orElse(0))
                .thenComparing(catalogueOrder::get));

        List<Paragraph> paragraphs = new ArrayList<>();
        for (String topic : order) {
            List<Scored> candidates = new ArrayList<>(byTopic.get(topic));
            // most important first; ties keep the report order (the rules' @rank, then measure and area)
            candidates.sort(Comparator.comparingInt((Scored c) -> -c.importance()).thenComparingInt(Scored::order));
            if (suppressed.contains(topic) && !full) {
                candidates.forEach(c -> alsoNoted.add(c.noted("left out this month by " + note.get().source().file())));
                continue;
            }
            if (paragraphs.size() >= budget.paragraphs() && !pinned.contains(topic)) {
                candidates.forEach(c -> alsoNoted.add(c.noted("beyond the priority's budget of " + budget.paragraphs()
                        + " paragraphs")));
                continue;
            }
            if (!full && noNews(candidates.get(0).sentence())) {
                // a paragraph opens with its news: the most important sentence that says more than "comparable",
                // if it reaches the budget's threshold, leads, and a "comparable" sentence may follow as context
                candidates.stream().filter(c -> !noNews(c.sentence()) && c.importance() >= budget.threshold())
                        .findFirst().ifPresent(news -> {
                    candidates.remove(news);
                    candidates.add(0, news);
                });
            }
            List<Scored> accepted = new ArrayList<>();
            SortedSet<String> stated = new TreeSet<>();
            for (Scored c : candidates) {
                Sentence s = c.sentence();
                SortedSet<String> figures = s.statedFigures();
                SortedSet<String> again = new TreeSet<>(figures);
                again.retainAll(stated);
                if (accepted.size() >= budget.sentences()) {
                    alsoNoted.add(c.noted("beyond the paragraph's budget of " + budget.sentences() + " sentences"));
                } else if (!accepted.isEmpty() && c.importance() < budget.threshold()) {
                    alsoNoted.add(c.noted("importance " + c.importance() + " is under the budget's threshold of "
                            + budget.threshold()));
                } else if (!full && !again.isEmpty()) {
                    alsoNoted.add(c.noted("states " + String.join(", ", again) + " again"));
                } else if (!full && accepted.stream().anyMatch(x -> x.sentence().text().equals(s.text()))) {
                    alsoNoted.add(c.noted("says what the paragraph already says"));
                } else {
                    accepted.add(c);
                    stated.addAll(figures);
                }
            }
            if (!full && !pinned.contains(topic) && accepted.stream().allMatch(c -> noNews(c.sentence()))) {
                // nothing but "comparable": no numbered paragraph (a Board paper gives none to "no change")
                accepted.forEach(c -> alsoNoted.add(c.noted("no significant change to report: its paragraph would "
                        + "say only that the measure is comparable")));
                continue;
            }
            List<Said> chosen = new ArrayList<>();
            for (Scored c : accepted) {
                int variant = variation.say(c.sentence(), chosen.isEmpty());
                chosen.add(new Said(c.sentence(), c.importance(), c.sentence().variants().get(variant).text(), "",
                        variant));
            }
            chosen = shortened(chosen);
            String text = String.join(" ", chosen.stream().map(Said::text).toList());
            paragraphs.add(new Paragraph(topic, chosen, text, chosen.get(0).importance(), Optional.empty()));
        }
        if (note.isPresent()) {
            paragraphs = withNotes(paragraphs, note.get(), fill);
        }
        return new Composed(paragraphs, alsoNoted, trivial);
    }

    /**
     * The findings that are no news on their own: a measure comparable with its benchmark or last year, or a
     * long-term trend now flat. A paragraph whose sentences would say only these is not made (they are listed under
     * "Also noted"), as a Board paper does not give a paragraph to "no change"; nor is it counted in the budget.
     */
    static final Set<String> NO_NEWS = Set.of("COMPARABLE", "TREND_FLAT");

    private static boolean noNews(Sentence s) {
        return s.used().stream().allMatch(f -> NO_NEWS.contains(f.code()));
    }

    /**
     * The chosen sentences with the subject in its short form once the paragraph has named it ("these crimes", "the
     * rate"), unless another measure of the paragraph has the same short form (two rates of a pair).
     */
    private static List<Said> shortened(List<Said> chosen) {
        Map<String, Set<String>> measuresByShort = new LinkedHashMap<>();
        chosen.forEach(x -> measuresByShort.computeIfAbsent(shortOf(x.sentence()), k -> new TreeSet<>())
                .add(x.sentence().measureId()));
        Set<String> named = new LinkedHashSet<>();
        List<Said> out = new ArrayList<>();
        for (Said x : chosen) {
            Sentence s = x.sentence();
            boolean again = !named.add(s.measureId() + "\u0000" + s.area());
            boolean unambiguous = measuresByShort.get(shortOf(s)).size() == 1;
            out.add(again && unambiguous ? new Said(s, x.importance(), x.wording().shortText(), x.why(), x.variant())
                    : x);
        }
        return out;
    }

    private static String shortOf(Sentence s) {
        return s.used().get(0).snapshot().shortSubject();
    }

    /** The analysts' paragraphs placed after the paragraph of the topic they first cite, or at the end. */
    private static List<Paragraph> withNotes(List<Paragraph> generated, NoteFile note,
                                             Function<NoteFile.Paragraph, String> fill) {
        List<Paragraph> out = new ArrayList<>();
        List<NoteFile.Paragraph> placed = new ArrayList<>();
        for (Paragraph p : generated) {
            out.add(p);
            for (NoteFile.Paragraph n : note.paragraphs()) {
                if (!n.after().isEmpty() && n.after().equals(p.topic())) {
                    out.add(analyst(n, fill));
                    placed.add(n);
                }
            }
        }
        note.paragraphs().stream().filter(n -> !placed.contains(n)).forEach(n -> out.add(analyst(n, fill)));
        return out;
    }

    private static Paragraph analyst(NoteFile.Paragraph n, Function<NoteFile.Paragraph, String> fill) {
        return new Paragraph(n.after(), List.of(), fill.apply(n), 0, Optional.of(n.at()));
    }

    private record Scored(Sentence sentence, int importance, int order) {
        /** The sentence as said in full, and why it is where it is ("" in the draft). */
        Said noted(String why) {
            return new Said(sentence, importance, sentence.text(), why);
        }
    }
}
