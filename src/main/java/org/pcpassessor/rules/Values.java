package org.pcpassessor.rules;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pcpassessor.stats.Figure;
import org.pcpassessor.stats.Months;
import org.pcpassessor.stats.Snapshot;

/**
 * The named values a sentence template can use, and the formatting of templates (ICU MessageFormat, UK
 * locale). Raw numbers ({@code current}, {@code rolling12}, ...) suit ICU's own number skeletons; the
 * {@code ...Text} values are already formatted for the measure's kind: "1,057", "10.3%", "123 minutes", and
 * changes as "14.4%" or "1.2ppts" (always unsigned: the rule's wording says the direction).
 */
public final class Values {
    private static final ULocale UK = ULocale.UK;
    private static final List<String> FIGURES = List.of("current", "previousMonth", "sameMonthLastYear", "twoYearsAgo",
            "threeYearsAgo", "rolling12", "rolling12PreviousMonth", "rolling12LastYear", "baseline", "avg1yr", "avg3yr");

    private Values() {
    }

    /** Every value a template may name, for a snapshot and the findings a sentence says. */
    public static Map<String, Object> of(Snapshot s, List<Finding> findings) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("measure", s.measureId());
        v.put("area", s.area());
        v.put("pillar", s.pillar());
        v.put("priority", s.priority());
        v.put("label", s.label());
        v.put("subject", s.subject());
        v.put("Subject", capitalise(s.subject()));
        // Counts are plural nouns ("recorded Domestic Abuse crimes"); other kinds are singular and take "the".
        String the = "count".equals(s.kind()) ? s.subject() : "the " + s.subject();
        v.put("theSubject", the);
        v.put("TheSubject", capitalise(the));
        boolean plural = "count".equals(s.kind());
        v.put("have", plural ? "have" : "has");
        v.put("were", plural ? "were" : "was");
        v.put("month", Months.longName(s.month()));
        v.put("monthShort", Months.shortName(s.month()));
        v.put("previousMonthName", Months.longName(s.month().minusMonths(1)));
        v.put("lastYearMonth", Months.longName(s.month().minusMonths(12)));
        v.put("rolling12Period", "12 months to " + Months.longName(s.month()));
        v.put("rolling12LastYearPeriod", "12 months to " + Months.longName(s.month().minusMonths(12)));
        v.put("baselineYear", s.baselineLabel().equals("fixed") ? "the fixed baseline" : s.baselineLabel());
        if (!s.unit().isEmpty()) {
            v.put("unit", s.unit());
        }
        for (Figure f : s.figures()) {
            if (Double.isFinite(f.value())) {
                v.put(f.name(), f.value());
                v.put(f.name() + "Text", value(s, f.value()));
            }
            if (f.hasParts()) {
                v.put(f.name() + "Numerator", f.numerator());
                v.put(f.name() + "Denominator", f.denominator());
            }
        }
        putChange(v, s, "changeVsLastYear", s.changeVsLastYear());
        putChange(v, s, "changeVsBaseline", s.changeVsBaseline());
        putChange(v, s, "changeRolling12VsLastYear", s.changeRolling12VsLastYear());
        if (!s.isRatio() && Double.isFinite(s.rolling12()) && Double.isFinite(s.rolling12LastYear())) {
            double d = s.rolling12() - s.rolling12LastYear();
            v.put("rolling12Difference", Math.abs(d));
            v.put("rolling12DifferenceText", number(Math.abs(d), 0));
        }
        if (!s.isRatio() && Double.isFinite(s.rolling12()) && Double.isFinite(s.baseline())) {
            double d = s.rolling12() - s.baseline();
            v.put("baselineDifference", Math.abs(d));
            v.put("baselineDifferenceText", number(Math.abs(d), 0));
        }
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            v.put(f.basis() + "Code", f.code());
            // Each finding's evidence under its own name (a later finding's wins) and with its position:
            // otherArea and otherArea1, otherArea2, ...
            String suffix = Integer.toString(i + 1);
            evidenceValues(s, f).forEach((k, x) -> {
                v.put(k, x);
                v.put(k + suffix, x);
            });
            Object length = f.evidence().get("length");
            if (length != null) {
                v.put("streak", length);
            }
            Object gap = f.evidence().get("gapMonths");
            if (gap instanceof Integer g) {
                v.put("gapYears", g / 12);
            }
        }
        FIGURES.forEach(name -> v.putIfAbsent(name + "Text", "-"));
        return v;
    }

    /** The value names a template uses, in name order. */
    public static Set<String> namesIn(String template) {
        return new TreeSet<>(new MessageFormat(template, UK).getArgumentNames());
    }

    /**
     * A finding's evidence as template values: booleans as text (ICU select chooses on text: {joint, select, true
     * {...} other {...}}), non-finite numbers left out, and the compared figures also formatted ({@code observedText}).
     */
    private static Map<String, Object> evidenceValues(Snapshot s, Finding f) {
        Map<String, Object> out = new LinkedHashMap<>();
        f.evidence().forEach((k, x) -> {
            if (x instanceof Boolean b) {
                out.put(k, b.toString());
            } else if (!(x instanceof Double d) || Double.isFinite(d)) {
                out.put(k, x);
            }
        });
        for (String side : List.of("observed", "expected", "otherObserved", "otherExpected", "lpl", "upl", "mean")) {
            if (f.evidence().get(side) instanceof Double d && Double.isFinite(d)) {
                out.put(side + "Text", value(s, d));
            }
        }
        return out;
    }

    /** A figure formatted for its kind: "1,057", "10.3%", "123 minutes". */
    public static String value(Snapshot s, double x) {
        return value(s.kind(), s.unit(), x);
    }

    public static String value(String kind, String unit, double x) {
        if (!Double.isFinite(x)) {
            return "-";
        }
        return switch (kind) {
            case "rate", "proportion" -> number(x * 100, 1) + "%";
            case "median" -> {
                String n = x == Math.rint(x) ? number(x, 0) : number(x, 1);
                yield unit.isEmpty() ? n : n + " " + unit;
            }
            default -> x == Math.rint(x) ? number(x, 0) : number(x, 1);
        };
    }

    /** A change, unsigned: "14.4%" for counts and medians, "1.2ppts" for rates and proportions. */
    public static String change(boolean ratio, double change) {
        if (!Double.isFinite(change)) {
            return "-";
        }
        return ratio ? number(Math.abs(change) * 100, 1) + "ppts" : number(Math.abs(change) * 100, 1) + "%";
    }

    /** UK grouping and a fixed number of decimals, half-up as published tables round. */
    public static String number(double x, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(UK);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        f.setRoundingMode(java.math.RoundingMode.HALF_UP.ordinal());
        return f.format(x);
    }

    private static void putChange(Map<String, Object> v, Snapshot s, String name, double change) {
        if (Double.isFinite(change)) {
            v.put(name, change);
            v.put(name + "Text", change(s.isRatio(), change));
        }
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.UK) + text.substring(1);
    }

    /**
     * Formats a template with the values. A value the template names but the measure does not have (a
     * baseline it lacks, say) is an error naming the rule, not a silent "{baseline}" in a Board paper.
     */
    public static String format(String template, Map<String, Object> values, String rule) {
        MessageFormat format;
        try {
            format = new MessageFormat(template, UK);
        } catch (IllegalArgumentException e) {
            throw new TemplateException("rule '" + rule + "': the template is not valid ICU MessageFormat ("
                    + e.getMessage() + "): " + template);
        }
        Set<String> missing = new TreeSet<>(format.getArgumentNames());
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new TemplateException("rule '" + rule + "': the template names " + missing
                    + " but the measure " + values.get("measure") + " (" + values.get("area")
                    + ") has no such value; available: " + String.join(", ", new TreeSet<>(values.keySet())));
        }
        try {
            return format.format(values);
        } catch (IllegalArgumentException e) {
            throw new TemplateException("rule '" + rule + "': cannot format the template (" + e.getMessage()
                    + "): " + template);
        }
    }

    /** A template that cannot be filled in. */
    public static final class TemplateException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TemplateException(String message) {
            super(message);
        }
    }
}
