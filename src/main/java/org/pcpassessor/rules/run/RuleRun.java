package org.pcpassessor.rules.run;

import org.pcpassessor.rules.RuleBase;
import org.pcpassessor.rules.CompilerMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.pcpassessor.audit.FactText;
import org.pcpassessor.audit.AuditEvent;
import org.pcpassessor.facts.Evidence;
import org.pcpassessor.facts.Finding;

import org.pcpassessor.facts.Sentence;
import org.pcpassessor.facts.TableLabel;
import org.pcpassessor.facts.Importance;
import org.pcpassessor.facts.Trivial;
import org.pcpassessor.problem.Problem;
import org.pcpassessor.problem.Problems;
import org.pcpassessor.wording.Values;
import org.pcpassessor.stats.Assessment;

/**
 * Runs the two phases over the assessments of a report, one priority at a time: classify (facts in, findings
 * out), then narrate (facts and findings in, sentences, table labels, importance and trivial marks out),
 * recording every firing for the audit trail. Each run keeps its own audit; nothing is shared between runs but
 * the compiled rule base.
 */
public final class RuleRun {
    /** Firings allowed per inserted fact before the run is stopped as a probable loop. */
    static final int FIRINGS_PER_FACT = 50;

    /** What the rules made (findings; sentences, labels, importance and trivial marks), and every firing in order. */
    public record Result(List<Finding> findings, List<Sentence> sentences, List<TableLabel> labels,
                         List<Importance> importance, List<Trivial> trivial, List<AuditEvent> audit) {
        public Result {
            findings = List.copyOf(findings);
            sentences = List.copyOf(sentences);
            labels = List.copyOf(labels);
            importance = List.copyOf(importance);
            trivial = List.copyOf(trivial);
            audit = List.copyOf(audit);
        }
    }

    private RuleRun() {
    }

    /**
     * Both phases, each under {@code timeout}, one priority at a time: a rule sees the facts, findings and sentences
     * of one priority of one pillar (every area), so that the work of a session grows with a priority's size, not
     * the whole catalogue's. From {@link #PARALLEL_FROM} series the priorities run on every core; the results and the
     * audit are in catalogue order either way. A rule that fails, loops, halts the session or runs past the time
     * limit, or a wording that names a value the findings lack, is a problem at its file:line added to
     * {@code found}, and the result is empty.
     */
    public static java.util.Optional<Result> run(RuleBase base, List<Assessment> assessments, Duration timeout,
                                                 Problems found) {
        return run(base, assessments, timeout, true, true, found);
    }

    /**
     * As {@link #run(RuleBase, List, Duration, Problems)}; without the audit trail when {@code audited} is false
     * (the result's audit is then empty; the rules fire and make the same facts); unless {@code everyArea}, the
     * result keeps, of each priority's findings, the headline area's and those a sentence says, with their labels
     * and marks (the sentences all): what a report of the headline area's tables and the sentences shows.
     */
    public static java.util.Optional<Result> run(RuleBase base, List<Assessment> assessments, Duration timeout,
                                                 boolean audited, boolean everyArea, Problems found) {
        return run(base, assessments, timeout, audited, everyArea, false, found);
    }

    /**
     * As {@link #run(RuleBase, List, Duration, boolean, boolean, Problems)}, the priorities on every core however few
     * the series when {@code everyCore} (a warm process: watch), else from {@link #PARALLEL_FROM} series.
     */
    public static java.util.Optional<Result> run(RuleBase base, List<Assessment> assessments, Duration timeout,
                                                 boolean audited, boolean everyArea, boolean everyCore,
                                                 Problems found) {
        try {
            return java.util.Optional.of(run(base, assessments, timeout,
                    everyCore || assessments.size() >= PARALLEL_FROM, null, audited, everyArea));
        } catch (RuleFailure e) {
            found.addAll(e.problems());
        } catch (Values.TemplateException e) {
            found.add(Problem.error(org.pcpassessor.problem.Location.of(base.folder().toString()), e.getMessage()));
        }
        return java.util.Optional.empty();
    }

