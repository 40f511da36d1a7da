package org.pcpassessor.audit;

import java.util.Objects;
import org.pcpassessor.problem.Location;

/**
 * A classify rule that did not fire for a measure but would have after a small change of its facts: the rule, where
 * it is declared, the finding it would make (its code and basis) and the change that would make it fire.
 */
public record NearMiss(String rule, Location source, String code, String basis, String change) {
    public NearMiss {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(change, "change");
    }
}
