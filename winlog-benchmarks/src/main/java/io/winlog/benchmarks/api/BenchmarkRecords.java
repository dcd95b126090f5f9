package io.winlog.benchmarks.api;

import io.winlog.api.event.EventRecord;
import io.winlog.api.render.EventJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Real records for the api benchmarks: the reference JSONL of the shared samples, parsed with
 * {@link EventJson#parse}. Finds {@code shared/} via {@code -Dwinlog.shared=...} or {@code ../shared}
 * above the working directory.
 */
final class BenchmarkRecords {
    private BenchmarkRecords() {
    }

    static List<EventRecord> load(String sampleName, int max) {
        Path ref = sharedDir().resolve("samples/evtx/refs/" + sampleName + ".jsonl.gz");
        if (!Files.isRegularFile(ref)) {
            ref = sharedDir().resolve("samples/evtx/refs/" + sampleName + ".jsonl");
        }
        List<EventRecord> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(ref);
             InputStream in = ref.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && out.size() < max) {
                if (line.startsWith("{\"record_id\": ") && !line.startsWith("{\"record_id\": null")) {
                    out.add(EventJson.parse(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Path sharedDir() {
        String prop = System.getProperty("winlog.shared");
        if (prop != null) {
            return Paths.get(prop);
        }
        for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolveSibling("shared");
            if (s != null && Files.isDirectory(s.resolve("samples"))) {
                return s;
            }
        }
        throw new IllegalStateException("shared/ (sample logs) not found: run from the repository or pass -Dwinlog.shared=/path/to/shared");
    }
}
