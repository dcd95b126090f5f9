package io.winlog.jna.engine;

import io.winlog.evtx.classic.EventLogRecord;
import io.winlog.evtx.classic.EventLogRecordCodec;
import io.winlog.evtx.evt.EvtEntry;
import io.winlog.evtx.evt.EvtReader;
import io.winlog.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Real {@code EVENTLOGRECORD} bytes cut out of the .evt samples in {@code shared/samples/evt}:
 * what {@code ReadEventLog} puts in its buffer is exactly these bytes. The .evt reader finds each
 * live record and its file offset; the bytes at that offset are kept when they decode to the same
 * record (a record split by the ring buffer's wrap is left out). The longest run of consecutive
 * record numbers is used, as a live log has.
 */
public final class EvtSampleRecords {
    private static List<byte[]> cached;

    private EvtSampleRecords() {
    }

    /** The largest sample's longest consecutive run (thousands of records). Skips when shared data is absent. */
    public static synchronized List<byte[]> records() {
        if (cached == null) {
            Path largest = SharedData.evtSamples().stream().max(Comparator.comparingLong(EvtSampleRecords::size))
                    .orElseThrow(() -> new org.opentest4j.TestAbortedException("no .evt samples in shared/samples/evt"));
            cached = List.copyOf(longestRun(cut(largest)));
        }
        return cached;
    }

    /** The record number of a record's bytes. */
    public static long number(byte[] record) {
        return EventLogRecordCodec.decode(record).recordNumber();
    }

    static List<byte[]> cut(Path evt) {
        byte[] file;
        try {
            file = Files.readAllBytes(evt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<byte[]> out = new ArrayList<>();
        try (EvtReader r = EvtReader.open(evt)) {
            for (EvtEntry e = r.nextEntry(); e != null; e = r.nextEntry()) {
                EventLogRecord raw = e.raw();
                long off = e.fileOffset();
                if (e.recovered() || off < 0 || off + raw.length() > file.length) {
                    continue;
                }
                byte[] bytes = java.util.Arrays.copyOfRange(file, (int) off, (int) off + raw.length());
                try {
                    if (EventLogRecordCodec.decode(bytes).equals(raw)) {
                        out.add(bytes);
                    }
                } catch (RuntimeException damaged) {
                    // wrapped around the ring's end: not one contiguous slice
                }
            }
        }
        return out;
    }

    static List<byte[]> longestRun(List<byte[]> records) {
        List<byte[]> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingLong(EvtSampleRecords::number));
        int bestFrom = 0;
        int bestLen = 0;
        int from = 0;
        for (int i = 1; i <= sorted.size(); i++) {
            if (i == sorted.size() || number(sorted.get(i)) != number(sorted.get(i - 1)) + 1) {
                if (i - from > bestLen) {
                    bestLen = i - from;
                    bestFrom = from;
                }
                from = i;
            }
        }
        return sorted.subList(bestFrom, bestFrom + bestLen);
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
