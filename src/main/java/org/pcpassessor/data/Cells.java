package org.pcpassessor.data;

import java.util.Optional;
import org.pcpassessor.catalogue.Kind;

/**
 * What a month's figures may be, for each kind of measure: one rule for data files and scenarios alike. Counts and
 * medians are a value (numerator, with denominator 1); rates and proportions a numerator and a denominator.
 */
public final class Cells {
    /**
     * The largest value a cell may hold: far above any force's counts, and small enough that every test's arithmetic
     * (exact binomial and Fisher tests on counts) stays exact.
     */
    public static final double MAX_VALUE = 1e9;

    /** What is wrong and in which field ("value", "numerator" or "denominator"). */
    public record Violation(String field, String message) {
    }

    private Cells() {
    }

    /** The first rule a month's figures break, if any. */
    public static Optional<Violation> check(Kind kind, double numerator, double denominator) {
        String first = kind.hasDenominator() ? "numerator" : "value";
        if (!Double.isFinite(numerator) || Math.abs(numerator) > MAX_VALUE) {
            return Optional.of(tooLarge(first, numerator));
        }
        if (!kind.hasDenominator()) {
            if (numerator < 0) {
                return violation("value", "a " + kind.yamlName() + " cannot be negative: " + text(numerator));
            }
            if (kind == Kind.COUNT && numerator != Math.rint(numerator)) {
                return violation("value", "a count must be a whole number, not " + text(numerator));
            }
            return Optional.empty();
        }
        if (!Double.isFinite(denominator) || Math.abs(denominator) > MAX_VALUE) {
            return Optional.of(tooLarge("denominator", denominator));
        }
        if (denominator < 0) {
            return violation("denominator", "denominator cannot be negative: " + text(denominator));
        }
        if (denominator == 0 && numerator != 0) {
            return violation("denominator", "zero denominator with numerator " + text(numerator) + ": the month's "
                    + kind.yamlName() + " is undefined");
        }
        if (kind == Kind.PROPORTION && numerator < 0) {
            return violation("numerator", "a proportion's numerator cannot be negative: " + text(numerator));
        }
        if (numerator != Math.rint(numerator)) {
            return violation("numerator", "numerator must be a whole number (a count of cases), not " + text(numerator));
        }
        if (denominator != Math.rint(denominator)) {
            return violation("denominator", "denominator must be a whole number (a count of cases), not "
                    + text(denominator));
        }
        if (kind == Kind.PROPORTION && numerator > denominator) {
            return violation("numerator", "a proportion needs 0 <= numerator <= denominator, not " + text(numerator)
                    + "/" + text(denominator));
        }
        return Optional.empty();
    }

    private static Violation tooLarge(String field, double v) {
        return new Violation(field, field + " " + text(v) + " is too large: at most "
                + String.format(java.util.Locale.UK, "%,d", (long) MAX_VALUE));
    }

    private static Optional<Violation> violation(String field, String message) {
        return Optional.of(new Violation(field, message));
    }

    /** A number as the user wrote it: no ".0" on whole numbers, no exponent. */
    static String text(double v) {
        if (!Double.isFinite(v)) {
            return "beyond any number"; // hundreds of digits in a cell (found by LoaderFuzzTest)
        }
        return v == Math.rint(v) && Math.abs(v) < 1e18 ? Long.toString((long) v)
                : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
