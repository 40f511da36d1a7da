package org.pcpassessor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pcpassessor.TestFiles;

class CheckCommandTest {
    @TempDir
    Path dir;

    /** A copy of the repository's inputs to break. */
    private Path workspace() throws Exception {
        Files.writeString(dir.resolve("measures.yaml"), TestFiles.catalogueText());
        Path data = Files.createDirectories(dir.resolve("fixtures/cambridgeshire"));
        try (var files = Files.list(Path.of("fixtures/cambridgeshire"))) {
            for (Path f : files.toList()) {
                Files.copy(f, data.resolve(f.getFileName()));
            }
        }
        TestFiles.copyRules(dir.resolve("rules"));
        return dir;
    }

    @Test
    void aMisspeltKeyATextValueAndABrokenRuleAreReportedTogether() throws Exception {
        Path ws = workspace();
        Path catalogue = ws.resolve("measures.yaml");
        String text = Files.readString(catalogue);
        // the line of the first proportion's kind, counted here so that the bundled catalogue may grow above it
        int line = text.substring(0, text.indexOf("kind: proportion")).split("\n", -1).length;
        Files.writeString(catalogue, text.replaceFirst("kind: proportion", "knd: proportion"));
        Path csv = ws.resolve("fixtures/cambridgeshire/hate-recorded-crime.csv");
        List<String> rows = Files.readAllLines(csv);
        rows.set(5, rows.get(5).replace(",Force,2016-08,", ",Force,2016-08,").replaceFirst(",(\\d+),,", ",ninety,,"));
        Files.write(csv, rows);
        Path rule = ws.resolve("rules/narrate/trend.drl");
        Files.writeString(rule, Files.readString(rule).replace("then\n", "then\n    insert( ;\n"));

        var r = ReportCommandTest.run("check", "--catalogue", catalogue.toString(), "--rules",
                ws.resolve("rules").toString());
        assertEquals(2, r.exit(), r.err());
        List<String> errors = r.err().lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(3, errors.size(), r.err());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith(catalogue + ":" + line + ":13: error: unknown key 'knd' in measure "
                + "(did you mean 'kind'")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith(csv + ":6:4: error: value must be a plain decimal number, not 'ninety'")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith(rule + ":")), errors.toString());
        assertTrue(r.err().endsWith("3 error(s), 0 warning(s)\n"), r.err());
    }

    @Test
    void aRuleWaitingForAnUnknownCodeOrMeasureIsAnError() throws Exception {
        Path ws = workspace();
        Files.writeString(ws.resolve("rules/narrate/typo.drl"), """
                package pcp.narrate;
                import org.pcpassessor.facts.*;

                rule "Typo"
                when
                    $f : Finding( code == "HIGHR", measureId in ("da-recorded-crime", "da-recorded-crimes") )
                then
                    insert( Sentence.of("x", $f) );
                end
                """);
        var r = ReportCommandTest.run("check", "--catalogue", ws.resolve("measures.yaml").toString(), "--rules",
                ws.resolve("rules").toString());
        assertEquals(2, r.exit(), r.err());
        Path typo = ws.resolve("rules/narrate/typo.drl");
        assertTrue(r.err().contains(typo + ":6:28: error: rule 'Typo': finding code 'HIGHR' is neither a contract code "
                + "nor declared in codes.yaml, so this condition can never match (did you mean 'HIGHER'"), r.err());
        assertTrue(r.err().contains(typo + ":6:72: error: rule 'Typo': measure id 'da-recorded-crimes' is not in the "
                + "catalogue (did you mean 'da-recorded-crime'"), r.err());
    }

    @Test
    void aRuleThatNeverFiresIsAWarningThatOnlyStrictTurnsIntoFailure() throws Exception {
        Path ws = workspace();
        // HIGHER is the label of neutral measures, whose findings are never better: a valid rule that cannot fire.
        Files.writeString(ws.resolve("rules/narrate/never.drl"), """
                package pcp.narrate;
                import org.pcpassessor.facts.*;

                rule "Never"
                when
                    $f : Finding( code == "HIGHER", judgement == "better" )
                then
                    insert( Sentence.of("{Subject} never.", $f) );
                end
                """);
        String[] check = {"check", "--catalogue", ws.resolve("measures.yaml").toString(), "--rules",
            ws.resolve("rules").toString()};
        var r = ReportCommandTest.run(check);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains(ws.resolve("rules/narrate/never.drl") + ":4: warning: rule 'Never' fired on no "
                + "measure of the catalogue in the 12 months to December 2020"), r.err());
        String[] strict = java.util.Arrays.copyOf(check, check.length + 1);
        strict[check.length] = "--strict";
        assertEquals(2, ReportCommandTest.run(strict).exit());
        // The bundled inputs as they are have no idle rule: --strict passes.
        assertEquals(0, ReportCommandTest.run("check", "--strict").exit());
    }
}
