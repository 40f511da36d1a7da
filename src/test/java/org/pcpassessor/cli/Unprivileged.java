package org.pcpassessor.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a command line of the tool as the user {@code nobody}, for the bad-input cases about file permissions: root
 * reads a file of mode {@code ---------} and writes into a read-only folder, so as root (CI runs the tests as root)
 * those cases could not be made in this JVM. The case's folder is handed to {@code nobody} (owner and group, modes
 * kept), and the tool runs in a JVM of its own under {@code setpriv}, on a copy of this JVM's class path that
 * {@code nobody} can read (the local Maven repository under {@code /root} is closed to it).
 */
final class Unprivileged {
    /** The uid and gid of {@code nobody} on Debian and most Linux systems. */
    private static final String NOBODY = "65534";
    private static final long LIMIT_SECONDS = 90;
    private static Path classpath;

    private Unprivileged() {
    }

    /** What the run printed and its exit code. */
    record Result(int exit, String stdout, String stderr) {
    }

    /** Whether permissions mean nothing here: this JVM runs as root. */
    static boolean needed() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Runs {@code args} as {@code nobody} on the case folder {@code dir}, a folder of {@code tmp}; fails (never
     * skips) when {@code setpriv} is missing.
     */
    static Result run(Path tmp, Path dir, List<String> args) throws IOException, InterruptedException {
        Path setpriv = Stream.of("/usr/bin/setpriv", "/bin/setpriv").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new AssertionError("a permissions case as root needs setpriv "
                        + "(util-linux) to run as the user nobody"));
        // nobody must pass through the test's folder to reach the case's, and own the case's
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
        handToNobody(dir);
        List<String> command = new ArrayList<>(List.of(setpriv.toString(), "--reuid=" + NOBODY,
                "--regid=" + NOBODY, "--clear-groups", "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", classpath(), Main.class.getName()));
        command.addAll(args);
        Path out = tmp.resolve("nobody-stdout.txt");
        Path err = tmp.resolve("nobody-stderr.txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the run as nobody took more than " + LIMIT_SECONDS + " s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Makes nobody the owner and group of the folder and all in it, never following a link out of it. */
    private static void handToNobody(Path dir) throws IOException {
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName("nobody");
        GroupPrincipal group = group(lookup);
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
                view.setOwner(user);
                view.setGroup(group);
            }
        }
    }

    /** nobody's group: {@code nogroup} on Debian, {@code nobody} elsewhere. */
    private static GroupPrincipal group(UserPrincipalLookupService lookup) throws IOException {
        for (String name : List.of("nogroup", "nobody")) {
            try {
                return lookup.lookupPrincipalByGroupName(name);
            } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
                // try the next name
            }
        }
        throw new AssertionError("no group nogroup or nobody for the user nobody");
    }

    /**
     * This JVM's class path copied once into a folder anyone can read (removed when the JVM ends), as a class path
     * string. Surefire hands the test JVM its class path in {@code surefire.test.class.path}.
     */
    private static synchronized String classpath() throws IOException {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        if (classpath == null) {
            classpath = Files.createTempDirectory("pcp-nobody-classpath");
            Path root = classpath;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
        }
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : path.split(File.pathSeparator)) {
            Path from = Path.of(entry);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = classpath.resolve(i++ + "-" + from.getFileName());
            if (!Files.exists(to)) {
                copy(from, to);
            }
            entries.add(to.toString());
        }
        try (Stream<Path> walk = Files.walk(classpath)) {
            for (Path p : walk.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p)
                        ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind: nothing to report at exit
        }
    }
}
