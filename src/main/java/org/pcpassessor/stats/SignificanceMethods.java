package org.pcpassessor.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pcpassessor.catalogue.Basis;
import org.pcpassessor.catalogue.Kind;
import org.pcpassessor.catalogue.Measure;

/**
 * The one place that decides which test a comparison uses: the measure's {@code test:} if given, otherwise
 * the default for its kind and basis. Change a default here, or a measure's choice in the catalogue.
 */
public final class SignificanceMethods {
    private static final Map<String, SignificanceMethod> BY_NAME = new LinkedHashMap<>();

    static {
        for (SignificanceMethod t : new SignificanceMethod[] {new ConditionalPoisson(), new QuasiPoisson(),
            new SquareRoot(), new XmrLimits(), new ProportionOrFisher(), new TwoProportionZ(), new FisherExact(),
            new MannWhitney(), new MovingRangeZ()}) {
            BY_NAME.put(t.name(), t);
        }
    }

    private SignificanceMethods() {
    }

    /** Every method a catalogue may name. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** The name of the counts' default method, which tests a count against its own month-to-month variation. */
    public static final String QUASI_POISSON = QuasiPoisson.NAME;

    /** The default method for a kind and comparison basis. */
    public static String defaultFor(Kind kind, Basis basis) {
        return switch (kind) {
            // Crime counts vary more than Poisson (seasons, operations, recording): docs/methods.md
            case COUNT -> QuasiPoisson.NAME;
            case RATE, PROPORTION -> ProportionOrFisher.NAME;
            // a year of monthly medians against another year of them; a month against the months before it
            case MEDIAN -> basis.observedMonths() > 1 ? MannWhitney.NAME : MovingRangeZ.NAME;
        };
    }

    /** The method a measure uses for a basis. */
    public static SignificanceMethod forMeasure(Measure measure, Basis basis) {
        String name = measure.tests().getOrDefault(basis, defaultFor(measure.kind(), basis));
        SignificanceMethod test = BY_NAME.get(name);
        if (test == null) {
            throw new IllegalArgumentException("unknown test " + name);
        }
        return test;
    }

    /** The methods valid for a kind, in name order. */
    public static List<String> namesFor(Kind kind) {
        return BY_NAME.values().stream().filter(t -> t.kinds().contains(kind)).map(SignificanceMethod::name).sorted()
                .toList();
    }

    /** The kinds a named method is valid for (for catalogue checks). */
    public static Set<Kind> kindsOf(String name) {
        return BY_NAME.get(name).kinds();
    }
}
