package io.winlog.evtx;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.winlog.api.render.EventJson;
import io.winlog.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conformance: every .evtx sample in shared/samples is read and each record is compared, field by
 * field, with the reference JSONL (python-evtx, normalized) and, for the records python-evtx
 * cannot parse, with libevtx 20240504's export. Every difference must be covered by a narrow,
 * per-file {@link Allowance} that says why (docs/evtx-conformance.md); anything else fails.
 */
class EvtxConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TABLE = new TreeMap<>();

    /** What may differ in one file, and why. Counts are exact, so a change either way is noticed. */
    record Allowance(int onlyReference, int onlyOurs, boolean onlyOursInLibevtxRecovered, int unverified,
                     Map<String, Integer> fieldDiffs, String reason) {
    }

    private static final Map<String, Allowance> ALLOWANCES = new HashMap<>();

    static {
        // Filled in from the investigation documented in docs/evtx-conformance.md.
        Allowances.register(ALLOWANCES);
    }

    static Stream<String> samples() {
        SharedData.requireRoot(); // skips (not errors) the whole parameterized test without ../shared
        return SharedData.evtxSamples().stream().map(p -> p.getFileName().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void matchesReferences(String name) throws IOException {
        Path sample = SharedData.evtxDir().resolve(name);
        Result r = compare(sample);
        Allowance a = ALLOWANCES.getOrDefault(name, new Allowance(0, 0, false, 0, Map.of(), "none"));
        TABLE.put(name, "| " + name + " | " + r.ours + " | " + r.referenceRecords + " | " + r.matchedPy + " | "
                + r.matchedLx + " | " + r.onlyReference.size() + " | " + r.onlyOurs.size() + " | " + r.unverified.size() + " | "
                + (r.fieldDiffs.isEmpty() ? "-" : r.fieldDiffs.toString()) + " |");
        List<String> problems = new ArrayList<>();
        if (r.onlyReference.size() != a.onlyReference()) {
            problems.add("records only in the reference: " + r.onlyReference.size() + " (allowed " + a.onlyReference()
                    + "): " + head(r.onlyReference));
        }
        if (r.onlyOurs.size() != a.onlyOurs()) {
            problems.add("records only we read: " + r.onlyOurs.size() + " (allowed " + a.onlyOurs() + "): "
                    + head(r.onlyOurs));
        }
        if (r.unverified.size() != a.unverified()) {
            problems.add("records no peer can read (python-evtx fails, libevtx 20240504 skips): " + r.unverified.size()
                    + " (allowed " + a.unverified() + "): " + head(r.unverified));
        }
        if (a.onlyOursInLibevtxRecovered() && !r.onlyOursIds.isEmpty()) {
            // The extra records must be ones libevtx also finds, in its recovered-records export.
            Path rec = SharedData.ref(sample, ".evtxexport-recovered.xml").orElseThrow();
            String xml = String.join("\n", SharedData.readLines(rec));
            for (Long id : r.onlyOursIds) {
                if (!xml.contains("<EventRecordID>" + id + "</EventRecordID>")) {
                    problems.add("record id " + id + " only we read is not in libevtx's recovered export either");
                }
            }
        }
        for (Map.Entry<String, Integer> d : r.fieldDiffs.entrySet()) {
            int allowed = a.fieldDiffs().getOrDefault(d.getKey(), 0);
            if (d.getValue() != allowed) {
                problems.add("field " + d.getKey() + " differs in " + d.getValue() + " records (allowed " + allowed
                        + "), e.g. " + r.examples.get(d.getKey()));
            }
        }
        for (Map.Entry<String, Integer> d : a.fieldDiffs().entrySet()) {
            if (!r.fieldDiffs.containsKey(d.getKey())) {
                problems.add("allowance for field " + d.getKey() + " is stale: no record differs there any more");
            }
        }
        if (!problems.isEmpty()) {
            fail(name + ":\n  " + String.join("\n  ", problems));
        }
        assertTrue(r.ours > 0 || r.referenceRecords == 0, name + ": no records read");
    }

    @AfterAll
    static void writeTable() throws IOException {
        StringBuilder sb = new StringBuilder("| file | records (ours) | reference records | matched python-evtx | "
                + "matched libevtx 20240504 | only reference | only ours | no peer | field differences |\n|---|---|---|---|---|---|---|---|---|\n");
        TABLE.values().forEach(l -> sb.append(l).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/evtx-conformance-table.md"), sb.toString());
    }

    static final class Result {
        int ours;
        int referenceRecords;
        int matchedPy;
        int matchedLx;
        final List<String> onlyReference = new ArrayList<>();
        final List<String> onlyOurs = new ArrayList<>();
        final List<Long> onlyOursIds = new ArrayList<>();
        final List<String> unverified = new ArrayList<>();
        final Map<String, Integer> fieldDiffs = new TreeMap<>();
        final Map<String, String> examples = new HashMap<>();
    }

    @SuppressWarnings("unchecked")
    static Result compare(Path sample) throws IOException {
        Result res = new Result();
        List<EvtxRecord> ours = new ArrayList<>();
        try (EvtxReader r = EvtxReader.open(sample)) {
            for (EvtxRecord rec = r.nextRecord(); rec != null; rec = r.nextRecord()) {
                ours.add(rec);
            }
        }
        res.ours = ours.size();
        Path pyRef = SharedData.ref(sample, ".jsonl").orElseThrow();
        Map<Long, ArrayDeque<Map<String, Object>>> pyGood = new LinkedHashMap<>();
        Map<Long, Integer> pyFailed = new HashMap<>();
        for (String line : SharedData.readLines(pyRef)) {
            Map<String, Object> m = JSON.readValue(line, Map.class);
            long num = ((Number) m.get("header_record_num")).longValue();
            if (m.containsKey("error")) {
                pyFailed.merge(num, 1, Integer::sum);
            } else {
                pyGood.computeIfAbsent(num, k -> new ArrayDeque<>()).add(m);
            }
        }
        Map<String, ArrayDeque<Map<String, Object>>> lx = new HashMap<>();
        Optional<Path> lxRef = SharedData.ref(sample, ".libevtx-20240504.jsonl");
        if (lxRef.isPresent()) {
            for (String line : SharedData.readLines(lxRef.get())) {
                Map<String, Object> m = JSON.readValue(line, Map.class);
                lx.computeIfAbsent(m.get("record_id") + "@" + m.get("timestamp"), k -> new ArrayDeque<>()).add(m);
            }
        }
        for (EvtxRecord rec : ours) {
            // Our JSONL line exactly as `winlog dump --format jsonl` writes it, parsed back.
            StringBuilder line = new StringBuilder();
            EventJson.render(rec.event(), rec.headerRecordNumber(), rec.headerTimestamp(), line);
            Map<String, Object> mine = JSON.readValue(line.toString(), Map.class);
            ArrayDeque<Map<String, Object>> q = pyGood.get(rec.headerRecordNumber());
            if (q != null && !q.isEmpty()) {
                Map<String, Object> ref = q.poll();
                res.matchedPy++;
                res.referenceRecords++;
                diff(ref, mine, false, res);
                continue;
            }
            ArrayDeque<Map<String, Object>> lq = lx.get(mine.get("record_id") + "@" + mine.get("timestamp"));
            if (pyFailed.containsKey(rec.headerRecordNumber()) && lq != null && !lq.isEmpty()) {
                pyFailed.merge(rec.headerRecordNumber(), -1, Integer::sum);
                res.matchedLx++;
                res.referenceRecords++;
                diff(lq.poll(), mine, true, res);
                continue;
            }
            Integer failed = pyFailed.get(rec.headerRecordNumber());
            if (failed != null && failed > 0) {
                // python-evtx failed on it and libevtx 20240504 does not export it: no peer to compare with.
                pyFailed.merge(rec.headerRecordNumber(), -1, Integer::sum);
                res.unverified.add("hdr#" + rec.headerRecordNumber() + "/id " + mine.get("record_id"));
                continue;
            }
            res.onlyOurs.add("hdr#" + rec.headerRecordNumber() + "/id " + mine.get("record_id") + "@" + rec.fileOffset());
            res.onlyOursIds.add(((Number) mine.get("record_id")).longValue());
        }
        for (ArrayDeque<Map<String, Object>> q : pyGood.values()) {
            for (Map<String, Object> m : q) {
                res.referenceRecords++;
                res.onlyReference.add("hdr#" + m.get("header_record_num") + "/id " + m.get("record_id"));
            }
        }
        for (Map.Entry<Long, Integer> f : pyFailed.entrySet()) {
            for (int i = 0; i < f.getValue(); i++) {
                res.onlyReference.add("hdr#" + f.getKey() + " (python-evtx failed, not in libevtx 20240504 either)");
            }
        }
        return res;
    }

    @SuppressWarnings("unchecked")
    private static void diff(Map<String, Object> ref, Map<String, Object> mine, boolean libevtx, Result res) {
        java.util.Set<String> fields = new java.util.TreeSet<>();
        for (Map.Entry<String, Object> e : ref.entrySet()) {
            String k = e.getKey();
            if (k.equals("ref_source") || k.equals("libevtx_xml_not_well_formed")) {
                // Annotations of the reference, not record fields.
                continue;
            }
            Object theirs = normalize(e.getValue());
            Object our = mine.get(k);
            if (k.equals("event_data") && our instanceof List<?> ol) {
                List<Object> mineItems = new ArrayList<>();
                for (Object o : ol) {
                    Map<String, Object> item = new LinkedHashMap<>((Map<String, Object>) o);
                    if (libevtx) {
                        item.remove("type");
                        item.put("value", libevtxText((String) item.get("value")));
                    }
                    mineItems.add(item);
                }
                our = mineItems;
            } else if (libevtx && our instanceof String s && k.equals("user_data_xml")) {
                our = libevtxText(s);
            }
            if (!equal(theirs, normalize(our))) {
                fields.add(k);
                res.examples.putIfAbsent(k, "record " + mine.get("record_id") + ": reference=" + clip(theirs) + " ours="
                        + clip(our));
            }
        }
        for (String k : mine.keySet()) {
            // The libevtx JSONL has no header fields and no execution_other (MANIFEST.md).
            if (!ref.containsKey(k) && !(libevtx && (k.equals("header_record_num") || k.equals("header_timestamp")
                    || k.equals("execution_other")))) {
                Object v = mine.get(k);
                if (v != null && !(v instanceof List<?> l && l.isEmpty())) {
                    fields.add(k + "(extra)");
                    res.examples.putIfAbsent(k + "(extra)", "record " + mine.get("record_id") + ": ours=" + clip(v));
                }
            }
        }
        for (String f : fields) {
            res.fieldDiffs.merge(f, 1, Integer::sum);
        }
    }

    /** libevtx turns CR and CRLF into LF and writes whitespace-only values as empty (MANIFEST.md). */
    static String libevtxText(String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace("\r\n", "\n").replace('\r', '\n');
        return t.isBlank() ? "" : t;
    }

    private static Object normalize(Object o) {
        if (o instanceof Integer i) {
            return i.longValue();
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object x : l) {
                out.add(normalize(x));
            }
            return out;
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, normalize(v)));
            return out;
        }
        return o;
    }

    private static boolean equal(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String clip(Object o) {
        String s = String.valueOf(o);
        int max = Integer.getInteger("conformance.clip", 300);
        return s.length() > max ? s.substring(0, max) + "..." : s;
    }

    private static String head(List<String> l) {
        return l.size() > 8 ? l.subList(0, 8) + " ... (" + l.size() + ")" : l.toString();
    }
}
