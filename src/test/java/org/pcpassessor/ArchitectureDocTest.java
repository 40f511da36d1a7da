package org.pcpassessor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md stays true to the code: its package table lists exactly the packages of
 * src/main/java/org/pcpassessor, each with exactly the packages its compiled classes depend on (read with ArchUnit,
 * not from the source's text), in an order where each uses only those above it; and every class the page names in
 * backquotes, other than the tests, is a class of the production code.
 */
class ArchitectureDocTest {
    private static final Path DOC = Path.of("docs/architecture.md");
    private static final Path SOURCES = Path.of("src/main/java/org/pcpassessor");
    private static final Pattern ROW = Pattern.compile("^\\| `([\\w.]+)` \\|.*\\| ([a-z., ]+) \\|$");

    /** The table's rows, in order: package to the packages its "Uses" column names. */
    private static Map<String, Set<String>> table() throws Exception {
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                Set<String> uses = new TreeSet<>();
                if (!m.group(2).equals("nothing")) {
                    for (String u : m.group(2).split(",")) {
                        uses.add(u.strip());
                    }
                }
                rows.put(m.group(1), uses);
            }
        }
        return rows;
    }

    @Test
    void thePackageTableIsTheCodesPackagesAndWhatEachUses() throws Exception {
        Map<String, Set<String>> rows = table();
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) { // "rules", "rules.run": every folder holding classes
            files.filter(f -> f.toString().endsWith(".java"))
                    .forEach(f -> packages.add(SOURCES.relativize(f.getParent()).toString().replace('/', '.')));
        }
        assertEquals(packages, new TreeSet<>(rows.keySet()), "the packages of " + SOURCES);

        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pcpassessor");
        Map<String, Set<String>> actual = new TreeMap<>();
        packages.forEach(p -> actual.put(p, new TreeSet<>()));
        for (JavaClass c : classes) {
            String from = top(c.getPackageName());
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = top(d.getTargetClass().getPackageName());
                if (from != null && to != null && !to.equals(from)) {
                    actual.get(from).add(to);
                }
            }
        }
        assertEquals(actual, new TreeMap<>(rows), "expected: what the compiled classes use; was: the Uses column of " + DOC);

        List<String> above = new ArrayList<>();
        rows.forEach((pkg, uses) -> {
            assertTrue(above.containsAll(uses), pkg + " uses a package listed below it: " + uses + " not all in "
                    + above);
            above.add(pkg);
        });
    }

    @Test
    void everyClassThePageNamesExists() throws Exception {
        Set<String> classes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .forEach(f -> classes.add(f.getFileName().toString().replace(".java", "")));
        }
        Matcher named = Pattern.compile("`([A-Z]\\w+)(?:\\.\\w+)?`").matcher(Files.readString(DOC));
        int count = 0;
        while (named.find()) {
            if (named.group(1).endsWith("Test")) {
                continue; // the tests that hold the page (ArchitectureTest, this one) are named too
            }
            count++;
            assertTrue(classes.contains(named.group(1)), "docs/architecture.md names `" + named.group(1)
                    + "`, which is no class of " + SOURCES);
        }
        assertTrue(count >= 30, "the page names the classes on the path of a report: " + count);
    }

    /** "org.pcpassessor.rules.run" to "rules.run"; null outside the production packages. */
    private static String top(String pkg) {
        return pkg.startsWith("org.pcpassessor.") ? pkg.substring("org.pcpassessor.".length()) : null;
    }
}
