package io.winlog.benchmarks.evtx;

import io.winlog.api.event.EventRecord;
import io.winlog.evtx.EvtxReadOptions;
import io.winlog.evtx.EvtxReader;
import io.winlog.evtx.RecordRenderer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Parallel / single-thread ratio of {@link EvtxReader#renderTo} with the direct XML or JSONL
 * path (or the general paths, or iterating {@code next()}), measured as alternating passes in one JVM (one thread, two threads, one, two...) and
 * compared by median: the companion of {@link EvtxReadBenchmark}'s {@code *Direct*} pairs for a
 * VM whose speed drifts between JMH forks, where the two halves of a ratio measured minutes apart
 * in different forks disagree by more than the effect. Not a substitute for JMH (one JVM, no
 * blackhole; the sink counts bytes).
 *
 * <pre>
 * java -cp winlog-benchmarks/target/benchmarks.jar io.winlog.benchmarks.evtx.EvtxParallelRatio \
 *      target/bench-evtx/big-100mb.evtx xml 30
 * </pre>
 */
public final class EvtxParallelRatio {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private EvtxParallelRatio() {
    }

    /**
     * Arguments: file, mode ({@code events}: iterating {@code next()}, each record mapped to its
     * {@code EventRecord}; {@code xml} or {@code jsonl}: the direct paths; {@code xml-general} or
     * {@code jsonl-general}: {@link EvtxReadBenchmark}'s renderers through the parsed record),
     * measured pairs (default 30; 8 warm-up pairs first).
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String mode = args.length > 1 ? args[1] : "xml";
        boolean json = mode.startsWith("json");
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Supplier<RecordRenderer> renderers = mode.equals("events") ? null // pass() iterates next()
                : mode.equals("xml-general") ? EvtxReadBenchmark::xmlRenderer
                : mode.equals("jsonl-general") ? EvtxReadBenchmark::jsonlRenderer
                : json ? RecordRenderer::jsonLines : RecordRenderer::xmlLines;
        long records = 0;
        for (int i = 0; i < 8; i++) {
            records = pass(file, 1, renderers)[1];
            pass(file, 2, renderers);
        }
        double[] one = new double[pairs];
        double[] two = new double[pairs];
        double[] cpuOne = new double[pairs];
        double[] cpuTwo = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            long[] p1 = pass(file, 1, renderers);
            long[] p2 = pass(file, 2, renderers);
            one[i] = p1[0] / 1e9;
            cpuOne[i] = p1[2] / 1e9;
            two[i] = p2[0] / 1e9;
            cpuTwo[i] = p2[2] / 1e9;
        }
        Arrays.sort(one);
        Arrays.sort(two);
        Arrays.sort(cpuOne);
        Arrays.sort(cpuTwo);
        double m1 = one[pairs / 2];
        double m2 = two[pairs / 2];
        System.out.printf(Locale.ROOT, "%s, %d records: 1 thread median %.3f s (%,.0f records/s, p25-p75 %.3f-%.3f), "
                        + "2 threads median %.3f s (%,.0f records/s, p25-p75 %.3f-%.3f): %.2fx; "
                        + "process CPU per pass median 1 thread %.3f s, 2 threads %.3f s (%+.0f %%)%n",
                mode, records, m1, records / m1, one[pairs / 4], one[3 * pairs / 4], m2, records / m2,
                two[pairs / 4], two[3 * pairs / 4], m1 / m2, cpuOne[pairs / 2], cpuTwo[pairs / 2],
                100 * (cpuTwo[pairs / 2] / cpuOne[pairs / 2] - 1));
    }

    /**
     * One {@code renderTo} pass (or, with no renderers, one pass of {@code next()}): wall nanoseconds, records, and the process's CPU nanoseconds
     * (all threads, JIT and GC included): more work per record on two threads shows here even
     * when the wall-clock ratio is lost in the VM's drift.
     */
    private static long[] pass(Path file, int threads, Supplier<RecordRenderer> renderers) throws IOException {
        EvtxReadBenchmark.CountingSink sink = new EvtxReadBenchmark.CountingSink();
        long c0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        long n;
        try (EvtxReader r = EvtxReader.open(file, EvtxReadOptions.defaults().threads(threads))) {
            if (renderers == null) {
                n = 0;
                for (EventRecord e; (e = r.next()) != null; ) {
                    sink.bytes += e.eventId(); // keeps the event in use
                    n++;
                }
            } else {
                n = r.renderTo(sink, renderers, null);
            }
        }
        long t1 = System.nanoTime();
        return new long[] {t1 - t0, n, OS.getProcessCpuTime() - c0};
    }
}
