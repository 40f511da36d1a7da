package org.pcpassessor.facts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fact whose fields justify a finding; {@link #evidence()} is what the JSON report, explain and templates see.
 */
public interface Evidence {
    String measureId();

    String area();

    Snapshot snapshot();

    /** The values behind the finding, in a stable order; always at least the keys of {@link #keysOf}. */
    Map<String, Object> evidence();

    /** Which comparison or series the evidence is about ("benchmark", "monthly", "rolling12", ...). */
    String basis();

    /** What the numbers did. */
    Direction directionOfChange();

    /** Whether the change is definite (a significant test, a high or low, a run, a special cause). */
    boolean definite();

    /** The fact types a finding can rest on, by simple name. */
    List<Class<? extends Evidence>> TYPES = List.of(Comparison.class, Extreme.class, Streak.class, Trend.class,
            SpcSignal.class, DataIssue.class);

    /** The evidence keys a fact type always gives (a test's extra details may add more). */
    static List<String> keysOf(Class<?> type) {
        if (type == Comparison.class) {
            return Comparison.EVIDENCE_KEYS;
        } else if (type == Extreme.class) {
            return Extreme.EVIDENCE_KEYS;
        } else if (type == Streak.class) {
            return Streak.EVIDENCE_KEYS;
        } else if (type == Trend.class) {
            return Trend.EVIDENCE_KEYS;
        } else if (type == SpcSignal.class) {
            return SpcSignal.EVIDENCE_KEYS;
        } else if (type == DataIssue.class) {
            return DataIssue.EVIDENCE_KEYS;
        }
        return List.of();
    }

    /** The bases (Finding.basis values) a fact type's findings can have. */
    static List<String> basesOf(Class<?> type) {
        if (type == Comparison.class) {
            return org.pcpassessor.catalogue.Basis.ids();
        } else if (type == Trend.class) {
            return List.of(Series.ROLLING12);
        } else if (type == SpcSignal.class || type == DataIssue.class) {
            return List.of(Series.MONTHLY);
        }
        return Series.ALL;
    }

    static Optional<Class<? extends Evidence>> type(String simpleName) {
        return TYPES.stream().filter(t -> t.getSimpleName().equals(simpleName)).findFirst();
    }

    /** The names of the two series highs, lows and runs are found in. */
    final class Series {
        public static final String MONTHLY = "monthly";
        public static final String ROLLING12 = "rolling12";
        public static final List<String> ALL = List.of(MONTHLY, ROLLING12);

        private Series() {
        }
    }
}
