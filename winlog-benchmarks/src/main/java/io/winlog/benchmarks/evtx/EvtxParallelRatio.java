package io.winlog.benchmarks.evtx;

import io.winlog.evtx.EvtxReadOptions;
import io.winlog.evtx.EvtxReader;
import io.winlog.evtx.RecordRenderer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Parallel / single-thread ratio of {@link EvtxReader#renderTo} with the direct XML or JSONL
 * path, measured as alternating passes in one JVM (one thread, two threads, one, two...) and
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
    private EvtxParallelRatio() {
    }

    /**
     * Arguments: file, mode ({@code xml} or {@code jsonl}: the direct paths; {@code xml-general} or
     * {@code jsonl-general}: {@link EvtxReadBenchmark}'s renderers through the parsed record),
     * measured pairs (default 30; 8 warm-up pairs first).
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String mode = args.length > 1 ? args[1] : "xml";
        boolean json = mode.startsWith("json");
        int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Supplier<RecordRenderer> renderers = mode.equals("xml-general") ? EvtxReadBenchmark::xmlRenderer
                : mode.equals("jsonl-general") ? EvtxReadBenchmark::jsonlRenderer
                : json ? RecordRenderer::jsonLines : RecordRenderer::xmlLines;
        long records = 0;
        for (int i = 0; i < 8; i++) {
            records = pass(file, 1, renderers)[1];
            pass(file, 2, renderers);
        }
        double[] one = new double[pairs];
        double[] two = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            one[i] = pass(file, 1, renderers)[0] / 1e9;
            two[i] = pass(file, 2, renderers)[0] / 1e9;
        }
        Arrays.sort(one);
        Arrays.sort(two);
        double m1 = one[pairs / 2];
        double m2 = two[pairs / 2];
        System.out.printf(Locale.ROOT, "%s, %d records: 1 thread median %.3f s (%,.0f records/s, p25-p75 %.3f-%.3f), "
                        + "2 threads median %.3f s (%,.0f records/s, p25-p75 %.3f-%.3f): %.2fx%n",
                mode, records, m1, records / m1, one[pairs / 4], one[3 * pairs / 4], m2, records / m2,
                two[pairs / 4], two[3 * pairs / 4], m1 / m2);
    }

    /** One {@code renderTo} pass: nanoseconds and records. */
    private static long[] pass(Path file, int threads, Supplier<RecordRenderer> renderers) throws IOException {
        EvtxReadBenchmark.CountingSink sink = new EvtxReadBenchmark.CountingSink();
        long t0 = System.nanoTime();
        long n;
        try (EvtxReader r = EvtxReader.open(file, EvtxReadOptions.defaults().threads(threads))) {
            n = r.renderTo(sink, renderers, null);
        }
        return new long[] {System.nanoTime() - t0, n};
    }
}
