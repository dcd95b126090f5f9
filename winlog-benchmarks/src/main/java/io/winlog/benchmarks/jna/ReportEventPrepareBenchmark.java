package io.winlog.benchmarks.jna;

import io.winlog.api.EventSpec;
import io.winlog.api.EventType;
import io.winlog.jna.EventLogWriter;
import io.winlog.jna.codec.InsertionTextPolicy;
import io.winlog.jna.codec.OverflowPolicy;
import io.winlog.jna.codec.PreparedReportEvent;
import io.winlog.jna.codec.ReportEventEncoder;
import io.winlog.jna.codec.ReportEventLimits;
import io.winlog.jna.engine.ReportEventApi;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Linux-measurable part of writing one event with ReportEvent: everything winlog does before
 * the native call (sanitizing insertion strings, checking limits, splitting, UTF-16LE encoding),
 * plus the shared-handle path down to a no-op binding. The native call itself (an RPC to the
 * Event Log service) can only be measured on Windows.
 *
 * <p>Peer in the same run: {@code naiveUtf16} — {@code String.getBytes(UTF_16LE)} of the same
 * text plus a NUL, i.e. the least any binding must do (what JNA's WString mapping costs, minus
 * its native copy). Run with {@code -prof gc} for B/op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Benchmark)
public class ReportEventPrepareBenchmark {
    /** Message shapes: a typical log line, one needing % escaping, a 100,000-char stack trace (split in 4). */
    @Param({"plain", "percent", "long"})
    public String shape;

    private ReportEventEncoder encoder;
    private EventLogWriter writer;
    private EventSpec spec;
    private String text;

    /** A binding that accepts every call and does nothing. */
    static final class NoopApi implements ReportEventApi {
        @Override
        public long registerEventSource(byte[] server, byte[] source) {
            return 1;
        }

        @Override
        public boolean reportEvent(long handle, PreparedReportEvent event) {
            return event.strings().length >= 0;
        }

        @Override
        public boolean deregisterEventSource(long handle) {
            return true;
        }

        @Override
        public int lastError() {
            return 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        String line = "2026-11-22 21:40:00.123 ERROR [worker-7] c.e.PaymentService - payment 4711 failed: card declined";
        text = switch (shape) {
            case "plain" -> line;
            case "percent" -> line + " (discount 50%, template %1 in C:\\tmp\\%%5)";
            case "long" -> "java.lang.IllegalStateException: boom\n\tat com.example.Service.run(Service.java:42)\n".repeat(1_250);
            default -> throw new IllegalArgumentException(shape);
        };
        spec = EventSpec.builder(1001).type(EventType.ERROR).category(1).strings(text).build();
        encoder = new ReportEventEncoder(ReportEventLimits.forSource("Bench"), OverflowPolicy.SPLIT, InsertionTextPolicy.ESCAPE);
        writer = EventLogWriter.builder().source("Bench").api(new NoopApi()).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        writer.close();
    }

    /** Sanitize + limits + split + encode: the prepared ReportEvent call(s). */
    @Benchmark
    public List<PreparedReportEvent> prepare() {
        return encoder.encode(spec);
    }

    /** prepare() plus the writer's path through the shared handle (read lock) to a no-op binding. */
    @Benchmark
    public void writeToNoopBinding() {
        writer.write(spec);
    }

    /** Peer: the bare UTF-16LE conversion any binding needs. */
    @Benchmark
    public byte[] naiveUtf16() {
        byte[] b = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[b.length + 2];
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }
}
