package org.pcpassessor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
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
            description = "The rules folder: classify/*.drl, then narrate/*.drl; compiled at run time "
                    + "(default: ${DEFAULT-VALUE}).")
    Path rules;

    Path catalogue() {
        return resolve(catalogue);
    }

    Path rules() {
        return resolve(rules);
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
