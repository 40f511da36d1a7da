package org.pcpassessor.catalogue;

import java.util.Arrays;
import java.util.Optional;

/** Which direction is good news. Neutral measures are labelled Higher/Lower, the others Improved/Deteriorated. */
public enum Polarity {
    UP_IS_GOOD("up-is-good"),
    DOWN_IS_GOOD("down-is-good"),
    NEUTRAL("neutral");

    private final String yamlName;

    Polarity(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<Polarity> parse(String text) {
        return Arrays.stream(values()).filter(p -> p.yamlName.equals(text)).findFirst();
    }
}
