package org.pcpassessor.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pcpassessor.problem.Location;
import org.pcpassessor.problem.Problems;

/**
 * The first of the two checks of the trust boundary (the second, {@link CompiledCheck}, reads the classes compiled
 * from the rules). A rule file is code that runs inside the tool, so by default its code may use only the rule API:
 * the fact types (Finding, Sentence, Snapshot, ...), the catalogue's value types, String, Math, boxed numbers,
 * collections and a thrown exception; and no loop that need not end. Everything else (System, Runtime, Thread,
 * processes, files, the network, reflection, class literals, {@code drools}/{@code kcontext}, globals, imports from
 * elsewhere, {@code while}, {@code do} and counting {@code for} loops) is an error at its file:line:column, and so is
 * what would make the compiled code differ from the text read here or run before anything can be checked: a unicode
 * escape, a declared type, a dialect other than Java's, a package of the tool's, the engine's or the platform's.
 * It runs on the text before the files are compiled ({@code import accumulate} classes are made by the compiler).
 * {@code --trust-rules} lifts the check for a rule author the user trusts; the run-time guard (time limit, errors,
 * halts) applies either way.
 *
 * <p>The check reads the source as tokens, with comments and string literals blanked: an allow-list of the type
 * names a rule may write and of the packages it may import, and a deny-list of the few lower-case names that reach
 * the engine or the JVM ({@code drools}, {@code kcontext}, {@code getClass}, {@code class}, ...).
 */
