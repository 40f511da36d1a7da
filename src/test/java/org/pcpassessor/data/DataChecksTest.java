package org.pcpassessor.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.pcpassessor.catalogue.Event;
import org.pcpassessor.catalogue.Kind;
import org.pcpassessor.catalogue.Measure;
import org.pcpassessor.catalogue.Polarity;
import org.pcpassessor.problem.Location;

/**
 * The data checks on small series made for each case; every level and chance below is worked out by hand from the
 * values given (the median of the months named, and exp(-level x zeros), the chance of that many zero months of a
 * Poisson count at that level).
 */
class DataChecksTest {
    private static final YearMonth START = YearMonth.of(2019, 1);

    static Measure measure(Kind kind, List<Event> events) {
        return new Measure("m", "M", "things", "they", kind, Polarity.NEUTRAL, "P", "Q", "m", OptionalDouble.empty(),
                Map.of(), Measure.ALL_BASES, "", Optional.empty(), events, List.of(), Optional.empty(),
                new Location("test.yaml", 1, 1));
    }

    static Series count(double... values) {
        double[] ones = new double[values.length];
        Arrays.fill(ones, 1);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            rows.add("s.csv:" + (i + 2));
        }
        return new Series("m", "Force", Kind.COUNT, START, values, ones, rows);
    }

    static double[] join(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    static double[] times(double v, int n) {
        double[] out = new double[n];
        Arrays.fill(out, v);
        return out;
    }

    private static List<Anomaly> find(Measure m, Series s) {
        return DataChecks.find(m, s, s.start());
    }

    @Test
    void aSeriesThatGoesToZeroForGoodIsABreakInSupply() {
        // 50 a month January to May 2019, then 19 zeros: level = median(50 x 5) = 50, chance exp(-50 x 19) ~ 0
        List<Anomaly> found = find(measure(Kind.COUNT, List.of()), count(join(times(50, 5), times(0, 19))));
        assertEquals(1, found.size(), found.toString());
        Anomaly a = found.get(0);
        assertEquals(Anomaly.Type.SUPPLY_BREAK, a.type());
        assertEquals(YearMonth.of(2019, 6), a.from());
        assertEquals(YearMonth.of(2020, 12), a.to());
        assertEquals(50, a.level());
        assertTrue(a.probability() < DataChecks.IMPLAUSIBLE);
        // the first five rows of the break and its last (row 2 is January 2019: June is row 7, December 2020 row 25)
        assertEquals(List.of("s.csv:7", "s.csv:8", "s.csv:9", "s.csv:10", "s.csv:11", "s.csv:25"), a.rows());
    }

    @Test
    void oneZeroAtTheEndIsABreakOnlyWhereOneZeroIsImplausible() {
        // median of 10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 10, 10 = 10: exp(-10) = 4.54e-5 < 0.001, a break;
        // the same less 5 (median 5): exp(-5) = 6.74e-3 >= 0.001, a plausible month
        double[] tens = {10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 10, 10};
        List<Anomaly> found = find(measure(Kind.COUNT, List.of()), count(join(tens, times(0, 1))));
        assertEquals(1, found.size(), found.toString());
        assertEquals(Anomaly.Type.SUPPLY_BREAK, found.get(0).type());
        assertEquals(10, found.get(0).level());
        double[] fives = Arrays.stream(tens).map(x -> x - 5).toArray();
        assertEquals(List.of(), find(measure(Kind.COUNT, List.of()), count(join(fives, times(0, 1)))));
    }

    @Test
    void zerosThenValuesAreANewSeries() {
        // 2020: median of 18, 22, 25, 19, 21, 24, 20, 23, 26, 22, 21, 25 = (22 + 22) / 2 = 22; exp(-22 x 12) ~ 0
        List<Anomaly> found = find(measure(Kind.COUNT, List.of()), count(join(times(0, 12),
                new double[] {18, 22, 25, 19, 21, 24, 20, 23, 26, 22, 21, 25})));
        assertEquals(1, found.size(), found.toString());
        assertEquals(Anomaly.Type.NEW_SERIES, found.get(0).type());
        assertEquals(YearMonth.of(2020, 1), found.get(0).from());
        assertEquals(22, found.get(0).level());
    }

    @Test
    void aSeriesThatStartsLaterThanItsFileIsNew() {
        Series late = count(join(times(4, 12)));
        List<Anomaly> found = DataChecks.find(measure(Kind.COUNT, List.of()), late, START.minusMonths(12));
        assertEquals(Anomaly.Type.NEW_SERIES, found.get(0).type());
        assertEquals(START, found.get(0).from());
        assertTrue(Double.isNaN(found.get(0).level()));
    }

    @Test
    void aZeroInsideASeriesOfFiftiesIsMissingData() {
        // 50 x 18, 0 (July 2020), 50 x 5: the six months either side have median 50; exp(-50) ~ 2e-22
        List<Anomaly> found = find(measure(Kind.COUNT, List.of()), count(join(times(50, 18), times(0, 1),
                times(50, 5))));
        assertEquals(1, found.size(), found.toString());
        assertEquals(Anomaly.Type.IMPLAUSIBLE_ZERO, found.get(0).type());
        assertEquals(YearMonth.of(2020, 7), found.get(0).from());
        assertEquals(50, found.get(0).level());
    }

    @Test
    void aLullInASeriesOfAFewAMonthIsNotMissingData() {
        // the bundled North gang injunctions: 23 months of none between months of 0 to 2; the level around them is
        // median(1, 0, 0, 0, 1, 2, 2, 2, 0, 0, 1, 0) = 0.5, under the 5 a month at which a zero month is itself unlikely
        double[] v = join(new double[] {1, 0, 0, 0, 1, 2}, times(0, 23), new double[] {2, 2, 0, 0, 1, 0});
        assertEquals(List.of(), find(measure(Kind.COUNT, List.of()), count(v)));
    }

    @Test
    void aDeclaredBreakWinsAndADeclaredEventExplainsItsZeros() {
        Location at = new Location("m.yaml", 3, 5);
        Event stop = new Event(YearMonth.of(2019, 4), Optional.empty(), Event.Kind.SUPPLY_BREAK, "the feed stopped",
                Event.Spc.NONE, false, at);
        List<Anomaly> found = find(measure(Kind.COUNT, List.of(stop)), count(join(times(50, 5), times(0, 19))));
        assertEquals(1, found.size(), found.toString());
        assertEquals(YearMonth.of(2019, 4), found.get(0).from());
        assertEquals(Optional.of(stop), found.get(0).declared());
        Event lockdown = new Event(YearMonth.of(2020, 7), Optional.empty(), Event.Kind.LOCKDOWN, "a local lockdown",
                Event.Spc.EXCLUDE, false, at);
        assertEquals(List.of(), find(measure(Kind.COUNT, List.of(lockdown)), count(join(times(50, 18), times(0, 1),
                times(50, 5)))));
    }

    @Test
    void aConstantSeriesAndAStuckProportion() {
        assertEquals(Anomaly.Type.CONSTANT,
                find(measure(Kind.COUNT, List.of()), count(times(30, 24))).get(0).type());
        double[] n = times(40, 12);
        Series all = new Series("m", "Force", Kind.PROPORTION, START, n, n, count(n).sources());
        Anomaly stuck = find(measure(Kind.PROPORTION, List.of()), all).get(0);
        assertEquals(Anomaly.Type.STUCK_PROPORTION, stuck.type());
        assertEquals(1.0, stuck.level());
        // eleven months are not yet "long"
        assertEquals(List.of(), find(measure(Kind.COUNT, List.of()), count(times(30, 11))));
    }

    @Test
    void aRateLooksAtItsDenominator() {
        // outcomes of 0 over crimes of 100 are a real 0%; crimes of 0 after twelve months of 100 are a break
        double[] outcomes = join(new double[] {1, 0, 2, 1, 0, 3, 1, 2, 0, 1, 1, 2}, times(0, 12));
        double[] crimes = join(times(100, 12), times(0, 12));
        Series rate = new Series("m", "Force", Kind.RATE, START, outcomes, crimes, count(outcomes).sources());
        Anomaly a = find(measure(Kind.RATE, List.of()), rate).get(0);
        assertEquals(Anomaly.Type.SUPPLY_BREAK, a.type());
        assertEquals(YearMonth.of(2020, 1), a.from());
    }

    @Test
    void theWarningNamesTheRowsAndHowToDeclare() {
        Measure m = measure(Kind.COUNT, List.of());
        Anomaly a = find(m, count(join(times(50, 5), times(0, 19)))).get(0);
        String said = DataChecks.describe(m, a);
        assertTrue(said.contains("measure 'm' (Force) is 0 in every month from 2019-06 to 2020-12"), said);
        assertTrue(said.contains("after a median of 50"), said);
        assertTrue(said.contains("events: [{month: 2019-06, kind: supply-break"), said);
        assertTrue(said.endsWith("rows s.csv:7, :8, :9, :10, :11, ..., :25"), said);
    }
}
