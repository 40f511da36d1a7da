package org.pcpassessor.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a workspace reads and runs its inputs.
 *
 * @param dataOutsideAllowed whether the catalogue's {@code data:} may name relative paths outside its folder
 * @param trustedRules       whether rule code may reach outside the rule API (files, processes, threads, reflection,
 *                           unbounded loops); by default such code is an error with file:line
 * @param ruleTimeout        how long one rule session (a phase of a month) may run before it is stopped as an error
 *                           naming the rule that was firing
 * @param notes              the analysts' notes folder; empty means {@code notes/} beside the catalogue
 * @param notesRead          whether notes are read at all (not for scenarios: their series are made up)
 * @param full               whether the commentary says everything: no budget, trivial findings too
 * @param audited            whether a run keeps the audit trail, every rule firing with the facts it matched: for
 *                           {@code --audit}, explain, the HTML report's explanations, check and the scenarios; a
 *                           report that shows none of it is made without (a firing's record for each of 1.6 million
 *                           firings at 100,048 series, 14% of the live heap)
 * @param everyArea          whether a run keeps what the rules found about every area (findings, table labels,
 *                           importance and trivial marks): for the JSON and HTML reports, explain, check, watch and
 *                           the scenarios. A report that shows the headline area's tables and the sentences alone
 *                           (Markdown, Word) keeps the headline area's and those its sentences say, each priority's
 *                           as its rules finish: with 1,656 areas the other areas' findings filled a 4 GB heap
 * @param everyCore          whether the rule sessions of a run's priorities run on every core however few its series
 *                           (watch: a warm process, where a run's sessions took 94 ms on one core and 63 ms on two,
 *                           2026-12-07); otherwise only from RuleRun's threshold of series, below which a single
 *                           run of a cold process spends more starting threads than it saves
 */
public record Settings(boolean dataOutsideAllowed, boolean trustedRules, Duration ruleTimeout, Optional<Path> notes,
                       boolean notesRead, boolean full, boolean audited, boolean everyArea, boolean everyCore) {
    /** The most a session may be given: a bound, so that a typo cannot mean "forever". */
    public static final Duration MAX_RULE_TIMEOUT = Duration.ofHours(1);

    /** Data beside the catalogue, rules held to the rule API, 5 seconds per rule session, notes beside the catalogue. */
    public static final Settings DEFAULT = new Settings(false, false, Duration.ofSeconds(5), Optional.empty(), true,
            false, true, true, false);

    public Settings {
        Objects.requireNonNull(ruleTimeout, "ruleTimeout");
        Objects.requireNonNull(notes, "notes");
        if (ruleTimeout.isNegative() || ruleTimeout.isZero() || ruleTimeout.compareTo(MAX_RULE_TIMEOUT) > 0) {
            throw new IllegalArgumentException("the rule time limit must be above 0 and at most 1 hour: " + ruleTimeout);
        }
    }

    /** The same settings, letting the catalogue's {@code data:} name relative paths outside its folder or not. */
    public Settings withDataOutsideAllowed(boolean allowed) {
        return with(b -> b.dataOutsideAllowed = allowed);
    }

    /** The same settings, trusting rule code outside the rule API ({@code --trust-rules}) or not. */
    public Settings withTrustedRules(boolean trusted) {
        return with(b -> b.trustedRules = trusted);
    }

    /** The same settings, with another limit for one rule session ({@code --rule-timeout}). */
    public Settings withRuleTimeout(Duration limit) {
        return with(b -> b.ruleTimeout = limit);
    }

    /** The same settings, with the notes in {@code folder} ({@code --notes}), or beside the catalogue when empty. */
    public Settings withNotes(Optional<Path> folder) {
        return with(b -> b.notes = folder);
    }

    /** The same settings, saying everything ({@code report --full}) or not. */
    public Settings withFull(boolean all) {
        return with(b -> b.full = all);
    }

    /** The same settings, keeping the audit trail of a run or not. */
    public Settings withAudit(boolean kept) {
        return with(b -> b.audited = kept);
    }

    /** The same settings, keeping what the rules found about every area or only what the report shows. */
    public Settings withEveryArea(boolean kept) {
        return with(b -> b.everyArea = kept);
    }

    /** The same settings, running the rule sessions of a run's priorities on every core however few its series. */
    public Settings withEveryCore(boolean all) {
        return with(b -> b.everyCore = all);
    }

    /** The same settings, reading no notes: a scenario's made-up series are not the month the notes describe. */
    public Settings withoutNotes() {
        return with(b -> b.notesRead = false);
    }

    /**
     * These settings with one or more changed by name: each wither says only its own setting, and the record's
     * constructor is called with every setting here and in {@link #DEFAULT} alone.
     */
    private Settings with(java.util.function.Consumer<Change> change) {
        Change c = new Change(this);
        change.accept(c);
        return new Settings(c.dataOutsideAllowed, c.trustedRules, c.ruleTimeout, c.notes, c.notesRead, c.full,
                c.audited, c.everyArea, c.everyCore);
    }

    /** The settings as fields a wither sets by name (validated again by the record's constructor). */
    private static final class Change {
        boolean dataOutsideAllowed;
        boolean trustedRules;
        Duration ruleTimeout;
        Optional<Path> notes;
        boolean notesRead;
        boolean full;
        boolean audited;
        boolean everyArea;
        boolean everyCore;

        Change(Settings s) {
            dataOutsideAllowed = s.dataOutsideAllowed;
            trustedRules = s.trustedRules;
            ruleTimeout = s.ruleTimeout;
            notes = s.notes;
            notesRead = s.notesRead;
            full = s.full;
            audited = s.audited;
            everyArea = s.everyArea;
            everyCore = s.everyCore;
        }
    }
}
