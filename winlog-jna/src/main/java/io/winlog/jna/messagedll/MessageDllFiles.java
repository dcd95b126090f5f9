package io.winlog.jna.messagedll;

import io.winlog.api.WinlogException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Puts winlog's message DLLs where the event log can load them: a stable, versioned,
 * per-machine directory, never relative to the working directory.
 *
 * <ul>
 *   <li>Windows: {@code %ProgramData%\winlog\<version>\} (e.g.
 *       {@code C:\ProgramData\winlog\0.1.0\winlog-messages.dll}); the registry's
 *       {@code EventMessageFile} points there, so the path must outlive the application.</li>
 *   <li>Elsewhere (no event log to register with; useful for tools and tests):
 *       {@code $XDG_DATA_HOME/winlog/<version>/} or {@code ~/.local/share/winlog/<version>/}.</li>
 *   <li>The system property {@code winlog.messagedll.dir} overrides the base directory (the
 *       version is still appended).</li>
 * </ul>
 *
 * <p>Files are written atomically (temporary file in the same directory, flushed, then moved
 * over the target) and verified by content: an existing file with the expected bytes is left
 * alone (the Event Viewer may hold it open), a different one is replaced, and a replacement
 * that Windows refuses because the file is in use fails with an explanation. The bytes come
 * from the jar (generated at build time); when the jar lacks them (running from an IDE
 * without the build step) they are generated, which gives the same bytes.
 */
public final class MessageDllFiles {
    /** System property that overrides the base directory. */
    public static final String DIR_PROPERTY = "winlog.messagedll.dir";

    /**
     * Where the two files are.
     *
     * @param eventMessageFile    for {@code EventMessageFile}
     * @param categoryMessageFile for {@code CategoryMessageFile}
     * @param categoryCount       for {@code CategoryCount}
     */
    public record Extracted(Path eventMessageFile, Path categoryMessageFile, int categoryCount) {
    }

    private MessageDllFiles() {
    }

    /** Extracts the event message file and the default category file ({@link MessageDllGenerator#DEFAULT_CATEGORIES}). */
    public static Extracted ensureExtracted() {
        return ensureExtracted(MessageDllGenerator.DEFAULT_CATEGORIES);
    }

    /**
     * Extracts the event message file and a category file with these names (category i+1 is
     * {@code names.get(i)}). Custom names give a file named after their hash, so several
     * configurations coexist.
     *
     * @throws WinlogException when the directory or a file cannot be written
     */
    public static Extracted ensureExtracted(List<String> categoryNames) {
        return ensureExtracted(defaultDirectory(), categoryNames);
    }

