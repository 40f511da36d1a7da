package org.pcpassessor.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.pcpassessor.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.problem.Problems;

class CatalogueLoaderTest {
    private static final Set<String> TESTS = Set.of("c-test", "two-proportion-z");

    @TempDir
    Path dir;

    private List<Problem> problemsOf(String yaml) throws Exception {
        Files.writeString(dir.resolve("d.csv"), "measure,area,month,value\n");
        Path file = dir.resolve("measures.yaml");
        Files.writeString(file, yaml);
        Problems problems = new Problems();
        new CatalogueLoader(TESTS, problems).read(file);
        return problems.sorted();
    }

    private static final String GOOD = """
            report:
              title: T
              month: 2020-12
              areas: [Force, North]
            data: [d.csv]
            pillars:
              - name: Victims
                priorities:
                  - name: Domestic Abuse
                    measures:
                      - id: da
                        label: Recorded Crime
                        subject: recorded Domestic Abuse crimes
                        kind: count
                        polarity: neutral
            """;

    @Test
    void theRepositoryCatalogueLoadsWithoutProblems() {
        Problems problems = new Problems();
        Catalogue c = new CatalogueLoader(Set.of("c-test", "two-proportion-z", "mann-whitney", "moving-range-z"),
                problems).read(TestFiles.CATALOGUE);
        assertEquals(List.of(), problems.sorted());
        assertEquals(37, c.measures().size());
        assertEquals(List.of("Victims", "Offenders", "Communities"), c.pillars().stream().map(Pillar::name).toList());
        assertEquals("Force", c.headlineArea());
    }

    @Test
    void aValidCatalogueHasNoProblems() throws Exception {
        assertEquals(List.of(), problemsOf(GOOD));
    }

    @Test
    void aMisspeltKeyIsNamedWithItsLineColumnAndTheKeyMeant() throws Exception {
        List<Problem> p = problemsOf(GOOD.replace("polarity: neutral", "polarty: neutral"));
        Problem unknown = p.stream().filter(x -> x.message().contains("polarty")).findFirst().orElseThrow();
        assertEquals(15, unknown.line());
        assertEquals(13, unknown.column());
        assertTrue(unknown.message().contains("did you mean 'polarity'"), unknown.message());
        assertEquals(1, p.size(), "the misspelling is one problem, not also a missing key: " + p);
    }

    @Test
    void unknownKindAndPolaritySuggestTheValidOnes() throws Exception {
        List<Problem> p = problemsOf(GOOD.replace("kind: count", "kind: counts").replace("neutral", "up-is-bad"));
        assertEquals(2, p.size(), p.toString());
        assertTrue(p.get(0).message().startsWith("unknown kind 'counts' (did you mean 'count'?)"), p.toString());
        assertEquals(14, p.get(0).line());
        assertTrue(p.get(1).message().startsWith("unknown polarity 'up-is-bad'"), p.toString());
    }

