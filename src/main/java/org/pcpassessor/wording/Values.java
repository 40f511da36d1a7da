package org.pcpassessor.wording;

import org.pcpassessor.facts.*;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pcpassessor.catalogue.Kind;

/**
 * The named values a sentence template can use, and the formatting of templates (ICU MessageFormat, UK
 * locale). Raw numbers ({@code current}, {@code rolling12}, ...) suit ICU's own number skeletons; the
 * {@code ...Text} values are already formatted for the measure's kind: "1,057", "10.3%", "123 minutes", and
 * changes as "14.4%" or "1.2ppts" (always unsigned: the rule's wording says the direction). A {@code ...Text}
 * value is "-" when its figure cannot be made; a raw number is then absent.
 *
 * <p>The names are fixed by the measure's kind and the findings said, so a template can be checked before any
 * data is seen: {@link #snapshotNames(Kind)} and {@link #findingNames}.
 */
public final class Values {
    /*
     * ICU finds the locales it has data for either by listing the entries of the jar that holds its data (every
     * entry of it: 28,000 in the tool's jar, 20 to 30 ms of a cold run, the first time a number is formatted) or,
     * told to skip that, from the index of installed locales its data carries (res_index). The index is ICU's own
     * list of the same data, and en-GB is in it; a value set on the command line is kept.
     */
    static {
        String skip = "com.ibm.icu.impl.ICUResourceBundle.skipRuntimeLocaleResourceScan";
        if (System.getProperty(skip) == null) {
            System.setProperty(skip, "true");
        }
    }

    private static final ULocale UK = ULocale.UK;
    /** Every figure of a snapshot, raw and as {@code nameText}; ratios also {@code nameNumerator/Denominator}. */
    public static final List<String> FIGURES = List.of("current", "previousMonth", "sameMonthLastYear",
            "twoYearsAgo", "threeYearsAgo", "rolling12", "rolling12PreviousMonth", "rolling12LastYear", "baseline",
            "avg1yr", "avg3yr");
    /** Changes, raw (a fraction) and as {@code nameText} ("14.4%", "1.2ppts"). */
    public static final List<String> CHANGES = List.of("changeVsLastYear", "changeVsBaseline",
            "changeRolling12VsLastYear");
    /** Differences of counts and medians, unsigned, raw and as text. */
    public static final List<String> DIFFERENCES = List.of("rolling12Difference", "baselineDifference");
    /** Names about the measure and month. */
    public static final List<String> GENERAL = List.of("measure", "area", "pillar", "priority", "label", "subject",
            "Subject", "noun", "have", "were", "month", "monthShort", "previousMonthName",
            "lastYearMonth", "rolling12Period", "rolling12LastYearPeriod", "baselineYear", "unit", "unitGiven", "kind",
            "polarity");
    /** Evidence values that are figures of the measure, also given formatted as {@code nameText}. */
    public static final List<String> FORMATTED_EVIDENCE = List.of("observed", "expected", "otherObserved",
            "otherExpected", "lpl", "upl", "mean", "value", "comparatorBaseline", "target");
    /** Per finding said: its code, direction and judgement (also {@code <basis>Code}, ... and numbered). */
    public static final List<String> PER_FINDING = List.of("code", "direction", "judgement");

    /** The article a catalogue subject may start with; {@code noun} is the subject without it. */
    private static final java.util.regex.Pattern ARTICLE = java.util.regex.Pattern.compile("^(the|a|an) ");

    private Values() {
    }

    /**
     * The names a sentence made from a list of findings ({@code Sentence.of(template, $list)}, the list collected by
     * the rule) has beside the snapshot's, when its findings are about other areas (evidence {@code otherArea} and
     * {@code otherOutcome}, as AREA_DIVERGENCE's): how many areas, and which, by the other area's outcome. The
     * lists name at most {@link #LISTED_AREAS} areas, those furthest from their expected figure first.
     */
    public static final List<String> AREA_LISTS = List.of("areaCount", "areasSignificantCount", "areasHigher",
            "areasHigherCount", "areasLower", "areasLowerCount", "areasComparable", "areasComparableCount");
    /** The areas an area list names before it says how many more there are ("and 12 more"). */
    public static final int LISTED_AREAS = 5;

    /** Every value a template may name, for a snapshot and the findings a sentence says. */
    public static Map<String, Object> of(Snapshot s, List<Finding> findings) {
        return of(s, findings, s.subject());
    }

    /**
     * The values of a sentence made from a list of findings, all about other areas of one measure: the snapshot's and
     * {@link #AREA_LISTS}, nothing of each finding (a list may hold a finding for every area of a national run).
     */
    static Map<String, Object> ofList(Snapshot s, List<Finding> findings, String subject) {
        Map<String, Object> v = new LayeredValues(snapshotValues(s, subject));
        int significant = 0;
        for (String outcome : List.of("higher", "lower", "comparable")) {
            List<Finding> these = new ArrayList<>();
            for (Finding f : findings) {
                if (outcome.equals(f.evidence().get("otherOutcome"))) {
                    these.add(f);
                }
            }
            String name = "areas" + capitalise(outcome);
            v.put(name, areaList(these));
            v.put(name + "Count", these.size());
            significant += outcome.equals("comparable") ? 0 : these.size();
        }
        v.put("areaCount", findings.size());
        v.put("areasSignificantCount", significant);
        return withMissingTexts(v, s);
    }

