package org.pcpassessor.wording;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.facts.Snapshot;
import org.pcpassessor.facts.TableLabel;

/**
 * The words of what the rules made: a sentence's or table label's wording entry ({@code rules/wording/*.yaml}) or
 * template, filled with the values of its findings. The rules say which sentence, about which findings; this puts
 * the words in, once the rule runner has kept each finding's sentence.
 */
public final class Wording {
    private Wording() {
    }

    /** A sentence as said: each alternative of the entry it names (or its own template) filled in. */
    public static Sentence said(Sentence s, Phrases phrases) {
        String named = s.wording();
        boolean entry = Phrases.isName(named) && phrases.template(named).isPresent();
        List<String> templates = entry ? phrases.alternatives(named) : List.of(named);
        Finding first = s.used().get(0);
        List<Sentence.Variant> variants = new ArrayList<>(templates.size());
        Map<String, Object> values = null;
        for (String t : templates) {
            Values.Filled filled = Values.sentence(t, first.snapshot(), s.used(), s.listed(), phrases, s.rule());
            String shortText = filled.text().equals(filled.shortText()) || counts(filled.shortText(), first.snapshot())
                    ? filled.text() : filled.shortText();
            variants.add(new Sentence.Variant(filled.text(), shortText, t, words(entry ? named : null,
                    filled.values(), phrases)));
            if (values == null) {
                values = LayeredValues.frozen(filled.values()); // sharing the session's unmodifiable snapshot values
            } else { // a later alternative's phrases too, for explain to show whichever is said
                Map<String, Object> all = new LinkedHashMap<>(values);
                filled.values().forEach(all::putIfAbsent);
                values = java.util.Collections.unmodifiableMap(all);
            }
        }
        return s.said(entry ? named : "", variants, values);
    }

    /**
     * Where an alternative's words are written: its entry (when it is one), then each wording entry among the values
     * its template was filled with, in the order filled.
     */
    private static Map<String, org.pcpassessor.problem.Location> words(String entry, Map<String, Object> values,
                                                                     Phrases phrases) {
        Map<String, org.pcpassessor.problem.Location> words = new LinkedHashMap<>();
        if (entry != null) {
            words.put(entry, phrases.location(entry));
        }
        for (String name : values.keySet()) {
            if (phrases.template(name).isPresent()) {
                words.putIfAbsent(name, phrases.location(name));
            }
        }
        return intern(Map.copyOf(words));
    }

    /**
     * One map for every alternative whose words come from the same entries: a national report says millions of
     * sentences from a few hundred combinations, and a map each would hold hundreds of megabytes.
     */
    private static final java.util.concurrent.ConcurrentHashMap<Map<String, org.pcpassessor.problem.Location>,
            Map<String, org.pcpassessor.problem.Location>> WORDS = new java.util.concurrent.ConcurrentHashMap<>();
    /** Beyond this many combinations (a long watch of many edits) the interned maps are dropped and begun again. */
    private static final int MAX_INTERNED = 10_000;

    private static Map<String, org.pcpassessor.problem.Location> intern(
            Map<String, org.pcpassessor.problem.Location> words) {
        if (WORDS.size() > MAX_INTERNED) {
            WORDS.clear();
        }
        Map<String, org.pcpassessor.problem.Location> kept = WORDS.putIfAbsent(words, words);
        return kept == null ? words : kept;
    }

    /** A table label as said: its entry's (or template's) word for its finding. */
    public static TableLabel said(TableLabel label, Phrases phrases) {
        String named = label.wording();
        String words = Phrases.isName(named) ? phrases.template(named).orElse(named) : named;
        return label.said(Values.format(words, Values.forTemplate(words, label.finding()), phrases, label.rule()));
    }

    /**
     * Whether the short text counts its subject ("86 these offences"): then the sentence keeps its full subject in
     * a paragraph that has named it.
     */
    static boolean counts(String shortText, Snapshot s) {
        // the regular expression \d <subject>, case-insensitive in ASCII as Pattern.CASE_INSENSITIVE is, by a scan
        // (a pattern compiled per sentence)
        String subject = s.shortSubject();
        for (int i = 0; i + 2 + subject.length() <= shortText.length(); i++) {
            if (digit(shortText.charAt(i)) && shortText.charAt(i + 1) == ' ' && sameIgnoringAsciiCase(shortText,
                    i + 2, subject)) {
                return true;
            }
        }
        return false;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean sameIgnoringAsciiCase(String text, int at, String part) {
        for (int k = 0; k < part.length(); k++) {
            char a = text.charAt(at + k);
            char b = part.charAt(k);
            if (a != b && !(a < 128 && b < 128 && Character.toLowerCase(a) == Character.toLowerCase(b))) {
                return false;
            }
        }
        return true;
    }
}
