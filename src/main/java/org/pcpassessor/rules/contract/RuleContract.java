package org.pcpassessor.rules.contract;

import org.pcpassessor.rules.RuleBase;
import org.pcpassessor.rules.RuleModel;
import org.pcpassessor.wording.DraftWords;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pcpassessor.catalogue.Basis;
import org.pcpassessor.catalogue.Kind;
import org.pcpassessor.catalogue.Polarity;
import org.pcpassessor.facts.Comparison;
import org.pcpassessor.facts.Direction;
import org.pcpassessor.facts.Evidence;
import org.pcpassessor.facts.Extreme;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.Judgement;
import org.pcpassessor.wording.Phrases;
import org.pcpassessor.facts.SpcSignal;
import org.pcpassessor.facts.Streak;
import org.pcpassessor.facts.Trend;
import org.pcpassessor.wording.Values;
import org.pcpassessor.problem.Location;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.problem.Suggestions;

/**
 * What the compiler cannot know is wrong in a rules folder, checked for every rule whether it fires or not:
 * <ul>
 *   <li>every code a rule makes ({@code Finding.of("CODE", ...)}) or waits for ({@code code == "CODE"}) is a
 *       contract code or declared in {@code codes.yaml};</li>
 *   <li>every template ({@code Sentence.of}, {@code TableLabel.of}) and phrase is valid ICU MessageFormat, and
 *       every value it names is one the rule's findings always supply, for every kind of measure the rule can
 *       see; every {@code select} chooses among values that exist;</li>
 *   <li>every {@code evidence["key"]} a rule reads is a key of the findings its pattern can match;</li>
 *   <li>every text a rule compares a field with ({@code basis == "benchmark"}, {@code direction == "higher"},
 *       {@code measureId == "da-recorded-crime"}) is one that field can have;</li>
 *   <li>(a warning) every Sentence pattern that refers to a finding, such as the guard
 *       {@code not Sentence( measureId == $f.measureId, used contains $f )}, is keyed by the measure, so that
 *       the engine looks only at that measure's sentences, not at every sentence of the priority.</li>
 * </ul>
 * It reads the rules through Drools' own DRL parser (decision tables through the DRL they compile to).
 */
public final class RuleContract {
    /** The codes of the design contract, each with the fact a finding of it rests on. */
    public static final Map<String, Class<? extends Evidence>> CONTRACT_CODES = contractCodes();
    /** The contract codes whose finding also carries a second fact's evidence as other* keys. */
    public static final Set<String> TWO_FACT_CODES = Set.of("AREA_DIVERGENCE", "DISTRICT_OUTLIER");

