package org.pcpassessor.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.pcpassessor.catalogue.Catalogue;
import org.pcpassessor.catalogue.CatalogueLoader;
import org.pcpassessor.data.SeriesLoader;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.scenario.ScenarioLoader;
import org.pcpassessor.stats.SignificanceMethods;

/**
 * Property-based fuzzing of the three loaders of user text: the catalogue (YAML), the series CSV and the scenario
 * (YAML). Each input is a seed file of the repository with random mutations (characters an analyst or an editor can
 * produce: quotes, brackets, tabs, YAML's &amp;*!|&gt;, hex and underscore numbers, NUL, bytes that are not UTF-8, very
 * long runs, repeated or dropped lines). Whatever the input, a loader must return with its problems collected:
 * no exception escapes, no load takes 2 s or more, and every problem has a file and a position that exists.
 *
 * <p>The normal run tries {@code jqwik.tries.default} inputs per loader (junit-platform.properties);
 * {@code bench/fuzz.sh} runs many more and prints the count and the time.
 */
class LoaderFuzzTest {
    static final Path BASE = Path.of("src/test/resources/bad-inputs/base/measures.yaml");
    static final Path SCENARIO = Path.of("scenarios/01-count-record-high.yaml");
    static final Path CSV = Path.of("fixtures/cambridgeshire/da-ppo-rate.csv");
    static final long LIMIT_NANOS = 2_000_000_000L;
    static final AtomicLong INPUTS = new AtomicLong();
    static final AtomicLong SLOWEST = new AtomicLong();
    static final long STARTED = System.nanoTime();

