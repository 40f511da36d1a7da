package org.pcpassessor.rules.contract;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import org.pcpassessor.catalogue.Basis;
import org.pcpassessor.catalogue.Kind;
import org.pcpassessor.facts.Comparison;
import org.pcpassessor.facts.Direction;
import org.pcpassessor.facts.Doc;
import org.pcpassessor.facts.Importance;
import org.pcpassessor.facts.Trivial;
import org.pcpassessor.facts.Evidence;
import org.pcpassessor.facts.Extreme;
import org.pcpassessor.facts.Finding;
import org.pcpassessor.facts.Judgement;
import org.pcpassessor.facts.Sentence;
import org.pcpassessor.facts.Snapshot;
import org.pcpassessor.facts.SpcSignal;
import org.pcpassessor.facts.Streak;
import org.pcpassessor.facts.TableLabel;
import org.pcpassessor.facts.Trend;
import org.pcpassessor.wording.Values;

/**
 * docs/rules-reference.md, made from the code: every fact type and field a rule can match, the finding codes, the
 * evidence keys, the values a template can name and the texts fields are compared with. RulesReferenceTest fails
 * when the committed file differs.
 */
public final class RulesReference {
    private static final Map<Class<?>, String> ABOUT = Map.of(
            Snapshot.class, "Every figure of one measure in one area for the report month.",
            Comparison.class, "A tested comparison (basis benchmark, 1yr, 3yr or lastYear).",
            Extreme.class, "How high or low the current value of the monthly or rolling 12-month series stands.",
            Streak.class, "The run of month-on-month moves in one direction that ends with the current month.",
            Trend.class, "The direction of the rolling 12-month series over its latest values (Mann-Kendall).",
            SpcSignal.class, "The current month on the SPC (XmR) chart of the monthly series.");

    private RulesReference() {
    }

