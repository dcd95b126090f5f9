package io.winlog.benchmarks.channel;

/**
 * Where a consumer puts what it read, so the JIT cannot drop the work; padded so the consumers'
 * sinks never share a cache line. Plain fields: only the owning consumer writes them.
 */
final class Sink {
    long p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, pa, pb, pc, pd, pe, pf;
    long sum;
    long count;
    long q0, q1, q2, q3, q4, q5, q6, q7, q8, q9, qa, qb, qc, qd, qe, qf;

    void accept(long value) {
        sum += value;
        count++;
    }

    void accept(BenchEvent e) {
        sum += e.value;
        count++;
    }
}
