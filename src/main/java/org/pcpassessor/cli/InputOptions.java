package org.pcpassessor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.pcpassessor.core.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The inputs every command reads. Relative defaults resolve against the working directory, and, when nothing
 * is there, against the installation folder ({@code pcp.home}, set by the {@code assess} script), so that
 * {@code ./assess report} works from anywhere in the checkout.
 */
final class InputOptions {
    @Option(names = "--catalogue", paramLabel = "FILE", defaultValue = "measures.yaml",
            description = "The measure catalogue (default: ${DEFAULT-VALUE}).")
    Path catalogue;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "The rules folder: classify/, then narrate/ and compose/ (*.drl, and decision tables in "
                    + "*.drl.csv or Excel *.drl.xlsx files); compiled at run time (default: ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--allow-data-outside",
            description = "Let the catalogue's data: name relative paths outside its folder (../). Absolute paths are "
                    + "always allowed.")
    boolean dataOutside;

    @Option(names = "--trust-rules",
            description = "Trust the rule files as code: allow calls outside the rule API (files, processes, threads, "
                    + "reflection, unbounded loops). Only for rules you wrote or reviewed; see the README.")
    boolean trustRules;

    @Option(names = "--rule-timeout", paramLabel = "SECONDS", defaultValue = "5", converter = RuleTimeout.class,
            description = "Stop a rule session (one phase of one priority of one month) that runs longer than this, as an "
                    + "error naming the rule that was firing (default: ${DEFAULT-VALUE}; at most 3600).")
    Duration ruleTimeout;

    @Option(names = "--notes", paramLabel = "DIR",
            description = "The analysts' notes folder: DIR/YYYY-MM/<priority>.md (default: notes beside the "
                    + "catalogue).")
    Path notes;

    Settings settings() {
        if (notes != null) {
            // a notes folder that is not one would be silently empty: the analyst's paragraphs left out unsaid
            if (!java.nio.file.Files.exists(notes, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new org.pcpassessor.problem.InputException("option --notes", notes + " does not exist; name "
                        + "the notes folder (DIR/YYYY-MM/<priority>.md)");
            }
            if (!java.nio.file.Files.isDirectory(notes)) {
                throw new org.pcpassessor.problem.InputException("option --notes", notes + " is not a folder (a "
                        + "file, or a loop of links); name the notes folder (DIR/YYYY-MM/<priority>.md)");
            }
            if (!java.nio.file.Files.isReadable(notes) || !java.nio.file.Files.isExecutable(notes)) {
                throw new org.pcpassessor.problem.InputException("option --notes", "cannot read the folder " + notes);
            }
        }
        return Settings.DEFAULT.withDataOutsideAllowed(dataOutside).withTrustedRules(trustRules)
                .withRuleTimeout(ruleTimeout).withNotes(java.util.Optional.ofNullable(notes));
    }

    /** Seconds, possibly fractional, above 0 and at most an hour. */
    static final class RuleTimeout implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            double seconds;
            try {
                seconds = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a number of seconds (e.g. 5)");
            }
            if (!(seconds > 0) || seconds > Settings.MAX_RULE_TIMEOUT.toSeconds()) {
                throw new CommandLine.TypeConversionException("'" + value + "' must be above 0 and at most "
                        + Settings.MAX_RULE_TIMEOUT.toSeconds() + " seconds");
            }
            return Duration.ofNanos(Math.round(seconds * 1e9));
        }
    }

    Path catalogue() {
        return resolve(nonEmpty(catalogue, "--catalogue"));
    }

    Path rules() {
        return resolve(nonEmpty(rules, "--rules"));
    }

    private static Path nonEmpty(Path path, String option) {
        if (path.toString().isEmpty()) {
            throw new org.pcpassessor.problem.InputException("option " + option, "the path is empty");
        }
        return path;
    }

    static Path resolve(Path path) {
        if (path.isAbsolute() || Files.exists(path)) {
            return path;
        }
        String home = System.getProperty("pcp.home");
        if (home != null) {
            Path installed = Path.of(home).resolve(path);
            if (Files.exists(installed)) {
                return installed;
            }
        }
        return path;
    }
}
