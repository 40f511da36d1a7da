package org.pcpassessor;

import java.time.YearMonth;
import org.pcpassessor.facts.Snapshot;

/** Snapshots made by hand for the tests of what is said about one: each test changes what it is about. */
public final class TestSnapshots {
    private TestSnapshots() {
    }

    /**
     * Recorded crimes (measure "m", pillar "P", priority "Q") in the Force area, December 2020: 10 this month, 9 the
     * month before, 8 a year before, 7 and 6 two and three years before; 120 over 12 months against 110 a month
     * earlier, 100 a year earlier and a baseline of 90 (2019/20); averages of 10; changes of 25%, 33% and 20%.
     */
    public static Snapshot.Builder recordedCrimes() {
        return Snapshot.builder("m", "Force", YearMonth.of(2020, 12)).pillar("P").priority("Q").label("L")
                .subject("recorded crimes").shortSubject("these").wholeData(true).current(10).previousMonth(9)
                .sameMonthLastYear(8).twoYearsAgo(7).threeYearsAgo(6).rolling12(120).rolling12PreviousMonth(110)
                .rolling12LastYear(100).baseline(90).baselineLabel("2019/20").avg1yr(10).avg3yr(10)
                .changeVsLastYear(0.25).changeVsBaseline(0.33).changeRolling12VsLastYear(0.2);
    }
}