    /**
     * The other areas of the findings as an English list ("North, South and East"), those furthest from their
     * expected figure first (the difference relative to the expected figure; then by name), at most
     * {@link #LISTED_AREAS} named and the rest counted ("A, B, C, D, E and 12 more"); "" for none.
     */
    static String areaList(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(java.util.Comparator.comparingDouble((Finding f) -> -distance(f))
                .thenComparing(f -> String.valueOf(f.evidence().get("otherArea"))));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sorted.size() && i < LISTED_AREAS; i++) {
            names.add(String.valueOf(sorted.get(i).evidence().get("otherArea")));
        }
        if (sorted.size() > LISTED_AREAS) {
            names.add(number(sorted.size() - LISTED_AREAS, 0) + " more");
        }
        return com.ibm.icu.text.ListFormatter.getInstance(UK).format(names);
    }

    /** Items as an English list: "A", "A and B", "A, B and C". */
    public static String list(List<String> items) {
        return com.ibm.icu.text.ListFormatter.getInstance(UK).format(items);
    }

    /** How far an area's figure is from its expected one, relative to it; 0 when either is missing or 0. */
    private static double distance(Finding f) {
        if (f.evidence().get("otherObserved") instanceof Double o
                && f.evidence().get("otherExpected") instanceof Double e && e != 0 && Double.isFinite(o)
                && Double.isFinite(e)) {
            return Math.abs(o - e) / Math.abs(e);
        }
        return 0;
    }

    /**
     * As {@link #of(Snapshot, List)} with the subject in its short form ("these crimes"): for a sentence whose
     * paragraph has already named the subject.
     */
    public static Map<String, Object> ofShort(Snapshot s, List<Finding> findings) {
        return of(s, findings, s.shortSubject());
    }

    /**
     * The values for a template that names only what a single finding says of itself (code, direction, judgement),
     * as a table label's usually does ({@code {code, select, HIGHER {Higher} ...}}): those alone, with the measure
     * and area, instead of every figure formatted; otherwise every value, as {@link #of(Snapshot, List)}.
     */
    public static Map<String, Object> forTemplate(String template, Finding finding) {
        if (!PER_FINDING.containsAll(namesIn(template))) {
            return of(finding.snapshot(), List.of(finding));
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("measure", finding.measureId());
        v.put("area", finding.area());
        v.put("code", finding.code());
        v.put("direction", finding.direction());
        v.put("judgement", finding.judgement());
        return v;
    }

    private static Map<String, Object> of(Snapshot s, List<Finding> findings, String subject) {
        Map<String, Object> v = new LayeredValues(snapshotValues(s, subject));
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            // Each finding's values under their own name (a later finding's wins), by basis, and numbered by the
            // finding's place in the rule's list: otherArea and otherArea1, otherArea2, ...
            String suffix = Integer.toString(i + 1);
            v.put(f.basis() + "Code", f.code());
            v.put(f.basis() + "Direction", f.direction());
            v.put(f.basis() + "Judgement", f.judgement());
            findingValues(s, f).forEach((k, x) -> {
                v.put(k, x);
                v.put(k + suffix, x);
            });
        }
        return withMissingTexts(v, s);
    }

    /** The values with "-" for each figure's, change's and difference's text the snapshot could not make. */
    private static Map<String, Object> withMissingTexts(Map<String, Object> v, Snapshot s) {
        FIGURES.forEach(name -> v.putIfAbsent(name + "Text", "-"));
        CHANGES.forEach(name -> v.putIfAbsent(name + "Text", "-"));
        CHANGES.forEach(name -> v.putIfAbsent(name + "Said", "-"));
        if (!s.isRatio()) {
            DIFFERENCES.forEach(name -> v.putIfAbsent(name + "Text", "-"));
        }
        return v;
    }

    /**
     * The snapshot values of the rule session running on this thread, by snapshot and subject: every sentence and
     * table label of a measure needs them, and making them formats every figure. Kept for one session only (its
     * snapshots are one priority's), so nothing outlives the session; outside a session nothing is kept.
     */
    private static final ThreadLocal<Map<Snapshot, Map<String, Map<String, Object>>>> SESSION = new ThreadLocal<>();

    /** Keeps snapshot values on this thread until {@link #endSession}: called by the rule runner. */
    public static void beginSession() {
        SESSION.set(new java.util.IdentityHashMap<>());
    }

    /** Drops what {@link #beginSession} kept. */
    public static void endSession() {
        SESSION.remove();
    }

    private static Map<String, Object> snapshotValues(Snapshot s, String subject) {
        Map<Snapshot, Map<String, Map<String, Object>>> kept = SESSION.get();
        if (kept == null) {
            return makeSnapshotValues(s, subject);
        }
        Map<String, Map<String, Object>> bySubject = kept.computeIfAbsent(s, k -> new java.util.HashMap<>(2));
        Map<String, Object> v = bySubject.get(subject);
        if (v == null) {
            // The values for the other subject (long or short) differ only by the subject's names: copied, not
            // formatted again.
            Map<String, Object> made = bySubject.isEmpty() ? makeSnapshotValues(s, subject)
                    : putSubject(new LinkedHashMap<>(bySubject.values().iterator().next()), subject);
            v = java.util.Collections.unmodifiableMap(made);
            bySubject.put(subject, v);
        }
        return v;
    }

    /** The subject's names: in place when the map has them already, so the order of the names never changes. */
    private static Map<String, Object> putSubject(Map<String, Object> v, String subject) {
        // The catalogue gives the whole noun phrase, article and all ("the ... rate"); a template never adds one.
        v.put("subject", subject);
        v.put("Subject", capitalise(subject));
        v.put("noun", noun(subject));
        return v;
    }

    /** The subject without its article ("the ... rate" -> "... rate"). */
    static String noun(String subject) {
        return ARTICLE.matcher(subject).replaceFirst("");
    }

    private static Map<String, Object> makeSnapshotValues(Snapshot s, String subject) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("measure", s.measureId());
        v.put("area", s.area());
        v.put("pillar", s.pillar());
        v.put("priority", s.priority());
        v.put("label", s.label());
        putSubject(v, subject);
        // Counts are plural nouns ("recorded Domestic Abuse crimes"); other kinds are singular.
        boolean plural = "count".equals(s.kind());
        v.put("have", plural ? "have" : "has");
        v.put("were", plural ? "were" : "was");
        v.put("month", Months.longName(s.month()));
        v.put("monthShort", Months.shortName(s.month()));
        v.put("previousMonthName", Months.longName(s.month().minusMonths(1)));
        v.put("lastYearMonth", Months.longName(s.month().minusMonths(12)));
        v.put("rolling12Period", Months.twelveMonthsTo(s.month()));
        v.put("rolling12LastYearPeriod", Months.twelveMonthsTo(s.month().minusMonths(12)));
        v.put("baselineYear", s.baselineLabel().equals("fixed") ? "the fixed baseline" : s.baselineLabel());
        v.put("unit", s.units());
        // for a by: line ("of 241,293 calls" where the catalogue names what a proportion counts, else "(n=1,323)")
        v.put("unitGiven", s.units().isEmpty() ? "no" : "yes");
        v.put("kind", s.kind());
        v.put("polarity", s.polarity());
        for (Figure f : s.figures()) {
            if (Double.isFinite(f.value())) {
                v.put(f.name(), f.value());
                v.put(f.name() + "Text", AVERAGES.contains(f.name()) ? average(s, f.value()) : value(s, f.value()));
            }
            if (f.hasParts()) {
                v.put(f.name() + "Numerator", f.numerator());
                v.put(f.name() + "Denominator", f.denominator());
            }
        }
        putChange(v, s, "changeVsLastYear", s.changeVsLastYear(), s.current(), s.sameMonthLastYear());
        putChange(v, s, "changeVsBaseline", s.changeVsBaseline(), s.rolling12(), s.baseline());
        putChange(v, s, "changeRolling12VsLastYear", s.changeRolling12VsLastYear(), s.rolling12(),
                s.rolling12LastYear());
        if (!s.isRatio()) {
            putDifference(v, "rolling12Difference", s.rolling12() - s.rolling12LastYear());
            putDifference(v, "baselineDifference", s.rolling12() - s.baseline());
        }
        return v;
    }

    /** The names every template of a measure of this kind can use, whatever findings it says. */
    public static Set<String> snapshotNames(Kind kind) {
        Set<String> names = new LinkedHashSet<>(GENERAL);
        for (String f : FIGURES) {
            names.add(f);
            names.add(f + "Text");
            if (kind.hasDenominator()) {
                names.add(f + "Numerator");
                names.add(f + "Denominator");
            }
        }
        for (String c : CHANGES) {
            names.add(c);
            names.add(c + "Text");
            names.add(c + "Said");
        }
        if (!kind.hasDenominator()) {
            for (String d : DIFFERENCES) {
                names.add(d);
                names.add(d + "Text");
            }
        }
        return names;
    }

    /**
     * The names a finding adds when it is the {@code position}-th (1-based) said by a sentence: its evidence keys,
     * code, direction and judgement, each also with the position as suffix, and {@code <basis>Code} (and
     * Direction, Judgement) when its basis is known.
     */
    public static Set<String> findingNames(Collection<String> evidenceKeys, java.util.Optional<String> basis,
                                           int position) {
        Set<String> own = new LinkedHashSet<>(PER_FINDING);
        for (String k : evidenceKeys) {
            own.add(k);
            if (FORMATTED_EVIDENCE.contains(k)) {
                own.add(k + "Text");
            }
        }
        if (evidenceKeys.contains("length")) {
            own.add("streak");
            own.add("streakFromText");
        }
        if (evidenceKeys.contains("gapMonths")) {
            own.add("gapYears");
        }
        if (evidenceKeys.contains("comparatorBaseline")) {
            own.add("comparatorChangeText");
        }
        Set<String> names = new LinkedHashSet<>(own);
        own.forEach(n -> names.add(n + position));
        basis.ifPresent(b -> {
            names.add(b + "Code");
            names.add(b + "Direction");
            names.add(b + "Judgement");
        });
        return names;
    }

    /**
     * A finding's values: its evidence with booleans as text (ICU select chooses
     * on text: {joint, select, true {...} other {...}}), non-finite numbers left out, and the figures among them
     * also formatted ({@code observedText}); then its code, direction and judgement.
     */
    private static Map<String, Object> findingValues(Snapshot s, Finding f) {
        Map<String, Object> out = new LinkedHashMap<>();
        f.evidence().forEach((k, x) -> {
            if (x instanceof Boolean b) {
                out.put(k, b.toString());
            } else if (!(x instanceof Double d) || Double.isFinite(d)) {
                out.put(k, x);
            }
            if (FORMATTED_EVIDENCE.contains(k)) {
                out.put(k + "Text", x instanceof Double d ? (k.equals("mean") ? average(s, d) : value(s, d)) : "-");
            }
        });
        if (f.evidence().get("lpl") instanceof Double lpl && f.evidence().get("upl") instanceof Double upl) {
            String[] limits = limits(s, lpl, upl);
            out.put("lplText", limits[0]);
            out.put("uplText", limits[1]);
        }
        if (f.evidence().get("length") != null) {
            out.put("streak", f.evidence().get("length"));
            // where a run began, as its measure's figures are said ("962"): "from 962 in the 12 months to March 2020"
            if (f.evidence().get("from") instanceof Double from && Double.isFinite(from)) {
                out.put("streakFromText", value(s, from));
            }
        }
        if (f.evidence().get("gapMonths") instanceof Integer g) {
            out.put("gapYears", g / 12);
        }
        boolean perThousand = Boolean.TRUE.equals(f.evidence().get("perThousand"));
        // how far a comparator moved from its own baseline year: a rate's or proportion's "1.9 percentage points", a
        // count's per head "3.2%"
        if (f.evidence().get("comparatorBaseline") instanceof Double b && Double.isFinite(b)
                && f.evidence().get("expected") instanceof Double e && Double.isFinite(e)) {
            out.put("comparatorChangeText", perThousand ? change(false, Math.abs(e / b - 1))
                    : ppts(e, b).replace("ppts", " percentage points"));
        }
        // a count compared per head: its figures per 1,000 people, to one decimal ("73.4")
        if (perThousand) {
            for (String k : List.of("observed", "expected", "comparatorBaseline")) {
                if (f.evidence().get(k) instanceof Double d && Double.isFinite(d)) {
                    out.put(k + "Text", number(d * 1000, 1));
                }
            }
        }
        // The finding's own direction (higher, lower, unchanged) wins over its evidence's (high, rise, up, ...).
        out.put("code", f.code());
        out.put("direction", f.direction());
        out.put("judgement", f.judgement());
        return out;
    }

    /** The figures that are averages of months. */
    private static final Set<String> AVERAGES = Set.of("avg1yr", "avg3yr");

    /**
     * An average of months as said: a count's a whole number ("the average of the last 24 months (893)", half up: nobody
     * records half a crime), any other kind's as {@link #value(Snapshot, double)} gives it.
     */
    public static String average(Snapshot s, double x) {
        return "count".equals(s.kind()) && Double.isFinite(x) ? number(Math.floor(x + 0.5), 0) : value(s, x); // half up
    }

    /**
     * A figure formatted for its kind: "1,057", "10.3%", "123 minutes"; a median of whole data (minutes) is stated
     * whole, half-up, as the data is.
     */
    public static String value(Snapshot s, double x) {
        return value(s.kind(), s.units(), stated(s, x));
    }

    /** A figure to its first decimal whatever the data (for explain, which shows what was computed). */
    public static String exact(Snapshot s, double x) {
        return value(s.kind(), s.units(), x);
    }

    /** A table cell: the figure as {@link #value(Snapshot, double)} gives it, without the unit (the row says it). */
    public static String cell(Snapshot s, double x) {
        return value(s.kind(), "", stated(s, x));
    }

    /** The figure as stated: a median of whole data rounded half up to a whole number, anything else as it is. */
    private static double stated(Snapshot s, double x) {
        return "median".equals(s.kind()) && s.wholeData() && Double.isFinite(x) ? Math.floor(x + 0.5) : x;
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

    /**
     * Loads what formatting needs the first time in a process (ICU's number data, its plural rules and spell-out
     * rules), for a thread to call before the first sentence is made: a template's first spell-out or plural
     * otherwise pays for it inside a rule session. Formats nothing that is kept.
     */
    public static void warm() {
        new MessageFormat("{n, spellout} {n, plural, one {# x} other {# xs}} {n, number, integer} {s, select, a {a} "
                + "other {b}}", UK).format(Map.of("n", 2, "s", "a"));
        number(0, 1);
    }

    /** UK grouping and a fixed number of decimals, half-up as published tables round. */
    public static String number(double x, int decimals) {
        NumberFormat[] kept = NUMBER_FORMATS.get();
        NumberFormat f = decimals >= 0 && decimals < kept.length ? kept[decimals] : null;
        if (f == null) {
            f = decimals >= 0 && decimals < NUMBER_PROTOTYPES.length
                    ? (NumberFormat) NUMBER_PROTOTYPES[decimals].clone() : numberFormat(decimals);
            if (decimals >= 0 && decimals < kept.length) {
                kept[decimals] = f;
            }
        }
        return f.format(x);
    }

    private static NumberFormat numberFormat(int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(UK);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        f.setRoundingMode(java.math.RoundingMode.HALF_UP.ordinal());
        return f;
    }

    /**
     * The number formats of {@link #number}, by decimals, kept per thread (a format is not safe to share between
     * threads) as copies of {@link #NUMBER_PROTOTYPES}: every rule session runs on a thread of its own, and making a
     * format from the locale's data cost more than copying a made one (a run of 12,876 series has 2,320 sessions).
     */
    private static final ThreadLocal<NumberFormat[]> NUMBER_FORMATS = ThreadLocal.withInitial(() -> new NumberFormat[8]);

    /** Made once and never used but to be copied (ICU's advice for a format wanted on several threads). */
    private static final NumberFormat[] NUMBER_PROTOTYPES = {numberFormat(0), numberFormat(1), numberFormat(2)};

    /**
     * Parsed templates, by their text: parsing an ICU message is most of the cost of formatting one, and a run
     * formats the same few dozen templates for every measure. A parsed format is not safe to share between
     * threads, so each use formats a clone; the cache is emptied if an edited rules folder ever fills it.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, MessageFormat> PARSED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static MessageFormat parsed(String template) {
        MessageFormat kept = PARSED.get(template);
        if (kept == null) {
            kept = keep(PARSED, template, new MessageFormat(template, UK));
        }
        return (MessageFormat) kept.clone();
    }

    /** Templates read in one process: a bound on the caches of templates, should edits under watch ever fill them. */
    private static final int KEPT_TEMPLATES = 4000;

    /** Keeps a value made from a template, emptying the cache first when it is full; returns the value. */
    private static <T> T keep(java.util.concurrent.ConcurrentHashMap<String, T> cache, String template, T value) {
        if (cache.size() > KEPT_TEMPLATES) {
            cache.clear();
        }
        cache.put(template, value);
        return value;
    }

    /**
     * A change, raw and as text. For rates and proportions the text is the difference of the two figures as printed
     * (10.3% and 9.4% give "0.9ppts" even when the unrounded difference rounds to 0.8), so that a reader who
     * subtracts the stated figures gets the stated difference.
     */
    private static void putChange(Map<String, Object> v, Snapshot s, String name, double change, double now,
                                  double then) {
        if (Double.isFinite(change)) {
            v.put(name, change);
            v.put(name + "Text", s.isRatio() && Double.isFinite(now) && Double.isFinite(then)
                    ? ppts(now, then) : change(s.isRatio(), change));
            if (Double.isFinite(now) && Double.isFinite(then)) {
                v.put(name + "Said", "count".equals(s.kind()) ? saidOfCount(now, then) : said(s.isRatio(), now, then));
            }
        }
    }

    /** Below this many, a count's change short of a multiple is said in numbers: "18 more than". */
    public static final double FEW = 100;

    /**
     * A count's change as people say it: as {@link #said} ("twice as high as", "12.9% higher than"), except that
     * a change from fewer than {@link #FEW}, short of doubling, is said in numbers, "18 more than", "12 fewer
     * than" (a reader: a percentage on 68 offences, "26.5% higher", overstates a change of 18; the reports say
     * "an increase of 15").
     */
    public static String saidOfCount(double now, double then) {
        String said = said(false, now, then);
        if (then <= 0 || then >= FEW || now / then >= 1.95 || said.equals("the same as") || now != Math.rint(now)
                || then != Math.rint(then)) {
            return said;
        }
        long d = Math.round(Math.abs(now - then));
        return number(d, 0) + (now > then ? " more than" : " fewer than");
    }

    /** The whole numbers spelt out ("ten"), for {@link #said}. */
    private static final ThreadLocal<com.ibm.icu.text.RuleBasedNumberFormat> SPELLOUT = ThreadLocal.withInitial(() ->
            new com.ibm.icu.text.RuleBasedNumberFormat(UK, com.ibm.icu.text.RuleBasedNumberFormat.SPELLOUT));

    /**
     * A change as people say it, up to and including the word that joins it to what it is compared with:
     * <ul>
     *   <li>rates and proportions, in percentage points: "1.4 percentage points higher than";</li>
     *   <li>counts and medians that doubled or more, as a multiple: "twice as high as", "ten times as high as"
     *       (within 4% of a whole multiple), else "almost three times as high as" (from x.5) or "more than twice as
     *       high as";</li>
     *   <li>within half a percentage point of a common fraction: "a third higher than", "a quarter lower than",
     *       "half as high as" (a fall of a half; a rise of a half is a percentage);</li>
     *   <li>otherwise as a percentage: "14.4% higher than", "7.0% lower than".</li>
     * </ul>
     * From nothing ({@code then} 0) there is no multiple: "higher than" alone. A change that prints as 0.0% or
     * 0.0ppts is "the same as". The percentages are those of {@link #change} (one decimal).
     */
    public static String said(boolean ratio, double now, double then) {
        String dir = now >= then ? "higher than" : "lower than";
        if (ratio) {
            String ppts = ppts(now, then);
            if (ppts.equals("0.0ppts")) {
                return "the same as";
            }
            String points = ppts.substring(0, ppts.length() - "ppts".length());
            return points + (points.equals("1.0") ? " percentage point " : " percentage points ") + dir;
        }
        if (then <= 0 || now < 0) {
            return now == then ? "the same as" : dir;
        }
        if (change(false, now / then - 1).equals("0.0%")) {
            return "the same as";
        }
        double r = now / then;
        if (r >= 1.95) {
            long whole = Math.round(r);
            if (Math.abs(r - whole) <= 0.04 * whole) {
                return times(whole) + " as high as";
            }
            long floor = (long) Math.floor(r);
            return r - floor >= 0.5 ? "almost " + times(floor + 1) + " as high as"
                    : "more than " + times(floor) + " as high as";
        }
        double f = Math.abs(r - 1);
        String[][] fractions = {{"0.5", "half"}, {"0.3333333333", "a third"}, {"0.25", "a quarter"},
            {"0.6666666667", "two thirds"}, {"0.75", "three quarters"}};
        for (String[] fraction : fractions) {
            if (Math.abs(f - Double.parseDouble(fraction[0])) < 0.005) {
                if (fraction[1].equals("half")) {
                    if (r > 1) {
                        break; // "half as high again" is not how a Board paper says 50% more
                    }
                    return "half as high as";
                }
                return fraction[1] + " " + dir;
            }
        }
        return change(false, r - 1) + " " + dir;
    }

    /** "twice", "three times", "ten times". */
    private static String times(long n) {
        return n == 2 ? "twice" : SPELLOUT.get().format(n) + " times";
    }

    /**
     * The unsigned difference of two fractions as they are printed ("10.3%" and "9.4%" give "0.9ppts"): the printed
     * texts themselves are subtracted, so the rounding is the printing's own.
     */
    static String ppts(double now, double then) {
        java.math.BigDecimal a = new java.math.BigDecimal(number(now * 100, 1).replace(",", ""));
        java.math.BigDecimal b = new java.math.BigDecimal(number(then * 100, 1).replace(",", ""));
        return number(a.subtract(b).abs().doubleValue(), 1) + "ppts";
    }

    /**
     * The process limits of an SPC chart as the measure can take them: never below 0 nor, for a proportion, above
     * 100%; for a count, the whole counts inside the limits (697.3 to 1,087.8 gives 698 to 1,087), or the limits
     * rounded when no whole count lies inside (a flat series).
     */
    static String[] limits(Snapshot s, double lpl, double upl) {
        if (!Double.isFinite(lpl) || !Double.isFinite(upl)) {
            return new String[] {Double.isFinite(lpl) ? value(s, Math.max(0, lpl)) : "-",
                    Double.isFinite(upl) ? value(s, Math.max(0, upl)) : "-"};
        }
        double max = "proportion".equals(s.kind()) ? 1 : Double.MAX_VALUE;
        double low = Math.min(max, Math.max(0, lpl));
        double high = Math.min(max, Math.max(0, upl));
        if ("count".equals(s.kind())) {
            double inLow = Math.max(0.0, Math.ceil(low - 1e-9)); // never "-0"
            double inHigh = Math.floor(high + 1e-9);
            return inLow <= inHigh ? new String[] {number(inLow, 0), number(inHigh, 0)}
                    : new String[] {number(Math.floor(low + 0.5), 0), number(Math.floor(high + 0.5), 0)};
        }
        return new String[] {value(s, low), value(s, high)};
    }

    private static void putDifference(Map<String, Object> v, String name, double d) {
        if (Double.isFinite(d)) {
            v.put(name, Math.abs(d));
            v.put(name + "Text", number(Math.abs(d), 0));
        }
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.UK) + text.substring(1);
    }

    /**
     * Every value name a template uses, at any depth (inside {@code select} and {@code plural} branches too), in
     * name order, read-only. Throws {@link TemplateException} when the template is not valid ICU MessageFormat.
     */
    public static Set<String> namesIn(String template) {
        Set<String> known = NAMES.get(template);
        if (known != null) {
            return known;
        }
        MessagePattern pattern = parse(template);
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(pattern.getSubstring(part));
            }
        }
        return keep(NAMES, template, java.util.Collections.unmodifiableSet(names));
    }

    /**
     * The template as said when the value {@code selectName} is {@code value}: each {@code select} on it replaced by
     * its line for that value (or its {@code other} line). {@code {kind, select, proportion {{currentText} of
     * {currentDenominator}} other {{currentText}}}} for a count is {@code {currentText}}: check reads each kind's line
     * against that kind's values.
     */
    public static String choose(String template, String selectName, String value) {
        MessagePattern pattern = parse(template);
        String text = pattern.getPatternString();
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() != MessagePattern.Part.Type.ARG_START
                    || part.getArgType() != MessagePattern.ArgType.SELECT
                    || !pattern.getSubstring(pattern.getPart(i + 1)).equals(selectName)) {
                continue;
            }
            int limit = pattern.getLimitPartIndex(i);
            String other = "";
            String chosen = null;
            for (int j = i + 2; j < limit; ) {
                MessagePattern.Part selector = pattern.getPart(j);
                int msgLimit = pattern.getLimitPartIndex(j + 1);
                String line = text.substring(pattern.getPart(j + 1).getLimit(), pattern.getPart(msgLimit).getIndex());
                String key = pattern.getSubstring(selector);
                if (key.equals(value)) {
                    chosen = line;
                } else if (key.equals("other")) {
                    other = line;
                }
                j = msgLimit + 1;
            }
            out.append(text, copied, part.getIndex()).append(choose(chosen != null ? chosen : other, selectName, value));
            copied = pattern.getPart(limit).getLimit();
            i = limit;
        }
        return out.append(text.substring(copied)).toString();
    }

    /** The names of each template already read (see {@link #PARSED}). */
    private static final java.util.concurrent.ConcurrentHashMap<String, Set<String>> NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The keywords each {@code select} of the template chooses on, by value name: {@code {direction, select,
     * higher {...} other {...}}} gives direction: [higher, other].
     */
    public static Map<String, Set<String>> selectKeys(String template) {
        MessagePattern pattern = parse(template);
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part start = pattern.getPart(i);
            if (start.getType() != MessagePattern.Part.Type.ARG_START
                    || start.getArgType() != MessagePattern.ArgType.SELECT) {
                continue;
            }
            String name = pattern.getSubstring(pattern.getPart(i + 1));
            int limit = pattern.getLimitPartIndex(i);
            Set<String> selectors = keys.computeIfAbsent(name, k -> new TreeSet<>());
            for (int j = i + 2; j < limit; j++) {
                MessagePattern.Part p = pattern.getPart(j);
                if (p.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                    selectors.add(pattern.getSubstring(p));
                } else if (p.getType() == MessagePattern.Part.Type.MSG_START) {
                    j = pattern.getLimitPartIndex(j);
                }
            }
        }
        return keys;
    }

    private static MessagePattern parse(String template) {
        try {
            return new MessagePattern(template);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new TemplateException("the template is not valid ICU MessageFormat (" + e.getMessage() + ")");
        }
    }

    /** A sentence's text, its text with the subject in its short form, and the values it was filled with. */
    public record Filled(String text, String shortText, Map<String, Object> values) {
    }

    /** Stand-ins for the subject's three names while a template is formatted for both forms of the subject. */
    private static final String[] SUBJECT_NAMES = {"subject", "Subject", "noun"};
    private static final char FIRST_MARK = '\uE000';

    /**
     * A sentence about the findings of one snapshot: the template formatted with {@link #of(Snapshot, List)} and the
     * shared phrases, and again with the subject in its short form ({@link #ofShort}). When the template and the
     * phrases it uses name the subject only to print it ({@code {subject}}, never to choose on it), and no text of
     * the snapshot holds the private-use characters U+E000 to U+E002, it is formatted once with those characters
     * standing for {@code subject}, {@code Subject} and {@code noun}, and each text is that one with the names of
     * its form put in: the same texts as two formattings (a run formats thousands of sentences; the second was a
     * third of the cost of making one).
     */
    public static Filled sentence(String template, Snapshot s, List<Finding> findings, Phrases phrases, String rule) {
        return sentence(template, s, findings, false, phrases, rule);
    }

    /**
     * As {@link #sentence(String, Snapshot, List, Phrases, String)}; for a {@code listed} sentence (made from a list
     * the rule collected) the values are {@link #ofList}'s.
     */
    public static Filled sentence(String template, Snapshot s, List<Finding> findings, boolean listed,
                                  Phrases phrases, String rule) {
        Map<String, Object> values = listed ? ofList(s, findings, s.subject()) : of(s, findings);
        if (s.shortSubject().equals(s.subject()) || !printsSubjectOnly(template, phrases, new ArrayList<>())
                || marked(s, findings)) {
            Map<String, Object> all = withPhrases(template, values, phrases, rule);
            String text = format(template, all, rule); // the values already hold its phrases
            // The subject's values ({subject}, {Subject}, {noun}) all hold its noun (capitalised in {Subject} when
            // the subject has no article): a text without it has none of them, and its short form is the same text.
            String noun = noun(s.subject());
            boolean same = s.shortSubject().equals(s.subject())
                    || !text.contains(noun) && !text.contains(capitalise(noun));
            Map<String, Object> shortValues = listed ? ofList(s, findings, s.shortSubject()) : ofShort(s, findings);
            return new Filled(text, same ? text : format(template, shortValues, phrases, rule), all);
        }
        Map<String, Object> marks = new LayeredValues(values);
        for (int i = 0; i < SUBJECT_NAMES.length; i++) {
            marks.put(SUBJECT_NAMES[i], String.valueOf((char) (FIRST_MARK + i)));
        }
        LayeredValues phrased = (LayeredValues) withPhrases(template, marks, phrases, rule);
        String marked = format(template, phrased, rule);
        String[] full = subjectNames(s.subject());
        Map<String, Object> all = new LayeredValues(values);
        phrased.own().forEach((name, text) -> all.put(name, unmark((String) text, full)));
        return new Filled(unmark(marked, full), unmark(marked, subjectNames(s.shortSubject())), all);
    }

    /**
     * True when a text a sentence may print holds a stand-in of {@link #sentence}: the snapshot's (names from the
     * catalogue) or a finding's evidence (another area's name, say).
     */
    private static boolean marked(Snapshot s, List<Finding> findings) {
        for (String text : new String[] {s.subject(), s.shortSubject(), s.measureId(), s.area(), s.label(),
                s.pillar(), s.priority(), s.units(), s.kind(), s.polarity(), s.baselineLabel()}) {
            if (marked(text)) {
                return true;
            }
        }
        for (Finding f : findings) {
            for (Object value : f.evidence().values()) {
                if (value instanceof String text && marked(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean marked(String text) {
        for (int i = 0; text != null && i < text.length(); i++) {
            if (text.charAt(i) >= FIRST_MARK && text.charAt(i) < FIRST_MARK + SUBJECT_NAMES.length) {
                return true;
            }
        }
        return false;
    }

    /** The subject's three names ({@code subject}, {@code Subject}, {@code noun}) for a form of it. */
    private static String[] subjectNames(String subject) {
        return new String[] {subject, capitalise(subject), noun(subject)};
    }

    /** The text with each stand-in replaced by its name. */
    private static String unmark(String text, String[] names) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int mark = c - FIRST_MARK;
            if (mark >= 0 && mark < names.length) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 32).append(text, 0, i);
                }
                out.append(names[mark]);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * True when the template, and every phrase it names (at any depth), uses {@code subject}, {@code Subject} and
     * {@code noun} only as plain arguments, printed as they are: a {@code select} or {@code plural} on one of them
     * chooses by its text, which a stand-in would change.
     */
    private static boolean printsSubjectOnly(String template, Phrases phrases, List<String> path) {
        Boolean plain = PLAIN_SUBJECT.get(template);
        if (plain == null) {
            plain = keep(PLAIN_SUBJECT, template, plainSubject(template));
        }
        if (!plain) {
            return false;
        }
        for (String name : namesIn(template)) {
            java.util.Optional<String> phrase = phrases.template(name);
            if (phrase.isPresent() && !path.contains(name)) {
                path.add(name);
                boolean phrasePlain = printsSubjectOnly(phrase.get(), phrases, path);
                path.remove(path.size() - 1);
                if (!phrasePlain) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean plainSubject(String template) {
        MessagePattern pattern = parse(template);
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START
                    && List.of(SUBJECT_NAMES).contains(pattern.getSubstring(pattern.getPart(i + 1)))
                    && part.getArgType() != MessagePattern.ArgType.NONE) {
                return false;
            }
        }
        return true;
    }

    /** Whether each template read uses the subject's names only as plain arguments (see {@link #PARSED}). */
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> PLAIN_SUBJECT =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** As {@link #format(String, Map, Phrases, String)} without shared phrases. */
    public static String format(String template, Map<String, Object> values, String rule) {
        return format(template, values, Phrases.NONE, rule);
    }

    /**
     * Formats a template with the values and the shared phrases. A value the template names but the measure does
     * not have this month (a baseline it lacks, say) is an error naming the rule, never a silent "{baseline}" in a
     * Board paper.
     */
    public static String format(String template, Map<String, Object> values, Phrases phrases, String rule) {
        Map<String, Object> all = withPhrases(template, values, phrases, rule);
        try {
            return formatOnly(template, all, values);
        } catch (TemplateException e) {
            throw new TemplateException("rule '" + rule + "': " + e.getMessage());
        }
    }

    /** The values and, under their names, the filled text of every phrase the template uses (for explain). */
    public static Map<String, Object> withPhrases(String template, Map<String, Object> values, Phrases phrases,
                                                  String rule) {
        try {
            Map<String, Object> all = new LayeredValues(values);
            addPhrases(template, all, phrases, new ArrayList<>());
            return all;
        } catch (TemplateException e) {
            throw new TemplateException("rule '" + rule + "': " + e.getMessage());
        }
    }

    /** Formats the phrases a template names into the values, innermost first; a phrase naming itself is an error. */
    private static void addPhrases(String template, Map<String, Object> values, Phrases phrases, List<String> path) {
        for (String name : namesIn(ofKind(template, values))) {
            if (values.containsKey(name) || phrases.template(name).isEmpty()) {
                continue;
            }
            if (path.contains(name)) {
                throw new TemplateException("phrase '" + name + "' names itself through " + String.join(" -> ", path));
            }
            String phrase = phrases.template(name).get();
            path.add(name);
            addPhrases(phrase, values, phrases, path);
            path.remove(path.size() - 1);
            try {
                values.put(name, formatOnly(phrase, values, values));
            } catch (TemplateException e) {
                throw new TemplateException("phrase '" + name + "' (" + phrases.location(name) + "): " + e.getMessage());
            }
        }
    }

    /**
     * The template with its lines by kind chosen for the measure's kind (values' {@code kind}), so that a line for
     * another kind (a proportion's "of 50 respondents") neither needs nor makes values this measure lacks.
     */
    private static String ofKind(String template, Map<String, Object> values) {
        if (!(values.get("kind") instanceof String kind) || !template.contains("kind")) {
            return template;
        }
        String key = kind + "\u0000" + template;
        String chosen = BY_KIND.get(key);
        return chosen != null ? chosen : keep(BY_KIND, key,
                selectKeys(template).containsKey("kind") ? choose(template, "kind", kind) : template);
    }

    /** Templates with their lines by kind chosen, by kind and template. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> BY_KIND =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String formatOnly(String given, Map<String, Object> values, Map<String, Object> shown) {
        String template = ofKind(given, values);
        Set<String> missing = new TreeSet<>(namesIn(template));
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new TemplateException("the template names " + missing + " but the measure " + shown.get("measure")
                    + " (" + shown.get("area") + ") has no such value this month; available: "
                    + String.join(", ", new TreeSet<>(shown.keySet())));
        }
        try {
            return parsed(template).format(values);
        } catch (IllegalArgumentException e) {
            throw new TemplateException("cannot format the template (" + e.getMessage() + "): " + template);
        }
    }

    /** A template that cannot be filled in. */
    public static final class TemplateException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TemplateException(String message) {
            super(message);
        }
    }
}
