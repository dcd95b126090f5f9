package io.winlog.api.channel;

import java.util.concurrent.locks.LockSupport;

/**
 * The spin / yield / park back-off behind each {@link WaitStrategy}, for consumers with nothing
 * to do and producers waiting for room. Stateless: the caller keeps the idle counter (reset to 0
 * after useful work), so nothing is allocated.
 */
final class Idling {
    /** Rounds of {@link Thread#onSpinWait()} before yielding: ~ a few µs, enough for a busy peer's next event. */
    static final int SPINS = 100;
    /**
     * {@link Thread#onSpinWait()}s between two looks at the producer's position by a
     * {@link WaitStrategy#YIELDING} consumer that is caught up (~0.2 µs here). Each look pulls the
     * producer's cursor cache line to the consumer's core, and the producer's next publish has to
     * pull it back: looking after every pause made the producer pay that transfer every few events
     * (batches of 3-5 events), looking every few hundred nanoseconds lets it publish a batch per
     * transfer. Costs the consumer at most that much latency.
     */
    static final int POLL_PAUSES = 8;
    /**
     * Looks before a {@link WaitStrategy#YIELDING} consumer starts yielding (~1 µs of spinning):
     * short, because where threads outnumber cores an idle spinner holds a core a producer needs.
     */
    static final int YIELDING_POLLS = 4;
    /** Rounds of {@link Thread#yield()} before parking. */
    static final int YIELDS = 50;
    /** Longest sleep of a {@link WaitStrategy#SLEEPING} consumer. */
    static final long MAX_SLEEP_NANOS = 1_000_000L;
    /** Longest sleep of a producer waiting for room; short, since the consumer does not signal producers. */
    static final long MAX_PRODUCER_SLEEP_NANOS = 100_000L;

    private Idling() {
    }

    /**
     * One idle round of a consumer that does not park-and-signal (every strategy except the last
     * phase of {@link WaitStrategy#BLOCKING}, which {@link RingSubscriber} handles).
     *
     * @return the next idle counter
     */
    static int consumerIdle(WaitStrategy strategy, int idle) {
        switch (strategy) {
            case BUSY_SPIN:
                Thread.onSpinWait();
                return idle;
            case YIELDING:
                if (idle < YIELDING_POLLS) {
                    for (int i = 0; i < POLL_PAUSES; i++) {
                        Thread.onSpinWait();
                    }
                    return idle + 1;
                }
                Thread.yield();
                return idle;
            default:
                return backOff(idle, MAX_SLEEP_NANOS);
        }
    }

    /**
     * A batch smaller than this means the consumer is caught up with a running producer (see
     * {@link #afterBatch}).
     */
    static final int GATHER_BELOW = 64;

    /**
     * Called by a consumer after it delivered a batch of {@code n} events. A {@link WaitStrategy#YIELDING}
     * or {@link WaitStrategy#BLOCKING} consumer that got fewer than {@link #GATHER_BELOW} events
     * yields once before it looks again, instead of looking at once.
     *
     * <p>Why: a consumer that looks again right after a small batch follows the producer a few
     * events behind, so both threads keep working on the same cache lines (the cursor, the
     * topic array's 16 slots per line, the slot objects) and each line moves between their cores
     * several times. In a plain loop (one producer, one yielding subscriber, 2-vCPU VM) that gave
     * batches of 2-4 events and 7-14 M events/s in some runs. Waiting ~1 µs (32
     * {@link Thread#onSpinWait()}s) gave batches of 50-70 and 67-90 M events/s; a yield waits about
     * as long when the core has nothing else to run, and hands the core over when it does (a
     * producer or another subscriber sharing it), which measured better where threads outnumber
     * cores (docs/benchmarks-channel.md, runs 10-14). Costs at most one yield of extra latency
     * per batch while the producer is busy. {@link WaitStrategy#BUSY_SPIN} never waits: it is for
     * callers that trade everything for latency. A consumer that is behind gets full batches and
     * never waits.
     */
    static void afterBatch(WaitStrategy strategy, int n) {
        if (n < GATHER_BELOW && (strategy == WaitStrategy.YIELDING || strategy == WaitStrategy.BLOCKING)) {
            Thread.yield();
        }
    }

    /** True once a {@link WaitStrategy#BLOCKING} consumer has spun and yielded enough to park. */
    static boolean shouldPark(int idle) {
        return idle >= SPINS + YIELDS;
    }

    /**
     * One round of a producer waiting for room in a full ring, by the subscriber's strategy.
     * {@link WaitStrategy#YIELDING} parks for the minimum time at once, like the Disruptor's
     * sequencers: a full ring is a ring's worth of work for the consumer, so the producer loses
     * nothing by sleeping a little, and on a machine with fewer cores than busy threads a park
     * hands the core to a consumer where spinning or {@link Thread#yield()} often would not.
     */
    static int producerIdle(WaitStrategy strategy, int idle) {
        switch (strategy) {
            case BUSY_SPIN:
                Thread.onSpinWait();
                return idle + 1;
            case YIELDING:
                LockSupport.parkNanos(1L);
                return idle + 1;
            default:
                return backOff(idle, MAX_PRODUCER_SLEEP_NANOS);
        }
    }

    /** Spin, then yield, then park for growing intervals up to {@code maxSleepNanos}. */
    static int backOff(int idle, long maxSleepNanos) {
        if (idle < SPINS) {
            Thread.onSpinWait();
        } else if (idle < SPINS + YIELDS) {
            Thread.yield();
        } else {
            int shift = Math.min(idle - SPINS - YIELDS, 20);
            LockSupport.parkNanos(Math.min(maxSleepNanos, 1_000L << shift));
        }
        return idle + 1;
    }
}
