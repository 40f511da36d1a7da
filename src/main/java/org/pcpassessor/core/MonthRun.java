package org.pcpassessor.core;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pcpassessor.audit.NearMiss;
import org.pcpassessor.catalogue.SeriesKey;
import org.pcpassessor.narrative.Report;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.stats.Assessment;

/**
 * One month run through the core: the assessments, the report (with findings, sentences, labels and the audit),
 * the near misses of the series the run was asked for (the HTML page's tables, explain's measure), and every
 * problem met on the way. The report is empty when any problem is an error.
 */
public record MonthRun(YearMonth month, List<Assessment> assessments, Optional<Report> report,
                       Map<SeriesKey, List<NearMiss>> nearMisses, List<Problem> problems) {
    public MonthRun {
        Objects.requireNonNull(month, "month");
        assessments = List.copyOf(assessments);
        Objects.requireNonNull(report, "report");
        nearMisses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nearMisses));
        problems = List.copyOf(problems);
        if (report.isPresent() == problems.stream().anyMatch(Problem::isError)) {
            throw new IllegalArgumentException("a month run has a report exactly when it has no error");
        }
    }

    public boolean ok() {
        return report.isPresent();
    }
}
