package org.pcpassessor.stats;

import java.util.Map;

/** A fact whose fields justify a finding; {@link #evidence()} is what the JSON report and explain show. */
public interface Evidence {
    String measureId();

    String area();

    Snapshot snapshot();

    /** The values behind the finding, in a stable order. */
    Map<String, Object> evidence();

    /** Which comparison or series the evidence is about ("benchmark", "monthly", "rolling12", ...). */
    String basis();
}
