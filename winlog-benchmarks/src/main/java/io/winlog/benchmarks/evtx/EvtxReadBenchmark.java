package io.winlog.benchmarks.evtx;

import io.winlog.api.event.EventRecord;
import io.winlog.api.render.EventJson;
import io.winlog.evtx.EvtxReadOptions;
import io.winlog.evtx.EvtxReader;
import io.winlog.evtx.EvtxRecord;
import io.winlog.evtx.RecordRenderer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Records/s reading a large .evtx (built at setup by repeating the chunks of
 * {@code omer_security.evtx} to {@code sizeMb}, see {@link BigEvtxFile}; written to
 * {@code target/bench-evtx/}, never committed) and rendering every record as XML (Windows'
 * EvtRender shape) or as reference JSONL ({@code EventJson}) to UTF-8 bytes, the way
 * {@code winlog dump} does ({@link EvtxReader#renderTo}), on one thread and on two decoding
 * threads ({@code EvtxReadOptions.threads(2)}). {@code xmlDirect*} is what {@code winlog dump
 * --format xml} does since the direct path: records written straight from their bytes by
 * compiled templates, the rest through {@code xml*}'s path; {@code jsonlDirect*} is the same for
 * {@code --format jsonl} ({@code RawRecord.appendJson}, the rest through {@code jsonl*}'s path).
 * {@code decodeOnly} parses and checks records
 * without rendering; {@code xmlTreeSingleThread} renders through the expanded tree
 * ({@code EvtxRecord.appendXml(StringBuilder)}, the API path before the fast one).
 *
 * <p>Each invocation reads the whole file; the {@code records} counter is the score to read
 * (records/s). Allocation per record: run with {@code -prof gc} and divide
 * {@code gc.alloc.rate.norm} by the records per invocation (printed at setup).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(2)
public class EvtxReadBenchmark {
    @Param("100")
    public int sizeMb;

    private Path file;

    /** The score: records read per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Records {
        public long records;
    }

    @Setup(Level.Trial)
    public void createFile() throws IOException {
        file = Paths.get("target/bench-evtx/big-" + sizeMb + "mb.evtx").toAbsolutePath();
        if (!Files.exists(file)) {
            BigEvtxFile.create(BigEvtxFile.defaultSample(), file, (long) sizeMb << 20);
        }
        long n = 0;
        try (EvtxReader r = EvtxReader.open(file)) {
            while (r.nextRecord() != null) {
                n++;
            }
        }
        System.out.println("\n" + file + ": " + Files.size(file) + " bytes, " + n + " records per invocation");
    }

    private long read(EvtxReadOptions o, Blackhole bh, int mode) {
        long n = 0;
        StringBuilder sb = new StringBuilder(8192);
        try (EvtxReader r = EvtxReader.open(file, o)) {
            for (EvtxRecord rec; (rec = r.nextRecord()) != null; ) {
                n++;
                if (mode == 1) {
                    sb.setLength(0);
                    rec.appendXml(sb);
                    bh.consume(sb.length());
                } else {
                    bh.consume(rec);
                }
            }
        }
        return n;
    }

    /** What {@code winlog dump} does: {@link EvtxReader#renderTo} into a byte sink that counts. */
    private long render(int threads, Supplier<RecordRenderer> renderers, Blackhole bh) throws IOException {
        CountingSink sink = new CountingSink();
        try (EvtxReader r = EvtxReader.open(file, EvtxReadOptions.defaults().threads(threads))) {
            long n = r.renderTo(sink, renderers, null);
            bh.consume(sink.bytes);
            return n;
        }
    }

    /** XML lines straight from template + values (the fast path). */
    static RecordRenderer xmlRenderer() {
        return (rec, out) -> {
            rec.appendXml(out);
            out.ascii('\n');
        };
    }

    /** Reference-JSONL lines through the event model ({@code EventJson}). */
    static RecordRenderer jsonlRenderer() {
        StringBuilder sb = new StringBuilder(4096);
        return (rec, out) -> {
            sb.setLength(0);
            EventJson.render(rec.event(), rec.headerRecordNumber(), rec.headerTimestamp(), sb);
            out.append(sb).ascii('\n');
        };
    }

    /** Counts the bytes written and drops them (a fast /dev/null). */
    static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    /** The iterating API: {@code EventReader.next()}, each record mapped to its {@code EventRecord}. */
    private long events(int threads, Blackhole bh) {
        long n = 0;
        try (EvtxReader r = EvtxReader.open(file, EvtxReadOptions.defaults().threads(threads))) {
            for (EventRecord e; (e = r.next()) != null; ) {
                bh.consume(e);
                n++;
            }
        }
        return n;
    }

    /** {@code for (EventRecord e : reader)}: decoding and event mapping on the calling thread. */
    @Benchmark
    public void eventsSingleThread(Records c, Blackhole bh) {
        c.records += events(1, bh);
    }

    /** The same with {@code threads(2)}: chunks decoded and mapped on two pool threads. */
    @Benchmark
    public void eventsTwoThreads(Records c, Blackhole bh) {
        c.records += events(2, bh);
    }

    @Benchmark
    public void decodeOnly(Records c, Blackhole bh) {
        c.records += read(EvtxReadOptions.defaults(), bh, 0);
    }

    /** The tree path of the public API: {@code EvtxRecord.appendXml(StringBuilder)} (expands the record). */
    @Benchmark
    public void xmlTreeSingleThread(Records c, Blackhole bh) {
        c.records += read(EvtxReadOptions.defaults(), bh, 1);
    }

    @Benchmark
    public void xmlSingleThread(Records c, Blackhole bh) throws IOException {
        c.records += render(1, EvtxReadBenchmark::xmlRenderer, bh);
    }

    @Benchmark
    public void xmlTwoThreads(Records c, Blackhole bh) throws IOException {
        c.records += render(2, EvtxReadBenchmark::xmlRenderer, bh);
    }

    /** {@code winlog dump --format xml}: straight from the record bytes where it can ({@code RawRecord.appendXml}). */
    @Benchmark
    public void xmlDirectSingleThread(Records c, Blackhole bh) throws IOException {
        c.records += render(1, RecordRenderer::xmlLines, bh);
    }

    @Benchmark
    public void xmlDirectTwoThreads(Records c, Blackhole bh) throws IOException {
        c.records += render(2, RecordRenderer::xmlLines, bh);
    }

    @Benchmark
    public void jsonlSingleThread(Records c, Blackhole bh) throws IOException {
        c.records += render(1, EvtxReadBenchmark::jsonlRenderer, bh);
    }

    @Benchmark
    public void jsonlTwoThreads(Records c, Blackhole bh) throws IOException {
        c.records += render(2, EvtxReadBenchmark::jsonlRenderer, bh);
    }

    /** {@code winlog dump --format jsonl}: straight from the record bytes where it can ({@code RawRecord.appendJson}). */
    @Benchmark
    public void jsonlDirectSingleThread(Records c, Blackhole bh) throws IOException {
        c.records += render(1, RecordRenderer::jsonLines, bh);
    }

    @Benchmark
    public void jsonlDirectTwoThreads(Records c, Blackhole bh) throws IOException {
        c.records += render(2, RecordRenderer::jsonLines, bh);
    }
}
