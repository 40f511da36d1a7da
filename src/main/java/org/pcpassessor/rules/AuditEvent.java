package org.pcpassessor.rules;

import java.util.List;

/**
 * One rule firing: its order in the run, phase, rule and where it is declared, the measure and area it was
 * about, and descriptions of the facts it matched and inserted.
 */
public record AuditEvent(int sequence, String phase, String rule, org.pcpassessor.problem.Location source, String measure, String area,
                         List<String> matched, List<String> inserted) {
    public AuditEvent {
        matched = List.copyOf(matched);
        inserted = List.copyOf(inserted);
    }
}
