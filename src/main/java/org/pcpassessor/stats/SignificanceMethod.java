package org.pcpassessor.stats;

import java.util.Set;
import org.pcpassessor.catalogue.Kind;

/**
 * One named method of comparing two samples of a monthly series (or a sample with a fixed baseline).
 * Implementations are stateless; {@link SignificanceMethods} holds them by name.
 */
public interface SignificanceMethod {
    String name();

    /** The kinds of measure this method is valid for. */
    Set<Kind> kinds();

    /**
     * Compares the observed months with the expected months.
     *
     * @param reference recent months (the 12 before the current month) for methods that estimate the monthly
     *                  variation from the series itself; others ignore it
     */
    TestResult compare(Sample observed, Sample expected, Sample reference, double confidence);

    /** Compares the observed months with a fixed benchmark figure given in the catalogue. */
    TestResult compareWithFixed(Sample observed, double benchmark, double confidence);
}
