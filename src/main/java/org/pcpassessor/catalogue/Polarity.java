package org.pcpassessor.catalogue;

import java.util.Optional;

/** Which direction is good news. Neutral measures are labelled Higher/Lower, the others Improved/Deteriorated. */
public enum Polarity {
    UP_IS_GOOD("up-is-good"),
    DOWN_IS_GOOD("down-is-good"),
    NEUTRAL("neutral");

    private static final Polarity[] VALUES = values();

    private final String yamlName;

    Polarity(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<Polarity> parse(String text) {
        for (Polarity p : VALUES) { // a loop, not a stream: every finding made parses its measure's polarity
            if (p.yamlName.equals(text)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
