package org.pcpassessor.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.TTest;
import org.pcpassessor.catalogue.Kind;

/**
 * For monthly medians (not additive, no denominator): the Mann-Whitney U test of the observed months' values
 * against the expected months' values (Commons Statistics MannWhitneyUTest: exact p-value for small samples
 * without ties, normal approximation with continuity correction otherwise). The figures compared are the
 * medians of the monthly values. Against a fixed benchmark: one-sample t-test of the monthly values.
 */
final class MannWhitney extends NamedMethod {
    static final String NAME = "mann-whitney";

    MannWhitney() {
        super(NAME, Kind.MEDIAN, Kind.COUNT);
    }

    @Override
    public TestResult compare(Sample observed, Sample expected, Sample reference, double confidence) {
        double[] a = Stats.finite(observed.values());
        double[] b = Stats.finite(expected.values());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("observedMonths", a.length);
        details.put("expectedMonths", b.length);
        double oMed = Stats.median(a);
        double eMed = Stats.median(b);
        if (a.length < 2 || b.length < 2) {
            return TestResult.untested(NAME, oMed, eMed, confidence, "needs at least two months on each side");
        }
        MannWhitneyUTest.Result r = MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED).test(a, b);
        return TestResult.judged(NAME, oMed, eMed, "U", r.getStatistic(), r.getPValue(), confidence, details);
    }

    @Override
    public TestResult compareWithFixed(Sample observed, double benchmark, double confidence) {
        double[] a = Stats.finite(observed.values());
        double oMed = Stats.median(a);
        if (a.length < 2) {
            return TestResult.untested(NAME, oMed, benchmark, confidence, "needs at least two months");
        }
        var r = TTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED).withMu(benchmark).test(a);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("observedMonths", a.length);
        details.put("note", "one-sample t-test of the monthly values against the fixed benchmark");
        return TestResult.judged(NAME, oMed, benchmark, "t", r.getStatistic(), r.getPValue(), confidence, details);
    }

}
