package org.pcpassessor.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pcpassessor.cli.ReportCommandTestAccess;

/**
 * The analysts' own acceptance suite: the live rules/, measures.yaml and scenarios/ of the repository, run as
 * {@code ./assess test} runs them. It is the only Java test that reads those files; every other test runs on the
 * frozen copies in src/test/resources/frozen, so an edit of the live files fails here only when it breaks one of
 * the analysts' scenarios (or the rule contract), which is what the analysts want to know.
 */
class AnalystSuiteTest {
    @Test
    void theBundledScenariosPassOnTheBundledRulesAndCatalogue() {
        var r = ReportCommandTestAccess.runAsIs("test");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains(" passed, 0 failed"), r.out());
    }
}
