package org.pcpassessor.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pcpassessor.input.IoMessages;
import org.pcpassessor.problem.InputException;

/**
 * Writes a file whole or not at all: a temporary file beside it ({@code .NAME.PID.RANDOM.tmp}), then a rename over
 * it. The temporary file is made with the user's umask, and takes the permissions of the file it replaces; it is
 * removed on every failure, at exit when the process is stopped (SIGTERM, SIGINT: the shutdown hook), and, when a
 * kill left one behind, by the next write beside it. A target that exists and is not a regular file (a terminal,
 * {@code /dev/stdout}) is written in place: there is nothing to replace atomically.
 */
final class AtomicFiles {
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static final Pattern TEMP = Pattern.compile("\\.(.+)\\.(\\d+)\\.[0-9a-f]+\\.tmp");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::removePending, "pcp-temp-cleanup"));
    }

    private AtomicFiles() {
    }

    /**
     * Fails (exit 2, naming the option) when {@code target} cannot be an output file: an empty path, a folder, or a
     * path under a file. Called before any work, so that a bad path costs nothing.
     */
    static void requireWritable(Path target, String option) {
        if (target == null) {
            return;
        }
        if (target.toString().isEmpty()) {
            throw bad(option, "the path is empty");
        }
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw bad(option, target + " is a folder; name a file in it");
        }
        if (fifo(absolute)) {
            throw bad(option, target + " is a named pipe (FIFO): writing to it waits for a reader that may never come; "
                    + "give a file");
        }
        for (Path p = absolute.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw bad(option, "cannot write " + target + ": " + p + " is a file, not a folder");
                }
                break;
            }
        }
    }

    /** Writes {@code content} to {@code target} atomically; a failure is exit 2 naming the option and the reason. */
    static void write(Path target, String content, String option) {
        write(target, content.getBytes(StandardCharsets.UTF_8), option);
    }

    /** Writes {@code content} to {@code target} atomically (a Word document, say). */
    static void write(Path target, byte[] content, String option) {
        write(target, out -> out.write(content), option);
    }

    /** What writes a file's content to a stream, as it is made. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes what {@code content} makes to {@code target} atomically, as it is made (a national JSON report is
     * hundreds of megabytes: not held in memory first). When making it fails, the target is untouched and the
     * temporary file removed; the failure is thrown on.
     */
    static void write(Path target, Content content, String option) {
        requireWritable(target, option);
        Path absolute = throughLinks(target.toAbsolutePath(), target, option);
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            writeInPlace(target, absolute, content, option); // a device (/dev/null); a FIFO was refused above
            return;
        }
        Path temp = null;
        try {
            temp = prepare(absolute, content);
            commit(temp, absolute);
            temp = null;
        } catch (IOException | SecurityException e) {
            throw bad(option, "cannot write " + target + ": " + IoMessages.reason(e));
        } finally {
            if (temp != null) {
                delete(temp);
            }
        }
    }

    /**
     * Writes several files as one: each is first written in full to its temporary file, and only when all are ready
     * are they moved over their targets, so a failure on any (a folder in the way, a full disk) leaves every target as
     * it was ({@code report --each-area}). The moves themselves are renames in one folder.
     */
    static void writeAll(Map<Path, byte[]> files, String option) {
        Map<Path, Path> ready = new LinkedHashMap<>(); // temporary file -> target
        try {
            for (Map.Entry<Path, byte[]> f : files.entrySet()) {
                requireWritable(f.getKey(), option);
                Path absolute = throughLinks(f.getKey().toAbsolutePath(), f.getKey(), option);
                if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
                    throw bad(option, f.getKey() + " is not a regular file");
                }
                byte[] bytes = f.getValue();
                try {
                    ready.put(prepare(absolute, out -> out.write(bytes)), absolute);
                } catch (IOException | SecurityException e) {
                    throw bad(option, "cannot write " + f.getKey() + ": " + IoMessages.reason(e));
                }
            }
            for (Iterator<Map.Entry<Path, Path>> it = ready.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Path, Path> r = it.next();
                try {
                    commit(r.getKey(), r.getValue());
                } catch (IOException | SecurityException e) {
                    throw bad(option, "cannot write " + r.getValue() + ": " + IoMessages.reason(e));
                }
                it.remove();
            }
        } finally {
            ready.keySet().forEach(AtomicFiles::delete);
        }
    }

    /** Writes the content to a new temporary file beside the target, with the target's mode; returns it. */
    private static Path prepare(Path absolute, Content content) throws IOException {
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        removeLeftovers(dir, absolute.getFileName().toString());
        Path temp = dir.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
        PENDING.add(temp);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            keepMode(absolute, temp);
            return temp;
        } catch (IOException | RuntimeException | Error e) {
            delete(temp);
            throw e;
        }
    }

    /** Moves a prepared temporary file over its target. */
    private static void commit(Path temp, Path absolute) throws IOException {
        try {
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
        PENDING.remove(temp);
    }

    /**
     * The file a path names through its symbolic links: an output that is a link is written through to the file it
     * names (replaced beside it, keeping its permissions), and the link is left as it was; it is never replaced by a
     * file of the link's own mode (0777).
     */
    private static Path throughLinks(Path absolute, Path target, String option) {
        Path p = absolute;
        try {
            for (int i = 0; i < 40 && Files.isSymbolicLink(p); i++) {
                p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
            }
        } catch (IOException | SecurityException e) {
            throw bad(option, "cannot read the link " + target + ": " + IoMessages.reason(e));
        }
        if (Files.isSymbolicLink(p)) {
            throw bad(option, target + " is a loop of symbolic links");
        }
        return p;
    }

    /** Whether the path is a named pipe (Linux and macOS say so in the file's mode; elsewhere, false). */
    static boolean fifo(Path p) {
        try {
            Object mode = Files.getAttribute(p, "unix:mode");
            return mode instanceof Integer m && (m & 0170000) == 0010000;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return false;
        }
    }

    private static void writeInPlace(Path target, Path absolute, Content content, String option) {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(absolute,
                StandardOpenOption.WRITE), 1 << 16)) {
            content.writeTo(out);
        } catch (IOException | SecurityException e) {
            throw bad(option, "cannot write " + target + ": " + IoMessages.reason(e));
        }
    }

    /** The replaced file's permissions on the new one (a 0644 report stays 0644); new files keep the umask's. */
    private static void keepMode(Path target, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view != null && Files.exists(target)) {
            Files.setPosixFilePermissions(temp, view.readAttributes().permissions());
        }
    }

    /** Removes temporary files of this target left by a run that was killed (its process is gone). */
    private static void removeLeftovers(Path dir, String name) {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "." + globEscape(name) + ".*.tmp")) {
            for (Path p : stream) {
                Matcher m = TEMP.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(name)
                        && ProcessHandle.of(Long.parseLong(m.group(2))).map(h -> !h.isAlive()).orElse(true)) {
                    delete(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: a leftover we cannot list or remove does not stop the write
        }
    }

    private static String globEscape(String name) {
        return name.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
    }

    private static void removePending() {
        PENDING.forEach(AtomicFiles::delete);
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the temporary file is ours; failing to remove it must not hide the real error
        }
        PENDING.remove(p);
    }

    private static InputException bad(String option, String message) {
        return new InputException("option " + option, message);
    }
}
