package org.pcpassessor.core;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pcpassessor.narrative.Report;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.stats.Assessment;

/**
 * One month run through the core: the assessments, the report (with findings, sentences, labels and the audit),
 * and every problem met on the way. The report is empty when any problem is an error.
 */
public record MonthRun(YearMonth month, List<Assessment> assessments, Optional<Report> report,
                       List<Problem> problems) {
    public MonthRun {
        Objects.requireNonNull(month, "month");
        assessments = List.copyOf(assessments);
        Objects.requireNonNull(report, "report");
        problems = List.copyOf(problems);
        if (report.isPresent() == problems.stream().anyMatch(Problem::isError)) {
            throw new IllegalArgumentException("a month run has a report exactly when it has no error");
        }
    }

    public boolean ok() {
        return report.isPresent();
    }
}
