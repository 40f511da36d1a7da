package org.pcpassessor.catalogue;

import java.util.Objects;

/** One series of the report: a measure in an area. The key of data, assessments, findings and sentences. */
public record SeriesKey(String measureId, String area) implements Comparable<SeriesKey> {
    public SeriesKey {
        Objects.requireNonNull(measureId, "measureId");
        Objects.requireNonNull(area, "area");
    }

    @Override
    public int compareTo(SeriesKey o) {
        int c = measureId.compareTo(o.measureId);
        return c != 0 ? c : area.compareTo(o.area);
    }

    @Override
    public String toString() {
        return measureId + " (" + area + ")";
    }
}
