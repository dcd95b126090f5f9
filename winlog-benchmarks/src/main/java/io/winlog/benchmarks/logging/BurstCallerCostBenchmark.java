package io.winlog.benchmarks.logging;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The bare caller-thread cost: each measured invocation logs a burst of {@value #BURST} events
 * into a drained queue (8192 slots, so it never fills, even with 2 threads), and before every
 * iteration the benchmark waits until the sink has received everything logged so far. The
 * score is per log call ({@code @OperationsPerInvocation}). Same implementations, sink and
 * reports ({@code DELIVERY}, {@code CALLER_ALLOC}) as {@link CallerCostBenchmark}.
 *
 * <pre>
 * java -jar winlog-benchmarks/target/benchmarks.jar 'logging.BurstCallerCostBenchmark'
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 300)
@Measurement(iterations = 300)
public class BurstCallerCostBenchmark {
    static final int BURST = 1024;

    @Param({"winlogProvider", "winlogProviderCallerFormat", "winlogProviderChannel", "winlogLogbackAppender",
            "logbackAsyncAppender", "log4j2AsyncLogger"})
    public String impl;

    private BenchPipeline pipeline;

    @Setup(Level.Trial)
    public void open() {
        pipeline = BenchPipelines.create(impl);
    }

    /** Waits (outside the measurement) until the queue is empty again. */
    @Setup(Level.Iteration)
    public void drain() throws InterruptedException {
        long target = CallerThread.totalCalls();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pipeline.counter().delivered() < target && System.nanoTime() < deadline) {
            Thread.sleep(0, 200_000);
        }
    }

    @TearDown(Level.Trial)
    public void closeAndCount() {
        CallerThread.report("burst", impl, pipeline);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BURST)
    public void oneThread(CallerThread c) {
        burst(c);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BURST)
    public void twoThreads(CallerThread c) {
        burst(c);
    }

    private void burst(CallerThread c) {
        BenchPipeline p = pipeline;
        for (int i = 0; i < BURST; i++) {
            p.log(CallerCostBenchmark.ORDER_IDS[(int) (c.calls++ & 15)], "Bern");
        }
    }
}