    @Test
    void duplicateIdsAndDuplicateKeysAreErrors() throws Exception {
        String twice = GOOD
                + "          - id: da\n"
                + "            label: Again\n"
                + "            subject: x\n"
                + "            kind: count\n"
                + "            polarity: neutral\n"
                + "            kind: rate\n";
        List<Problem> p = problemsOf(twice);
        assertTrue(p.stream().anyMatch(x -> x.message().startsWith("duplicate measure id 'da' (first declared at line 11)")
                && x.line() == 16), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.message().startsWith("duplicate key 'kind'") && x.line() == 21),
                p.toString());
    }

    @Test
    void malformedYamlIsReportedAtItsPosition() throws Exception {
        List<Problem> p = problemsOf("report:\n  title: [unclosed\n  month: 2020-12\n");
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).message().startsWith("YAML syntax"), p.get(0).message());
        assertTrue(p.get(0).line() >= 2, p.toString());
    }

    @Test
    void anUnknownTestNameAndABadMonthAreErrors() throws Exception {
        List<Problem> p = problemsOf(GOOD.replace("month: 2020-12", "month: Dec 2020")
                .replace("polarity: neutral", "polarity: neutral\n            test: c-tset"));
        assertTrue(p.stream().anyMatch(x -> x.message().contains("report month must be YYYY-MM") && x.line() == 3),
                p.toString());
        assertTrue(p.stream().anyMatch(x -> x.message().contains("unknown test 'c-tset' (did you mean 'c-test'?)")),
                p.toString());
    }

    @Test
    void dataGlobsExpandRelativeToTheCatalogue() throws Exception {
        Files.createDirectories(dir.resolve("x/y"));
        Files.writeString(dir.resolve("x/y/b.csv"), "");
        Files.writeString(dir.resolve("x/y/a.csv"), "");
        assertEquals(List.of(dir.resolve("x/y/a.csv"), dir.resolve("x/y/b.csv")),
                CatalogueLoader.expand(dir, "x/y/*.csv"));
        assertEquals(List.of(), CatalogueLoader.expand(dir, "x/nothing/*.csv"));
        assertEquals(List.of(dir.resolve("x/y/a.csv"), dir.resolve("x/y/b.csv")),
                CatalogueLoader.expand(Path.of("elsewhere"), dir.toAbsolutePath() + "/x/y/*.csv"));
        assertEquals(List.of(dir.resolve("x/y/a.csv")),
                CatalogueLoader.expand(Path.of("elsewhere"), dir.toAbsolutePath() + "/x/y/a.csv"));
        List<Problem> p = problemsOf(GOOD.replace("[d.csv]", "[missing/*.csv]"));
        assertNotNull(p.stream().filter(x -> x.message().startsWith("no file matches 'missing/*.csv'")).findFirst()
                .orElse(null), p.toString());
    }

    @Test
    void comparatorsAreForARateOrProportionEachWithAnIdAnAreaAndAName() throws Exception {
        String rate = GOOD.replace("kind: count", "kind: rate");
        List<Problem> ok = problemsOf(rate.replace("polarity: neutral", """
                polarity: neutral
                            comparators:
                              - {id: national-da, area: England and Wales, name: the 43 forces}"""));
        assertEquals(List.of(), ok);
        // on a count: per head, so the comparator's population at its line (17), and the headline area's
        List<Problem> count = problemsOf(GOOD.replace("polarity: neutral", """
                polarity: neutral
                            comparators:
                              - {id: national-da, area: England and Wales, name: the 43 forces}"""));
        assertTrue(count.stream().anyMatch(x -> x.line() == 17 && x.message().startsWith("a count's comparator needs "
                + "'population'")), count.toString());
        List<Problem> noOwn = problemsOf(GOOD.replace("polarity: neutral", """
                polarity: neutral
                            comparators:
                              - {id: national-da, area: England and Wales, name: the 43 forces, population: 59600000}"""));
        assertTrue(noOwn.stream().anyMatch(x -> x.line() == 17 && x.message().startsWith("comparator 'national-da' is "
                + "compared per head, but report.populations gives no population for the headline area 'Force'")),
                noOwn.toString());
        List<Problem> perHead = problemsOf(GOOD.replace("areas: [Force, North]", "areas: [Force, North]\n  populations: "
                + "{Force: 860000}").replace("polarity: neutral", """
                polarity: neutral
                            comparators:
                              - {id: national-da, area: England and Wales, name: the 43 forces, population: 59600000}"""));
        assertEquals(List.of(), perHead);
        // a rate's comparator has no population: it is compared as it is
        List<Problem> ratePopulation = problemsOf(rate.replace("polarity: neutral", """
                polarity: neutral
                            comparators:
                              - {id: national-da, area: England and Wales, name: the 43 forces, population: 5}"""));
        assertTrue(ratePopulation.stream().anyMatch(x -> x.message().startsWith("'population' is for a count's "
                + "comparator")), ratePopulation.toString());
        // a misspelt key, a missing name, and an id that is the measure's own
        List<Problem> bad = problemsOf(rate.replace("polarity: neutral", """
                polarity: neutral
                            comparators:
                              - {id: da, area: England and Wales, naem: the 43 forces}"""));
        assertTrue(bad.stream().anyMatch(x -> x.message().contains("'naem'") && x.message().contains("'name'")),
                bad.toString());
        assertTrue(bad.stream().anyMatch(x -> x.line() == 17 && x.message().startsWith("comparator id 'da' is already "
                + "an id (line 11)")), bad.toString());
    }

    @Test
    void aTargetIsAValueOrATrajectoryOnAMeasureWithAGoodDirection() throws Exception {
        String share = GOOD.replace("kind: count", "kind: proportion").replace("polarity: neutral",
                "polarity: up-is-good");
        Path file = dir.resolve("measures.yaml");
        Files.writeString(dir.resolve("d.csv"), "measure,area,month,value\n");
        Files.writeString(file, share + """
                            target:
                              trajectory: {2020-04: 0.85, 2020-10: 0.9}
                              name: the Plan's target
                """);
        Problems problems = new Problems();
        Measure m = new CatalogueLoader(TESTS, problems).read(file).measures().get(0);
        assertEquals(List.of(), problems.sorted());
        Target t = m.target().orElseThrow();
        assertEquals("the Plan's target", t.name());
        // a step function: nothing before its first month, each value until the next month given
        assertTrue(t.at(java.time.YearMonth.of(2020, 3)).isEmpty());
        assertEquals(0.85, t.at(java.time.YearMonth.of(2020, 9)).getAsDouble());
        assertEquals(0.9, t.at(java.time.YearMonth.of(2021, 3)).getAsDouble());
        // one number: always
        assertEquals(List.of(), problemsOf(share + "            target: 0.9\n"));
        // a percentage written as a whole number, at its line (16) and column (29)
        List<Problem> percent = problemsOf(share + "            target: {value: 90}\n");
        assertTrue(percent.stream().anyMatch(x -> x.line() == 16 && x.column() == 29 && x.message().startsWith(
                "a proportion target is a fraction (0.9 for 90%)")), percent.toString());
        // both forms, and a month that is not one
        List<Problem> both = problemsOf(share + "            target: {value: 0.9, trajectory: {2020-04: 0.8}}\n");
        assertTrue(both.stream().anyMatch(x -> x.message().contains("either 'value'") && x.message().endsWith(
                "not both")), both.toString());
        List<Problem> month = problemsOf(share + "            target: {trajectory: {April: 0.8}}\n");
        assertTrue(month.stream().anyMatch(x -> x.message().startsWith("a trajectory's months are YYYY-MM")),
                month.toString());
        // a neutral measure has no good side of a target
        List<Problem> neutral = problemsOf(GOOD + "            target: 10\n");
        assertTrue(neutral.stream().anyMatch(x -> x.line() == 16 && x.message().startsWith(
                "a target needs a good direction")), neutral.toString());
    }
}
