package org.pcpassessor.stats;

import java.util.Set;
import org.pcpassessor.catalogue.Kind;

/** A significance test's name (as written in the catalogue's {@code test:}) and the kinds it applies to. */
abstract class NamedMethod implements SignificanceMethod {
    private final String name;
    private final Set<Kind> kinds;

    NamedMethod(String name, Kind... kinds) {
        this.name = name;
        this.kinds = Set.of(kinds);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<Kind> kinds() {
        return kinds;
    }
}
