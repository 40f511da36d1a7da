package org.pcpassessor.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.pcpassessor.problem.Location;

/**
 * The rules of a folder as the contract check reads them, through Drools' own DRL parser: each rule's patterns
 * (type, binding, constraints, where each is written) and the calls its consequence makes to {@code Finding.of},
 * {@code Sentence.of} and {@code TableLabel.of}, with their literal code or template and the bindings passed.
 */
public record RuleModel(List<Rule> rules) {
    public RuleModel {
        rules = List.copyOf(rules);
    }

    /** A constraint of a pattern, as written. */
    public record Constraint(String text, Location at) {
        /** Where the character at {@code offset} of the text is written (the constraint's start when unknown). */
        public Location at(int offset) {
            if (at.column() == 0 || offset < 0 || offset > text.length()) {
                return at;
            }
            String before = text.substring(0, offset);
            int newline = before.lastIndexOf('\n');
            if (newline < 0) {
                return new Location(at.file(), at.line(), at.column() + offset);
            }
            return new Location(at.file(), at.line() + (int) before.chars().filter(c -> c == '\n').count(), 0);
        }
    }

    /**
     * A pattern: its fact type, binding ("" when unbound), constraints; bound when it is not under not/exists;
     * {@code collects} the pattern whose facts it gathers when it reads {@code from collect( ... )} (a list).
     */
    public record Pattern(String type, String identifier, List<Constraint> constraints, boolean bound, Location at,
                          Optional<Pattern> collects) {
        public Pattern {
            constraints = List.copyOf(constraints);
            Objects.requireNonNull(collects, "collects");
        }

        /**
         * The texts a field is restricted to by constraints of the form {@code field == "x"} or
         * {@code field in ("x", "y")} (each a whole constraint, so never part of an "or"); empty when none is.
         */
        public Optional<Set<String>> restriction(String field) {
            Set<String> out = null;
            java.util.regex.Pattern is = java.util.regex.Pattern.compile("^" + field + "\\s*==\\s*\"([^\"]*)\"$");
            java.util.regex.Pattern in = java.util.regex.Pattern.compile("^" + field + "\\s+in\\s*\\(([^)]*)\\)$");
            for (Constraint c : constraints) {
                Set<String> values = new TreeSet<>();
                String text = c.text().strip();
                Matcher m = is.matcher(text);
                Matcher l = in.matcher(text);
                if (m.matches()) {
                    values.add(m.group(1));
                } else if (l.matches()) {
                    Matcher q = QUOTED.matcher(l.group(1));
                    while (q.find()) {
                        values.add(q.group(1));
                    }
                } else {
                    continue;
                }
                if (out == null) {
                    out = values;
                } else {
                    out.retainAll(values);
                }
            }
            return Optional.ofNullable(out);
        }
    }

    public enum CallKind { FINDING, SENTENCE, LABEL }

    /**
     * A call in a consequence: {@code code} for Finding.of and {@code template} for the others, when written as
     * text; {@code args} the bindings passed after it.
     */
    public record Call(CallKind kind, Optional<String> code, Optional<String> template, List<String> args,
                       Location at) {
        public Call {
            args = List.copyOf(args);
        }
    }

    /**
     * A rule: name, phase, where it is declared, its metadata names ({@code @rank}, {@code @rare}), its patterns
     * (every one, nested too) and its calls.
     */
    public record Rule(String name, String phase, Location at, Set<String> annotations, List<Pattern> patterns,
                       List<Call> calls) {
        public Rule {
            annotations = Set.copyOf(annotations);
            patterns = List.copyOf(patterns);
            calls = List.copyOf(calls);
        }

        /** The pattern a binding ($x) names, when it is bound in this rule's conditions. */
        public Optional<Pattern> bound(String identifier) {
            return patterns.stream().filter(p -> p.bound() && p.identifier().equals(identifier)).findFirst();
        }
    }

    /** The model as JSON, for the rule cache ({@link #fromJson} reads it back equal). */
    ObjectNode toJson(JsonNodeFactory json) {
        ObjectNode root = json.objectNode();
        ArrayNode out = root.putArray("rules");
        for (Rule r : rules) {
            ObjectNode rule = out.addObject();
            rule.put("name", r.name());
            rule.put("phase", r.phase());
            rule.set("at", location(json, r.at()));
            r.annotations().stream().sorted().forEach(rule.putArray("annotations")::add);
            ArrayNode patterns = rule.putArray("patterns");
            for (Pattern p : r.patterns()) {
                writePattern(json, p, patterns.addObject());
            }
            ArrayNode calls = rule.putArray("calls");
            for (Call c : r.calls()) {
                ObjectNode call = calls.addObject();
                call.put("kind", c.kind().name());
                c.code().ifPresent(code -> call.put("code", code));
                c.template().ifPresent(template -> call.put("template", template));
                c.args().forEach(call.putArray("args")::add);
                call.set("at", location(json, c.at()));
            }
        }
        return root;
    }

