package org.pcpassessor.rules;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.KieBuilderImpl;
import org.drools.compiler.kie.builder.impl.MemoryKieModule;
import org.drools.compiler.kproject.models.KieModuleModelImpl;
import org.drools.modelcompiler.CanonicalKieModule;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;

/**
 * Compiled rule bases kept on disk between runs, so that a run whose rules have not changed since the last one
 * skips the compiler (about 2 s of the bundled report's 3.5 s on a 2-core machine).
 *
 * <p>What is kept is the KIE module of Drools' <em>executable model</em>: the rules translated to Java and compiled
 * to classes ({@link KieBuilderImpl} with {@code ExecutableModelProject}), written as the jar Drools makes of it.
 * Loading it builds the network from those classes without parsing or compiling anything. A serialized KieBase is
 * not an option: Drools removed KieBase serialization (DROOLS-6623). The same engine runs whether the module came
 * from the cache or from the compiler, so a report is the same bytes either way (tested).
 *
 * <p>A module is a rule file's (or a phase's, when its files share declarations: see {@link RuleBase}), filed under
 * a key: the SHA-256 of the phase, its files' names and texts, the Drools version and the tool's own build (the jar's
 * size and time, since the generated classes are compiled against the fact classes). Any edit to a rule file is a
 * new key, so an edited rule is never served from an old module. The folder
 * is given by the system property {@code pcp.cache} (the {@code assess} launcher sets it to
 * {@code target/rule-cache}); without it nothing is kept. The cache is only a shortcut: a file that cannot be
 * written or read is ignored (and an unreadable one deleted), and the rules are compiled as if it were not there.
 */
final class RuleCache {
    /** The system property naming the folder. */
    static final String PROPERTY = "pcp.cache";
    /**
     * Modules kept per phase (a module is a rule file's, so several per phase); the least recently used are deleted
     * when a new one is written.
     */
    private static final int KEEP = 64;
    private static final String SUFFIX = ".kjar";
    /** Modules loaded from the folder in this process (for tests and the benchmark). */
    private static final java.util.concurrent.atomic.AtomicInteger LOADED = new java.util.concurrent.atomic.AtomicInteger();

    private RuleCache() {
    }

    /** Set on a thread while it compiles rules that are not to be kept: see {@link #without}. */
    private static final ThreadLocal<Boolean> OFF = ThreadLocal.withInitial(() -> false);

    /**
     * The work with no folder on this thread: nothing it compiles or reads is looked for in the folder or written
     * there (a throwaway copy of a rules folder, whose files' paths no later run will have: watch's warm-up).
     */
    static <T> T without(java.util.function.Supplier<T> work) {
        boolean was = OFF.get();
        OFF.set(true);
        try {
            return work.get();
        } finally {
            OFF.set(was);
        }
    }

