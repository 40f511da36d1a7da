package org.pcpassessor.cli;

import java.io.PrintWriter;
import org.pcpassessor.problem.InputException;
import org.pcpassessor.problem.PcpException;
import org.pcpassessor.problem.Problem;
import picocli.CommandLine;

/** Turns exceptions into messages and exit codes: input problems (2) one per line, internal failures (1). */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    private final PrintWriter err;

    Failures(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parse) {
        if (e instanceof InputException input) {
            print(err, input.problems());
            return input.exitCode();
        }
        if (e instanceof PcpException p) {
            err.println("assess: " + p.getMessage());
            return p.exitCode();
        }
        err.println("assess: internal error: " + e);
        e.printStackTrace(err);
        return 1;
    }

    static void print(PrintWriter err, java.util.List<Problem> problems) {
        problems.forEach(err::println);
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        err.println(errors + " error(s), " + warnings + " warning(s)");
        err.flush();
    }
}
