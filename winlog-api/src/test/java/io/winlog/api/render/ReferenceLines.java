package io.winlog.api.render;

import io.winlog.testkit.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The python-evtx derived reference JSONL lines of every .evtx sample (test helper). */
public final class ReferenceLines {
    private ReferenceLines() {
    }

    /** One reference line with the sample it comes from. */
    public record Line(Path sample, int lineNo, String json) {
        public boolean isErrorStub() {
            return !json.startsWith("{\"record_id\"");
        }

        @Override
        public String toString() {
            return sample.getFileName() + ":" + lineNo;
        }
    }

    /** Every line of every {@code refs/<sample>.jsonl(.gz)}; skips the test when ../shared is absent. */
    public static List<Line> all() {
        SharedData.requireRoot();
        List<Line> out = new ArrayList<>();
        for (Path sample : SharedData.evtxSamples()) {
            Optional<Path> ref = SharedData.ref(sample, ".jsonl");
            if (ref.isEmpty()) {
                continue;
            }
            int n = 0;
            for (String l : SharedData.readLines(ref.get())) {
                n++;
                if (!l.isBlank()) {
                    out.add(new Line(sample, n, l));
                }
            }
        }
        return out;
    }
}
