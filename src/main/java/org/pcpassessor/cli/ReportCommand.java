package org.pcpassessor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.pcpassessor.core.MonthRun;
import org.pcpassessor.core.Workspace;
import org.pcpassessor.problem.InputException;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.report.JsonReport;
import org.pcpassessor.report.PeerTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code assess report}: checks the inputs, then writes the report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Check the inputs, then write the draft report (Markdown, JSON, HTML or Word) for a month.")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    InputOptions inputs;

    @Mixin
    ReportOptions output;

    @Option(names = "--audit", paramLabel = "FILE",
            description = "Also write every rule firing, in order, as JSON Lines (atomically).")
    Path audit;

    @Option(names = "--each-area",
            description = "A report for each force the catalogue names (report.forces), over its own areas, or else "
                    + "for each area as its own headline area (forces or districts reported as peers), written to "
                    + "--out-dir with peers.md and peers.json comparing them: one read of the data and one compile "
                    + "of the rules for all.")
    boolean eachArea;

    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "With --each-area: the folder the reports are written to (made if missing).")
    Path outDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (eachArea) {
            checkEachArea();
        } else if (outDir != null) {
            throw new InputException("option --out-dir", "--out-dir is for --each-area; one report goes to --out FILE");
        } else {
            output.check();
        }
        AtomicFiles.requireWritable(audit, "--audit");
        // the audit trail is kept when an output shows it: --audit, or the HTML report's explanations; the rules'
        // findings about every area when the format shows them
        Workspace workspace = Workspace.load(inputs.catalogue(), inputs.rules(),
                inputs.settings().withFull(output.full).withAudit(audit != null || output.showsAudit())
                        .withEveryArea(output.showsEveryArea()));
        Failures.requireNoErrors(workspace.problems());
        if (eachArea) {
            writeEachArea(workspace);
            return 0;
        }
        org.pcpassessor.catalogue.Catalogue catalogue = workspace.catalogue().orElseThrow();
        if (catalogue.forces().size() > 1) {
            throw new InputException("option --each-area", catalogue.file() + " names " + catalogue.forces().size()
                    + " forces (report.forces): report each over its own areas with --each-area --out-dir DIR");
        }
        MonthRun run = run(workspace, output, spec.commandLine().getErr(), null);
        if (audit != null) {
            AtomicFiles.write(audit, JsonReport.auditLines(run.report().orElseThrow().audit()), "--audit");
        }
        org.pcpassessor.core.Stages.timed("write", () -> output.write(run, spec.commandLine().getOut()));
        return 0;
    }

    private void checkEachArea() {
        output.checkTemplate();
        if (outDir == null || outDir.toString().isEmpty()) {
            throw new InputException("option --out-dir", "--each-area writes a report per area: name their folder "
                    + "with --out-dir DIR" + (outDir == null ? "" : " (the path given is empty)"));
        }
        if (output.out != null || audit != null) {
            throw new InputException("option " + (output.out != null ? "--out" : "--audit"), "--each-area writes "
                    + "its reports to --out-dir; --out and --audit are for one report");
        }
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new InputException("option --out-dir", outDir + " is a file, not a folder");
        }
    }

    /**
     * A report per area, and the comparison of all, into --out-dir. Every report is made before anything is
     * written, so a bad month or rule in any area leaves the folder as it was; each file is then written atomically.
     */
    private void writeEachArea(Workspace workspace) {
        PrintWriter err = spec.commandLine().getErr();
        Map<String, byte[]> files = new LinkedHashMap<>();
        Set<String> used = new HashSet<>(Set.of("peers"));
        PeerTable.Builder table = PeerTable.builder();
        for (Workspace.Peer peer : workspace.eachArea()) {
            // One peer at a time: its statistics and rule results are dropped once its report is rendered and its
            // rows are in the comparison.
            MonthRun run = run(peer.workspace(), output, err, null);
            table.add(peer.name(), run.report().orElseThrow());
            String base = fileName(peer.name());
            String name = base;
            for (int k = 2; !used.add(name); k++) {
                name = base + "-" + k;
            }
            files.put(name + "." + output.extension(), output.render(run, false, List.of()));
        }
        PeerTable peers = table.build();
        files.put("peers.md", peers.markdown().getBytes(StandardCharsets.UTF_8));
        files.put("peers.json", peers.json().getBytes(StandardCharsets.UTF_8));
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new InputException("option --out-dir", "cannot make the folder " + outDir + ": " + e.getMessage());
        }
        Map<Path, byte[]> targets = new LinkedHashMap<>();
        files.forEach((name, bytes) -> targets.put(outDir.resolve(name), bytes));
        AtomicFiles.writeAll(targets, "--out-dir"); // all replaced, or none
        err.println("assess: " + (files.size() - 2) + " reports and peers.md, peers.json written to " + outDir);
        err.flush();
    }

    /** An area's name as a file name: letters and digits kept, lower case, anything else one hyphen. */
    static String fileName(String area) {
        String name = area.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]+", "-")
                .replaceAll("^-|-$", "");
        return name.isEmpty() ? "area" : name;
    }

    /**
     * Runs the month the options name, with the near misses the format shows (kept in {@code memo} when not null);
     * ends the command with the problems when any is an error, prints the warnings.
     */
    static MonthRun run(Workspace workspace, ReportOptions output, PrintWriter err,
                        org.pcpassessor.core.NearMisses.Memo memo) {
        MonthRun run = workspace.run(workspace.month(Optional.ofNullable(output.month)),
                output.nearMissesOf(workspace), memo);
        List<Problem> problems = new ArrayList<>(workspace.problems());
        problems.addAll(run.problems());
        output.undatedPaper(workspace).ifPresent(problems::add);
        problems.sort(Problem.READING_ORDER);
        Failures.requireNoErrors(problems);
        if (!problems.isEmpty()) {
            problems.forEach(err::println);
            err.flush();
        }
        return run;
    }
}
