package org.pcpassessor.cli;

import java.io.PrintWriter;
import org.pcpassessor.problem.InputException;
import org.pcpassessor.problem.PcpException;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.problem.Problems;
import picocli.CommandLine;

/**
 * Turns failures into messages and exit codes: input problems (2), one per line as {@code file:line:col: error:};
 * bad options (2) as {@code option --x: error:}; a defect of the program (1) in one line, with the trace only under
 * {@code --debug}. No exception's class name reaches the user otherwise.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private final PrintWriter err;
    private final boolean debug;

    Failures(PrintWriter err, boolean debug) {
        this.err = err;
        this.debug = debug;
    }

    /**
     * Ends the command with the problems when any is an error: the one place where problems, data from loading to
     * here, become the command's failure, printed by {@link #handleExecutionException} (exit 2).
     */
    static void requireNoErrors(java.util.List<org.pcpassessor.problem.Problem> problems) {
        if (problems.stream().anyMatch(org.pcpassessor.problem.Problem::isError)) {
            throw new InputException("input", problems);
        }
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parse) {
        if (e instanceof InputException input) {
            print(err, input.problems());
            return input.exitCode();
        }
        if (e instanceof PcpException p) {
            err.println("assess: " + p.getMessage());
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return p.exitCode();
        }
        err.println("assess: internal error: a defect of pcp-assessor, not of your files"
                + (debug ? "" : "; run again with --debug for the details to report"));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
            // picocli says "Invalid value for option '--month': <the converter's words>"; keep the words.
            String words = e.getCause() instanceof CommandLine.TypeConversionException t && t.getMessage() != null
                    ? t.getMessage() : message.replaceFirst("^Invalid value for option '[^']*': ", "");
            err.println("option " + option.longestName() + ": error: " + words);
        } else {
            err.println("assess " + cli.getCommandName() + ": error: " + message);
        }
        err.println("(assess " + (cli.getParent() == null ? "" : cli.getCommandName() + " ") + "--help lists the options)");
        err.flush();
        return 2;
    }

    static void print(PrintWriter err, java.util.List<Problem> problems) {
        problems.forEach(err::println);
        long errors = Problems.errorCount(problems);
        long warnings = problems.stream().filter(p -> !p.isError()).count();
        err.println(String.format(java.util.Locale.UK, "%,d error(s), %,d warning(s)", errors, warnings));
        err.flush();
    }
}