    /**
     * What sees each rule session once its rules have fired, before it is disposed: for tests that read the
     * engine's own state (JoinCountTest counts the joins a session's facts make the engine try). Called on the
     * thread that runs the priority, so on several at once when the priorities run on every core.
     */
    interface SessionProbe {
        void fired(String phase, KieSession session);
    }

    /**
     * As {@link #run(RuleBase, List, Duration, boolean, boolean, Problems)} keeping every area's results, on every
     * core or one priority at a time as asked, showing each session to the probe (none when null); for the tests of
     * this package, a failure is thrown as a {@link RuleFailure}.
     */
    static Result run(RuleBase base, List<Assessment> assessments, Duration timeout, boolean parallel,
                      SessionProbe probe, boolean audited) {
        return run(base, assessments, timeout, parallel, probe, audited, true);
    }

    private static Result run(RuleBase base, List<Assessment> assessments, Duration timeout, boolean parallel,
                              SessionProbe probe, boolean audited, boolean everyArea) {
        Map<String, List<Assessment>> byPriority = new LinkedHashMap<>();
        assessments.forEach(a -> byPriority.computeIfAbsent(a.snapshot().pillar() + "\u0000" + a.snapshot().priority(),
                k -> new ArrayList<>()).add(a));
        List<List<Assessment>> priorities = List.copyOf(byPriority.values());
        List<Part> parts;
        try (SessionThreads threads = new SessionThreads()) {
            Session how = new Session(base, timeout, probe, audited, everyArea, threads);
            parts = parallel && priorities.size() > 1 ? inParallel(how, priorities)
                    : priorities.stream().map(p -> priority(how, p)).toList();
        }
        List<AuditEvent> audit = new ArrayList<>();
        List<Object> findings = new ArrayList<>();
        List<Object> made = new ArrayList<>();
        for (Part part : parts) {
            findings.addAll(part.findings());
            made.addAll(part.made());
            for (AuditEvent e : part.audit()) { // numbered in catalogue order, however the priorities were run
                audit.add(e.numbered(audit.size() + 1));
            }
        }
        return new Result(inOrder(findings), of(made, Sentence.class), of(made, TableLabel.class),
                of(made, Importance.class), of(made, Trivial.class), audit);
    }

    /**
     * The number of series from which priorities run on every core. Below it a run is a few priorities of a few
     * series, and threads cost more than they save (as for the statistics, core/Workspace).
     */
    static final int PARALLEL_FROM = 1000;

    /**
     * The most facts a session may have to come from the knowledge base's pool of reset sessions (RuleBase). Many
     * small sessions gain (a run of 4,292 measures in 2,784 sessions: rule sessions 2.47 to 2.24 s, four alternated
     * pairs); a reset session keeps the memory its last run grew to, and pooled sessions of a force of 1,600 areas
     * held 300 MB more to the end of the run, so bigger sessions are made afresh.
     */
    static final int POOLED_UP_TO = 5000;

    /** What one priority's two phases made. */
    private record Part(List<Finding> findings, List<Object> made, List<AuditEvent> audit) {
    }

    /**
     * How a run's sessions are run: its rules, time limit, probe (or null), audit trail or not, every area's
     * results or only what the report shows, threads, and what the run's listeners know of each rule that fired
     * (made once a run, not once a session: 2,784 sessions at 12,876 series).
     */
    private record Session(RuleBase base, Duration timeout, SessionProbe probe, boolean audited, boolean everyArea,
                           SessionThreads threads, Map<org.kie.api.definition.rule.Rule, Listener.Known> known) {
        Session(RuleBase base, Duration timeout, SessionProbe probe, boolean audited, boolean everyArea,
                SessionThreads threads) {
            this(base, timeout, probe, audited, everyArea, threads, new java.util.concurrent.ConcurrentHashMap<>());
        }
    }

    /** Classify, then narrate, for the assessments of one priority. */
    private static Part priority(Session how, List<Assessment> priority) {
        List<AuditEvent> audit = how.audited() ? new ArrayList<>() : null;
        List<Object> facts = new ArrayList<>();
        priority.forEach(a -> facts.addAll(a.facts()));
        List<Finding> found = inOrder(fire(how, "classify", facts, audit));
        List<Object> narrateFacts = new ArrayList<>(facts);
        narrateFacts.addAll(found);
        List<Object> made = said(how.base(), saidOnce(fire(how, "narrate", narrateFacts, audit)));
        return how.everyArea() ? new Part(found, made, audit == null ? List.of() : audit)
                : shown(found, made, audit == null ? List.of() : audit);
    }

