package org.pcpassessor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.pcpassessor.core.Workspace;
import org.pcpassessor.problem.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code assess watch}: writes the report, then writes it again whenever the catalogue, a data file, a rule file,
 * a note or the template changes; with {@code --serve}, serves the HTML report and reloads it in the browser. A
 * broken edit shows its problems and the watch goes on; the rules folder is read again only when a file in it (a rule
 * file or a wording YAML) changed, and only the rules that changed are compiled again (of an edited file, the rules
 * whose text changed, RulePatch; a phase whose files share declarations as a whole; see RuleBase). While the first draft is made, the rule compiler is
 * warmed on a thread of its own (the other core), so that the first rule edit is not the one that loads it.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Write the report, then again on every change to the catalogue, a data file, a rule or wording "
                + "file, a note or the template (Ctrl-C to stop). Errors are shown and the watch goes on; --serve shows the HTML "
                + "report in the browser.")
final class WatchCommand implements Callable<Integer> {
    /**
     * Changes arriving within this window (an editor's save in several steps: a temporary file, then a rename) make
     * one run. Editors finish a save within a few milliseconds; every edit waits this long before its run.
     */
    static final long SETTLE_MS = 40;
    /**
     * Runs made after the first draft, unseen, while the analyst reads it: the run's own code is compiled by the JVM
     * as it runs, and the first edits were 200 to 300 ms slower than later ones (docs/performance.md).
     */
    static final int WARM_RUNS = 2;
    /** How long after the first draft the warm-up starts, when no edit has been saved by then. */
    static final long WARM_AFTER_MS = 1000;
    /** The time of day of each run's line, seconds always shown (LocalTime's own text drops ":00"). */
    private static final java.time.format.DateTimeFormatter CLOCK = java.time.format.DateTimeFormatter.ofPattern(
            "HH:mm:ss");

    @Mixin
    InputOptions inputs;

    @Mixin
    ReportOptions output;