    private static final Pattern EVIDENCE_KEY =
            Pattern.compile("(?:(\\$\\w+)\\s*\\.\\s*)?evidence\\s*\\[\\s*\"([^\"]*)\"\\s*]");
    private static final Pattern FIELD_IS = Pattern.compile("(?<![\\w.$])(\\w+)\\s*(?:==|!=)\\s*\"([^\"]*)\"");
    private static final Pattern FIELD_IN = Pattern.compile("(?<![\\w.$])(\\w+)\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    /** A constraint that keys a Sentence pattern by the measure of a bound fact: {@code measureId == $f.measureId}. */
    private static final Pattern MEASURE_KEY = Pattern.compile("^measureId\\s*==\\s*\\$\\w+\\s*\\.\\s*measureId$");
    private static final Pattern BINDING = Pattern.compile("\\$\\w+");
    private static final Set<String> OUTCOMES = Set.of("higher", "lower", "comparable", "untested");
    /** The evidence keys of a finding about another area, which a collected list's area values are made from. */
    private static final Set<String> OTHER_AREA_KEYS = Set.of("otherArea", "otherOutcome", "otherObserved",
            "otherExpected");

    private static Map<String, Class<? extends Evidence>> contractCodes() {
        Map<String, Class<? extends Evidence>> m = new LinkedHashMap<>();
        for (String c : List.of("HIGHER", "LOWER", "IMPROVED", "DETERIORATED", "COMPARABLE", "SIGNIFICANT_RISE",
                "SIGNIFICANT_FALL", "AREA_DIVERGENCE", "YEAR_EARLIER_RISE", "YEAR_EARLIER_FALL", "COMPARATOR_HIGHER",
                "COMPARATOR_LOWER", "COMPARATOR_COMPARABLE", "DISTRICT_OUTLIER", "ALL_DISTRICTS")) {
            m.put(c, Comparison.class);
        }
        for (String c : List.of("TWELVE_MONTH_HIGH", "TWELVE_MONTH_LOW", "HIGHEST_SINCE", "LOWEST_SINCE")) {
            m.put(c, Extreme.class);
        }
        m.put("CONSECUTIVE_RISES", Streak.class);
        m.put("CONSECUTIVE_FALLS", Streak.class);
        for (String c : List.of("TREND_UP", "TREND_DOWN", "TREND_FLAT")) {
            m.put(c, Trend.class);
        }
        for (String c : List.of("SPC_IMPROVEMENT", "SPC_CONCERN", "SPC_SPECIAL_CAUSE", "SPC_COMMON_CAUSE",
                "TARGET_CONSISTENTLY_MET", "TARGET_CONSISTENTLY_MISSED", "TARGET_HIT_AND_MISS")) {
            m.put(c, SpcSignal.class);
        }
        m.put("TWELVE_MONTH_FLAT", Extreme.class);
        for (String c : List.of("SUPPLY_BREAK", "NEW_SERIES", "IMPLAUSIBLE_ZERO", "CONSTANT_SERIES", "STUCK_PROPORTION",
                "SMALL_NUMBERS", "DATA_EVENT")) {
            m.put(c, org.pcpassessor.facts.DataIssue.class);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private final RuleModel model;
    /** The catalogue's measure ids as a set, made once (every pattern of every rule is checked against it). */
    private final Optional<Set<String>> measureIdSet;
    private final Problems problems;
    private final Set<String> knownCodes = new TreeSet<>();
    /** Per code, what its producers give: evidence keys always there, keys sometimes there, bases. */
    private final Map<String, CodeFacts> codes = new HashMap<>();

    private record CodeFacts(Set<String> keys, Set<String> anyKeys, Set<String> bases) {
    }

    private RuleContract(RuleModel model, Optional<Collection<String>> measureIds, Problems problems) {
        this.model = model;
        this.measureIdSet = measureIds.map(ids -> java.util.Collections.unmodifiableSet(new TreeSet<>(ids)));
        this.problems = problems;
    }

    /**
     * Checks a compiled rules folder; measure ids are checked when the catalogue is known. Problems carry the
     * rule's file:line (a decision table's row).
     */
    public static void check(RuleBase rules, Optional<? extends Collection<String>> measureIds, Problems problems) {
        Optional<Collection<String>> ids = measureIds.map(List::copyOf);
        new RuleContract(rules.model(), ids, problems).run(rules.declaredCodes(), rules.phrases(), rules.folder());
    }

    private void run(List<RuleBase.DeclaredCode> declared, Phrases phrases, java.nio.file.Path folder) {
        knownCodes.addAll(CONTRACT_CODES.keySet());
        declared.forEach(d -> knownCodes.add(d.code()));
        learnProducers();
        for (String name : phrases.names()) {
            for (String text : phrases.alternatives(name)) {
                try {
                    Values.namesIn(text);
                } catch (Values.TemplateException e) {
                    error(phrases.location(name), "wording '" + name + "': " + e.getMessage());
                    brokenWording.add(name);
                    break;
                }
            }
        }
        usedWording.addAll(brokenWording);
        checkRules(phrases);
        checkDraftWords(phrases, folder);
        phrases.names().stream().filter(n -> !usedWording.contains(n)).forEach(n -> problems.warning(
                phrases.location(n).file(), phrases.location(n).line(), phrases.location(n).column(), "wording '" + n
                        + "' is not used by any rule or other wording entry"));
    }

    /**
     * The draft's own words ({@link DraftWords}): each entry is there, and names only the values the draft fills it
     * with, or phrases that do the same.
     */
    private void checkDraftWords(Phrases phrases, java.nio.file.Path folder) {
        DraftWords.ENTRIES.forEach((entry, values) -> {
            if (phrases.alternatives(entry).isEmpty()) {
                problems.error(folder.resolve(RuleBase.WORDING).resolve(DraftWords.FILE).toString(), 0, 0, "wording '"
                        + entry + "' is missing: the draft says it" + Suggestions.didYouMean(entry, phrases.names()));
                return;
            }
            usedWording.add(entry);
            if (brokenWording.contains(entry)) {
                return;
            }
            String supplies = "which the draft does not supply; it supplies "
                    + (values.isEmpty() ? "no values" : String.join(", ", new TreeSet<>(values)));
            for (String alternative : phrases.alternatives(entry)) {
                checkNames("", phrases.location(entry), "wording '" + entry + "'", alternative, values, Map.of(),
                        phrases, new ArrayList<>(List.of(entry)),
                        name -> supplies + Suggestions.didYouMean(name, values));
            }
        });
    }

    private void checkRules(Phrases phrases) {
        for (RuleModel.Rule rule : model.rules()) {
            for (RuleModel.Call call : rule.calls()) {
                if (call.kind() == RuleModel.CallKind.FINDING) {
                    checkMade(rule, call);
                } else {
                    checkTemplate(rule, call, phrases);
                }
            }
            for (RuleModel.Pattern p : rule.patterns()) {
                for (RuleModel.Pattern q = p; q != null; q = q.collects().orElse(null)) {
                    checkLiterals(rule, q);
                    checkEvidenceKeys(rule, q);
                    checkSentenceJoin(rule, q);
                }
            }
        }
    }

    /** What each code's producers (classify rules) give, so narrate rules can be checked against it. */
    private void learnProducers() {
        Map<String, List<CodeFacts>> made = new HashMap<>();
        for (RuleModel.Rule rule : model.rules()) {
            for (RuleModel.Call call : rule.calls()) {
                if (call.kind() != RuleModel.CallKind.FINDING || call.code().isEmpty() || call.args().isEmpty()) {
                    continue;
                }
                Optional<RuleModel.Pattern> first = rule.bound(call.args().get(0));
                Optional<Class<? extends Evidence>> type = first.flatMap(p -> Evidence.type(p.type()));
                if (type.isEmpty()) {
                    continue;
                }
                Set<String> keys = new LinkedHashSet<>(Evidence.keysOf(type.get()));
                for (String other : call.args().subList(1, call.args().size())) {
                    rule.bound(other).flatMap(p -> Evidence.type(p.type())).ifPresent(t -> {
                        keys.add("otherArea");
                        Evidence.keysOf(t).forEach(k -> keys.add(Finding.otherKey(k)));
                    });
                }
                Set<String> bases = new LinkedHashSet<>(Evidence.basesOf(type.get()));
                String basisField = type.get() == Comparison.class ? "basis" : "series";
                first.get().restriction(basisField).ifPresent(bases::retainAll);
                if (type.get() == Comparison.class && bases.equals(Set.of(Basis.COMPARATOR.id()))) {
                    keys.addAll(Comparison.COMPARATOR_KEYS); // only a comparison with a comparator has them
                }
                made.computeIfAbsent(call.code().get(), c -> new ArrayList<>()).add(new CodeFacts(keys, keys, bases));
            }
        }
        for (String code : knownCodes) {
            List<CodeFacts> producers = made.get(code);
            if (producers == null) {
                Class<? extends Evidence> type = CONTRACT_CODES.get(code);
                if (type == null) {
                    codes.put(code, new CodeFacts(Set.of(), Set.of(), Set.of()));
                    continue;
                }
                Set<String> keys = new LinkedHashSet<>(Evidence.keysOf(type));
                if (TWO_FACT_CODES.contains(code)) {
                    keys.add("otherArea");
                    Evidence.keysOf(type).forEach(k -> keys.add(Finding.otherKey(k)));
                }
                producers = List.of(new CodeFacts(keys, keys, new LinkedHashSet<>(Evidence.basesOf(type))));
            }
            Set<String> always = new LinkedHashSet<>(producers.get(0).keys());
            Set<String> any = new LinkedHashSet<>();
            Set<String> bases = new LinkedHashSet<>();
            for (CodeFacts p : producers) {
                always.retainAll(p.keys());
                any.addAll(p.keys());
                bases.addAll(p.bases());
            }
            codes.put(code, new CodeFacts(always, any, bases));
        }
    }

    private void checkMade(RuleModel.Rule rule, RuleModel.Call call) {
        if (call.code().isEmpty()) {
            error(call.at(), "rule '" + rule.name() + "': write the finding code as text, Finding.of(\"CODE\", ...), "
                    + "so that check can see which codes exist");
        } else if (!knownCodes.contains(call.code().get())) {
            error(call.at(), "rule '" + rule.name() + "' makes finding code '" + call.code().get() + "', which is "
                    + "neither a contract code nor declared in " + RuleBase.CODES
                    + Suggestions.didYouMean(call.code().get(), knownCodes));
        }
        if (rule.phase().equals("narrate")) {
            error(call.at(), "rule '" + rule.name() + "' makes a finding in the narrate phase; findings are made by "
                    + "rules under classify/, so that every narrate rule sees them all");
        }
    }

    /** The codes a Finding pattern can match: its code constraint, narrowed by its basis constraint. */
    private Set<String> codesOf(RuleModel.Pattern p) {
        Set<String> out = new TreeSet<>(p.restriction("code").orElse(knownCodes));
        out.retainAll(knownCodes);
        p.restriction("basis").ifPresent(b -> out.removeIf(c -> codes.get(c).bases().stream().noneMatch(b::contains)));
        return out;
    }

    private void checkTemplate(RuleModel.Rule rule, RuleModel.Call call, Phrases phrases) {
        String what = call.kind() == RuleModel.CallKind.SENTENCE ? "Sentence.of" : "TableLabel.of";
        if (call.template().isEmpty()) {
            error(call.at(), "rule '" + rule.name() + "': write the template of " + what + " as text (\"...\" + "
                    + "\"...\") so that check can read it");
            return;
        }
        Set<Kind> kinds = EnumSet.allOf(Kind.class);
        for (RuleModel.Pattern p : rule.patterns()) {
            if (p.bound()) {
                p.restriction("kind").ifPresent(k -> kinds.removeIf(x -> !k.contains(x.yamlName())));
            }
        }
        Set<String> available = null;
        for (Kind k : kinds) {
            if (available == null) {
                available = new LinkedHashSet<>(Values.snapshotNames(k));
            } else {
                available.retainAll(Values.snapshotNames(k));
            }
        }
        if (available == null) {
            available = new LinkedHashSet<>();
        }
        Map<String, Set<String>> choices = new HashMap<>();
        // the kinds this rule can say: a line chosen by kind is checked against that kind's own figures
        Set<String> kindNames = new TreeSet<>();
        kinds.forEach(k -> kindNames.add(k.yamlName()));
        choices.put("kind", kindNames);
        Optional<RuleModel.Pattern> list = call.args().size() == 1 ? rule.bound(call.args().get(0))
                .flatMap(RuleModel.Pattern::collects).filter(c -> c.type().equals("Finding")) : Optional.empty();
        if (list.isPresent() && call.kind() == RuleModel.CallKind.SENTENCE) {
            // a list the rule collected: the snapshot's values, and the lists of areas when its findings are about
            // other areas (each has otherArea and otherOutcome, and the figures the lists are ordered by)
            if (codesOf(list.get()).stream().allMatch(c -> codes.get(c).keys().containsAll(OTHER_AREA_KEYS))) {
                available.addAll(Values.AREA_LISTS);
            }
            checkWording(rule, call, available, choices, phrases);
            return;
        }
        for (int i = 0; i < call.args().size(); i++) {
            Optional<RuleModel.Pattern> p = rule.bound(call.args().get(i));
            if (p.isEmpty() || !p.get().type().equals("Finding")) {
                error(call.at(), "rule '" + rule.name() + "': " + what + " says findings; '" + call.args().get(i)
                        + "' is not bound to a Finding pattern of this rule (nor, alone, to a list collected from "
                        + "one)");
                return;
            }
            Set<String> patternCodes = codesOf(p.get());
            Set<String> keys = null;
            Set<String> bases = new TreeSet<>();
            for (String c : patternCodes) {
                CodeFacts f = codes.get(c);
                if (keys == null) {
                    keys = new LinkedHashSet<>(f.keys());
                } else {
                    keys.retainAll(f.keys());
                }
                bases.addAll(f.bases());
            }
            p.get().restriction("basis").ifPresent(bases::retainAll);
            Optional<String> basis = bases.size() == 1 ? Optional.of(bases.iterator().next()) : Optional.empty();
            available.addAll(Values.findingNames(keys == null ? Set.of() : keys, basis, i + 1));
            recordChoices(choices, p.get(), patternCodes, basis, i + 1);
        }
        checkWording(rule, call, available, choices, phrases);
    }

    /**
     * The call's wording against the values its findings supply: the wording entry it names (each alternative), or
     * the template written in the rule.
     */
    private void checkWording(RuleModel.Rule rule, RuleModel.Call call, Set<String> available,
                              Map<String, Set<String>> choices, Phrases phrases) {
        String template = call.template().get();
        if (!Phrases.isName(template)) {
            checkNames(rule, call.at(), "the template", template, available, choices, phrases, new ArrayList<>());
            return;
        }
        List<String> alternatives = phrases.alternatives(template);
        if (alternatives.isEmpty()) {
            error(call.at(), "rule '" + rule.name() + "' names wording '" + template + "', which no file of "
                    + RuleBase.WORDING + "/ has" + Suggestions.didYouMean(template, phrases.names()));
            return;
        }
        usedWording.add(template);
        if (brokenWording.contains(template)) {
            return;
        }
        for (String alternative : alternatives) {
            List<String> path = new ArrayList<>(List.of(template));
            checkNames(rule, phrases.location(template), "wording '" + template + "'", alternative, available,
                    choices, phrases, path);
        }
    }

    /** Every value a select may choose on under this name, whatever the rule: for a shared phrase's lines. */
    private Set<String> everyValue(String name) {
        String base = name.replaceAll("\\d+$", "");
        Set<String> out = new TreeSet<>(Set.of("true", "false"));
        out.addAll(OUTCOMES);
        if (base.equals("kind")) {
            for (Kind k : Kind.values()) {
                out.add(k.yamlName());
            }
        } else if (base.endsWith("Code") || base.equals("code")) {
            out.addAll(knownCodes);
        } else if (base.endsWith("Direction") || base.equals("direction")) {
            out.addAll(words(Direction.values()));
        } else if (base.endsWith("Judgement") || base.equals("judgement")) {
            out.addAll(words(Judgement.values()));
        }
        return out;
    }

    /** The wording entries that are not valid templates (said once, where they are written). */
    private final Set<String> brokenWording = new java.util.HashSet<>();

    /** The wording entries a rule names, or another entry uses: the others are said to be unused. */
    private final Set<String> usedWording = new java.util.HashSet<>();

    /** The values a select may choose on, for the enumerated values a finding supplies. */
    private static void recordChoices(Map<String, Set<String>> choices, RuleModel.Pattern p, Set<String> patternCodes,
                                      Optional<String> basis, int position) {
        Set<String> directions = new TreeSet<>(p.restriction("direction").orElse(words(Direction.values())));
        Set<String> judgements = new TreeSet<>(p.restriction("judgement").orElse(words(Judgement.values())));
        for (String suffix : List.of("", Integer.toString(position))) {
            choices.merge("direction" + suffix, directions, RuleContract::union);
            choices.merge("judgement" + suffix, judgements, RuleContract::union);
            choices.merge("code" + suffix, patternCodes, RuleContract::union);
            for (String flag : List.of("joint", "onRecord", "twelveMonth", "special")) {
                choices.put(flag + suffix, Set.of("true", "false"));
            }
            choices.put("outcome" + suffix, OUTCOMES);
            choices.put("otherOutcome" + suffix, OUTCOMES);
        }
        basis.ifPresent(b -> {
            choices.merge(b + "Code", patternCodes, RuleContract::union);
            choices.merge(b + "Direction", directions, RuleContract::union);
            choices.merge(b + "Judgement", judgements, RuleContract::union);
        });
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    private static Set<String> words(Enum<?>[] values) {
        Set<String> out = new TreeSet<>();
        for (Enum<?> v : values) {
            out.add(v.name().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    private void checkNames(RuleModel.Rule rule, Location at, String what, String template, Set<String> available,
                            Map<String, Set<String>> choices, Phrases phrases, List<String> path) {
        checkNames("rule '" + rule.name() + "': ", at, what, template, available, choices, phrases, path, name -> {
            Set<String> known = new TreeSet<>(available);
            known.addAll(phrases.names());
            return "which the findings this rule says do not always supply" + Suggestions.didYouMean(name, known)
                    + "; docs/rules-reference.md lists the values";
        });
    }

    /**
     * The names a template uses against the values {@code available} to it, through the phrases it names (each
     * marked used; one naming itself, or one with alternatives inside a template, is an error); {@code owner} begins
     * each message ("rule 'X': ", or nothing for the draft's own words), {@code unsupplied} ends the message of a name
     * nothing supplies; {@code choices} are the values a select may be on, where known.
     */
    private void checkNames(String owner, Location at, String what, String template, Set<String> available,
                            Map<String, Set<String>> choices, Phrases phrases, List<String> path,
                            java.util.function.Function<String, String> unsupplied) {
        Set<String> names;
        try {
            names = Values.namesIn(template);
        } catch (Values.TemplateException e) {
            error(at, owner + what + ": " + e.getMessage());
            return;
        }
        Set<String> kinds = choices.getOrDefault("kind", Set.of());
        if (kinds.size() > 1 && Values.selectKeys(template).containsKey("kind")) {
            // lines by kind: each kind's line against the values a measure of that kind has (a proportion's
            // denominators), then whatever follows as for one kind
            for (String k : kinds) {
                Set<String> ofKind = new LinkedHashSet<>(available);
                Kind.parse(k).ifPresent(kind -> ofKind.addAll(Values.snapshotNames(kind)));
                Map<String, Set<String>> oneKind = new HashMap<>(choices);
                oneKind.put("kind", Set.of(k));
                checkNames(owner, at, what, Values.choose(template, "kind", k), ofKind, oneKind, phrases, path,
                        unsupplied);
            }
            return;
        }
        for (String name : names) {
            if (available.contains(name)) {
                continue;
            }
            Optional<String> phrase = phrases.template(name);
            if (phrase.isPresent()) {
                usedWording.add(name);
                if (brokenWording.contains(name)) {
                    continue;
                }
                if (phrases.alternatives(name).size() > 1) {
                    error(phrases.location(name), "wording '" + name + "' has alternatives, which are for a sentence "
                            + "a rule names; " + what + " uses it inside a template, where one text is said (write "
                            + "the alternatives in the sentence's own entry)");
                }
                if (path.contains(name)) {
                    error(phrases.location(name), "phrase '" + name + "' names itself through " + path);
                } else {
                    path.add(name);
                    checkNames(owner, at, "phrase '" + name + "' (" + phrases.location(name) + ")", phrase.get(),
                            available, choices, phrases, path, unsupplied);
                    path.remove(path.size() - 1);
                }
                continue;
            }
            error(at, owner + what + " names {" + name + "}, " + unsupplied.apply(name));
        }
        Values.selectKeys(template).forEach((name, keys) -> {
            Set<String> allowed = choices.get(name);
            if (allowed == null) {
                return;
            }
            // a phrase shared by several sentences may have lines for values this rule never gives: only a key no
            // finding ever gives (a typo) is an error there
            boolean shared = what.startsWith("phrase '");
            for (String key : keys) {
                if (shared && everyValue(name).contains(key)) {
                    continue;
                }
                if (!key.equals("other") && !allowed.contains(key)) {
                    error(at, owner + what + " selects on {" + name + "} with '" + key
                            + "', a value it never has here" + Suggestions.didYouMean(key, allowed) + "; it has: "
                            + String.join(", ", allowed));
                }
            }
        });
    }

    /** The texts each field of a fact type can have. */
    private Map<String, Set<String>> vocabulary(String type) {
        Map<String, Set<String>> v = new HashMap<>();
        Set<String> kinds = new TreeSet<>();
        for (Kind k : Kind.values()) {
            kinds.add(k.yamlName());
        }
        Set<String> polarities = new TreeSet<>();
        for (Polarity p : Polarity.values()) {
            polarities.add(p.yamlName());
        }
        v.put("kind", kinds);
        v.put("polarity", polarities);
        measureIdSet.ifPresent(ids -> v.put("measureId", ids));
        Set<String> allBases = new TreeSet<>(Basis.ids());
        allBases.addAll(Evidence.Series.ALL);
        switch (type) {
            case "Finding" -> {
                v.put("code", knownCodes);
                v.put("basis", allBases);
                v.put("direction", words(Direction.values()));
                v.put("judgement", words(Judgement.values()));
            }
            case "Comparison" -> {
                v.put("basis", new TreeSet<>(Basis.ids()));
                v.put("outcome", OUTCOMES);
            }
            case "Extreme" -> {
                v.put("series", new TreeSet<>(Evidence.Series.ALL));
                v.put("direction", Set.of("high", "low"));
            }
            case "Streak" -> {
                v.put("series", new TreeSet<>(Evidence.Series.ALL));
                v.put("direction", Set.of("rise", "fall"));
            }
            case "Trend" -> v.put("direction", Set.of("up", "down", "flat"));
            case "DataIssue" -> {
                v.put("problem", new TreeSet<>(org.pcpassessor.facts.DataIssue.PROBLEMS));
                Set<String> eventKinds = new TreeSet<>(org.pcpassessor.catalogue.Event.Kind.names());
                eventKinds.add("");
                v.put("eventKind", eventKinds);
            }
            case "TableLabel" -> v.put("basis", new TreeSet<>(Basis.ids()));
            default -> {
                // Snapshot, SpcSignal, Sentence: kind, polarity and measureId only
            }
        }
        return v;
    }

    private void checkLiterals(RuleModel.Rule rule, RuleModel.Pattern p) {
        Map<String, Set<String>> vocabulary = vocabulary(p.type());
        for (RuleModel.Constraint c : p.constraints()) {
            Matcher is = FIELD_IS.matcher(c.text());
            while (is.find()) {
                literal(rule, p, c.at(is.start(2)), vocabulary, is.group(1), is.group(2));
            }
            Matcher in = FIELD_IN.matcher(c.text());
            while (in.find()) {
                Matcher q = QUOTED.matcher(in.group(2));
                while (q.find()) {
                    literal(rule, p, c.at(in.start(2) + q.start(1)), vocabulary, in.group(1), q.group(1));
                }
            }
        }
    }

    private void literal(RuleModel.Rule rule, RuleModel.Pattern p, Location at, Map<String, Set<String>> vocabulary,
                         String field, String value) {
        Set<String> allowed = vocabulary.get(field);
        if (allowed == null || allowed.contains(value)) {
            return;
        }
        String what = switch (field) {
            case "code" -> "finding code '" + value + "' is neither a contract code nor declared in " + RuleBase.CODES
                    + ", so this condition can never match";
            case "measureId" -> "measure id '" + value + "' is not in the catalogue";
            default -> p.type() + "." + field + " is never '" + value + "'; it is one of " + String.join(", ", allowed);
        };
        error(at, "rule '" + rule.name() + "': " + what + Suggestions.didYouMean(value, allowed));
    }

    private void checkEvidenceKeys(RuleModel.Rule rule, RuleModel.Pattern p) {
        for (RuleModel.Constraint c : p.constraints()) {
            Matcher m = EVIDENCE_KEY.matcher(c.text());
            while (m.find()) {
                Optional<RuleModel.Pattern> owner = m.group(1) == null ? Optional.of(p) : rule.bound(m.group(1));
                if (owner.isEmpty() || !owner.get().type().equals("Finding")) {
                    continue;
                }
                Set<String> keys = new TreeSet<>();
                codesOf(owner.get()).forEach(code -> keys.addAll(codes.get(code).anyKeys()));
                if (!keys.contains(m.group(2))) {
                    error(c.at(m.start(2)), "rule '" + rule.name() + "': evidence[\"" + m.group(2) + "\"] is not a key of the "
                            + "findings this pattern matches, so it is never there"
                            + Suggestions.didYouMean(m.group(2), keys) + "; their keys: " + String.join(", ", keys));
                } else {
                    checkEquality(rule, c, m);
                }
            }
        }
    }

    /** {@code evidence["k"] == 0} (or {@code !=}) with a number literal after it. */
    private static final Pattern EQUALS_NUMBER = Pattern.compile("^\\s*(==|!=)\\s*(-?\\d+(?:\\.\\d*)?)(?![\\w.])");

    /**
     * An equality between an evidence value and a number written as the other kind (a decimal value and a whole
     * number, or the reverse) is never true: the rule engine compares a map's values as objects, and 0.0 is not
     * the object 0, whatever the number. Ordering ({@code >=}, {@code <}) is unaffected.
     */
    private void checkEquality(RuleModel.Rule rule, RuleModel.Constraint c, Matcher key) {
        Matcher eq = EQUALS_NUMBER.matcher(c.text()).region(key.end(), c.text().length());
        if (!eq.lookingAt()) {
            return;
        }
        Optional<Boolean> decimal = decimalKey(key.group(2));
        boolean written = eq.group(2).contains(".");
        if (decimal.isEmpty() || decimal.get() == written) {
            return;
        }
        String number = eq.group(2);
        String instead = decimal.get() ? number + ".0" : number.replaceFirst("\\..*", "");
        error(c.at(eq.start(2)), "rule '" + rule.name() + "': evidence[\"" + key.group(2) + "\"] is a "
                + (decimal.get() ? "decimal" : "whole number") + ", and the rule engine compares evidence values as "
                + "objects, so it never equals " + number + ": write " + instead);
    }

    /** Whether an evidence key holds a decimal (true) or a whole number (false), from its fact types' fields. */
    private static Optional<Boolean> decimalKey(String key) {
        String field = Finding.ownKey(key);
        Set<Boolean> kinds = new java.util.HashSet<>();
        for (Class<? extends Evidence> type : Evidence.TYPES) {
            for (var component : type.getRecordComponents() == null ? new java.lang.reflect.RecordComponent[0]
                    : type.getRecordComponents()) {
                if (!component.getName().equals(field)) {
                    continue;
                }
                Class<?> t = component.getType();
                if (t == double.class || t == float.class || t == Double.class || t == Float.class) {
                    kinds.add(true);
                } else if (t == int.class || t == long.class || t == Integer.class || t == Long.class) {
                    kinds.add(false);
                }
            }
        }
        return kinds.size() == 1 ? Optional.of(kinds.iterator().next()) : Optional.empty();
    }

    private void error(Location at, String message) {
        // once, though a template read once per kind of measure finds it each time
        if (reported.add(at + " " + message)) {
            problems.error(at.file(), at.line(), at.column(), message);
        }
    }

    /** The errors said so far, by place and message. */
    private final Set<String> reported = new java.util.HashSet<>();

    /**
     * A Sentence pattern that joins a bound fact ({@code used contains $f}) but is not keyed by measure: the engine
     * cannot index {@code contains}, so each test of it reads every sentence of the priority, of every measure and
     * area, and its cost grows with the priority's size. Keyed by {@code measureId == $f.measureId}, the engine reads
     * only the measure's own sentences (an indexed join). A warning: the rule is right, only slow at scale.
     */
    private void checkSentenceJoin(RuleModel.Rule rule, RuleModel.Pattern p) {
        if (!p.type().equals("Sentence")) {
            return;
        }
        Optional<String> joined = p.constraints().stream().map(c -> BINDING.matcher(c.text())).filter(Matcher::find)
                .map(Matcher::group).findFirst();
        boolean keyed = p.constraints().stream().anyMatch(c -> MEASURE_KEY.matcher(c.text().strip()).matches());
        if (joined.isPresent() && !keyed) {
            String binding = joined.get();
            problems.warning(p.at().file(), p.at().line(), p.at().column(), "rule '" + rule.name() + "': this "
                    + "Sentence pattern reads every sentence of the priority (all its measures and areas) each time it "
                    + "is tested; key it by measure, Sentence( measureId == " + binding + ".measureId, ... ), so that "
                    + "only the measure's own sentences are read");
        }
    }
}
