package io.winlog.benchmarks.logging;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sustained load: callers log {@code log.info("order {} shipped to {}", n, "Bern")} as fast as
 * they can, for every implementation in the same run. All queues hold 8192 events and never
 * drop, so once a queue is full the caller waits for the consumer: this measures the price of
 * lossless logging at saturation (consumer speed plus wake-up latency), not the bare hand-off
 * (see {@link BurstCallerCostBenchmark}). After each trial the pipeline is drained and the run
 * prints {@code DELIVERY ... fraction=..} (share of calls that reached the counting sink) and
 * {@code CALLER_ALLOC ... bytesPerCall=..} (caller threads only).
 *
 * <pre>
 * java -jar winlog-benchmarks/target/benchmarks.jar 'logging.CallerCostBenchmark' -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CallerCostBenchmark {
    static final Integer[] ORDER_IDS = new Integer[16];

    static {
        for (int i = 0; i < ORDER_IDS.length; i++) {
            ORDER_IDS[i] = 100_000 + i; // boxed once: the benchmark must not measure Integer.valueOf
        }
    }

    @Param({"winlogProvider", "winlogProviderCallerFormat", "winlogProviderChannel", "winlogLogbackAppender",
            "logbackAsyncAppender", "log4j2AsyncLogger"})
    public String impl;

    private BenchPipeline pipeline;

    @Setup(Level.Trial)
    public void open() {
        pipeline = BenchPipelines.create(impl);
    }

    @TearDown(Level.Trial)
    public void closeAndCount() {
        CallerThread.report("sustained", impl, pipeline);
    }

    @Benchmark
    @Threads(1)
    public void oneThread(CallerThread c) {
        pipeline.log(ORDER_IDS[(int) (c.calls++ & 15)], "Bern");
    }

    @Benchmark
    @Threads(2)
    public void twoThreads(CallerThread c) {
        pipeline.log(ORDER_IDS[(int) (c.calls++ & 15)], "Bern");
    }
}
