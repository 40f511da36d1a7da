package org.pcpassessor.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pcpassessor.catalogue.SeriesKey;
import org.pcpassessor.problem.Location;

/**
 * A sentence of commentary made by a narrate rule from one or more findings of one measure. Made in DRL with
 * {@code insert( Sentence.of("countAgainstBenchmark", $finding, ...) )}, naming an entry of the wording files
 * (rules/wording/*.yaml: ICU MessageFormat templates with named values) or giving a template of its own. A finding
 * used by a sentence is "said", and said once: when several rules say the same finding, the rule runner keeps the
 * sentence of the rule with the higher salience (then the rule written first) and drops the others, so no rule
 * guards against saying a finding twice; it then fills the kept sentences' words ({@link #said}).
 */
@Doc("A sentence of commentary made by a narrate rule from one or more findings of one measure.")
public record Sentence(
        @Doc("The measure's id.") String measureId,
        @Doc("The area.") String area,
        @Doc("True for the headline area.") boolean headline,
        @Doc("The Plan pillar.") String pillar,
        @Doc("The priority.") String priority,
        @Doc("The sentence as printed.") String text,
        @Doc("The same sentence with the subject in its short form, for a paragraph that has named it.")
        String shortText,
        @Doc("The name of the rule that made it.") String rule,
        @Doc("The package of that rule.") String rulePackage,
        @Doc("Where that rule is declared.") Location source,
        @Doc("The template it was made from.") String template,
        @Doc("The findings it says (each finding is said once: see salience).")
        List<Finding> used,
        @Doc("The rule's @rank: lower comes first within a priority (50 when not given).") int rank,
        @Doc("The rule's salience: of two sentences saying the same finding, the higher is kept (then the rule "
                + "written first).") int salience,
        @Doc("True for an aside (the rule's @aside): a caution that adds to the sentence saying its findings, kept "
                + "beside it rather than in its place.") boolean aside,
        @Doc("The values the template was filled with.") Map<String, Object> values,
        @Doc("What the rule named: an entry of rules/wording/*.yaml (once said, \"\" for a template the rule wrote).")
        String wording,
        @Doc("The entry's alternatives as said (the first is text and shortText); the composition says them in turn.")
        List<Variant> variants,
        @Doc("True when made from a list the rule collected: its values are the snapshot's and the area lists.")
        boolean listed) {

    public static final int DEFAULT_RANK = 50;

    /**
     * One alternative of a sentence's wording, as said: its text, with the subject in its short form, its template,
     * and where its words are written: the wording entry it is an alternative of, then each entry its template used
     * as a value (<code>{vsBenchmark}</code>), by name, with the file and line of each (empty for a template the rule
     * wrote).
     */
    public record Variant(String text, String shortText, String template, Map<String, Location> words) {
        public Variant {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(shortText, "shortText");
            Objects.requireNonNull(template, "template");
            words = Map.copyOf(words); // the same map when the runner passes its shared one
        }

        /** An alternative whose words are written in no wording file. */
        public Variant(String text, String shortText, String template) {
            this(text, shortText, template, Map.of());
        }
    }

    public Sentence {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(shortText, "shortText");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(template, "template");
        used = SaidFindings.copyOf(used);
        values = java.util.Collections.unmodifiableMap(values); // the runner's frozen values, not copied
        if (used.isEmpty()) {
            throw new IllegalArgumentException("a sentence must say at least one finding");
        }
        Objects.requireNonNull(wording, "wording");
        variants = variants == null || variants.isEmpty() ? List.of(new Variant(text, shortText, template))
                : List.copyOf(variants);
    }


    /**
     * A sentence about the findings, all of one measure, by the running rule: {@code wording} names an entry of the
     * wording files ({@code Sentence.of("countAgainstBenchmark", $b)}), or is a template of its own.
     */
    public static Sentence of(String template, Finding first, Finding... more) {
        List<Finding> used = new ArrayList<>();
        used.add(first);
        used.addAll(List.of(more));
        return of(template, used, false);
    }

    /**
     * A sentence about a list of findings of one measure that the rule collected ({@code $found : List( size >= 3 )
     * from collect( Finding( ... ) )}), such as the areas that differ from the headline area: its template has the
     * snapshot's values and the lists of areas ({@code Values.AREA_LISTS}: {@code {areasHigher}},
     * {@code {areaCount}}, ...), not each finding's own.
     */
    public static Sentence of(String template, List<Finding> findings) {
        if (findings == null || findings.isEmpty() || findings.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("Sentence.of(\"" + template + "\", $list) needs a list of findings "
                    + "(bound in the rule's conditions, e.g. $found : List( size >= 3 ) from collect( Finding( ... ) "
                    + "))");
        }
        return of(template, findings, true);
    }

    private static Sentence of(String template, List<Finding> used, boolean listed) {
        Origin rule = Origin.current();
        Objects.requireNonNull(template, "Sentence.of: the wording of the sentence");
        Finding first = used.get(0);
        for (Finding f : used) {
            if (!f.measureId().equals(first.measureId())) {
                throw new IllegalArgumentException("a sentence is about one measure; rule '" + rule.rule()
                        + "' passed " + first.measureId() + " and " + f.measureId());
            }
        }
        return new Sentence(first.measureId(), first.area(), first.headline(), first.pillar(), first.priority(), "",
                "", rule.rule(), rule.rulePackage(), rule.source(), template, used, rank(rule), rule.salience(),
                rule.metadata().containsKey("aside"), Map.of(), template, List.of(), listed);
    }

    /**
     * The sentence as said: its wording's alternatives filled with the values of its findings (the first is its text),
     * and those values; {@code wordingName} the entry's name, or "" for a template written in the rule. Made by the
     * rule runner once the rules have fired, for the sentences it keeps.
     */
    public Sentence said(String wordingName, List<Variant> alternatives, Map<String, Object> filledWith) {
        Variant first = alternatives.get(0);
        return new Sentence(measureId, area, headline, pillar, priority, first.text(), first.shortText(), rule,
                rulePackage, source, first.template(), used, rank, salience, aside, filledWith, wordingName,
                alternatives, listed);
    }

    /** Whether the runner has said it (its wording filled in). */
    public boolean isSaid() {
        return !text.isEmpty();
    }

    private static int rank(Origin rule) {
        Object rank = rule.metadata().get("rank");
        if (rank == null) {
            return DEFAULT_RANK;
        }
        try {
            return Integer.parseInt(rank.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rule '" + rule.rule() + "': @rank must be a whole number, not '"
                    + rank + "'");
        }
    }

    public SeriesKey key() {
        return new SeriesKey(measureId, area);
    }

    public List<String> findingCodes() {
        return Finding.codes(used);
    }

    /**
     * The figures the sentence states: each formatted value ({@code currentText}, {@code baselineText}, ...) that
     * appears in its text as a number of its own ("1,057" but not the "57" of it), in name order.
     */
    public java.util.SortedSet<String> statedFigures() {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        values.forEach((name, value) -> {
            if (name.endsWith("Text") && value instanceof String v && !v.equals("-") && !v.isBlank()
                    && standsAlone(text, v)) {
                out.add(v);
            }
        });
        return out;
    }

    /**
     * Whether {@code v} occurs in {@code text} with no digit, '.' or ',' just before it and neither a digit nor a
     * '.' or ',' and a digit just after it: the regular expression {@code (?<![\d.,])v(?![\d]|[.,]\d)}, tested
     * at each occurrence (a pattern compiled per figure and sentence was two fifths of assembling a big report).
     */
    static boolean standsAlone(String text, String v) {
        for (int i = text.indexOf(v); i >= 0; i = text.indexOf(v, i + 1)) {
            char before = i == 0 ? ' ' : text.charAt(i - 1);
            int j = i + v.length();
            boolean digitAfter = j < text.length() && digit(text.charAt(j));
            boolean decimalAfter = j + 1 < text.length() && (text.charAt(j) == '.' || text.charAt(j) == ',')
                    && digit(text.charAt(j + 1));
            if (!digit(before) && before != '.' && before != ',' && !digitAfter && !decimalAfter) {
                return true;
            }
        }
        return false;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return "Sentence[" + measureId + "/" + area + " by '" + rule + "': " + text + "]";
    }
}
