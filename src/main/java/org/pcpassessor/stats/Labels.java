package org.pcpassessor.stats;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Texts that depend on the months alone (which months a figure or a comparison covers: "rolling 12 months April
 * 2025 to March 2026", "sum of April 2025 to March 2026 (12 months)"), each kept once and shared by every series
 * that names the same months. A run keeps such texts in every figure and comparison of every series: at 490,176
 * series they were 13 million strings of a few hundred texts.
 *
 * <p>A text that depends on one series (a row's file and line) is not given here. A long-lived process (watch)
 * reads many months over time; past {@link #LIMIT} texts, further ones are returned as they are, unshared.
 */
final class Labels {
    /** Far more than a run names (a few texts per month and basis), small enough to never matter. */
    static final int LIMIT = 50_000;
    private static final ConcurrentHashMap<String, String> KEPT = new ConcurrentHashMap<>();

    private Labels() {
    }

    /** The kept text equal to {@code text}: the first one given, or {@code text} itself. */
    static String shared(String text) {
        String kept = KEPT.get(text);
        if (kept != null) {
            return kept;
        }
        if (KEPT.size() >= LIMIT) {
            return text;
        }
        kept = KEPT.putIfAbsent(text, text);
        return kept == null ? text : kept;
    }
}
