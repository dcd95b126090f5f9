package io.winlog.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Answers "is standard error a terminal?", which decides whether {@code winlog dump} draws a
 * progress bar.
 *
 * <p>{@link System#console()} is not the answer: on Java 17 it is null as soon as standard
 * output is redirected, which is exactly how {@code dump} is used ({@code winlog dump big.evtx >
 * out.xml}); the bar would never show. On Linux the kernel names the device behind file
 * descriptor 2 in {@code /proc/self/fd/2}: a terminal is {@code /dev/pts/N}, {@code /dev/ttyN}
 * or {@code /dev/console}; a pipe or a file is not. Elsewhere (Windows, macOS) there is no such
 * file, and {@code System.console()} is the best pure-Java signal left. The user can always
 * decide with {@code --progress} / {@code --no-progress}, or {@code WINLOG_PROGRESS=always|never}.
 */
final class StderrTerminal {
    private static final Path PROC_FD2 = Path.of("/proc/self/fd/2");

    private StderrTerminal() {
    }

    /** True if a progress bar on stderr would be seen by a person. */
    static boolean isTerminal() {
        String forced = System.getenv("WINLOG_PROGRESS");
        if (forced != null) {
            switch (forced.toLowerCase(Locale.ROOT)) {
                case "always": return true;
                case "never": return false;
                default: break; // "auto" or anything else: detect
            }
        }
        Boolean linux = procFdIsTerminal(PROC_FD2);
        return linux != null ? linux : System.console() != null;
    }

    /**
     * Reads where a {@code /proc/self/fd/N} link points. Null when the link cannot be read (not
     * Linux), so the caller falls back to another signal.
     */
    static Boolean procFdIsTerminal(Path fdLink) {
        try {
            if (!Files.isSymbolicLink(fdLink)) {
                return null;
            }
            return isTerminalDevice(Files.readSymbolicLink(fdLink).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** True for the device names Linux gives terminals (pseudo-terminals, virtual consoles). */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }
}
