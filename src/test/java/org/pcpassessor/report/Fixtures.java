package org.pcpassessor.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.function.IntUnaryOperator;
import org.pcpassessor.facts.Snapshot;

/** Small inputs of the report tests of their own, not the bundled files. */
final class Fixtures {
    private Fixtures() {
    }

    /** A snapshot of one measure ("m", Force, December 2020) whose figures are all 1 and changes 0. */
    static final Snapshot SNAPSHOT = Snapshot.builder("m", "Force", YearMonth.of(2020, 12)).pillar("P")
            .priority("Q").label("L").subject("crimes").shortSubject("these").wholeData(true).current(1)
            .previousMonth(1).sameMonthLastYear(1).twoYearsAgo(1).threeYearsAgo(1).rolling12(1)
            .rolling12PreviousMonth(1).rolling12LastYear(1).baseline(1).baselineLabel("2019/20").avg1yr(1).avg3yr(1)
            .changeVsLastYear(0).changeVsBaseline(0).changeRolling12VsLastYear(0).build();

    /**
     * A catalogue of one count measure, "thefts" (Victims, Theft), for the Force in December 2020, written to
     * {@code dir/measures.yaml} with {@code more} YAML after it, and its series, January 2019 to December 2020, to
     * {@code dir/series.csv}: month {@code i} (0 for January 2019) has {@code value.applyAsInt(i)} thefts.
     */
    static Path oneMeasure(Path dir, IntUnaryOperator value, String more) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("measure,area,month,value\n");
        for (int i = 0; i < 24; i++) {
            csv.append(String.format("thefts,Force,%d-%02d,%d%n", 2019 + i / 12, i % 12 + 1, value.applyAsInt(i)));
        }
        Files.writeString(dir.resolve("series.csv"), csv);
        Path file = dir.resolve("measures.yaml");
        Files.writeString(file, """
                report:
                  month: 2020-12
                  areas: [Force]
                data: [series.csv]
                pillars:
                  - name: Victims
                    priorities:
                      - name: Theft
                        measures:
                          - id: thefts
                            label: Thefts
                            subject: thefts
                            kind: count
                            polarity: neutral
                """ + more);
        return file;
    }
}
