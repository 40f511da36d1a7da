package org.pcpassessor.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code assess}: the command line. The only place that calls {@code System.exit}. */
@Command(name = "assess", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Drafts the performance commentary of a Police and Crime Plan report from a measure "
                + "catalogue, monthly series and the Drools rules in a rules folder.",
        subcommands = {ReportCommand.class, CheckCommand.class, ExplainCommand.class, TestCommand.class, WatchCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: report, check, explain or test");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code: 0 ok, 1 internal failure, 2 bad input. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new Failures(err));
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"pcp-assessor " + (v == null ? "development build" : v)};
        }
    }
}