public final class RuleSafety {
    /** The type names a rule may write. */
    static final Set<String> TYPES = Set.of(
            // the rule API
            "Snapshot", "Figure", "Comparison", "Extreme", "Streak", "Trend", "SpcSignal", "DataIssue", "Evidence",
            "Finding",
            "Sentence", "TableLabel", "Importance", "Trivial", "Direction", "Judgement", "Months", "Basis", "Kind",
            "Polarity", "SeriesKey",
            // values, text and collections
            "String", "StringBuilder", "Math", "Integer", "Long", "Double", "Float", "Short", "Byte", "Boolean",
            "Character", "Number", "Object", "Comparable", "Iterable", "Collection", "Collections", "List", "Map",
            "Set", "Arrays", "Objects", "Optional", "ArrayList", "HashMap", "LinkedHashMap", "TreeMap", "HashSet",
            "LinkedHashSet", "TreeSet",
            // a rule may give up with a message; the runner reports it as the rule's error
            "Exception", "RuntimeException", "IllegalStateException", "IllegalArgumentException");
    /** What a rule file may import: the rule API, and the java.util collections. */
    private static final Pattern IMPORT_OK = Pattern.compile(
            "org\\.pcpassessor\\.(facts|catalogue)\\.(\\*|[A-Z]\\w*(\\.[A-Z]\\w*)*)"
                    + "|java\\.util\\.(List|Map|Set|Collection|Collections|Arrays|Objects|Optional|ArrayList|HashMap"
                    + "|LinkedHashMap|TreeMap|HashSet|LinkedHashSet|TreeSet)"
                    + "|java\\.lang\\.(String|Math|Integer|Long|Double|Boolean)");
    /** Names that reach the engine or the JVM, whatever precedes them. */
    private static final Set<String> DENIED = Set.of("drools", "kcontext", "getClass", "class", "forName",
            "getClassLoader", "getRuntime", "getKieRuntime", "setAccessible", "newInstance", "invoke", "halt", "exit",
            "wait", "notify", "notifyAll", "while", "do", "synchronized", "native", "finalize", "clone");
    /** The roots of Java package names: a qualified name starting so names a class by its package. */
    private static final Set<String> PACKAGE_ROOTS = Set.of("java", "javax", "jdk", "sun", "com", "org", "net", "io",
            "kotlin", "scala", "groovy", "mvel", "mvel2");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    /** A dotted name, spaces around the dots allowed (compiled once: {@link #qualified} runs for every word). */
    private static final Pattern QUALIFIED = Pattern.compile("[A-Za-z_$][\\w$]*(\\s*\\.\\s*[A-Za-z_$*][\\w$]*)*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DECLARE = Pattern.compile("\\bdeclare\\s+(?:enum\\s+|trait\\s+)?([A-Za-z_$][\\w$]*)");
    private static final Pattern RULE_NAME = Pattern.compile("^\\s*rule\\s+\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.MULTILINE);
    /**
     * A unicode escape: Java reads {@code \u0053ystem} as {@code System} and {@code \u0022} as a quote before anything
     * else, so the compiled code would not be the text read here.
     */
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9A-Fa-f]{4}");
    /** A dialect attribute, of a rule or a package: only Java's is compiled to classes that can be checked. */
    private static final Pattern DIALECT = Pattern.compile("\\bdialect\\s+[\"']([^\"']*)[\"']");
    /** The package of a rule file: not one of the tool's, the engine's or the platform's, whose classes it could reach. */
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.$]+)");
    private static final List<String> RESERVED_PACKAGES = List.of("org.pcpassessor", "java", "javax", "jdk", "sun",
            "com.sun", "org.drools", "org.kie", "org.mvel2", "org.objectweb");

    /** Where a decision table's generated rule is declared (its row), by the rule's package and name. */
    interface RuleLocator {
        java.util.Optional<String> packageOf(String rule);

        Location source(String rulePackage, String rule);

        /**
         * For a table whose cells are known (an Excel one), where the code at {@code index} of its DRL came from:
         * "sheet 'Rules' cell C10".
         */
        default java.util.Optional<String> cell(RuleModel.Source source, int index) {
            return java.util.Optional.empty();
        }
    }

    private RuleSafety() {
    }

    /** Adds an error for every use of code outside the rule API in the rule base's files. */
    public static void check(RuleBase base, Problems problems) {
        RuleLocator locator = new RuleLocator() {
            @Override
            public java.util.Optional<String> packageOf(String rule) {
                return base.packageOf(rule);
            }

            @Override
            public Location source(String rulePackage, String rule) {
                return base.source(rulePackage, rule);
            }

            @Override
            public java.util.Optional<String> cell(RuleModel.Source source, int index) {
                return base.cell(source, index);
            }
        };
        check(base.sources(), locator, problems);
    }

    /**
     * Adds an error for every use of code outside the rule API in the files: run on the text before the files are
     * compiled, since the compiler itself loads what a rule names (an {@code import accumulate} class is made while
     * compiling).
     */
    static void check(java.util.Collection<RuleModel.Source> sources, RuleLocator locator, Problems problems) {
        for (RuleModel.Source source : sources) {
            if (PASSED.contains(source)) {
                continue;
            }
            long before = problems.errorCount();
            check(source, locator, problems);
            if (problems.errorCount() == before) {
                PASSED.add(source);
            }
        }
    }

    /**
     * Texts found clean in this process (each whole: its path, phase and every character): the check depends on
     * nothing else, so a text passed once passes again. A watch reads its rules folder again at every edit of it,
     * and checking every file each time took 15 to 20 ms of the edit's run; now only the edited file is checked.
     * The {@value #PASSED_KEPT} most recently passed are kept.
     */
    private static final java.util.Set<RuleModel.Source> PASSED =
            java.util.Collections.newSetFromMap(Recent.map(RuleSafety.PASSED_KEPT));
    private static final int PASSED_KEPT = 256;

    private static void check(RuleModel.Source source, RuleLocator base, Problems problems) {
        String raw = source.drl();
        int[] rawLines = lines(raw);
        Set<Location> said = new HashSet<>();
        Set<String> saidOfCells = new HashSet<>();
        java.util.function.BiConsumer<Integer, String> report = (index, problem) -> {
            String advice = "; remove it, or run with --trust-rules if you trust the rules' author (README: rules are "
                    + "code)";
            java.util.Optional<String> cell = source.table() ? base.cell(source, index) : java.util.Optional.empty();
            if (cell.isPresent()) {
                if (saidOfCells.add(cell.get())) {
                    problems.error(source.path(), 0, 0, cell.get() + ": " + problem + advice);
                }
                return;
            }
            Location at = locate(source, base, raw, rawLines, index);
            if (said.add(at)) {
                problems.error(at.file(), at.line(), at.column(), problem + advice);
            }
        };
        Matcher u = UNICODE_ESCAPE.matcher(raw);
        while (u.find()) {
            report.accept(u.start(), "a unicode escape ('" + u.group() + "') is read by the compiler before "
                    + "anything else, so the code would not be what it looks like: write the character itself");
        }
        literals(raw, report);
        Matcher dialect = DIALECT.matcher(raw);
        while (dialect.find()) {
            if (!dialect.group(1).equals("java")) {
                report.accept(dialect.start(), "dialect \"" + dialect.group(1) + "\" resolves names while the rules "
                        + "run, where they cannot be checked: rules are written in the java dialect");
            }
        }
        Matcher pkg = PACKAGE.matcher(blank(raw));
        while (pkg.find()) {
            String name = pkg.group(1);
            for (String reserved : RESERVED_PACKAGES) {
                if (name.equals(reserved) || name.startsWith(reserved + ".")) {
                    report.accept(pkg.start(1), "package " + name + " is the tool's, the engine's or the platform's: "
                            + "a rule file's package is its own (pcp.classify, say)");
                }
            }
        }
        String code = blank(raw);
        Matcher d = DECLARE.matcher(code);
        while (d.find()) {
            report.accept(d.start(), "a declared type ('declare " + d.group(1) + "') is a class made from the rule "
                    + "file, which could stand in for a class of the platform: rules use the rule API's facts");
        }
        int[] lineStarts = lines(code);
        Matcher w = WORD.matcher(code);
        int from = 0;
        while (w.find(from)) {
            int start = w.start();
            int end = w.end();
            from = end;
            String word = w.group();
            boolean afterDot = previous(code, start) == '.';
            String qualified = qualified(code, start);
            String problem = null;
            if (!afterDot && word.equals("import")) {
                int semi = statementEnd(code, end);
                String target = code.substring(end, semi).strip();
                if (!IMPORT_OK.matcher(target).matches()) {
                    problem = "import " + target + " reaches outside the rule API (a rule file may import "
                            + "org.pcpassessor.facts.* and java.util collections)";
                }
                from = semi;
            } else if (!afterDot && word.equals("global")) {
                problem = "globals are outside the rule API: a rule reads facts and inserts findings and sentences";
                from = statementEnd(code, end);
            } else if (!afterDot && (PACKAGE_ROOTS.contains(word) || packageQualified(word, qualified))
                    && qualified.contains(".")
                    && !qualified.startsWith("org.pcpassessor.facts.") && !qualified.startsWith("org.pcpassessor.catalogue.")
                    && !IMPORT_OK.matcher(qualified).matches() && !isPackageDeclaration(code, start)) {
                problem = "'" + shortened(qualified) + "' reaches outside the rule API";
                from = start + qualified.length();
            } else if (DENIED.contains(word)) {
                problem = (word.equals("while") || word.equals("do") ? "a '" + word + "' loop need not end"
                        : "'" + (afterDot ? "." : "") + word + "' reaches outside the rule API");
            } else if (!afterDot && Character.isUpperCase(word.charAt(0)) && !TYPES.contains(word)) {
                problem = "'" + shortened(qualified) + "' is not part of the rule API";
            } else if (!afterDot && word.equals("for") && countingLoop(code, end)) {
                problem = "a counting 'for' loop need not end; loop over a collection instead (for (Finding f : list))";
            }
            if (problem != null) {
                report.accept(start, problem);
            }
        }
    }

    /**
     * What the engine copies from a rule file into the Java it generates, unescaped: a rule's name, an attribute's or
     * annotation's value. A backslash there ({@code rule "x\" + new Object() {...} + \""}) or a double quote inside a
     * single-quoted text ({@code rule 'x" + ... + "'}) ends the generated string and writes code the text check never
     * read; a backtick makes a name of anything ({@code package `org`.pcpassessor...}). None is needed by a rule: a
     * template writes the character itself.
     */
    private static void literals(String raw, java.util.function.BiConsumer<Integer, String> report) {
        int n = raw.length();
        int i = 0;
        while (i < n) {
            char c = raw.charAt(i);
            if (c == '/' && i + 1 < n && raw.charAt(i + 1) == '/') {
                while (i < n && raw.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && raw.charAt(i + 1) == '*') {
                int end = raw.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\\') {
                report.accept(i, "a backslash is copied by the engine into the Java it generates, where it can end a "
                        + "string and start code: write the character itself");
                i++;
            } else if (c == '`') {
                report.accept(i, "a backtick makes a name of any text, past what is checked: write names plainly");
                i++;
            } else if (c == '\'' || c == '"') {
                int start = i++;
                while (i < n && raw.charAt(i) != c && raw.charAt(i) != '\n') {
                    if (raw.charAt(i) == '\\') {
                        report.accept(i, "a backslash is copied by the engine into the Java it generates, where it can "
                                + "end a string and start code: write the character itself");
                    } else if (c == '\'' && raw.charAt(i) == '"') {
                        report.accept(start, "a double quote inside a single-quoted text ends the string the engine "
                                + "generates from it: use double quotes around the text, and no quote inside");
                    }
                    i++;
                }
                i++;
            } else {
                i++;
            }
        }
    }

    /**
     * Whether a dotted name names a class by its package: a lower-case first part (a package, {@code picocli}) and a
     * part that starts with a capital ({@code picocli.AutoComplete}); a field path ({@code snapshot.current}) has none.
     */
    private static boolean packageQualified(String word, String qualified) {
        if (!Character.isLowerCase(word.charAt(0)) || !qualified.contains(".")) {
            return false;
        }
        String[] parts = qualified.split("\\.");
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty() && Character.isUpperCase(parts[i].charAt(0))) {
                return true;
            }
        }
        return false;
    }

    /** The text with comments and the contents of string and character literals replaced by spaces. */
    static String blank(String text) {
        return blank(text, true);
    }

    /** The text with its comments replaced by spaces, and the contents of its literals too when {@code literals}. */
    static String blank(String text, boolean literals) {
        StringBuilder out = new StringBuilder(text);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
                    if (text.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                    i++;
                }
                for (int k = 0; k < 2 && i < n; k++) {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        if (literals) {
                            out.setCharAt(i, ' ');
                        }
                        i++;
                    }
                    if (literals) {
                        out.setCharAt(i, ' ');
                    }
                    i++;
                }
                i++;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static char previous(String code, int index) {
        int i = index - 1;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        return i < 0 ? '\0' : code.charAt(i);
    }

    /** The dotted name starting at {@code start} (a.b.C), spaces around the dots allowed. */
    private static String qualified(String code, int start) {
        Matcher m = QUALIFIED.matcher(code).region(start, code.length());
        return m.lookingAt() ? SPACES.matcher(m.group()).replaceAll("") : "";
    }

    /** {@code java.io.File.delete} reads as {@code java.io.File}: up to the first upper-case segment. */
    private static String shortened(String qualified) {
        String[] parts = qualified.split("\\.");
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            out.append(out.length() == 0 ? "" : ".").append(p);
            if (!p.isEmpty() && Character.isUpperCase(p.charAt(0))) {
                break;
            }
        }
        return out.toString();
    }

    private static boolean isPackageDeclaration(String code, int start) {
        int lineStart = code.lastIndexOf('\n', start - 1) + 1;
        return code.substring(lineStart, start).strip().equals("package");
    }

    private static int statementEnd(String code, int from) {
        int semi = code.indexOf(';', from);
        int newline = code.indexOf('\n', from);
        int end = semi < 0 ? newline : newline < 0 ? semi : Math.min(semi, newline);
        return end < 0 ? code.length() : end;
    }

    /** Whether the {@code for} at {@code end} has a header with a ';' (counting or endless), not a for-each. */
    private static boolean countingLoop(String code, int end) {
        int i = end;
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        if (i >= code.length() || code.charAt(i) != '(') {
            return false;
        }
        int depth = 0;
        for (; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return false;
            } else if (c == ';' && depth == 1) {
                return true;
            }
        }
        return false;
    }

    /** Where each line of {@code code} starts. */
    private static int[] lines(String code) {
        return java.util.stream.IntStream.concat(java.util.stream.IntStream.of(0),
                java.util.stream.IntStream.range(0, code.length()).filter(i -> code.charAt(i) == '\n').map(i -> i + 1))
                .toArray();
    }

    /**
     * Where the user sees the offending code: its own line and column in a DRL file; in a decision table, the row
     * that makes the rule holding it (the table's DRL is generated), or the table's first line outside any rule.
     */
    private static Location locate(RuleModel.Source source, RuleLocator base, String code, int[] lineStarts,
                                   int index) {
        if (source.table()) {
            String before = code.substring(0, index);
            Matcher m = RULE_NAME.matcher(source.drl().substring(0, index));
            String rule = null;
            while (m.find()) {
                rule = m.group(1);
            }
            int rulesEnd = before.lastIndexOf("\nend");
            boolean inRule = rule != null && rulesEnd < before.lastIndexOf("\nrule");
            if (inRule) {
                String rulePackage = base.packageOf(rule).orElse("");
                return base.source(rulePackage, rule);
            }
            return Location.of(source.path(), 1);
        }
        int found = java.util.Arrays.binarySearch(lineStarts, index);
        int line = found >= 0 ? found : -found - 2; // the last line starting at or before index
        return new Location(source.path(), line + 1, index - lineStarts[line] + 1);
    }
}
