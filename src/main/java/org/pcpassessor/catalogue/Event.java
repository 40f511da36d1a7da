package org.pcpassessor.catalogue;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pcpassessor.problem.Location;

/**
 * Something an analyst knows happened to a measure's data, declared in the catalogue ({@code events:} of a measure,
 * or at the top for every measure): a break in supply, a change of recording practice or of system, a lockdown. A
 * declared event wins over what the data checks would find in the same months; it is said where it explains a
 * change, shown by {@code explain} and marked on the charts.
 *
 * @param month  the first month the event concerns
 * @param to     the last month, for an event of several months (a lockdown); empty for an event of one month
 * @param kind   what happened
 * @param text   the analyst's short description, as sentences quote it ("the move to the new crime system")
 * @param spc    what the SPC chart does with it: rebase its limits from the month, leave the months out of the
 *               limits (shown, ghosted), or nothing
 * @param forAll declared at the top of the catalogue, for every measure
 * @param source where it is declared
 */
public record Event(YearMonth month, Optional<YearMonth> to, Kind kind, String text, Spc spc, boolean forAll,
                    Location source) {

    /** What happened. */
    public enum Kind {
        SUPPLY_BREAK("supply-break", Spc.NONE),
        RECORDING_CHANGE("recording-change", Spc.REBASE),
        SYSTEM_CHANGE("system-change", Spc.REBASE),
        LOCKDOWN("lockdown", Spc.EXCLUDE),
        OTHER("other", Spc.NONE);

        private final String yamlName;
        private final Spc spc;

        Kind(String yamlName, Spc spc) {
            this.yamlName = yamlName;
            this.spc = spc;
        }

        public String yamlName() {
            return yamlName;
        }

        /** What the SPC chart does with an event of this kind unless the catalogue says otherwise. */
        public Spc defaultSpc() {
            return spc;
        }

        public static Optional<Kind> parse(String text) {
            return byName(values(), Kind::yamlName, text);
        }

        public static List<String> names() {
            return java.util.Arrays.stream(values()).map(Kind::yamlName).toList();
        }
    }

    /** What an event does to the SPC chart (Making Data Count: recalculate the limits, or ghost the months). */
    public enum Spc {
        /** The limits are recalculated from the event's month on; earlier months are shown without them. */
        REBASE("rebase"),
        /** The event's months are shown but left out of the mean and limits, and never read as special cause. */
        EXCLUDE("exclude"),
        NONE("none");

        private final String yamlName;

        Spc(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }

        public static Optional<Spc> parse(String text) {
            return byName(values(), Spc::yamlName, text);
        }

        public static List<String> names() {
            return java.util.Arrays.stream(values()).map(Spc::yamlName).toList();
        }
    }

    /** The constant whose catalogue name is the text. */
    private static <E> Optional<E> byName(E[] values, java.util.function.Function<E, String> name, String text) {
        return java.util.Arrays.stream(values).filter(v -> name.apply(v).equals(text)).findFirst();
    }

    public Event {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(spc, "spc");
        Objects.requireNonNull(source, "source");
        if (to.isPresent() && to.get().isBefore(month)) {
            throw new IllegalArgumentException("an event ends (" + to.get() + ") before it starts (" + month + ")");
        }
        if (kind == Kind.SUPPLY_BREAK && to.isPresent()) {
            throw new IllegalArgumentException("a supply break has no end month: the series stops");
        }
    }

    /** The last month the event concerns: {@code to}, or its month. */
    public YearMonth last() {
        return to.orElse(month);
    }

    /** Whether the event concerns the month. */
    public boolean covers(YearMonth m) {
        return !m.isBefore(month) && !m.isAfter(last());
    }
}