    /** The facts rules match, in the order the reference lists them: records, each field matched by its name. */
    public static final List<Class<? extends Record>> FACTS = List.of(Snapshot.class, Comparison.class,
            Extreme.class, Streak.class, Trend.class, SpcSignal.class, org.pcpassessor.facts.DataIssue.class,
            Finding.class, Sentence.class, TableLabel.class, Importance.class, Trivial.class);

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Rules reference\n\n")
                .append("Generated from the code (`org.pcpassessor.rules.contract.RulesReference`); `RulesReferenceTest` fails when ")
                .append("this file is out of step. Regenerate: `mvn -B test -Dtest=RulesReferenceTest -Ddocs.write=true`.\n\n")
                .append("Rule files import `org.pcpassessor.facts.*` and nothing else. Classify rules (`rules/classify/`) ")
                .append("match the facts below and insert `Finding.of(\"CODE\", $fact)` (a second fact adds its evidence ")
                .append("as `other*` keys); narrate rules match findings and insert `Sentence.of(\"template\", $f, ...)` ")
                .append("or `TableLabel.of(\"template\", $f)`. No rule passes `kcontext`: the runner knows which rule is ")
                .append("firing. `./assess check` checks every code, template, phrase, evidence key and compared text ")
                .append("below, for every rule, whether it fires or not.\n\n");
        md.append("## Facts\n\n");
        for (Class<?> type : FACTS) {
            Doc doc = type.getAnnotation(Doc.class);
            md.append("### ").append(type.getSimpleName()).append("\n\n")
                    .append(doc != null ? doc.value() : ABOUT.getOrDefault(type, "")).append("\n\n")
                    .append("| field | type | meaning |\n|---|---|---|\n");
            for (RecordComponent c : type.getRecordComponents()) {
                Doc d = c.getAnnotation(Doc.class);
                md.append("| `").append(c.getName()).append("` | ").append(c.getType().getSimpleName()).append(" | ")
                        .append(d == null ? "" : d.value().replace("|", "\\|")).append(" |\n");
            }
            if (Evidence.class.isAssignableFrom(type)) {
                md.append("\nEvidence keys (`evidence[\"key\"]` on its findings; tests add their own details): ")
                        .append(codes(Evidence.keysOf(type))).append(".\n");
            }
            md.append('\n');
        }
        md.append("## Finding codes\n\n")
                .append("Codes of the contract, with the fact they rest on. A rules folder may declare more in ")
                .append("`codes.yaml` (CODE: meaning); any other code is an error.\n\n| code | fact |\n|---|---|\n");
        RuleContract.CONTRACT_CODES.forEach((code, type) -> md.append("| `").append(code).append("` | ")
                .append(type.getSimpleName()).append(RuleContract.TWO_FACT_CODES.contains(code)
                        ? " (and a second Comparison as `other*`)" : "").append(" |\n"));
        md.append("\n## Compared texts\n\n| field | values |\n|---|---|\n")
                .append("| `Finding.direction` | ").append(words(Direction.values())).append(" |\n")
                .append("| `Finding.judgement` | ").append(words(Judgement.values())).append(" |\n")
                .append("| `Finding.basis` | ").append(codes(Basis.ids())).append(", ")
                .append(codes(Evidence.Series.ALL)).append(" |\n")
                .append("| `Comparison.basis`, `TableLabel.basis` | ").append(codes(Basis.ids())).append(" |\n")
                .append("| `Comparison.outcome` | `higher`, `lower`, `comparable`, `untested` |\n")
                .append("| `Extreme.series`, `Streak.series` | ").append(codes(Evidence.Series.ALL)).append(" |\n")
                .append("| `Extreme.direction` | `high`, `low` |\n| `Streak.direction` | `rise`, `fall` |\n")
                .append("| `Trend.direction` | `up`, `down`, `flat` |\n")
                .append("| `kind` | `count`, `rate`, `proportion`, `median` |\n")
                .append("| `polarity` | `up-is-good`, `down-is-good`, `neutral` |\n")
                .append("| `measureId` | the ids of the catalogue |\n\n");
        md.append("## Template values\n\n")
                .append("Templates are ICU MessageFormat (UK): `{current, number, integer}`, `{streak, spellout}`, ")
                .append("`{n, plural, one{...} other{...}}`, `{direction, select, higher {...} other {...}}`.\n\n")
                .append("About the measure and month: ").append(codes(Values.GENERAL)).append(".\n\n")
                .append("Figures, raw and as `nameText` (\"1,057\", \"10.3%\", \"123 minutes\"; \"-\" when it cannot be ")
                .append("made); rates and proportions also `nameNumerator` and `nameDenominator`: ")
                .append(codes(Values.FIGURES)).append(".\n\n")
                .append("Changes, raw and as `nameText` (\"14.4%\" or \"1.2ppts\", unsigned): ")
                .append(codes(Values.CHANGES)).append(". Counts and medians: ").append(codes(Values.DIFFERENCES))
                .append(".\n\n")
                .append("Per finding said: ").append(codes(Values.PER_FINDING))
                .append(" and every evidence key (booleans as `true`/`false`; ")
                .append(codes(Values.FORMATTED_EVIDENCE)).append(" also as `nameText`; `streak` for a run's length, ")
                .append("`gapYears`), each also numbered by the finding's place (`otherArea1`, `otherArea2`); and, when ")
                .append("the finding's basis is fixed by the rule, `<basis>Code`, `<basis>Direction` and ")
                .append("`<basis>Judgement` (`benchmarkCode`, `rolling12Direction`).\n\n")
                .append("A sentence made from a list the rule collected (`$found : List( size >= 3 ) from collect( ")
                .append("Finding( ... ) )`, then `Sentence.of(\"...\", $found)`) has the measure's values above and ")
                .append("none of each finding's; when its findings are about other areas (AREA_DIVERGENCE), also ")
                .append(codes(Values.AREA_LISTS)).append(": the areas by their outcome (`higher`, `lower`, ")
                .append("`comparable`) as a list (\"East, North and West\"), furthest from their expected figure ")
                .append("first, at most ").append(Values.LISTED_AREAS).append(" named (\"... and 12 more\"), and ")
                .append("how many.\n\n")
                .append("Wording: every entry of `rules/wording/*.yaml` is a value of any other, filled with the same ")
                .append("values.\n\n");
        md.append("Kinds and the names only they have: ");
        for (Kind k : Kind.values()) {
            md.append(k.yamlName()).append(k == Kind.MEDIAN ? ".\n" : k.hasDenominator()
                    ? " (numerators, denominators), " : " (differences), ");
        }
        return md.toString();
    }

    private static String codes(List<String> names) {
        return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }

    private static String words(Enum<?>[] values) {
        return codes(java.util.Arrays.stream(values).map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }
}
