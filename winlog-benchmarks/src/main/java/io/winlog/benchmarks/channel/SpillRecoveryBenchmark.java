package io.winlog.benchmarks.channel;

import io.winlog.api.channel.BackpressurePolicy;
import io.winlog.api.channel.EventChannel;
import io.winlog.api.channel.SubscriberConfig;
import io.winlog.api.channel.Subscription;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * How long a restart takes to replay a SPILL journal: before each measured operation a
 * subscription journals {@code events} records of {@value SpillBenchmark#PAYLOAD} bytes and is
 * closed without delivering them (poll mode, write-ahead); the operation opens a new
 * subscription on the directory (validating every record: length, CRC-32C) and polls all of
 * them (read-ahead, deserialize, deliver, acknowledge per poll of 4096). Single shot: the score
 * is the time for the whole replay; events / score = replay rate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SpillRecoveryBenchmark {
    @Param({"200000"})
    public int events;

    private Path dir;
    private SubscriberConfig<BenchEvent> config;

    @Setup(Level.Invocation)
    public void writeJournal() throws IOException {
        dir = Files.createTempDirectory("winlog-spill-recovery");
        config = SubscriberConfig.<BenchEvent>builder("recovery").capacity(1024).policy(BackpressurePolicy.SPILL)
                .spill(dir, SpillBenchmark.SERIALIZER).build();
        try (EventChannel<BenchEvent> channel = EventChannel.<BenchEvent>builder().build()) {
            channel.subscribe(config);
            for (int i = 0; i < events; i++) {
                if (!channel.publish(new BenchEvent(i, 0))) {
                    throw new IllegalStateException("not accepted: " + i);
                }
            }
        } // poll mode, never polled: all of it stays in the journal
    }

    @TearDown(Level.Invocation)
    public void deleteJournal() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Open (validate) and replay the whole journal. */
    @Benchmark
    public long openAndReplay() {
        long[] sum = new long[1];
        try (EventChannel<BenchEvent> channel = EventChannel.<BenchEvent>builder().build()) {
            Subscription<BenchEvent> sub = channel.subscribe(config);
            if (sub.stats().recovered() != events) {
                throw new IllegalStateException("recovered " + sub.stats().recovered() + " of " + events);
            }
            while (sub.poll((e, seq, eob) -> sum[0] += e.value, 4096) > 0) {
                // replay
            }
        }
        return sum[0];
    }
}
