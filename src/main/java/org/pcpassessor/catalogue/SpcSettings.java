package org.pcpassessor.catalogue;

/**
 * How the monthly series is charted (catalogue {@code report.spc}): the months charted up to the report month,
 * the run lengths of a shift and of a trend, and whether outlying moving ranges are screened out.
 */
public record SpcSettings(int window, int shift, int trend, boolean screen) {
    /** Making Data Count's and NHSRplotthedots' run lengths; two years of months. */
    public static final SpcSettings DEFAULT = new SpcSettings(24, 7, 7, true);

    public SpcSettings {
        if (window < 2 || shift < 2 || trend < 2) {
            throw new IllegalArgumentException("spc window, shift and trend must be at least 2");
        }
    }
}
