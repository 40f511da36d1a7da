package org.pcpassessor.cli;

/** Lets tests of other packages run the command line the way ReportCommandTest does. */
public final class ReportCommandTestAccess {
    private ReportCommandTestAccess() {
    }

    public record Run(int exit, String out, String err) {
    }

    public static Run run(String... args) {
        ReportCommandTest.Run r = ReportCommandTest.run(args);
        return new Run(r.exit(), r.out(), r.err());
    }
}
