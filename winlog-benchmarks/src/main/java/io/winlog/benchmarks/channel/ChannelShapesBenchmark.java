package io.winlog.benchmarks.channel;

import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Throughput of winlog's {@link io.winlog.api.channel.EventChannel} against the LMAX Disruptor,
 * JCTools queues and {@link java.util.concurrent.ArrayBlockingQueue}, in the same run, shape by
 * shape (see {@link Shape}). The score is events published per second (summed over producer
 * threads); rings are 65536 deep and producers wait when they are full, so in steady state it is
 * the delivery rate of the slowest consumer.
 *
 * <p>Wait strategies are matched: {@code winlog} uses {@code WaitStrategy.YIELDING} (a caught-up
 * consumer spins briefly, looking at the producer's position 4 times ~0.2 µs apart, then yields;
 * after a small batch it yields once before the next look;
 * producers waiting on a full ring park 1 ns at once) and
 * {@code singleProducer()} in the one-producer shapes; {@code disruptor} uses
 * {@code YieldingWaitStrategy} (spin 100, then yield; its producers park 1 ns when the ring is
 * full; {@code ProducerType.SINGLE} for one producer, {@code MULTI} for two); {@code jctools}
 * hand-rolls spin-100-then-yield on both sides; {@code abq} blocks on its lock and condition
 * (that is what it offers). {@code winlog-blocking} (winlog's default {@code BLOCKING}: spin, yield,
 * park until signalled) is compared with {@code disruptor-phased}, the Disruptor's equivalent
 * ({@code PhasedBackoffWaitStrategy.withLiteLock}: spin, yield, then a lock and condition signalled
 * only when someone waits), and with {@code disruptor-blocking} ({@code BlockingWaitStrategy}, which
 * signals on every publish). A caught-up winlog subscriber in {@code YIELDING} or {@code BLOCKING}
 * yields once after a batch of under 64 events before it looks again (see {@code WaitStrategy}).
 *
 * <p>Run: {@code java -jar winlog-benchmarks/target/benchmarks.jar ChannelShapesBenchmark -prof gc}
 * (the exact commands and results are in docs/benchmarks-channel.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ChannelShapesBenchmark {

    @Param({"winlog", "disruptor", "jctools", "abq"})
    public String impl;

    private Pipeline pipeline;

    /** Each producer thread cycles through its own pool of pre-built events (topics alternate). */
    @State(Scope.Thread)
    public static class Producer {
        private static final int POOL = 4096;
        private final BenchEvent[] pool = new BenchEvent[POOL];
        private int next;

        @Setup(Level.Trial)
        public void setUp() {
            for (int i = 0; i < POOL; i++) {
                pool[i] = new BenchEvent(i, i & 1);
            }
        }

        BenchEvent next() {
            return pool[next++ & (POOL - 1)];
        }
    }

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        pipeline = Pipeline.create(impl, Shape.ofMethod(benchmark.substring(benchmark.lastIndexOf('.') + 1)));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pipeline.close();
    }

    /** 1 producer, 1 consumer. */
    @Benchmark
    @Threads(1)
    public void oneToOne(Producer p) {
        pipeline.publish(p.next());
    }

    /** 2 producers, 1 consumer. */
    @Benchmark
    @Threads(2)
    public void twoToOne(Producer p) {
        pipeline.publish(p.next());
    }

    /** 1 producer, 2 consumers that each receive every event. */
    @Benchmark
    @Threads(1)
    public void oneToTwo(Producer p) {
        pipeline.publish(p.next());
    }

    /**
     * 1 producer, 4 consumers each wanting half the events (by topic). Five busy threads on a
     * two-core machine: oversubscribed by design, the scheduler dominates.
     */
    @Benchmark
    @Threads(1)
    public void oneToFourFiltered(Producer p) {
        pipeline.publish(p.next());
    }
}
