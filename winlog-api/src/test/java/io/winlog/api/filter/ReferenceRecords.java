package io.winlog.api.filter;

import io.winlog.api.event.EventRecord;
import io.winlog.api.render.EventJson;
import io.winlog.api.render.ReferenceLines;
import java.util.ArrayList;
import java.util.List;

/** Every representable record of the reference JSONL, parsed once per test JVM (test helper). */
final class ReferenceRecords {
    private static List<EventRecord> all;

    private ReferenceRecords() {
    }

    static synchronized List<EventRecord> all() {
        if (all == null) {
            List<EventRecord> out = new ArrayList<>();
            for (ReferenceLines.Line l : ReferenceLines.all()) {
                if (!l.isErrorStub() && !l.json().startsWith("{\"record_id\": null")) {
                    out.add(EventJson.parse(l.json()));
                }
            }
            all = List.copyOf(out);
        }
        return all;
    }

    /** Every n-th record: a spread over all samples for property tests. */
    static List<EventRecord> sample(int n) {
        List<EventRecord> src = all();
        List<EventRecord> out = new ArrayList<>();
        for (int i = 0; i < src.size(); i += n) {
            out.add(src.get(i));
        }
        return out;
    }
}
