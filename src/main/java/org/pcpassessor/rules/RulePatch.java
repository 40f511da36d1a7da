package org.pcpassessor.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule file edited in this process (under {@code watch}), compiled a rule at a time: the rules whose text changed
 * are each compiled alone, and the others are taken from the file's last compiled module, so that an edit to one rule
 * of a file of fifteen compiles one rule (the compiler's time grows with what it compiles: docs/performance.md).
 * The knowledge base is then made from the rules in the file's new order, the same rules a compile of the whole file
 * makes. A rule compiled alone is the file's text with every other rule blanked out (spaces, the line breaks kept),
 * so that its messages and classes name the file and the lines they would; it is checked against the rule API like
 * any module. Only when the file is a module of its own (no declarations shared with other files: see
 * {@code RuleBase.selfContained}) and what lies between its rules (package, imports, comments) is unchanged; a
 * rule that does not compile alone, or more than half of the rules changed, and the file is compiled whole instead,
 * with that compiler's messages. The module made so lives only in this process: the rule cache keeps whole files.
 */
final class RulePatch {
    private RulePatch() {
    }

    /** A file's last compiled module in this process: its text, its other entries (imports), and the module. */
    private record Last(String text, List<String> others, RuleBase.Unit unit) {
    }

    private static final Map<String, Last> LAST = Recent.map(256);

    /** How many modules this process made by compiling rules alone (for the tests). */
    static final java.util.concurrent.atomic.AtomicInteger PATCHED = new java.util.concurrent.atomic.AtomicInteger();

    /** A rule as written in a file: its name (between the quotes, as written) and where its text starts and ends. */
    record Block(String name, int start, int end) {
    }

    private static final Pattern RULE_START = Pattern.compile("(?m)^[ \\t]*rule\\b");
    private static final Pattern QUOTED = Pattern.compile("rule\\s+\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern END = Pattern.compile("(?m)^[ \\t]*end\\b[^\\n]*");

    /**
     * The rules of a file, in order; empty when it cannot be read so with certainty (a rule name not in double quotes,
     * a rule with no {@code end}, two rules of the same name).
     */
    static java.util.Optional<List<Block>> blocks(String text) {
        String code = RuleSafety.blank(text);
        List<Block> blocks = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        Matcher start = RULE_START.matcher(code);
        int from = 0;
        while (start.find(from)) {
            int at = start.start() + (code.substring(start.start(), start.end()).indexOf("rule"));
            Matcher quoted = QUOTED.matcher(text).region(at, text.length());
            if (!quoted.lookingAt()) {
                return java.util.Optional.empty();
            }
            Matcher end = END.matcher(code);
            if (!end.find(quoted.end())) {
                return java.util.Optional.empty();
            }
            Matcher next = RULE_START.matcher(code);
            if (next.find(quoted.end()) && next.start() < end.start()) {
                return java.util.Optional.empty(); // a rule inside a rule: not a file read with certainty
            }
            if (!names.add(quoted.group(1))) {
                return java.util.Optional.empty();
            }
            blocks.add(new Block(quoted.group(1), at, end.end()));
            from = end.end();
        }
        return blocks.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(blocks);
    }

    /** What lies outside the rules (package, imports, attributes), comments and spacing aside; texts kept. */
    private static String between(String text, List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (Block b : blocks) {
            out.append(text, from, b.start()).append(' ');
            from = b.end();
        }
        out.append(text.substring(from));
        return RuleSafety.blank(out.toString(), false).replaceAll("\\s+", " ").strip();
    }

    /** The text with every rule but {@code kept} blanked out: spaces, its line breaks kept. */
    static String alone(String text, List<Block> blocks, Block kept) {
        StringBuilder out = new StringBuilder(text);
        for (Block b : blocks) {
            if (b != kept) {
                for (int i = b.start(); i < b.end(); i++) {
                    if (out.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                }
            }
        }
        return out.toString();
    }

    /** The name a compiled rule has for one written {@code "name"}: its escapes read. */
    private static String unescaped(String written) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '\\' && i + 1 < written.length()) {
                c = written.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String key(Path folder, String phase, String resource) {
        return folder.toAbsolutePath().normalize() + "\u0000" + phase + "\u0000" + resource;
    }

    /** Remembers a rule file's module, when the module is that file's alone, for its next edit. */
    static void remember(Path folder, String phase, RuleBase.Entry file, List<RuleBase.Entry> others,
                         RuleBase.Unit unit) {
        LAST.put(key(folder, phase, file.resource()), new Last(file.text(),
                others.stream().map(RuleBase.Entry::text).toList(), unit));
    }

    /** Forgets the files' last modules, as a new process has none (tests). */
    static void forget() {
        LAST.clear();
    }

    /** Compiles a module of the given entries, kept nowhere; null when it has errors. */
    interface Compiler {
        RuleBase.Unit compile(List<RuleBase.Entry> entries);
    }

    /**
     * The module of {@code file} (with {@code others}, its package's imports) made from its last module in this process
     * and its changed rules, each compiled alone (see the class); empty when that cannot be done or is not worth it.
     */
    static java.util.Optional<RuleBase.Unit> patch(Path folder, String phase, RuleBase.Entry file,
                                                   List<RuleBase.Entry> others, Compiler compiler) {
        Last last = LAST.get(key(folder, phase, file.resource()));
        if (last == null || !last.others().equals(others.stream().map(RuleBase.Entry::text).toList())) {
            return java.util.Optional.empty();
        }
        java.util.Optional<List<Block>> was = blocks(last.text());
        java.util.Optional<List<Block>> now = blocks(file.text());
        if (was.isEmpty() || now.isEmpty()
                || !between(last.text(), was.get()).equals(between(file.text(), now.get()))) {
            return java.util.Optional.empty();
        }
        List<RuleBase.Unit.Piece> wasPieces = last.unit().pieces(was.get().stream()
                .map(b -> unescaped(b.name())).toList());
        if (wasPieces == null) {
            return java.util.Optional.empty();
        }
        Map<String, Integer> wasAt = new java.util.HashMap<>();
        Map<String, String> wasText = new java.util.HashMap<>();
        for (int i = 0; i < was.get().size(); i++) {
            Block b = was.get().get(i);
            wasAt.put(b.name(), i);
            wasText.put(b.name(), last.text().substring(b.start(), b.end()));
        }
        List<Block> changed = now.get().stream()
                .filter(b -> !file.text().substring(b.start(), b.end()).equals(wasText.get(b.name()))).toList();
        if (changed.size() * 2 > now.get().size()) {
            return java.util.Optional.empty(); // a file compiled whole costs less than many rules compiled alone
        }
        List<RuleBase.Unit.Piece> pieces = new ArrayList<>();
        for (Block b : now.get()) {
            if (!changed.contains(b)) {
                pieces.add(wasPieces.get(wasAt.get(b.name())));
                continue;
            }
            List<RuleBase.Entry> entries = new ArrayList<>();
            entries.add(new RuleBase.Entry(file.resource(), alone(file.text(), now.get(), b), file.file()));
            entries.addAll(others);
            RuleBase.Unit one = compiler.compile(entries);
            if (one == null) {
                return java.util.Optional.empty(); // the whole file's compile says what is wrong, as always
            }
            pieces.add(new RuleBase.Unit.Piece(one, 0));
        }
        PATCHED.incrementAndGet();
        return java.util.Optional.of(RuleBase.Unit.patched(pieces));
    }
}