    /** As {@link #ensureExtracted(List)}, into {@code directory} exactly. */
    public static Extracted ensureExtracted(Path directory, List<String> categoryNames) {
        Objects.requireNonNull(directory, "directory");
        List<String> names = List.copyOf(categoryNames);
        String version = version();
        Path events = directory.resolve(MessageDllGenerator.EVENT_MESSAGE_DLL);
        boolean defaults = names.equals(MessageDllGenerator.DEFAULT_CATEGORIES);
        String categoryFile = defaults ? MessageDllGenerator.CATEGORY_MESSAGE_DLL
                : "winlog-categories-" + hash(names) + ".dll";
        Path categories = directory.resolve(categoryFile);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new WinlogException("cannot create the message DLL directory " + directory + ": " + e
                    + " (run once as administrator, or set -D" + DIR_PROPERTY + " to a writable per-machine directory)", e);
        }
        byte[] eventBytes = bundled(MessageDllGenerator.EVENT_MESSAGE_DLL);
        if (eventBytes == null) {
            eventBytes = MessageDllGenerator.eventMessageDll(version);
        }
        byte[] categoryBytes = defaults ? bundled(MessageDllGenerator.CATEGORY_MESSAGE_DLL) : null;
        if (categoryBytes == null) {
            categoryBytes = MessageDllGenerator.categoryMessageDll(names, version, categoryFile);
        }
        install(events, eventBytes);
        install(categories, categoryBytes);
        return new Extracted(events, categories, names.size());
    }

    /** {@code <base>/<version>}, see the class comment. */
    public static Path defaultDirectory() {
        String override = System.getProperty(DIR_PROPERTY);
        Path base;
        if (override != null && !override.isBlank()) {
            base = Paths.get(override);
        } else if (System.getProperty("os.name", "").startsWith("Windows")) {
            String pd = firstNonBlank(System.getenv("ProgramData"), System.getenv("ALLUSERSPROFILE"), "C:\\ProgramData");
            base = Paths.get(pd, "winlog");
        } else {
            String xdg = System.getenv("XDG_DATA_HOME");
            base = xdg != null && !xdg.isBlank() ? Paths.get(xdg, "winlog")
                    : Paths.get(System.getProperty("user.home"), ".local", "share", "winlog");
        }
        if (!base.isAbsolute()) {
            throw new WinlogException("message DLL directory must be absolute, got " + base
                    + " (it is written into the registry and must not depend on the working directory)");
        }
        return base.resolve(safe(version()));
    }

    /**
     * The version the bundled DLLs carry (their {@code FileVersion} string), or the jar's
     * implementation version, or {@code dev}.
     */
    public static String version() {
        String v = cachedVersion;
        if (v == null) {
            v = readVersion();
            cachedVersion = v;
        }
        return v;
    }

    /** The version never changes while the jar is loaded; racing threads compute the same value. */
    private static volatile String cachedVersion;

    private static String readVersion() {
        byte[] b = bundled(MessageDllGenerator.EVENT_MESSAGE_DLL);
        if (b != null) {
            try {
                VersionInfo info = MessageDllReader.read(b).version();
                String v = info == null ? null : info.strings().get("FileVersion");
                if (v != null && !v.isBlank()) {
                    return v;
                }
            } catch (RuntimeException damagedJarResource) {
                // fall through: the generated files will be written instead
            }
        }
        String impl = MessageDllFiles.class.getPackage().getImplementationVersion();
        return impl != null ? impl : "dev";
    }

    /**
     * True when {@code file} is a message file winlog generated (any version, any category
     * names): its version resource says ProductName {@code winlog} and an OriginalFilename
     * starting with {@code winlog-}. For an installer that must not take over another
     * product's registration; false for a missing, unreadable or damaged file.
     */
    public static boolean isWinlogMessageFile(Path file) {
        try {
            VersionInfo v = MessageDllReader.read(file).version();
            return v != null && "winlog".equals(v.strings().get("ProductName"))
                    && v.strings().getOrDefault("OriginalFilename", "").startsWith("winlog-");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Writes {@code bytes} to {@code target} unless it already holds exactly them. */
    static void install(Path target, byte[] bytes) {
        if (sameContent(target, bytes)) {
            return;
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (AccessDeniedException e) {
            throw new WinlogException("cannot write " + target + ": access denied. If the file exists and is in use "
                    + "(Event Viewer or the EventLog service has it loaded), close Event Viewer and retry; otherwise run "
                    + "once as administrator so the per-machine directory can be written", e);
        } catch (FileSystemException e) {
            throw new WinlogException("cannot write " + target + ": " + e.getMessage()
                    + " (a file in use by Event Viewer cannot be replaced: close it and retry)", e);
        } catch (IOException e) {
            throw new WinlogException("cannot write " + target + ": " + e, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a stray temporary file is harmless
                }
            }
        }
        if (!sameContent(target, bytes)) {
            throw new WinlogException("wrote " + target + " but reading it back gives different bytes; "
                    + "another process may be writing there: check the directory and retry");
        }
    }

    static boolean sameContent(Path file, byte[] expected) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == expected.length
                    && Arrays.equals(Files.readAllBytes(file), expected);
        } catch (IOException e) {
            return false;
        }
    }

    /** The DLL the build put next to this class, or null. */
    static byte[] bundled(String name) {
        try (InputStream in = MessageDllFiles.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    private static String hash(List<String> names) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String n : names) {
                d.update(n.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** A version string usable as one path segment. */
    private static String safe(String version) {
        String s = version.replaceAll("[^A-Za-z0-9._+-]", "_");
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "dev" : s;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
