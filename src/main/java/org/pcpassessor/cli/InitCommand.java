package org.pcpassessor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pcpassessor.core.InitialCatalogue;
import org.pcpassessor.problem.Problems;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code assess init}: a first catalogue written from the data, for a force starting out. Every series found is
 * declared, its kind guessed from its columns and figures; what only the force knows (whether more of a measure is
 * good news) is written {@code CHOOSE}, which {@code check} refuses until it is chosen, and the wording is marked for
 * review. Never overwrites a file.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a first catalogue (measures.yaml) from data files (CSV in the long layout, or .xlsx): every "
                + "series declared, its kind guessed; polarity left as CHOOSE and wording marked for review. Then "
                + "make the choices and run check.")
final class InitCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "FILE", arity = "1..*", required = true,
            description = "The data files to declare.")
    List<Path> data;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "measures.yaml",
            description = "The catalogue to write (default: ${DEFAULT-VALUE}); an existing file is never overwritten.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new org.pcpassessor.problem.InputException("option --out", out + " exists; init never overwrites a "
                    + "catalogue: name another file with --out");
        }
        Problems problems = new Problems();
        for (Path p : data) {
            if (!Files.isRegularFile(p)) {
                problems.error(p.toString(), 0, 0, "no such file (option --data)");
            }
        }
        java.util.Optional<InitialCatalogue> made = problems.hasErrors() ? java.util.Optional.empty()
                : InitialCatalogue.of(data, out, problems);
        if (problems.hasErrors() || made.isEmpty()) {
            Failures.print(spec.commandLine().getErr(), problems.sorted());
            return 2;
        }
        AtomicFiles.requireWritable(out, "--out");
        AtomicFiles.write(out, made.get().text(), "--out");
        PrintWriter o = spec.commandLine().getOut();
        o.println("wrote " + out + ": " + made.get().measures() + " measures; make the " + made.get().measures()
                + " choices marked " + InitialCatalogue.CHOOSE + " (each measure's polarity), review the wording, then "
                + "run: ./assess check --catalogue " + out);
        o.flush();
        if (!problems.sorted().isEmpty()) {
            Failures.print(spec.commandLine().getErr(), problems.sorted());
        }
        return 0;
    }

}
