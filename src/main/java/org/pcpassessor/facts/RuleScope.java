package org.pcpassessor.facts;

import java.util.Map;
import java.util.Objects;
import org.pcpassessor.problem.Location;

/**
 * The rule whose consequence is running, so that {@code Finding.of}, {@code Sentence.of} and
 * {@code TableLabel.of} know which rule made them (name, file:line, {@code @rank}) without the rule passing
 * {@code kcontext}. The rule runner enters the scope before each consequence and leaves it after; a session runs
 * its consequences on one thread.
 */
public final class RuleScope {
    /**
     * The running rule, where it is declared, its salience (of two sentences that say the same finding, the one
     * made by the rule of higher salience is kept), and the wording of its rules folder.
     */
    public record Current(String rule, String rulePackage, Location source, Map<String, Object> metadata,
                          int salience, Phrases phrases) {
        public Current {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(source, "source");
            metadata = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(metadata)); // @rare has no value
            Objects.requireNonNull(phrases, "phrases");
        }

        /** The same rule firing at another salience (a salience written as an expression may vary by match). */
        public Current withSalience(int other) {
            return other == salience ? this : new Current(rule, rulePackage, source, metadata, other, phrases);
        }
    }

    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    private RuleScope() {
    }

    public static void enter(Current current) {
        CURRENT.set(current);
    }

    public static void exit() {
        CURRENT.remove();
    }

    /** The running rule; fails outside a rule's consequence. */
    public static Current current() {
        Current c = CURRENT.get();
        if (c == null) {
            throw new IllegalStateException("Finding.of, Sentence.of and TableLabel.of are for a rule's consequence");
        }
        return c;
    }
}
