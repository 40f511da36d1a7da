package org.pcpassessor.problem;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean ...?" for misspelt keys, ids and names. */
public final class Suggestions {
    private Suggestions() {
    }

    /** The known names closest to {@code given} (edit distance at most a third of its length, at least 2), best first. */
    public static List<String> closest(String given, Collection<String> known, int limit) {
        String g = given.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, g.length() / 3);
        record Candidate(String name, int distance) {
        }
        return known.stream()
                .distinct()
                .map(k -> new Candidate(k, distance(g, k.toLowerCase(Locale.ROOT))))
                .filter(c -> c.distance() <= allowed)
                .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
                .limit(limit)
                .map(Candidate::name)
                .toList();
    }

    /** Levenshtein distance; small and self-contained, so no text library is pulled in for one function. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** " (did you mean 'x'?)" or "" when nothing is close. */
    public static String didYouMean(String given, Collection<String> known) {
        List<String> best = closest(given, known, 3);
        if (best.isEmpty()) {
            return "";
        }
        return " (did you mean " + String.join(" or ", best.stream().map(s -> "'" + s + "'").toList()) + "?)";
    }
}
