package io.winlog.benchmarks.logging;

import java.lang.management.ManagementFactory;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Per benchmark thread: counts log calls (for the delivered fraction) and the bytes this thread
 * allocated during measurement iterations. JMH's {@code -prof gc} reports the whole JVM, i.e.
 * includes the consumer thread's rendering; this is the caller thread alone.
 */
@State(Scope.Thread)
public class CallerThread {
    /** Every caller of the current trial (a fork runs one benchmark and parameter set). */
    static final ConcurrentLinkedQueue<CallerThread> ALL = new ConcurrentLinkedQueue<>();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    long calls;
    long measuredCalls;
    long measuredBytes;
    private long startBytes;
    private long startCalls;

    @Setup(Level.Trial)
    public void register() {
        ALL.add(this);
    }

    @Setup(Level.Iteration)
    public void beginIteration() {
        startCalls = calls;
        startBytes = THREADS.getCurrentThreadAllocatedBytes();
    }

    @TearDown(Level.Iteration)
    public void endIteration(IterationParams params) {
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - startBytes;
        if (params.getType() == IterationType.MEASUREMENT) {
            measuredBytes += bytes;
            measuredCalls += calls - startCalls;
        }
    }

    static long totalCalls() {
        long n = 0;
        for (CallerThread c : ALL) {
            n += c.calls;
        }
        return n;
    }

    /** Prints the DELIVERY and CALLER_ALLOC lines the results doc is built from. */
    static void report(String benchmark, String impl, BenchPipeline pipeline) {
        long calls = totalCalls();
        long bytes = 0;
        long measured = 0;
        for (CallerThread c : ALL) {
            bytes += c.measuredBytes;
            measured += c.measuredCalls;
        }
        pipeline.close(); // drains: every accepted event reaches the sink before this returns
        long delivered = pipeline.counter().delivered();
        System.out.printf("%nDELIVERY bench=%s impl=%s threads=%d calls=%d delivered=%d fraction=%.6f%n",
                benchmark, impl, ALL.size(), calls, delivered, calls == 0 ? 0.0 : (double) delivered / calls);
        System.out.printf("CALLER_ALLOC bench=%s impl=%s threads=%d bytesPerCall=%.2f%n", benchmark, impl, ALL.size(),
                measured == 0 ? 0.0 : (double) bytes / measured);
        ALL.clear();
    }
}
