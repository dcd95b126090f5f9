package io.winlog.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Independent tools from Debian packages that some tests use as a second opinion
 * ({@code evtxexport} from libevtx-utils, {@code evtx_dump.py} from python3-evtx,
 * {@code x86_64-w64-mingw32-objdump} from binutils-mingw-w64). {@code .ci/run} installs them;
 * on a machine without them the tests skip with a message naming the package.
 */
public final class ExternalTools {
    private ExternalTools() {
    }

    /** The executable's path on PATH, if any. */
    public static Optional<Path> find(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Paths.get(dir, command);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The executable's path; skips the calling test when absent, naming the Debian package. */
    public static Path require(String command, String debianPackage) {
        Optional<Path> p = find(command);
        Assumptions.assumeTrue(p.isPresent(), "skipped: '" + command + "' not found on PATH; install Debian package "
                + debianPackage + " (apt-get install " + debianPackage + "; .ci/run does this)");
        return p.get();
    }
}
