package org.pcpassessor.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code assess}: the command line. The only place that calls {@code System.exit}. */
@Command(name = "assess", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Drafts the performance commentary of a Police and Crime Plan report from a measure "
                + "catalogue, monthly series and the Drools rules in a rules folder.")
public final class Main implements Runnable {
    /**
     * The commands, in the order help lists them. picocli reads a command's annotations when it is added (each
     * option, mixin and method), so a command line that names one gets that one only; one that names none, or
     * help, or something else, gets them all, for the list of commands or picocli's suggestion.
     */
    private static final List<String> COMMANDS = List.of("report", "check", "explain", "test", "watch", "init",
            "help");

    /*
     * A switch, not a map of constructor references: Java 25's AOT cache (made by the launcher) could not be made
     * ("Metadata ... should have been archived") with a reference to picocli's HelpCommand, a class it cannot hold.
     */
    private static Object command(String name) {
        switch (name) {
            case "report":
                return new ReportCommand();
            case "check":
                return new CheckCommand();
            case "explain":
                return new ExplainCommand();
            case "test":
                return new TestCommand();
            case "watch":
                return new WatchCommand();
            case "init":
                return new InitCommand();
            default:
                return new CommandLine.HelpCommand();
        }
    }

    /** The command line with the command the arguments name (their first word that is not an option), else all. */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        String named = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("help");
        if (COMMANDS.contains(named) && !named.equals("help")) {
            cli.addSubcommand(command(named));
        } else {
            for (String name : COMMANDS) {
                cli.addSubcommand(command(name));
            }
        }
        return cli;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: report, check, explain, test, watch or init");
    }

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On an internal error, print the stack trace (for a bug report).")
    boolean debug;

    /** Set when main is about to exit with the command's own code; any other exit is guarded. */
    private static volatile boolean finished;

    public static void main(String[] args) {
        Thread warm = new Thread(Main::warm, "pcp-warm");
        warm.setDaemon(true);
        warm.start();
        Runtime.getRuntime().addShutdownHook(new Thread(Main::guardExit, "pcp-exit-guard"));
        Thread.setDefaultUncaughtExceptionHandler(Main::uncaught);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(args, new PrintWriter(System.out, true), err);
        org.pcpassessor.core.Stages.print(err);
        finished = true;
        markDone();
        System.exit(code);
    }

    /**
     * Tells the launcher that the command itself is ending the process: {@code assess} passes {@code -Dpcp.done=FILE}
     * when rules are trusted, and takes an exit without this mark for a rule that ended the process (a
     * {@code Runtime.halt} runs no shutdown hook, so only the launcher can see it).
     */
    private static void markDone() {
        String file = System.getProperty("pcp.done");
        if (file != null && !file.isEmpty()) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(file), "done\n");
            } catch (java.io.IOException | RuntimeException e) {
                // the launcher then says the process ended early: better than a silent 0
            }
        }
    }

    /**
     * Readies, beside picocli's reading of the command line (0.15 s of a cold run, on the main thread), what every
     * command then needs first and whatever its arguments: classes whose initialization is slow the first time in a
     * process, none of them depending on the tool's own. Java's BigDecimal squares powers of five at class
     * initialization (Jackson's parsers need it); the JDK's calendar data reads every locale's tag the first time a
     * calendar is made (Jackson's date format makes one when it is loaded); ICU loads its number, plural and
     * spell-out data for the sentences' formats ({@link org.pcpassessor.core.Workspace#warm}). A thread that needs one
     * of them while it is being made waits for it; nothing here can fail a command, so a failure is ignored (the
     * command meets it again).
     */
    private static void warm() {
        try {
            Class.forName("java.math.BigDecimal");
            java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC"), java.util.Locale.US);
            org.pcpassessor.core.Workspace.warm();
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            // the command makes them itself
        }
    }

    /**
     * A rule trusted with {@code --trust-rules} may still call {@code System.exit}, in a consequence or in a condition,
     * an {@code eval} or a function a {@code from} calls; the process then ends with 2 and says which rule was running
     * (when a consequence was), never with the rule's code (0 would look like a good run with no output).
     */
    private static void guardExit() {
        if (finished || !exitCalled()) {
            return; // the command's own exit, or a signal (Ctrl-C, kill): those end the process as they should
        }
        String rule = org.pcpassessor.core.Workspace.runningRule();
        System.err.println("assess: error: the process was told to exit while " + (rule != null ? rule + " was running"
                : "the rules were running (a condition, an eval or a function)") + "; a rule may not end the process. "
                + "Nothing was written.");
        System.err.flush();
        Runtime.getRuntime().halt(2);
    }

    /**
     * Whether a thread is in {@code Runtime.exit} (so {@code System.exit} was called): a shutdown begun by a signal
     * runs from the JVM's signal handler instead, with no such frame.
     */
    private static boolean exitCalled() {
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().equals("java.lang.Runtime") && frame.getMethodName().equals("exit")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A worker thread's failure (the threads that read files or run statistics in parallel): its caller receives it
     * and reports it, so the thread itself says nothing. Out of memory, a worker can fail even to hand its error
     * over, and the JVM's default would print its stack trace beside the command's own message (seen in
     * ProcessGuardTest); any other failure goes to the JVM's default, as before.
     */
    private static void uncaught(Thread thread, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return;
        }
        // what the JVM prints without a handler (ThreadGroup.uncaughtException would call this handler again)
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        e.printStackTrace(System.err);
    }

    /** Runs a command line and returns its exit code: 0 ok, 1 internal failure, 2 bad input. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        Failures failures = new Failures(err, Arrays.asList(args).contains("--debug"));
        cli.setExecutionExceptionHandler(failures);
        cli.setParameterExceptionHandler(failures);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // Nothing was written: every output is written whole at the end. The message was made when the class
            // was loaded: the heap may still be full here (threads reading files in parallel may hold what they
            // read until they end), and making a string could fail again.
            err.println(OUT_OF_MEMORY);
            err.flush();
            return 1;
        }
    }

    private static final String OUT_OF_MEMORY = outOfMemory(Runtime.getRuntime().maxMemory());

    /**
     * What a run out of memory says: the heap it had and one twice as big, in whole gigabytes (a Markdown report of
     * 490,000 series needed 4 GB; a JSON one of the same run 8 GB: docs/scaling.md).
     */
    static String outOfMemory(long maxHeapBytes) {
        long mb = maxHeapBytes / (1024 * 1024);
        long suggested = Math.max(1, (2 * mb + 1023) / 1024);
        return "assess: error: out of memory (the Java heap is at most " + mb + " MB). Nothing was written. A "
                + "bigger run needs a bigger heap, such as PCP_JAVA_OPTS=-Xmx" + suggested + "g ./assess ... "
                + "(docs/scaling.md says how much a series needs).";
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"pcp-assessor " + (v == null ? "development build" : v)};
        }
    }
}
