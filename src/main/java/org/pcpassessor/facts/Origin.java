package org.pcpassessor.facts;

import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import org.pcpassessor.problem.Location;

/**
 * The rule whose consequence is making a fact ({@code Finding.of}, {@code Sentence.of}, ...): its name, package,
 * where it is declared, its metadata ({@code @rank}, {@code @aside}) and salience. The rule runner knows it; the
 * factories of this package ask for it through a {@link Source} the runner provides as a service
 * ({@code META-INF/services}), so that a rule, which sees this package and nothing that makes a service, cannot
 * set it.
 */
public record Origin(String rule, String rulePackage, Location source, Map<String, Object> metadata, int salience) {
    public Origin {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(rulePackage, "rulePackage");
        Objects.requireNonNull(source, "source");
        metadata = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(metadata)); // @rare has no value
    }

    /** The same rule firing at another salience (a salience written as an expression may vary by match). */
    public Origin withSalience(int other) {
        return other == salience ? this : new Origin(rule, rulePackage, source, metadata, other);
    }

    /** What knows the rule running on this thread: the rule runner's, found once as a service. */
    public interface Source {
        /** The rule whose consequence runs on this thread, or null outside a consequence. */
        Origin current();
    }

    private static final class Holder {
        static final Source SOURCE = ServiceLoader.load(Source.class, Origin.class.getClassLoader()).findFirst()
                .orElse(() -> null);
    }

    /** The running rule; fails outside a rule's consequence. */
    static Origin current() {
        Origin o = Holder.SOURCE.current();
        if (o == null) {
            throw new IllegalStateException("Finding.of, Sentence.of and TableLabel.of are for a rule's consequence");
        }
        return o;
    }
}
