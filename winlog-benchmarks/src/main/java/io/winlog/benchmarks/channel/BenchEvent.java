package io.winlog.benchmarks.channel;

/**
 * The event passed by reference through every implementation: immutable, pre-allocated in pools
 * by the producers, so the benchmark itself allocates nothing per operation.
 */
final class BenchEvent {
    final long value;
    /** 0 or 1: which half of the consumers wants it in the filtered shape. */
    final int topic;

    BenchEvent(long value, int topic) {
        this.value = value;
        this.topic = topic;
    }
}
