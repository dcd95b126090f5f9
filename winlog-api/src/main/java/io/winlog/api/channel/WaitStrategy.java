package io.winlog.api.channel;

/**
 * How a subscriber thread waits for events when its ring is empty, and how a producer waits for
 * room in a full {@link BackpressurePolicy#BLOCK} ring.
 *
 * <p>Like the Disruptor's wait strategies, they trade CPU for latency:
 *
 * <table>
 *   <caption>Wait strategies</caption>
 *   <tr><th>strategy</th><th>idle CPU</th><th>wake-up latency</th><th>producer cost</th></tr>
 *   <tr><td>{@link #BUSY_SPIN}</td><td>one core per subscriber</td><td>~100 ns</td><td>none</td></tr>
 *   <tr><td>{@link #YIELDING}</td><td>one core per subscriber (yields to others)</td><td>~µs</td><td>none</td></tr>
 *   <tr><td>{@link #SLEEPING}</td><td>low (periodic wake-ups)</td><td>up to ~1 ms</td><td>none</td></tr>
 *   <tr><td>{@link #BLOCKING}</td><td>near zero (a 100 ms safety wake-up)</td><td>one unpark (~10-50 µs)</td><td>one volatile read per publish</td></tr>
 * </table>
 *
 * <p><b>Default: {@link #BLOCKING}.</b> winlog is embedded in applications on small machines (two
 * cores is common for services and CI agents). A spinning or yielding subscriber occupies a core
 * even when idle and steals it from the very producers it waits for; on two cores with two
 * subscribers that is the whole machine. {@code BLOCKING} spins and yields briefly first (so a
 * busy channel rarely parks), then parks until a producer signals, so an idle channel costs
 * (almost) nothing and producers pay one volatile read per publish (an unpark only when the subscriber is
 * actually asleep). Choose {@link #YIELDING} or {@link #BUSY_SPIN} only when you have a core to
 * dedicate per subscriber and need microsecond latency.
 */
public enum WaitStrategy {
    /** Spin with {@link Thread#onSpinWait()}; lowest latency, burns a core. */
    BUSY_SPIN,
    /**
     * Spin briefly, then {@link Thread#yield()}; low latency, burns a core unless others need it.
     * A producer waiting for room in a full BLOCK ring parks for the minimum time (as the
     * Disruptor's producers do). A subscriber that just delivered a small batch (under 64 events)
     * yields once before looking again, so it does not chase a running producer a few events
     * behind, which makes both threads trade the same cache lines on every event.
     */
    YIELDING,
    /** Spin, yield, then {@code parkNanos} with growing sleeps (up to 1 ms); no signalling needed. */
    SLEEPING,
    /**
     * Spin, yield, then park until a producer signals (with a 100 ms safety wake-up that bounds
     * the damage of any missed signal); near-zero idle CPU. Yields once after a small batch, as
     * {@link #YIELDING} does. The default.
     */
    BLOCKING
}
