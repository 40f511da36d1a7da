package org.pcpassessor.catalogue;

/**
 * How much the draft says about a priority (catalogue {@code report.budget}, or a priority's own {@code budget}): at
 * most {@code paragraphs} generated paragraphs, each of at most {@code sentences} sentences, and after a paragraph's
 * first sentence only sentences of importance {@code threshold} or more (the compose rules give the points). What
 * falls outside is listed under "Also noted", never dropped; {@code report --full} lifts the budget.
 */
public record Budget(int paragraphs, int sentences, int threshold) {
    /**
     * Two to four quantitative paragraphs per priority, a few sentences each, as the source reports write; a
     * further sentence must matter more than a 12-month high or a trend alone (10 points each in
     * rules/compose/importance.drl).
     */
    public static final Budget DEFAULT = new Budget(4, 3, 15);
    /** No limit: everything the rules said ({@code --full}). */
    public static final Budget UNLIMITED = new Budget(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE);
    /** The most either limit may be set to in a catalogue (beyond it, a typing error: use --full). */
    public static final int MAX = 99;
    /** The scale of importance points: a threshold, and what one compose rule gives, lie from minus this to this. */
    public static final int MAX_POINTS = 1000;

    public Budget {
        if (paragraphs < 1 || sentences < 1) {
            throw new IllegalArgumentException("a budget allows at least one paragraph of one sentence");
        }
    }
}