    private static void writePattern(JsonNodeFactory json, Pattern p, ObjectNode pattern) {
        pattern.put("type", p.type());
        pattern.put("identifier", p.identifier());
        pattern.put("bound", p.bound());
        pattern.set("at", location(json, p.at()));
        ArrayNode constraints = pattern.putArray("constraints");
        p.constraints().forEach(c -> constraints.addObject().put("text", c.text()).set("at", location(json, c.at())));
        p.collects().ifPresent(inner -> writePattern(json, inner, pattern.putObject("collects")));
    }

    private static Pattern readPattern(JsonNode p) {
        List<Constraint> constraints = new ArrayList<>();
        required(p, "constraints").forEach(c -> constraints.add(new Constraint(text(c, "text"),
                location(required(c, "at")))));
        JsonNode collects = p.get("collects");
        return new Pattern(text(p, "type"), text(p, "identifier"), constraints, required(p, "bound").booleanValue(),
                location(required(p, "at")), collects == null ? Optional.empty() : Optional.of(readPattern(collects)));
    }

    /** The model {@link #toJson} wrote; fails on anything else (the cache then parses the files again). */
    static RuleModel fromJson(JsonNode root) {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode rule : required(root, "rules")) {
            List<Pattern> patterns = new ArrayList<>();
            for (JsonNode p : required(rule, "patterns")) {
                patterns.add(readPattern(p));
            }
            List<Call> calls = new ArrayList<>();
            for (JsonNode c : required(rule, "calls")) {
                List<String> args = new ArrayList<>();
                c.path("args").forEach(a -> args.add(a.textValue()));
                calls.add(new Call(CallKind.valueOf(text(c, "kind")), Optional.ofNullable(c.path("code").textValue()),
                        Optional.ofNullable(c.path("template").textValue()), args, location(required(c, "at"))));
            }
            Set<String> annotations = new TreeSet<>();
            rule.path("annotations").forEach(a -> annotations.add(a.textValue()));
            rules.add(new Rule(text(rule, "name"), text(rule, "phase"), location(required(rule, "at")), annotations,
                    patterns, calls));
        }
        return new RuleModel(rules);
    }

    private static ArrayNode location(
            JsonNodeFactory json, Location at) {
        return json.arrayNode().add(at.file()).add(at.line()).add(at.column());
    }

    private static Location location(JsonNode at) {
        if (at.size() != 3 || !at.get(0).isTextual() || !at.get(1).isInt() || !at.get(2).isInt()) {
            throw new IllegalArgumentException("not a location: " + at);
        }
        return new Location(at.get(0).textValue(), at.get(1).intValue(), at.get(2).intValue());
    }

    private static JsonNode required(JsonNode node,
                                                                   String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("no " + field + " in " + node);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " is not text in " + node);
        }
        return value.textValue();
    }

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("\"([^\"]*)\"");
    private static final java.util.regex.Pattern CALL =
            java.util.regex.Pattern.compile("\\b(Finding|Sentence|TableLabel)\\s*\\.\\s*of\\s*\\(");

    /**
     * Reads rule files. {@code drl} is each file's DRL (for a decision table, the DRL it compiles to, whose
     * positions are then the table rows of {@code declared}).
     */
    static RuleModel read(Map<String, Source> files, Map<String, RuleBase.RuleInfo> declared) {
        List<Rule> rules = new ArrayList<>();
        for (Source f : files.values()) {
            rules.addAll(READ.computeIfAbsent(f, file -> read(file, declared)));
        }
        return new RuleModel(rules);
    }

    /**
     * Files read in this process, by path, phase and text: after an edit under {@code watch} only the edited file is
     * parsed again. A file's rules depend on its own text alone (each is placed where this file declares it).
     */
    private static final Map<Source, List<Rule>> READ = Recent.map(96);

    private static List<Rule> read(Source f, Map<String, RuleBase.RuleInfo> declared) {
        List<Rule> rules = new ArrayList<>();
        PackageDescr pkg;
        try {
            DrlParser parser = new DrlParser();
            pkg = parser.parse(false, f.drl());
            if (pkg == null || parser.hasErrors()) {
                return List.of(); // the compiler has reported it, with its line
            }
        } catch (DroolsParserException | RuntimeException e) {
            return List.of();
        }
        for (RuleDescr r : pkg.getRules()) {
            RuleBase.RuleInfo info = declared.get(RuleBase.key(pkg.getName(), r.getName()));
            Location ruleAt = info != null ? info.source() : Location.of(f.path(), Math.max(0, r.getLine()));
            List<Pattern> patterns = new ArrayList<>();
            walk(r.getLhs(), true, f, ruleAt, patterns);
            rules.add(new Rule(r.getName(), f.phase(), ruleAt, r.getAnnotationNames(), patterns, calls(r, f, ruleAt)));
        }
        return List.copyOf(rules);
    }

    /** A rule file: its path as the user names it, phase, DRL text, and whether positions are the file's own. */
    record Source(String path, String phase, String drl, boolean table) {
    }

    private static Location at(Source f, Location rule, BaseDescr d) {
        // Drools' descriptors count lines from 1 and columns from 0.
        return f.table() || d.getLine() <= 0 ? rule : new Location(f.path(), d.getLine(), Math.max(0, d.getColumn()) + 1);
    }

    private static void walk(BaseDescr d, boolean bound, Source f, Location rule, List<Pattern> out) {
        if (d instanceof PatternDescr p) {
            out.add(pattern(p, bound, f, rule));
            if (p.getSource() instanceof AccumulateDescr a && a.getInput() != null) {
                walk(a.getInput(), false, f, rule, out); // what it accumulates: checked, never bound in the rule
            }
            return;
        }
        if (d instanceof ConditionalElementDescr ce) {
            boolean inner = bound && (d instanceof org.drools.drl.ast.descr.AndDescr
                    || d instanceof org.drools.drl.ast.descr.OrDescr);
            for (Object o : ce.getDescrs()) {
                if (o instanceof BaseDescr b) {
                    walk(b, inner, f, rule, out);
                }
            }
        }
    }

    /** A pattern; one reading {@code from collect( ... )} with the pattern it collects (never bound in the rule). */
    private static Pattern pattern(PatternDescr p, boolean bound, Source f, Location rule) {
        List<Constraint> constraints = new ArrayList<>();
        if (p.getConstraint() != null) {
            for (BaseDescr c : p.getConstraint().getDescrs()) {
                String text = c instanceof ExprConstraintDescr e ? e.getExpression() : c.getText();
                if (text != null) {
                    constraints.add(new Constraint(text, at(f, rule, c)));
                }
            }
        }
        Optional<Pattern> collects = p.getSource() instanceof CollectDescr c && c.getInputPattern() != null
                ? Optional.of(pattern(c.getInputPattern(), false, f, rule)) : Optional.empty();
        return new Pattern(p.getObjectType(), p.getIdentifier() == null ? "" : p.getIdentifier(), constraints,
                bound && p.getIdentifier() != null, at(f, rule, p), collects);
    }

    private static List<Call> calls(RuleDescr r, Source f, Location rule) {
        String consequence = r.getConsequence() == null ? "" : r.getConsequence().toString();
        int firstLine = consequenceLine(r, f, rule, consequence);
        List<Call> out = new ArrayList<>();
        Matcher m = CALL.matcher(consequence);
        while (m.find()) {
            List<String> args = arguments(consequence, m.end());
            CallKind kind = switch (m.group(1)) {
                case "Finding" -> CallKind.FINDING;
                case "Sentence" -> CallKind.SENTENCE;
                default -> CallKind.LABEL;
            };
            Optional<String> text = args.isEmpty() ? Optional.empty() : literal(args.get(0));
            List<String> rest = args.size() > 1 ? args.subList(1, args.size()).stream().map(String::strip).toList()
                    : List.of();
            Location at = f.table() || firstLine <= 0 ? rule
                    : Location.of(f.path(), firstLine + (int) consequence.substring(0, m.start()).chars()
                    .filter(ch -> ch == '\n').count());
            out.add(new Call(kind, kind == CallKind.FINDING ? text : Optional.empty(),
                    kind == CallKind.FINDING ? Optional.empty() : text, rest, at));
        }
        return out;
    }

    /** The 1-based line where the consequence text starts in the file, or 0 when it cannot be found. */
    private static int consequenceLine(RuleDescr r, Source f, Location rule, String consequence) {
        if (f.table() || consequence.isBlank()) {
            return 0;
        }
        String head = consequence.strip();
        head = head.substring(0, Math.min(40, head.length()));
        int from = 0;
        for (int line = 1; line < rule.line() && from >= 0; line++) {
            from = f.drl().indexOf('\n', from) + 1;
        }
        int offset = f.drl().indexOf(head, Math.max(0, from));
        if (offset < 0) {
            return 0;
        }
        return 1 + (int) f.drl().substring(0, offset).chars().filter(ch -> ch == '\n').count();
    }

    /** The arguments of a call whose '(' ends at {@code start}: split on top-level commas, strings kept whole. */
    static List<String> arguments(String text, int start) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '"') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                current.append(text, i, Math.min(end + 1, text.length()));
                i = end;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    args.add(current.toString().strip());
                    return args.get(0).isEmpty() && args.size() == 1 ? List.of() : args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return args;
    }

    /** The text of an expression made only of string literals joined by '+', unescaped; empty otherwise. */
    static Optional<String> literal(String expression) {
        StringBuilder out = new StringBuilder();
        String rest = expression.strip();
        while (true) {
            if (!rest.startsWith("\"")) {
                return Optional.empty();
            }
            int i = 1;
            while (i < rest.length() && rest.charAt(i) != '"') {
                if (rest.charAt(i) == '\\' && i + 1 < rest.length()) {
                    char e = rest.charAt(i + 1);
                    out.append(switch (e) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        default -> e;
                    });
                    i += 2;
                } else {
                    out.append(rest.charAt(i));
                    i++;
                }
            }
            if (i >= rest.length()) {
                return Optional.empty();
            }
            rest = rest.substring(i + 1).strip();
            if (rest.isEmpty()) {
                return Optional.of(out.toString());
            }
            if (!rest.startsWith("+")) {
                return Optional.empty();
            }
            rest = rest.substring(1).strip();
        }
    }
}
