package org.pcpassessor.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a measure's monthly figure is, which decides how it is aggregated, compared and formatted. */
public enum Kind {
    /** A number of events in the month (recorded crimes); aggregated by summing. */
    COUNT,
    /**
     * Events per event (prosecution possible outcomes per recorded crime). The numerator may be negative or
     * exceed the denominator in a single month (outcomes recorded in the month relate to earlier crimes).
     */
    RATE,
    /** Part of a whole (survey respondents satisfied, calls answered in time): 0 <= numerator <= denominator. */
    PROPORTION,
    /** A monthly median (response time in minutes); not additive. */
    MEDIAN;

    /** The name as written in measures.yaml, made once: every fact of every series carries it. */
    private final String yamlName = name().toLowerCase(Locale.ROOT);

    public String yamlName() {
        return yamlName;
    }

    public boolean hasDenominator() {
        return this == RATE || this == PROPORTION;
    }

    public static Optional<Kind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.yamlName().equals(text)).findFirst();
    }
}
