package org.pcpassessor.facts;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The findings a sentence says: an unmodifiable list, equal to any list of the same findings, whose
 * {@code contains} is a hash lookup once the list is long: a sentence made from a collected list says one finding for
 * each area that differs from the headline area, and the report asks, of each finding, which sentences say it
 * (JSON's placement of a finding): scanned, that is every area's finding against every other's.
 */
final class SaidFindings extends AbstractList<Finding> implements RandomAccess {
    /** Up to this many findings, a scan (most sentences say one to three). */
    private static final int SCANNED = 8;

    private final Finding[] findings;
    /** The findings as a set, for a long list (null for a short one); made with it, so safely shared. */
    private final Set<Finding> index;

    private SaidFindings(Finding[] findings) {
        this.findings = findings;
        this.index = findings.length <= SCANNED ? null : new HashSet<>(Arrays.asList(findings));
    }

    /** The findings in order; null is refused, as {@link List#copyOf} refuses it. */
    static List<Finding> copyOf(List<Finding> findings) {
        if (findings instanceof SaidFindings said) {
            return said;
        }
        Finding[] copy = findings.toArray(new Finding[0]);
        for (Finding f : copy) {
            Objects.requireNonNull(f, "a finding said");
        }
        return new SaidFindings(copy);
    }

    @Override
    public Finding get(int i) {
        return findings[i];
    }

    @Override
    public int size() {
        return findings.length;
    }

    @Override
    public boolean contains(Object o) {
        if (index != null) {
            return index.contains(o);
        }
        for (Finding f : findings) {
            if (f.equals(o)) {
                return true;
            }
        }
        return false;
    }
}
