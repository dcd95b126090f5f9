package io.winlog.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds {@code ../shared} (real sample logs and their reference outputs, the ABI ground truth).
 * Tests call {@link #requireRoot()}: when the folder is absent the test is skipped with a message
 * saying where it was looked for, never failed and never silently passed.
 *
 * <p>Lookup order: system property {@code winlog.shared} (set by the Maven build), then
 * {@code ../shared} beside any parent of the working directory.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared folder, if present. */
    public static Optional<Path> root() {
        String prop = System.getProperty("winlog.shared");
        if (prop != null && !prop.isBlank()) {
            Path p = Paths.get(prop).toAbsolutePath().normalize();
            if (Files.isDirectory(p.resolve("samples")) || Files.isDirectory(p.resolve("abi"))) {
                return Optional.of(p);
            }
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolveSibling("shared");
            if (p != null && Files.isDirectory(p.resolve("samples"))) {
                return Optional.of(p.normalize());
            }
        }
        return Optional.empty();
    }

    /** The shared folder; skips the calling test when it is absent. */
    public static Path requireRoot() {
        Optional<Path> r = root();
        Assumptions.assumeTrue(r.isPresent(), "skipped: ../shared (real sample logs, ABI data) not found; looked at "
                + "system property winlog.shared=" + System.getProperty("winlog.shared") + " and ../shared above "
                + Paths.get("").toAbsolutePath());
        return r.get();
    }

    /** {@code shared/samples/evtx}; skips when absent. */
    public static Path evtxDir() {
        return requireRoot().resolve("samples/evtx");
    }

    /** {@code shared/samples/evt}; skips when absent. */
    public static Path evtDir() {
        return requireRoot().resolve("samples/evt");
    }

    /** {@code shared/abi/win-layouts.json}; skips when absent. */
    public static Path winLayouts() {
        Path p = requireRoot().resolve("abi/win-layouts.json");
        Assumptions.assumeTrue(Files.isRegularFile(p), "skipped: " + p + " not found");
        return p;
    }

    /** Every .evtx sample, sorted by name; empty when shared is absent. */
    public static List<Path> evtxSamples() {
        return list(root().map(r -> r.resolve("samples/evtx")), ".evtx");
    }

    /** Every .evt sample (any case), sorted by name; empty when shared is absent. */
    public static List<Path> evtSamples() {
        return list(root().map(r -> r.resolve("samples/evt")), ".evt");
    }

    private static List<Path> list(Optional<Path> dir, String ext) {
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir.get())) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(ext))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The reference file {@code refs/<sample name><suffix>} (e.g. suffix {@code .jsonl}), trying
     * the plain name and then {@code .gz}; empty when neither exists.
     */
    public static Optional<Path> ref(Path sample, String suffix) {
        Path refs = sample.resolveSibling("refs");
        Path plain = refs.resolve(sample.getFileName() + suffix);
        if (Files.isRegularFile(plain)) {
            return Optional.of(plain);
        }
        Path gz = refs.resolve(sample.getFileName() + suffix + ".gz");
        return Files.isRegularFile(gz) ? Optional.of(gz) : Optional.empty();
    }

    /** Opens a reference file as UTF-8 text, un-gzipping {@code .gz} files. */
    public static BufferedReader openText(Path ref) throws IOException {
        InputStream in = Files.newInputStream(ref);
        if (ref.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** All lines of a reference file (gz or plain). */
    public static List<String> readLines(Path ref) {
        try (BufferedReader r = openText(ref)) {
            return r.lines().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
