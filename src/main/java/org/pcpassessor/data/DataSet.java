package org.pcpassessor.data;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every series read, keyed by measure id and area. */
public final class DataSet {
    private final Map<String, Series> series = new TreeMap<>();

    /** A data set of the given series (scenario tests build their data inline). */
    public static DataSet of(java.util.Collection<Series> all) {
        DataSet d = new DataSet();
        all.forEach(d::put);
        return d;
    }

    void put(Series s) {
        series.put(key(s.measureId(), s.area()), s);
    }

    public Optional<Series> series(String measureId, String area) {
        return Optional.ofNullable(series.get(key(measureId, area)));
    }

    /** Every series, in key order. */
    public java.util.Collection<Series> all() {
        return java.util.Collections.unmodifiableCollection(series.values());
    }

    public int size() {
        return series.size();
    }

    private static String key(String measureId, String area) {
        return measureId + "\u0000" + area;
    }
}
