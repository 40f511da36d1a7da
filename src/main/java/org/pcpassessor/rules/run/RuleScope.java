package org.pcpassessor.rules.run;

import org.pcpassessor.facts.Origin;

/**
 * The rule whose consequence is running, so that {@code Finding.of}, {@code Sentence.of} and
 * {@code TableLabel.of} know which rule made them (name, file:line, {@code @rank}, salience) without the rule passing
 * {@code kcontext}. The rule runner enters the scope before each consequence and leaves it after; a session runs
 * its consequences on one thread. The facts find it as their {@link Origin.Source} service
 * ({@code META-INF/services/org.pcpassessor.facts.Origin$Source}): outside the rule API, which rules cannot call.
 */
public final class RuleScope implements Origin.Source {
    private static final ThreadLocal<Origin> CURRENT = new ThreadLocal<>();

    /** For the service loader. */
    public RuleScope() {
    }

    static void enter(Origin current) {
        CURRENT.set(current);
    }

    static void exit() {
        CURRENT.remove();
    }

    @Override
    public Origin current() {
        return CURRENT.get();
    }
}
