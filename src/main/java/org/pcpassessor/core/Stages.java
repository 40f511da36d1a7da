package org.pcpassessor.core;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall time per stage of a run (reading the catalogue, the data, the rules; statistics; rule sessions; assembling;
 * writing), printed to standard error at the end of the command when the JVM runs with {@code -Dpcp.stages=true}
 * ({@code PCP_JAVA_OPTS=-Dpcp.stages=true ./assess report}): where a big run spends its time, measured in the run
 * itself (docs/performance.md). Off, a stage costs one boolean test. A stage entered several times (a month per
 * run of {@code check}) adds up.
 */
public final class Stages {
    private static final boolean ON = Boolean.getBoolean("pcp.stages");
    private static final Map<String, long[]> TOTALS = new LinkedHashMap<>();

    private Stages() {
    }

    /** Runs the work, adding its wall time to the stage's when timing is on. */
    public static <T> T timed(String stage, Supplier<T> work) {
        if (!ON) {
            return work.get();
        }
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            long took = System.nanoTime() - start;
            synchronized (TOTALS) {
                long[] t = TOTALS.computeIfAbsent(stage, s -> new long[2]);
                t[0] += took;
                t[1]++;
            }
        }
    }

    /** As {@link #timed(String, Supplier)} for work with no result. */
    public static void timed(String stage, Runnable work) {
        timed(stage, () -> {
            work.run();
            return null;
        });
    }

    /** Forgets the stages timed so far (watch prints each run's own). */
    public static void reset() {
        synchronized (TOTALS) {
            TOTALS.clear();
        }
    }

    /** Prints the stages timed so far, in the order first entered, with the JVM's uptime; nothing when off. */
    public static void print(PrintWriter err) {
        if (!ON) {
            return;
        }
        StringBuilder out = new StringBuilder("assess: stages (wall):");
        synchronized (TOTALS) {
            TOTALS.forEach((stage, t) -> out.append(String.format(java.util.Locale.ROOT, " %s %.3f s%s;", stage,
                    t[0] / 1e9, t[1] > 1 ? " (" + t[1] + " times)" : "")));
        }
        out.append(String.format(java.util.Locale.ROOT, " JVM up %.3f s",
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3));
        err.println(out);
        err.flush();
    }
}
