package org.pcpassessor.cli;

/** Lets tests of other packages run the command line the way ReportCommandTest does. */
public final class ReportCommandTestAccess {
    private ReportCommandTestAccess() {
    }

    public record Run(int exit, String out, String err) {
    }

    /** On the bundled catalogue and rules, unless the arguments name others. */
    public static Run run(String... args) {
        ReportCommandTest.Run r = ReportCommandTest.run(args);
        return new Run(r.exit(), r.out(), r.err());
    }

    /** Exactly as given: the live measures.yaml and rules/ by default. */
    public static Run runAsIs(String... args) {
        ReportCommandTest.Run r = ReportCommandTest.runAsIs(args);
        return new Run(r.exit(), r.out(), r.err());
    }
}