    @Option(names = "--serve",
            description = "With --format html: serve the report on http://127.0.0.1:PORT/ and reload the page in the "
                    + "browser after each saved change; a broken edit shows its errors above the last good report.")
    boolean serve;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8765",
            description = "The port of --serve (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--runs", paramLabel = "N", hidden = true, defaultValue = "0",
            description = "Stop after N runs (0: never); for scripts and tests.")
    int runs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The last run's workspace, whose compiled rules the next run reuses when no rule file changed. */
    private Workspace last;
    /** The live preview of --serve, and the last run that made a report (shown under a broken edit's errors). */
    private Preview preview;
    private org.pcpassessor.core.MonthRun lastRun;
    /** The near misses of the page, kept between runs: they change only with the classify rules and the facts. */
    private final org.pcpassessor.core.NearMisses.Memo nearMisses = new org.pcpassessor.core.NearMisses.Memo();
    /** The analysts' notes folder of the last run (watched when it exists). */
    private Path notes;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (serve && output.format != ReportOptions.Format.html) {
            throw new InputException("option --serve", "--serve shows the HTML report: add --format html");
        }
        if (port < 0 || port > 65535) {
            throw new InputException("option --port", "'" + port + "' is not a port: use 1 to 65535, or 0 for a free "
                    + "one");
        }
        output.check();
        if (serve) {
            try (Preview p = new Preview(port)) {
                preview = p;
                err.println("watch: serving " + p.address() + " (Ctrl-C to stop)");
                err.flush();
                return watch(err);
            } catch (java.net.BindException e) {
                throw new InputException("option --port", "cannot serve on port " + port + ": " + e.getMessage()
                        + "; choose another with --port (0 picks a free one)");
            }
        }
        return watch(err);
    }

    private int watch(PrintWriter err) throws IOException, InterruptedException {
        Path catalogue = inputs.catalogue();
        Path rulesFolder = inputs.rules();
        int done = 0;
        boolean rulesChanged = true;
        boolean sourcesChanged = true; // the catalogue or a data file: read again, else the last run's are reused
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            Map<WatchKey, Path> keys = new HashMap<>();
            while (true) {
                long started = System.nanoTime();
                Set<Path> dataFolders = new LinkedHashSet<>();
                boolean ran = runOnce(catalogue, rulesFolder, rulesChanged, sourcesChanged, dataFolders, err);
                Set<Path> watchedData = dataFolders;
                done++;
                // A run that failed says so, never "ran": its problems are printed above and nothing was written.
                err.printf("watch: %s %s in %d ms%s%n", LocalTime.now().format(CLOCK),
                        !ran ? "failed, nothing written" : rulesChanged ? "ran (rules read)" : "ran (rules reused)",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                        runs > 0 && done >= runs ? "" : "; watching " + catalogue + ", " + rulesFolder + ", the data and the notes");
                org.pcpassessor.core.Stages.print(err);
                org.pcpassessor.core.Stages.reset();
                err.flush();
                if (runs > 0 && done >= runs) {
                    return 0;
                }
                register(watcher, keys, catalogue.toAbsolutePath().getParent(), false);
                register(watcher, keys, rulesFolder.toAbsolutePath(), true);
                Path template = templateFile();
                if (template != null) {
                    register(watcher, keys, template.getParent(), false);
                }
                for (Path folder : dataFolders) {
                    register(watcher, keys, folder, false);
                }
                Path notesRoot = notes;
                if (notesRoot != null && Files.isDirectory(notesRoot)) {
                    register(watcher, keys, notesRoot, true);
                }
                Path rulesRoot = rulesFolder.toAbsolutePath().normalize();
                Path catalogueFile = catalogue.toAbsolutePath().normalize();
                java.util.function.Predicate<Path> input = p -> p.equals(catalogueFile) || p.equals(template)
                        || dataFile(p) && watchedData.contains(p.getParent())
                        || p.startsWith(rulesRoot) && (Workspace.isRulesFile(p.getFileName().toString())
                        || Files.isDirectory(p))
                        || notesRoot != null && p.startsWith(notesRoot) && (p.toString().endsWith(".md")
                        || Files.isDirectory(p));
                Set<Path> early = ran && last != null && done == 1
                        ? warmRuns(catalogue, rulesFolder, watcher, keys, input) // the folders watched: no edit is lost
                        : Set.of();
                Set<Path> changed = waitForChange(watcher, early, keys, input);
                rulesChanged = changed.stream().anyMatch(p -> p.startsWith(rulesRoot));
                sourcesChanged = changed.stream().anyMatch(p -> p.equals(catalogueFile)
                        || dataFile(p) && watchedData.contains(p.getParent()));
            }
        }
    }

    /**
     * The settings of every run: the command's, with the rule sessions of the priorities on every core (a watch is a
     * warm process, where that saves about 30 ms a run; docs/performance.md).
     */
    private org.pcpassessor.core.Settings settings() {
        return inputs.settings().withFull(output.full).withEveryCore(true);
    }

    /** A file a data folder holds that the series may be read from: a CSV file or a workbook. */
    private static boolean dataFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".xlsx") && !name.startsWith("~$"); // not Excel's lock file
    }

    /**
     * One report run; adds the data folders to watch to {@code folders} (none when the catalogue could not be read)
     * and returns whether the report was made. The rules are compiled again when {@code recompile} (a file of the
     * rules folder changed), the catalogue and data read again when {@code reread} (one of them changed); else the
     * last run's are reused, with the statistics of its month.
     */
    private boolean runOnce(Path catalogue, Path rulesFolder, boolean recompile, boolean reread, Set<Path> folders,
                            PrintWriter err) {
        Workspace workspace = Workspace.load(catalogue, rulesFolder, new Workspace.Reuse(last, !recompile, !reread),
                settings());
        last = workspace.hasRules() ? workspace : null;
        if (last != null) {
            // the rule compiler warmed on the other core while the first draft is made, not after it, so that an edit
            // saved as soon as the draft shows finds it warm; once a process (RuleBase.warmCompiler), so a no-op after
            last.warmRuleCompiler();
        }
        workspace.catalogue().ifPresent(c -> c.dataFiles().forEach(f -> folders.add(f.toAbsolutePath().getParent())));
        workspace.catalogue().ifPresent(c -> notes = workspace.notesFolder().toAbsolutePath().normalize());
        try {
            Failures.requireNoErrors(workspace.problems());
            org.pcpassessor.core.MonthRun run = ReportCommand.run(workspace, output, err, nearMisses);
            if (preview != null) {
                preview.publish(org.pcpassessor.core.Stages.timed("page",
                        () -> output.render(run, true, java.util.List.of())));
                lastRun = run;
            }
            if (preview == null || output.out != null) {
                output.write(run, spec.commandLine().getOut());
            }
        } catch (InputException e) {
            Failures.print(err, e.problems());
            err.println("watch: the report was not written; fix the problems above and save again");
            if (preview != null) {
                preview.publish(errorPage(e.problems()));
            }
            return false;
        }
        return true;
    }

    /**
     * The draft made again {@link #WARM_RUNS} times and thrown away, as an edit makes it, so that the first edit runs
     * code the JVM has compiled: first with the rules reused, as a wording edit makes it; then from a copy of the
     * rules folder, read once as it is and then with a comment added to a rule of its largest file, as a rule edit
     * makes it (that one rule compiled alone by RulePatch, the knowledge base made again; an appended comment made
     * it compile the whole file, which is not the path an analyst's edit takes), the copy filed nowhere on disk
     * ({@link Workspace#loadThrowaway}). Nothing the analyst has is touched. It starts {@link #WARM_AFTER_MS} after
     * the draft, once the rule compiler is warm; an input saved before then, or during it, ends it before its next
     * step (the copy, a load, the report's run, the page), and what changed is returned, to be run at once. Other
     * files' events (the report the watch itself wrote) do not end it.
     */
    private Set<Path> warmRuns(Path catalogue, Path rulesFolder, WatchService watcher, Map<WatchKey, Path> keys,
                               java.util.function.Predicate<Path> input) throws InterruptedException {
        PrintWriter quiet = new PrintWriter(java.io.Writer.nullWriter());
        Set<Path> changed = new LinkedHashSet<>();
        // first a moment's wait, and the rule compiler's warm-up (a thread of its own) left to finish: an edit saved
        // meanwhile runs at once, and no warm run competes with that thread for the processor
        long waitUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WARM_AFTER_MS);
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < waitUntil || (!last.ruleCompilerWarm() && System.nanoTime() < giveUp)) {
            WatchKey saved = watcher.poll(50, TimeUnit.MILLISECONDS);
            if (saved != null) {
                collect(saved, keys, changed, input);
                if (!changed.isEmpty()) {
                    return changed;
                }
            }
        }
        // an input saved meanwhile ends the warm-up at its next step, not its next run: the edit waits for one step
        // (the compile of one rule, the rule sessions or the page: 0.1 to 0.15 s), not a run (0.4 s)
        java.util.function.BooleanSupplier saved = () -> {
            WatchKey key;
            while ((key = watcher.poll()) != null) {
                collect(key, keys, changed, input);
            }
            return !changed.isEmpty();
        };
        for (int i = 0; i < WARM_RUNS && !saved.getAsBoolean(); i++) {
            Path copy = null;
            try {
                Workspace before = last;
                if (i == 1) {
                    copy = copyOf(rulesFolder);
                    if (copy == null || saved.getAsBoolean()) {
                        break;
                    }
                    // the copy read as it is (its modules are the folder's, found in memory), so that the edit
                    // below is one to a file read before, compiled a rule at a time as the analyst's are
                    before = Workspace.loadThrowaway(catalogue, copy, new Workspace.Reuse(last, false, true),
                            settings());
                    if (!before.hasRules() || saved.getAsBoolean() || !editLargest(copy)) {
                        break;
                    }
                }
                Workspace workspace = copy != null
                        ? Workspace.loadThrowaway(catalogue, copy, new Workspace.Reuse(before, false, true), settings())
                        : Workspace.load(catalogue, rulesFolder, new Workspace.Reuse(before, true, true), settings());
                if (workspace.problems().stream().anyMatch(org.pcpassessor.problem.Problem::isError)
                        || saved.getAsBoolean()) {
                    break;
                }
                org.pcpassessor.core.MonthRun run = ReportCommand.run(workspace, output, quiet, nearMisses);
                if (preview != null && !saved.getAsBoolean()) {
                    output.render(run, true, java.util.List.of());
                }
            } catch (RuntimeException | IOException e) {
                break; // only a warm-up: the next real run reports whatever is wrong
            } finally {
                deleteTree(copy);
            }
        }
        org.pcpassessor.core.Stages.reset();
        return changed;
    }

    /** A temporary copy of the rules folder, or null when it has no .drl file. */
    static Path copyOf(Path rulesFolder) throws IOException {
        Path copy = Files.createTempDirectory("pcp-warm-rules");
        boolean rules = false;
        try (Stream<Path> walk = Files.walk(rulesFolder)) {
            for (Path p : walk.toList()) {
                Path to = copy.resolve(rulesFolder.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                    rules |= p.toString().endsWith(".drl");
                }
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(copy); // half a copy is no use to anyone
            throw e;
        }
        if (!rules) {
            deleteTree(copy);
            return null;
        }
        return copy;
    }

    /** The first {@code then} of a rule file: where {@link #editLargest} adds its line. */
    private static final java.util.regex.Pattern THEN = java.util.regex.Pattern.compile("(?m)^[ \\t]*then[ \\t]*$");

    /**
     * Adds a comment line to the first rule's consequence of the largest .drl file of {@code folder}, as an analyst's
     * edit to a rule does (the file's text outside its rules is unchanged, so only that rule is compiled again, by
     * RulePatch); at the end of the file when it has no such line. False when there is no .drl file.
     */
    static boolean editLargest(Path folder) throws IOException {
        Path largest = null;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p)).toList()) {
                if (largest == null || Files.size(p) > Files.size(largest)) {
                    largest = p;
                }
            }
        }
        if (largest == null) {
            return false;
        }
        String text = Files.readString(largest);
        java.util.regex.Matcher then = THEN.matcher(text);
        String comment = "// warm-up " + System.nanoTime();
        Files.writeString(largest, then.find()
                ? text.substring(0, then.end()) + "\n    " + comment + text.substring(then.end())
                : text + "\n" + comment + "\n");
        return true;
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind: the system's to clear
        }
    }

    /** The template of --format html or docx, absolute, or null for formats without one. */
    private Path templateFile() {
        return output.format.defaultTemplate().isEmpty() ? null : output.template().toAbsolutePath().normalize();
    }

    /** The errors above the last good report (or alone when there is none, or the template itself is broken). */
    private byte[] errorPage(java.util.List<org.pcpassessor.problem.Problem> problems) {
        if (lastRun != null) {
            java.util.Optional<byte[]> page = output.render(lastRun, true, problems,
                    new org.pcpassessor.problem.Problems());
            if (page.isPresent()) {
                return page.get();
            } // else the template is what is broken: the plain page
        }
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><meta charset=\"utf-8\">"
                + "<title>pcp-assessor: errors</title><body><h1>The last edit has errors</h1><pre>");
        problems.forEach(p -> html.append(escape(p.toString())).append('\n'));
        html.append("</pre><script>new EventSource('/events').onmessage = function () { location.reload(); };"
                + "</script></body></html>");
        return html.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void register(WatchService watcher, Map<WatchKey, Path> keys, Path folder, boolean tree)
            throws IOException {
        if (folder == null || !Files.isDirectory(folder) || keys.containsValue(folder.normalize())) {
            if (!tree || folder == null || !Files.isDirectory(folder)) {
                return;
            }
        }
        try (Stream<Path> walk = tree ? Files.walk(folder) : Stream.of(folder)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                Path d = dir.normalize();
                if (!keys.containsValue(d)) {
                    keys.put(d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE), d);
                }
            }
        }
    }

    /** Blocks until a relevant file changes, lets an editor finish its save, and returns what changed. */
    private static Set<Path> waitForChange(WatchService watcher, Set<Path> early, Map<WatchKey, Path> keys,
                                           java.util.function.Predicate<Path> input) throws InterruptedException {
        Set<Path> changed = new LinkedHashSet<>(early); // seen while warming up
        while (changed.isEmpty()) {
            collect(watcher.take(), keys, changed, input);
        }
        WatchKey more;
        while ((more = watcher.poll(SETTLE_MS, TimeUnit.MILLISECONDS)) != null) {
            collect(more, keys, changed, input);
        }
        return changed;
    }

    private static void collect(WatchKey key, Map<WatchKey, Path> keys, Set<Path> changed,
                                java.util.function.Predicate<Path> input) {
        Path folder = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path name && folder != null) {
                String n = name.toString();
                // Editors' swap and backup files, and our own temporary files, are not changes to the inputs.
                Path path = folder.resolve(name).normalize();
                if (!n.startsWith(".") && !n.endsWith("~") && input.test(path)) {
                    changed.add(path);
                }
            }
        }
        key.reset();
    }
}
