package io.winlog.benchmarks.evt;

import io.winlog.api.event.EventRecord;
import io.winlog.evtx.classic.DecodeMode;
import io.winlog.evtx.classic.EventLogRecord;
import io.winlog.evtx.classic.EventLogRecordCodec;
import io.winlog.evtx.evt.EvtEntry;
import io.winlog.evtx.evt.EvtReader;
import io.winlog.evtx.evt.EvtReaderOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Records/s reading {@code plaso_SysEvent.Evt} (2 MB, 6063 live records, dirty and wrapped)
 * from memory: the codec alone over known offsets, the reader with raw entries, the reader
 * producing the winlog-api model, and the reader with recovery (6063 + 438 records). Each
 * invocation reads the whole file, so scores are records/s.
 *
 * <p>The sample is found through {@code -Dwinlog.shared=/path/to/shared} or {@code ../shared}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class EvtReadBenchmark {
    /** Live records in the sample (checked in setup). */
    static final int LIVE = 6063;
    /** Live + recovered records in the sample (checked in setup). */
    static final int ALL = 6063 + 438;

    private ByteBuffer file;
    private int[] offsets;
    private int[] lengths;

    @Setup(Level.Trial)
    public void load() throws IOException {
        byte[] bytes = Files.readAllBytes(sample());
        file = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        offsets = new int[LIVE];
        lengths = new int[LIVE];
        int n = 0;
        int wrapping = 0;
        try (EvtReader r = EvtReader.of(file, EvtReaderOptions.strict())) {
            for (EvtEntry e; (e = r.nextEntry()) != null; ) {
                if (e.fileOffset() + e.raw().length() > bytes.length) {
                    wrapping++;
                    continue; // the codec-only benchmark decodes contiguous records
                }
                offsets[n] = (int) e.fileOffset();
                lengths[n] = e.raw().length();
                n++;
            }
        }
        if (n + wrapping != LIVE) {
            throw new IllegalStateException("expected " + LIVE + " live records, read " + (n + wrapping));
        }
        if (wrapping != 1) {
            throw new IllegalStateException("expected exactly one live record wrapping past the end, found " + wrapping);
        }
        offsets = java.util.Arrays.copyOf(offsets, n);
        lengths = java.util.Arrays.copyOf(lengths, n);
        long all;
        try (EvtReader r = EvtReader.of(file, EvtReaderOptions.defaults().withRecover(true))) {
            all = r.stream().count();
        }
        if (all != ALL) {
            throw new IllegalStateException("expected " + ALL + " records with recovery, read " + all);
        }
    }

    static Path sample() {
        String prop = System.getProperty("winlog.shared");
        if (prop != null) {
            return Paths.get(prop, "samples/evt/plaso_SysEvent.Evt");
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolveSibling("shared").resolve("samples/evt/plaso_SysEvent.Evt");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("plaso_SysEvent.Evt not found: pass -Dwinlog.shared=/path/to/shared");
    }

    /** The EVENTLOGRECORD codec alone, over the 6062 contiguous live records (raw fields). */
    @Benchmark
    @OperationsPerInvocation(LIVE - 1)
    public void codecOnly(Blackhole bh) {
        for (int i = 0; i < offsets.length; i++) {
            EventLogRecord r = EventLogRecordCodec.decode(file, offsets[i], lengths[i], offsets[i], DecodeMode.LENIENT);
            bh.consume(r);
        }
    }

    /** The reader: header, EOF search, live walk with wrap, raw entries. */
    @Benchmark
    @OperationsPerInvocation(LIVE)
    public void readerRawEntries(Blackhole bh) {
        try (EvtReader r = EvtReader.of(file, EvtReaderOptions.defaults())) {
            for (EvtEntry e; (e = r.nextEntry()) != null; ) {
                bh.consume(e);
            }
        }
    }

    /** The reader producing winlog-api {@link EventRecord}s (what {@code EventReader.next()} returns). */
    @Benchmark
    @OperationsPerInvocation(LIVE)
    public void readerEventRecords(Blackhole bh) {
        try (EvtReader r = EvtReader.of(file, EvtReaderOptions.defaults())) {
            for (EventRecord e; (e = r.next()) != null; ) {
                bh.consume(e);
            }
        }
    }

    /** The reader with recovery of deleted records (live + recovered). */
    @Benchmark
    @OperationsPerInvocation(ALL)
    public void readerWithRecovery(Blackhole bh) {
        try (EvtReader r = EvtReader.of(file, EvtReaderOptions.defaults().withRecover(true))) {
            for (EventRecord e; (e = r.next()) != null; ) {
                bh.consume(e);
            }
        }
    }
}