    /**
     * Each finding said once: of the sentences the narrate rules made, those kept are taken in order of their rule's
     * salience (highest first), then of where the rule is written (file, then line), then of making, each kept when
     * none of its findings is said by a sentence kept before it. So a rule that says several findings in one
     * sentence (a higher salience) wins over the rules that say each alone, and no rule needs a guard of its own
     * ({@code not Sentence( ... used contains $f )}). An aside (a rule marked {@code @aside}: "so few people answered
     * the survey ...") is kept beside whichever sentence says its findings. Kept sentences stay in the order they
     * were made.
     */
    static List<Object> saidOnce(List<Object> made) {
        List<Sentence> candidates = new ArrayList<>();
        for (Object o : made) {
            if (o instanceof Sentence s) {
                candidates.add(s);
            }
        }
        if (candidates.size() < 2) {
            return made;
        }
        List<Sentence> byPrecedence = new ArrayList<>(candidates);
        byPrecedence.sort(PRECEDENCE); // stable: ties keep the order of making
        Set<Finding> said = new java.util.HashSet<>();
        Set<Sentence> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Sentence s : byPrecedence) {
            if (s.aside()) {
                kept.add(s); // adds to the sentence that says its findings; claims none of them
            } else if (s.used().stream().noneMatch(said::contains)) {
                said.addAll(s.used());
                kept.add(s);
            }
        }
        if (kept.size() == candidates.size()) {
            return made;
        }
        return made.stream().filter(o -> !(o instanceof Sentence s) || kept.contains(s)).toList();
    }

    /**
     * The kept sentences and the labels with their words: each one's wording entry (or template) filled with the
     * values of its findings (wording/Wording). A wording that cannot be filled (a value missing at run time, which
     * check did not foresee) is the error of the rule that named it, at its file:line.
     */
    static List<Object> said(RuleBase base, List<Object> made) {
        org.pcpassessor.wording.Values.beginSession();
        try {
            List<Object> out = new ArrayList<>(made.size());
            for (Object o : made) {
                try {
                    out.add(o instanceof Sentence s ? org.pcpassessor.wording.Wording.said(s, base.phrases())
                            : o instanceof TableLabel l ? org.pcpassessor.wording.Wording.said(l, base.phrases()) : o);
                } catch (RuntimeException e) {
                    String rule = o instanceof Sentence s ? s.rule() : ((TableLabel) o).rule();
                    String pkg = o instanceof Sentence s ? s.rulePackage() : base.packageOf(rule).orElse("");
                    throw new RuleFailure(List.of(problemAt(base, pkg, rule, "rule '" + rule + "' failed: "
                            + reason(e))));
                }
            }
            return out;
        } finally {
            org.pcpassessor.wording.Values.endSession();
        }
    }

    /** Which of two sentences saying the same finding is kept: see {@link #saidOnce}. */
    private static final Comparator<Sentence> PRECEDENCE = Comparator.comparingInt((Sentence s) -> -s.salience())
            .thenComparing(s -> s.source().file())
            .thenComparingInt(s -> s.source().line());

    /**
     * Of a priority's results, what a report of the headline area's tables and the sentences shows: the headline
     * area's findings and those a sentence says (another area's, when a rule says one), their labels and marks, and
     * every sentence. The rules see everything; only what is kept after them is less.
     */
    private static Part shown(List<Finding> found, List<Object> made, List<AuditEvent> audit) {
        Set<Finding> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object o : made) {
            if (o instanceof Sentence s) {
                kept.addAll(s.used());
            }
        }
        found.stream().filter(Finding::headline).forEach(kept::add);
        List<Object> shown = made.stream().filter(o -> o instanceof TableLabel l ? kept.contains(l.finding())
                : o instanceof Importance i ? kept.contains(i.finding())
                : !(o instanceof Trivial t) || kept.contains(t.finding())).toList();
        return new Part(found.stream().filter(kept::contains).toList(), shown, audit);
    }

    /**
     * The priorities on as many threads as there are cores, each a session of its own (a knowledge base is shared
     * safely; sessions are not shared). Results come back in catalogue order; when several priorities fail, the
     * first in that order is the error reported, as in a run one priority at a time.
     */
    private static List<Part> inParallel(Session how, List<List<Assessment>> priorities) {
        int threads = Math.min(priorities.size(), Runtime.getRuntime().availableProcessors());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pcp-priorities");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<Part>> futures = new ArrayList<>();
            for (List<Assessment> p : priorities) {
                futures.add(pool.submit(() -> priority(how, p)));
            }
            List<Part> parts = new ArrayList<>();
            for (java.util.concurrent.Future<Part> f : futures) {
                try {
                    parts.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error error) { // out of memory, above all: the command reports it
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while rules were running", e);
                }
            }
            return parts;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Classify sessions run one after another on the same session thread, for a search that runs
     * the classify rules many times: the page's near misses run them about 600 times, and a thread of its own for each
     * run (its start, and the hand-over of the session to it) cost more than many of the runs themselves. A session
     * that runs past the time limit gives up its thread, and the next run has a new one. Used by one thread; closing
     * it ends the session thread.
     */
    public static final class Classifier implements AutoCloseable {
        private final Duration timeout;
        private final SessionThreads threads = new SessionThreads();
        /** How the sessions of each rule base are run (with what the listener knows of its rules), by base. */
        private final Map<RuleBase, Session> sessions = new IdentityHashMap<>();

        public Classifier(Duration timeout) {
            this.timeout = java.util.Objects.requireNonNull(timeout, "timeout");
        }

        /**
         * Only the classify phase, with no audit trail: for what-if questions ("which rules would fire if this streak
         * were a month longer?"). A rule that fails, loops or runs past the time limit on these facts is a problem at
         * its file:line added to {@code found}, and the result is empty.
         */
        public java.util.Optional<List<Finding>> classify(RuleBase base, List<Object> facts, Problems found) {
            Session how = sessions.computeIfAbsent(base, b -> new Session(b, timeout, null, false, true, threads));
            try {
                return java.util.Optional.of(inOrder(fire(how, "classify", facts, null)));
            } catch (RuleFailure e) {
                found.addAll(e.problems());
                return java.util.Optional.empty();
            }
        }

        @Override
        public void close() {
            threads.close();
        }
    }

    private static <T> List<T> of(List<Object> made, Class<T> type) {
        return made.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * The findings among {@code made}, in {@link #FINDING_ORDER}, each one's evidence written out at most once for
     * the order's last key (when its other keys tie) instead of at every comparison: a measure's area findings
     * differ only in their evidence, and sorting them wrote it out n log n times (7% of the rule sessions' time with
     * 800 areas).
     */
    static List<Finding> inOrder(List<Object> made) {
        return made.stream().filter(Finding.class::isInstance).map(f -> new Keyed((Finding) f))
                .sorted(Comparator.comparing((Keyed k) -> k.finding, ORDER_BEFORE_EVIDENCE)
                        .thenComparing(Keyed::evidence))
                .map(k -> k.finding).toList();
    }

    /** A finding and its evidence as text, written out when first asked for. */
    private static final class Keyed {
        private final Finding finding;
        private String evidence;

        Keyed(Finding finding) {
            this.finding = finding;
        }

        String evidence() {
            if (evidence == null) {
                evidence = finding.evidence().toString();
            }
            return evidence;
        }
    }

    private static final Comparator<Finding> ORDER_BEFORE_EVIDENCE = Comparator.comparing(Finding::measureId)
            .thenComparing(Finding::area)
            .thenComparing(Finding::basis)
            .thenComparing(Finding::code)
            .thenComparing(Finding::rule);

    /** A stable order, whatever order the engine fired in. */
    public static final Comparator<Finding> FINDING_ORDER = ORDER_BEFORE_EVIDENCE
            .thenComparing(f -> f.evidence().toString());

    /** The stack of a rule session's thread: room for the engine's own recursion on big sessions. */
    private static final long SESSION_STACK_BYTES = 16L << 20;

    /**
     * The rule running on some session now (for the process-exit guard in the command line), or null. Sessions run
     * one at a time per command, so the latest is the one that matters.
     */
    private static volatile String running;

    /** "rule 'X' (file:line)" when a rule is running now, else null: what a guard outside the session can say. */
    public static String runningRule() {
        return running;
    }

    /**
     * Runs one phase on the caller's session thread ({@link SessionThreads}), under guard: the time limit (the
     * session is halted, then its thread interrupted, stopped if need be, and given no other session), a rule's
     * exception or error in a condition or a consequence (stack overflow and out-of-memory
     * included), a runaway loop and a halted session are errors naming the rule at file:line. Returns what the
     * rules inserted (findings, sentences, labels).
     */
    private static List<Object> fire(Session how, String phase, List<Object> facts, List<AuditEvent> audit) {
        RuleBase base = how.base();
        Duration timeout = how.timeout();
        KieSession[] session = new KieSession[1];
        Listener listener = new Listener(base, phase, audit, how.known());
        int cap = Math.max(1000, facts.size() * FIRINGS_PER_FACT);
        int[] fired = new int[2];
        Throwable[] failure = new Throwable[1];
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        SessionThread worker = how.threads().forCaller();
        worker.submit(() -> {
            try {
                Thread.currentThread().setName("pcp-rules-" + phase);
                org.pcpassessor.wording.Values.beginSession();
                // Made here, under the guard: making a knowledge base may run rule code (see RuleBase.Deferred).
                session[0] = base.session(phase, facts.size() <= POOLED_UP_TO);
                facts.forEach(session[0]::insert);
                session[0].addEventListener((AgendaEventListener) listener);
                session[0].addEventListener((RuleRuntimeEventListener) listener);
                fired[0] = session[0].fireAllRules(cap);
                // A session halted by a rule returns early with matches left: a second call fires them.
                listener.beforeSecondCall = listener.last;
                fired[1] = fired[0] >= cap ? 0 : session[0].fireAllRules(1);
            } catch (Throwable t) { // a rule's failure of any kind is reported as that rule's error
                failure[0] = t;
            } finally {
                RuleScope.exit();
                org.pcpassessor.wording.Values.endSession();
                done.countDown();
            }
        });
        try {
            if (!await(done, timeout)) {
                if (session[0] != null) {
                    session[0].halt();
                }
                worker.end(); // interrupts it, and it runs no other session
                if (!await(done, Duration.ofMillis(500))) {
                    stop(worker.thread);
                }
                Listener.Firing firing = listener.firing;
                String limit = seconds(timeout);
                throw new RuleFailure(List.of(firing != null
                        ? problemAt(base, firing.rulePackage(), firing.rule(), "rule '" + firing.rule() + "' was still "
                                + "running after the time limit of " + limit + ": a loop, or work that never ends? "
                                + "(--rule-timeout sets the limit)")
                        : Problem.error(base.folder().toString(), 0, 0, "the " + phase + " rules were still running "
                                + "after the time limit of " + limit + " without firing a rule: a condition (an eval, a "
                                + "function) that never ends, or a session too big for the limit (" + String.format(
                                java.util.Locale.UK, "%,d", facts.size()) + " facts)? --rule-timeout sets the limit")));
            }
            if (failure[0] != null) {
                OutOfMemoryError full = outOfMemory(failure[0]);
                if (full != null && heapNearlyFull()) {
                    throw full; // the run against the heap, not a rule: the command says so, with the heap's size
                }
                throw failed(base, phase, listener, failure[0]);
            }
            if (fired[0] >= cap) {
                String busiest = listener.counts.entrySet().stream().max(Map.Entry.comparingByValue())
                        .map(Map.Entry::getKey).orElse("?");
                throw new RuleFailure(List.of(problemAt(base, listener.packages.get(busiest), busiest,
                        "the " + phase + " phase stopped after " + cap + " firings; rule '" + busiest
                                + "' fired most (" + listener.counts.get(busiest)
                                + " times): it probably re-triggers itself")));
            }
            if (fired[1] > 0) {
                Listener.Firing halter = listener.beforeSecondCall;
                throw new RuleFailure(List.of(halter == null
                        ? Problem.error(base.folder().toString(), 0, 0, "the " + phase + " rules were halted")
                        : problemAt(base, halter.rulePackage(), halter.rule(), "rule '" + halter.rule() + "' halted the "
                                + "rules before they had finished; a rule may not halt the session")));
            }
            if (how.probe() != null) {
                how.probe().fired(phase, session[0]);
            }
            return listener.made;
        } finally {
            running = null;
            if (done.getCount() == 0 && session[0] != null) {
                session[0].dispose(); // back to its pool, reset: facts, agenda, listeners and numbering cleared
            }
        }
    }

    /** Waits for the session to end, at most {@code timeout}; true when it did. */
    private static boolean await(java.util.concurrent.CountDownLatch done, Duration timeout) {
        try {
            return done.await(Math.max(1, timeout.toMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rules were running", e);
        }
    }

    /**
     * The threads a run's rule sessions run on, one for each thread that runs priorities, each running session after
     * session. A session has a thread of its own (a big stack for the engine's recursion; a thread the caller can
     * give up on when a rule never ends), and making a thread for every session cost 0.12 ms each, 2,320 times at
     * 12,876 series. A thread whose session outran the time limit runs no other. Closing ends them all.
     */
    private static final class SessionThreads implements AutoCloseable {
        private final Map<Thread, SessionThread> byCaller = new java.util.concurrent.ConcurrentHashMap<>();

        /** The session thread of the calling thread: a new one at first, or after one was given up. */
        SessionThread forCaller() {
            return byCaller.compute(Thread.currentThread(), (caller, t) -> t == null || t.ended ? new SessionThread()
                    : t);
        }

        @Override
        public void close() {
            byCaller.values().forEach(SessionThread::end);
        }
    }

    /** A daemon thread that runs the sessions given to it, one after another, until it is ended. */
    private static final class SessionThread {
        private final java.util.concurrent.BlockingQueue<Runnable> sessions =
                new java.util.concurrent.LinkedBlockingQueue<>();
        final Thread thread = new Thread(null, this::serve, "pcp-rules", SESSION_STACK_BYTES);
        volatile boolean ended;

        SessionThread() {
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            try {
                while (!ended) {
                    sessions.take().run();
                }
            } catch (InterruptedException e) {
                // ended while waiting for a session
            }
        }

        void submit(Runnable session) {
            sessions.add(session);
        }

        /** Runs no more sessions; interrupts the one running, if any. */
        void end() {
            ended = true;
            thread.interrupt();
        }
    }

    /**
     * Stops a rule session's thread that ignored halt and interrupt (a loop in a consequence). {@code Thread.stop}
     * is the only way to end code that never yields; the thread holds nothing but its own session, which is
     * discarded. On a Java without it (20 and later), the daemon thread is left and the command still ends.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread worker) {
        try {
            worker.stop();
        } catch (UnsupportedOperationException e) {
            // nothing more can be done from here; the thread is a daemon and dies with the process
        }
    }

    private static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        return (s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s)) + " s";
    }

    /** A rule's failure, as its error at file:line: the rule from the engine's exception or from the listener. */
    private static RuleFailure failed(RuleBase base, String phase, Listener listener, Throwable t) {
        String rule = null;
        String pkg = "";
        Throwable cause = t;
        if (t instanceof ConsequenceException e && e.getMatch() != null) {
            rule = e.getMatch().getRule().getName();
            pkg = e.getMatch().getRule().getPackageName();
            cause = e.getCause() == null ? e : e.getCause();
        } else if (listener.firing != null) {
            rule = listener.firing.rule();
            pkg = listener.firing.rulePackage();
        } else {
            // An exception in a condition names its rule in the engine's message ([Rule "name" in file]) or in the
            // class the engine generated for it (pcp.classify.Rule_Name123Eval0Invoker).
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[Rule \"(.*?)\" in ([^\\]]*)\\]")
                    .matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                rule = m.group(1);
                pkg = base.packageOf(rule).orElse("");
            } else {
                RuleBase.RuleInfo generated = generatedBy(base, t);
                if (generated != null) {
                    rule = generated.name();
                    pkg = generated.rulePackage();
                }
            }
            cause = t.getCause() == null ? t : t.getCause();
        }
        String why = reason(cause);
        if (rule == null) {
            return new RuleFailure(List.of(Problem.error(base.folder().toString(), 0, 0, "the " + phase
                    + " rules failed: " + why)));
        }
        return new RuleFailure(List.of(problemAt(base, pkg, rule, "rule '" + rule + "' failed: " + why)));
    }

    /**
     * The rule whose generated class ({@code Rule_<name with non-word characters as _><number>...}) is on the stack
     * of a failure, or null: the longest rule name that matches, in the class's package.
     */
    private static RuleBase.RuleInfo generatedBy(RuleBase base, Throwable t) {
        RuleBase.RuleInfo best = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            for (StackTraceElement frame : c.getStackTrace()) {
                String cls = frame.getClassName();
                java.util.Optional<RuleBase.RuleInfo> compiled = base.ruleOfClass(cls);
                if (compiled.isPresent()) {
                    return compiled.get(); // a condition's or consequence's class, which names no rule itself
                }
                int dot = cls.lastIndexOf('.');
                String simple = cls.substring(dot + 1);
                String pkg = dot < 0 ? "" : cls.substring(0, dot);
                if (simple.contains("RuleMethods") && frame.getMethodName().startsWith("rule_")) {
                    // the executable model builds each rule in a method named after it (RulesXXXRuleMethods0.rule_Bad)
                    String method = frame.getMethodName().substring("rule_".length());
                    for (RuleBase.RuleInfo info : base.rules()) {
                        if (info.rulePackage().equals(pkg) && javaName(info.name()).equals(method)) {
                            return info;
                        }
                    }
                }
                if (!simple.startsWith("Rule_")) {
                    continue;
                }
                for (RuleBase.RuleInfo info : base.rules()) {
                    String legal = "Rule_" + javaName(info.name());
                    if (info.rulePackage().equals(pkg) && simple.startsWith(legal) && simple.length() > legal.length()
                            && (Character.isDigit(simple.charAt(legal.length())) || simple.charAt(legal.length()) == '_')
                            && (best == null || info.name().length() > best.name().length())) {
                        best = info;
                    }
                }
                if (best != null) {
                    return best;
                }
            }
        }
        return null;
    }

    /** A rule's name as the engine writes it into Java names: every character that cannot be in one as '_'. */
    private static String javaName(String rule) {
        return rule.replaceAll("[^\\w$]", "_");
    }

    /**
     * The out-of-memory error behind a session's failure (itself, or the cause the engine wrapped it in), or null.
     * With the heap nearly full it is the run's size against the heap, reported as such (cli/Main: the heap's size,
     * a bigger one), not as the failure of whichever rule was firing; with room left, one rule asked for more than
     * the heap holds (a trusted rule's huge array), and that rule's error names it.
     */
    private static OutOfMemoryError outOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError e) {
                return e;
            }
        }
        return null;
    }

    /** Whether the heap is over nine tenths full (what a run too big for it leaves when it runs out). */
    private static boolean heapNearlyFull() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory() > r.maxMemory() / 10 * 9;
    }

    /** What went wrong in a rule, in words: never an exception's class name. */
    static String reason(Throwable t) {
        if (t instanceof StackOverflowError) {
            return "it recursed too deeply (stack overflow)";
        }
        if (t instanceof OutOfMemoryError) {
            return "it ran out of memory";
        }
        if (t instanceof ArithmeticException && t.getMessage() != null) {
            return t.getMessage();
        }
        if (t instanceof NullPointerException) {
            return t.getMessage() == null ? "a value was missing (null)" : t.getMessage();
        }
        if (t instanceof ClassCastException) {
            return "a value was of the wrong type";
        }
        if (t instanceof IndexOutOfBoundsException || t instanceof StringIndexOutOfBoundsException) {
            return "an index out of range" + (t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return "it stopped with an error and no message";
        }
        // MVEL wraps its messages as "[Error: ...] [Near : {...}]"; keep the words inside.
        String first = message.lines().findFirst().orElse("").strip()
                .replaceFirst("^\\[Error: (.*?)\\](?:\\s*\\[Near.*)?$", "$1");
        return CompilerMessages.clean(first);
    }

    private static Problem problemAt(RuleBase base, String rulePackage, String rule, String message) {
        var at = base.source(rulePackage == null ? "" : rulePackage, rule);
        return Problem.error(at.file(), at.line(), at.column(), message);
    }

    /**
     * A fact as the audit keeps it: a record itself (immutable: described when the audit is read), anything else (a
     * type a rule file declares, which a rule may modify) described now.
     */
    static Object kept(Object o) {
        return o instanceof Record ? o : FactText.describe(o);
    }

    /** Enters the rule scope before each consequence and records the firing after it. */
    private static final class Listener extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
        private final RuleBase base;
        private final String phase;
        /** Where each firing is recorded; null when no audit trail is kept. */
        private final List<AuditEvent> audit;
        private final List<Object> inserted = new ArrayList<>();
        final List<Object> made = new ArrayList<>();
        final Map<String, Integer> counts = new HashMap<>();
        final Map<String, String> packages = new HashMap<>();

        Listener(RuleBase base, String phase, List<AuditEvent> audit,
                 Map<org.kie.api.definition.rule.Rule, Known> known) {
            this.base = base;
            this.phase = phase;
            this.audit = audit;
            this.known = known;
        }

        /** A rule's name and package. */
        record Firing(String rule, String rulePackage) {
        }

        /** The rule whose consequence is running now (null between consequences), and the last one that ran. */
        volatile Firing firing;
        volatile Firing last;
        /** The last rule that fired before the engine returned: the one that halted it, when it returned early. */
        volatile Firing beforeSecondCall;

        /**
         * What a firing says of its rule, and the scope its consequence runs in, made once per rule of the run (a
         * run fires each rule many times, in many sessions; all of it is immutable).
         */
        record Known(Firing firing, org.pcpassessor.problem.Location source, String running,
                     org.pcpassessor.facts.Origin scope) {
        }

        /** Shared by the run's sessions (see {@link Session}), which may run on several threads. */
        private final Map<org.kie.api.definition.rule.Rule, Known> known;

        private Known known(org.kie.api.definition.rule.Rule rule) {
            return known.computeIfAbsent(rule, r -> {
                var source = base.source(r.getPackageName(), r.getName());
                return new Known(new Firing(r.getName(), r.getPackageName()), source,
                        "rule '" + r.getName() + "' (" + source + ")",
                        new org.pcpassessor.facts.Origin(r.getName(), r.getPackageName(), source, r.getMetaData(), 0));
            });
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            Known k = known(event.getMatch().getRule());
            firing = k.firing();
            running = k.running();
            RuleScope.enter(k.scope().withSalience(event.getMatch().getSalience()));
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() != null) {
                if (audit != null) {
                    inserted.add(kept(event.getObject()));
                }
                made.add(event.getObject());
            }
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            // facts are records and are never updated; nothing to record
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            made.remove(event.getOldObject());
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            RuleScope.exit();
            last = firing;
            firing = null;
            running = null;
            var rule = event.getMatch().getRule();
            counts.merge(rule.getName(), 1, Integer::sum);
            packages.put(rule.getName(), rule.getPackageName());
            if (audit == null) {
                return; // no audit trail asked for
            }
            List<Object> objects = event.getMatch().getObjects();
            String measure = "";
            String area = "";
            for (Object o : objects) {
                if (o instanceof Evidence e) {
                    measure = e.measureId();
                    area = e.area();
                    break;
                }
                if (o instanceof Finding f) {
                    measure = f.measureId();
                    area = f.area();
                    break;
                }
            }
            audit.add(new AuditEvent(audit.size() + 1, phase, rule.getName(), known(rule).source(), measure, area,
                    objects.stream().map(RuleRun::kept).toList(), inserted));
            inserted.clear();
        }
    }
}