    /** The folder, when the property names one (and the thread is not {@link #without} it). */
    static Optional<Path> folder() {
        if (OFF.get()) {
            return Optional.empty();
        }
        String dir = System.getProperty(PROPERTY);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    /** How many modules this process has loaded from the folder. */
    static int loaded() {
        return LOADED.get();
    }

    /** What the key adds beyond the rule files: the engine's version, the tool's build and the Java version. */
    static String buildIdentity() {
        String drools = Optional.ofNullable(KieServices.class.getPackage().getImplementationVersion()).orElse("?");
        String tool = "classes";
        try {
            var source = RuleCache.class.getProtectionDomain().getCodeSource();
            Path where = source == null ? null : Path.of(source.getLocation().toURI());
            if (where != null && Files.isRegularFile(where)) {
                tool = Files.size(where) + "@" + Files.getLastModifiedTime(where).toMillis();
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            tool = "unknown";
        }
        // the Java version too: a module compiled by a newer Java may hold classes an older one cannot load
        return drools + "\u0000" + tool + "\u0000" + Runtime.version().feature();
    }

    /**
     * A module read from the cache, the jar it was read from, and whether the jar's classes passed this build's
     * {@link CompiledCheck} when they were filed or last loaded.
     */
    record Loaded(CanonicalKieModule module, byte[] jar, boolean checked) {
    }

    /** The mark beside a module whose classes passed the check: its file name and this build's allow-list. */
    private static Path checkedMark(Path module) {
        return module.resolveSibling(module.getFileName() + ".checked");
    }

    /**
     * Marks a filed module's classes as checked by this build's {@link CompiledCheck}, so later untrusted runs load
     * it without reading every class again (0.13 s of a cold report).
     */
    static void markChecked(String phase, String key) {
        folder().ifPresent(f -> {
            try {
                Files.writeString(checkedMark(file(f, phase, key)), CompiledCheck.VERSION);
            } catch (IOException | RuntimeException e) {
                // no mark: the next run checks the classes again
            }
        });
    }

    private static boolean isChecked(Path module) {
        try {
            Path mark = checkedMark(module);
            return Files.isRegularFile(mark) && Files.readString(mark).equals(CompiledCheck.VERSION);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The module filed under the key, with its jar, or empty when there is none or it cannot be read (then it is
     * deleted). Its knowledge base is made later, from its models ({@link #models}).
     */
    static Optional<Loaded> load(String phase, String key, ReleaseId releaseId) {
        Optional<Path> file = folder().map(f -> file(f, phase, key));
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.get());
        } catch (IOException | RuntimeException e) {
            delete(file.get());
            return Optional.empty();
        }
        Optional<CanonicalKieModule> module = module(releaseId, bytes);
        if (module.isEmpty()) {
            delete(file.get()); // unreadable or made by another build: compile instead, and file a good one
            return Optional.empty();
        }
        try {
            // used now: the newest are the ones kept (prune), and a file of an unchanged rule file stays
            Files.setLastModifiedTime(file.get(), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            // kept or not, this run has what it needs
        }
        LOADED.incrementAndGet();
        return Optional.of(new Loaded(module.get(), bytes, isChecked(file.get())));
    }

    /** An executable-model module made from its jar, or empty when the jar is not one. */
    static Optional<CanonicalKieModule> module(ReleaseId releaseId, byte[] jar) {
        try {
            KieModuleModelImpl model = new KieModuleModelImpl();
            KieBuilderImpl.setDefaultsforEmptyKieModule(model);
            MemoryKieModule memory = new MemoryKieModule(releaseId, model, readJar(jar));
            if (!memory.isAvailable(CanonicalKieModule.getModelFileWithGAV(releaseId))) {
                return Optional.empty();
            }
            return Optional.of(new CanonicalKieModule(memory));
        } catch (IOException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * The rule models of a module's (default) knowledge base. Reading them runs the model's class initialisation,
     * rule code included: for a caller that runs it under the rule guard.
     */
    static java.util.Collection<org.drools.model.Model> models(CanonicalKieModule module) {
        org.drools.compiler.kproject.models.KieBaseModelImpl base = (org.drools.compiler.kproject.models.KieBaseModelImpl)
                module.getKieModuleModel().getKieBaseModels().values().iterator().next();
        return module.getModelForKBase(base);
    }

    /**
     * The files of a module's jar, as {@link MemoryFileSystem#readFromJar(byte[])} gives them (every entry but
     * folders, by name), read an entry at a time: Drools' own reads a byte at a time, 45 ms of a cold report.
     */
    static MemoryFileSystem readJar(byte[] jar) throws IOException {
        MemoryFileSystem files = new MemoryFileSystem();
        try (java.util.jar.JarInputStream in = new java.util.jar.JarInputStream(
                new java.io.ByteArrayInputStream(jar))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory()) {
                    files.write(e.getName(), in.readAllBytes(), false);
                }
            }
        }
        return files;
    }

    /** Files a compiled module's jar under the key (written to a temporary file, then moved into place). */
    static void store(String phase, String key, byte[] jar) {
        Optional<Path> folder = folder();
        if (folder.isEmpty()) {
            return;
        }
        Path target = file(folder.get(), phase, key);
        Path temp = null;
        try {
            Files.createDirectories(folder.get());
            temp = Files.createTempFile(folder.get(), phase + "-", ".tmp");
            Files.write(temp, jar);
            move(temp, target);
            prune(folder.get(), phase + "-", SUFFIX);
        } catch (IOException | RuntimeException e) {
            if (temp != null) {
                delete(temp); // a cache that cannot be written is no cache; the run goes on
            }
        }
    }

    /**
     * The contract's reading of the rule files ({@link RuleModel}) filed under the key of every file, or empty when
     * there is none or it cannot be read (then it is deleted). Reading the files with Drools' DRL parser was 50 ms of
     * a cold report of 1.1 s (Flight Recorder, five runs); the model is what that parse gave, as JSON.
     */
    static Optional<RuleModel> loadModel(String key) {
        Optional<Path> file = folder().map(f -> f.resolve(MODEL + key + MODEL_SUFFIX));
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(RuleModel.fromJson(JSON.readTree(file.get().toFile())));
        } catch (IOException | RuntimeException e) {
            delete(file.get());
            return Optional.empty();
        }
    }

    /** Files the model under the key (written to a temporary file, then moved into place). */
    static void storeModel(String key, RuleModel model) {
        Optional<Path> folder = folder();
        if (folder.isEmpty()) {
            return;
        }
        Path temp = null;
        try {
            Files.createDirectories(folder.get());
            temp = Files.createTempFile(folder.get(), MODEL, ".tmp");
            JSON.writeValue(temp.toFile(), model.toJson(JSON.getNodeFactory()));
            move(temp, folder.get().resolve(MODEL + key + MODEL_SUFFIX));
            prune(folder.get(), MODEL, MODEL_SUFFIX);
        } catch (IOException | RuntimeException e) {
            if (temp != null) {
                delete(temp);
            }
        }
    }

    private static final String MODEL = "model-";
    private static final String MODEL_SUFFIX = ".json";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Where the module of a phase and key is filed. */
    private static Path file(Path folder, String phase, String key) {
        return folder.resolve(phase + "-" + key + SUFFIX);
    }

    /** Keeps the newest {@link #KEEP} files of a kind (a phase's modules, the models). */
    private static void prune(Path folder, String prefix, String suffix) throws IOException {
        List<Path> kept;
        try (Stream<Path> files = Files.list(folder)) {
            kept = files.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(suffix))
                    .sorted(Comparator.comparing(RuleCache::modified).reversed())
                    .toList();
        }
        kept.stream().skip(KEEP).forEach(RuleCache::delete);
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
            Files.deleteIfExists(checkedMark(p));
        } catch (IOException e) {
            // nothing more to do: the next run tries again
        }
    }
}
