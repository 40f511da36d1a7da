package org.pcpassessor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the production code (the README's Layout names the packages), checked on the compiled
 * classes with ArchUnit: a rule broken by a change fails here with the classes and lines that break it.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pcpassessor");

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        // each package its own slice, subpackages too: rules, rules.contract and rules.run may not form a cycle
        slices().matching("org.pcpassessor.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    /** The writers print what the run computed: no rule run, no workspace, no call back into the command line. */
    @Test
    void writersReadTheRunsResultsOnly() {
        noClasses().that().resideInAPackage("org.pcpassessor.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pcpassessor.core..",
                        "org.pcpassessor.rules..", "org.pcpassessor.cli..", "org.pcpassessor.scenario..")
                .check(CLASSES);
    }

    /**
     * The commands work through the core's entry point (Workspace) and print its results: they compile no rules,
     * run no rule session, fill no wording and read no data themselves.
     */
    @Test
    void theCommandsGoThroughTheCore() {
        noClasses().that().resideInAPackage("org.pcpassessor.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.pcpassessor.rules..",
                        "org.pcpassessor.wording..", "org.pcpassessor.data..", "org.pcpassessor.stats..",
                        "org.pcpassessor.facts..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLineKnowsTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("org.pcpassessor.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.pcpassessor.cli..")
                .check(CLASSES);
    }

    /** What rule files see (docs/rules-reference.md): the facts, made from the catalogue, with their locations. */
    @Test
    void theRuleApiStandsOnTheCatalogueAndLocationsOnly() {
        classes().that().resideInAPackage("org.pcpassessor.facts..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.pcpassessor.facts..",
                        "org.pcpassessor.catalogue..", "org.pcpassessor.problem..", "java..")
                .check(CLASSES);
    }

    /** The audit trail and near misses are results: they describe facts and nothing runs them. */
    @Test
    void theAuditIsResultsOnly() {
        classes().that().resideInAPackage("org.pcpassessor.audit..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.pcpassessor.audit..",
                        "org.pcpassessor.facts..", "org.pcpassessor.catalogue..", "org.pcpassessor.problem..",
                        "java..")
                .check(CLASSES);
    }
}