    /** Fragments that break YAML and CSV in the ways the issue lists, and some the parsers find hard. */
    static final List<String> NASTY = List.of("&a ", "*a", "<<: ", "\n---\n", "0x1F", "10_660", ".nan", ".inf", "1e3",
            "\t", "\"", "'", "{", "}", "[", "]", ",", ":", "- ", "#", "\u0000", "\uFEFF", "é", "\r", "\r\n", "!!str ",
            "|\n", ">\n", "? ", "%YAML 1.2\n", "*", "\\", "\"\"", "9".repeat(30), "-999999999-01", "+999999999-12",
            "1*300000000", "1..5*99999999999", "{a,b", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[");

    /** The count, the time and the slowest load, on standard output and in target/fuzz-summary.txt (bench/fuzz.sh). */
    @AfterContainer
    static void report() throws IOException {
        String line = String.format(java.util.Locale.UK, "fuzz: %,d inputs in %.1f s, slowest load %.0f ms%n",
                INPUTS.get(), (System.nanoTime() - STARTED) / 1e9, SLOWEST.get() / 1e6);
        System.out.print(line);
        Files.writeString(Path.of("target/fuzz-summary.txt"), line);
    }

    @Property
    void catalogueLoaderNeverThrows(@ForAll("catalogues") byte[] input) throws IOException {
        inFolder(dir -> {
            Path file = dir.resolve("measures.yaml");
            Files.write(file, input);
            Problems problems = new Problems();
            timed(() -> new CatalogueLoader(SignificanceMethods.names(), problems).read(file));
            return problems;
        });
    }

    @Property
    void seriesLoaderNeverThrows(@ForAll("csvs") byte[] input) throws IOException {
        inFolder(dir -> {
            Files.writeString(dir.resolve("measures.yaml"), Files.readString(BASE));
            Files.createDirectories(dir.resolve("data"));
            Files.write(dir.resolve("data/da-ppo-rate.csv"), input);
            Problems problems = new Problems();
            Catalogue catalogue = new CatalogueLoader(SignificanceMethods.names(), problems).read(dir.resolve("measures.yaml"));
            assertNotNull(catalogue, problems.sorted().toString());
            timed(() -> new SeriesLoader(catalogue, problems).read());
            return problems;
        });
    }

    @Property
    void scenarioLoaderNeverThrows(@ForAll("scenarios") byte[] input) throws IOException {
        inFolder(dir -> {
            Path file = dir.resolve("s.yaml");
            Files.write(file, input);
            Problems problems = new Problems();
            timed(() -> new ScenarioLoader(problems).read(file));
            return problems;
        });
    }

    /** A load in a fresh folder, removed afterwards; the problems it collected are checked. */
    private interface Load {
        Problems in(Path dir) throws IOException;
    }

    private static void inFolder(Load load) throws IOException {
        Path dir = Files.createTempDirectory("fuzz");
        try {
            checkPositions(load.in(dir));
        } finally {
            delete(dir);
        }
    }

    @Provide
    Arbitrary<byte[]> catalogues() {
        return mutants(BASE);
    }

    @Provide
    Arbitrary<byte[]> csvs() {
        return mutants(CSV);
    }

    @Provide
    Arbitrary<byte[]> scenarios() {
        return mutants(SCENARIO);
    }

    /** The seed file with 1 to 8 mutations, each at a random place; a tenth of them as raw bytes. */
    private static Arbitrary<byte[]> mutants(Path seed) {
        String text;
        try {
            text = Files.readString(seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 7),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1),
                Arbitraries.of(NASTY), Arbitraries.integers().between(1, 20_000))
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(8).map(ms -> {
            String t = text;
            byte[] raw = null;
            for (Mutation m : ms) {
                if (m.kind() == 7) {
                    raw = (raw == null ? t.getBytes(StandardCharsets.UTF_8) : raw).clone();
                    int at = (int) (m.where() * raw.length);
                    if (at < raw.length) {
                        raw[at] = (byte) (0x80 + (m.size() % 0x80)); // a byte that cannot start a UTF-8 character
                    }
                } else {
                    t = m.apply(t);
                }
            }
            return raw != null ? raw : t.getBytes(StandardCharsets.UTF_8);
        });
    }

    /** One change: insert a fragment, delete a span, repeat a line, drop a line, swap two lines, or insert a long run. */
    record Mutation(int kind, double where, double other, String fragment, int size) {
        String apply(String t) {
            int at = (int) (where * t.length());
            List<String> lines = new ArrayList<>(t.lines().toList());
            int line = lines.isEmpty() ? 0 : (int) (where * lines.size()) % lines.size();
            switch (kind) {
                case 0:
                    return t.substring(0, at) + fragment + t.substring(at);
                case 1:
                    return t.substring(0, at) + t.substring(Math.min(t.length(), at + size % 40));
                case 2:
                    if (!lines.isEmpty()) {
                        lines.add(line, lines.get(line));
                    }
                    return String.join("\n", lines);
                case 3:
                    if (!lines.isEmpty()) {
                        lines.remove(line);
                    }
                    return String.join("\n", lines);
                case 4:
                    if (lines.size() > 1) {
                        int other2 = (int) (other * lines.size()) % lines.size();
                        String a = lines.get(line);
                        lines.set(line, lines.get(other2));
                        lines.set(other2, a);
                    }
                    return String.join("\n", lines);
                case 5:
                    return t.substring(0, at) + fragment.repeat(Math.max(1, size / Math.max(1, fragment.length())))
                            + t.substring(at);
                default:
                    return t.substring(0, at) + "x".repeat(size) + t.substring(at);
            }
        }
    }

    private static void timed(Runnable load) {
        long start = System.nanoTime();
        load.run();
        long took = System.nanoTime() - start;
        INPUTS.incrementAndGet();
        SLOWEST.accumulateAndGet(took, Math::max);
        assertTrue(took < LIMIT_NANOS, "a load took " + took / 1_000_000 + " ms");
    }

    /** Every problem names a file and, when it has a position, one that is plausible. */
    private static void checkPositions(Problems problems) {
        for (Problem p : problems.sorted()) {
            assertTrue(!p.file().isEmpty() && !p.message().isBlank(), p.toString());
            assertTrue(!p.message().contains("Exception") && !p.message().contains("java."), p.toString());
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
