package io.winlog.benchmarks.channel;

/**
 * One implementation of a {@link Shape}: producers call {@link #publish} (blocking while the
 * consumers are behind, so producer throughput equals delivery throughput in steady state),
 * consumers run on their own threads until {@link #close}.
 */
interface Pipeline extends AutoCloseable {
    /** Ring/queue capacity used by every implementation. */
    int CAPACITY = 1 << 16;

    /** Publishes one event to every consumer that wants it; waits while a ring is full. */
    void publish(BenchEvent event);

    /** Stops the consumers (after they drained) and releases threads. */
    @Override
    void close();

    /**
     * The Disruptor's closest match to winlog's {@code WaitStrategy.BLOCKING} (spin ~100
     * {@code onSpinWait}s, yield 50 times, then park until a producer signals, and a producer signals
     * only when a consumer is parked): {@code PhasedBackoffWaitStrategy} spinning 3 µs, yielding 50 µs,
     * then {@code LiteBlockingWaitStrategy} (lock and condition, signalled only when someone waits).
     */
    static com.lmax.disruptor.WaitStrategy phasedBackoff() {
        return com.lmax.disruptor.PhasedBackoffWaitStrategy.withLiteLock(3, 50, java.util.concurrent.TimeUnit.MICROSECONDS);
    }

    /** Creates the pipeline for an implementation name ({@code @Param impl}) and shape. */
    static Pipeline create(String impl, Shape shape) {
        switch (impl) {
            case "winlog": return new WinlogPipeline(shape, io.winlog.api.channel.WaitStrategy.YIELDING, false);
            case "winlog-blocking": return new WinlogPipeline(shape, io.winlog.api.channel.WaitStrategy.BLOCKING, false);
            case "winlog-shared": return new WinlogPipeline(shape, io.winlog.api.channel.WaitStrategy.YIELDING, true);
            case "winlog-shared-blocking": return new WinlogPipeline(shape, io.winlog.api.channel.WaitStrategy.BLOCKING, true);
            case "winlog-slots": return new WinlogSlotsPipeline(shape, io.winlog.api.channel.WaitStrategy.YIELDING);
            case "winlog-slots-blocking": return new WinlogSlotsPipeline(shape, io.winlog.api.channel.WaitStrategy.BLOCKING);
            case "disruptor": return new DisruptorPipeline(shape, new com.lmax.disruptor.YieldingWaitStrategy());
            case "disruptor-blocking": return new DisruptorPipeline(shape, new com.lmax.disruptor.BlockingWaitStrategy());
            case "disruptor-phased": return new DisruptorPipeline(shape, phasedBackoff());
            case "disruptor-slots-phased": return new DisruptorSlotsPipeline(shape, phasedBackoff());
            case "disruptor-slots": return new DisruptorSlotsPipeline(shape, new com.lmax.disruptor.YieldingWaitStrategy());
            case "disruptor-slots-blocking": return new DisruptorSlotsPipeline(shape, new com.lmax.disruptor.BlockingWaitStrategy());
            case "jctools": return new JctoolsPipeline(shape);
            case "abq": return new AbqPipeline(shape);
            default: throw new IllegalArgumentException("unknown impl " + impl);
        }
    }
}
