package io.winlog.benchmarks.evtx;

import io.winlog.evtx.EvtxReader;
import io.winlog.evtx.EvtxRecord;
import io.winlog.evtx.binxml.Utf8Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Records per CPU-second of the reading thread (ThreadMXBean), pass after pass over one file:
 * the companion of {@link EvtxReadBenchmark} for a loaded machine, where wall-clock throughput
 * mostly measures how much CPU the other processes left. Not a substitute for JMH (no forks, no
 * blackhole): it answers "how much CPU does a record cost" when JMH's numbers are too noisy.
 *
 * <pre>
 * java -cp winlog-benchmarks/target/benchmarks.jar io.winlog.benchmarks.evtx.EvtxCpuPerRecord \
 *      /tmp/big.evtx 6 decodeOnly,xmlTree,xmlFast,jsonl
 * </pre>
 *
 * Modes: {@code decodeOnly} (parse + check), {@code xmlTree} (expanded tree rendered to a
 * StringBuilder, then encoded), {@code xmlFast} ({@code renderTo} with the template-direct XML
 * writer), {@code jsonl} ({@code renderTo} with EventJson over the event model).
 */
public final class EvtxCpuPerRecord {
    private EvtxCpuPerRecord() {
    }

    /** Arguments: file, passes, comma-separated modes (default: all). */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int passes = Integer.parseInt(args[1]);
        String[] modes = (args.length > 2 ? args[2] : "decodeOnly,xmlTree,xmlFast,jsonl").split(",");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int p = 0; p < passes; p++) {
            StringBuilder line = new StringBuilder("pass " + p + ":");
            for (String m : modes) {
                long t0 = mx.getCurrentThreadCpuTime();
                long n = run(file, m);
                double s = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
                line.append(String.format(Locale.ROOT, "  %s %,.0f rec/cpu-s", m, n / s));
            }
            System.out.println(line);
        }
    }

    private static long run(Path file, String mode) throws IOException {
        OutputStream sink = OutputStream.nullOutputStream();
        try (EvtxReader r = EvtxReader.open(file)) {
            switch (mode) {
                case "decodeOnly": {
                    long n = 0;
                    while (r.nextRecord() != null) {
                        n++;
                    }
                    return n;
                }
                case "xmlTree": {
                    long n = 0;
                    StringBuilder sb = new StringBuilder(8192);
                    Utf8Buffer b = new Utf8Buffer(1 << 17);
                    for (EvtxRecord rec; (rec = r.nextRecord()) != null; n++) {
                        sb.setLength(0);
                        rec.appendXml(sb);
                        b.append(sb.append('\n'));
                        if (b.length() > 1 << 16) {
                            b.writeTo(sink);
                        }
                    }
                    return n;
                }
                case "xmlFast":
                    return r.renderTo(sink, EvtxReadBenchmark::xmlRenderer, null);
                case "jsonl":
                    return r.renderTo(sink, EvtxReadBenchmark::jsonlRenderer, null);
                default:
                    throw new IllegalArgumentException("unknown mode " + mode + " (decodeOnly, xmlTree, xmlFast, jsonl)");
            }
        }
    }
}
