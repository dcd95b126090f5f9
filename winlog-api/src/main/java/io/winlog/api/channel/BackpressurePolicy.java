package io.winlog.api.channel;

/**
 * What a subscriber's ring does when a producer publishes and the ring is full.
 *
 * <p>The policy is per subscriber: one slow subscriber never slows producers (or the other
 * subscribers) unless its policy is {@link #BLOCK}.
 */
public enum BackpressurePolicy {
    /**
     * The producer waits, using the subscriber's {@link WaitStrategy}, until there is room or the
     * subscriber's block timeout expires; on timeout the event is dropped for this subscriber
     * ({@link DropReason#BLOCK_TIMEOUT}) and {@code publish} returns {@code false}. Nothing
     * accepted is ever lost, {@link Subscription#close()} always drains.
     */
    BLOCK,
    /** The new event is dropped for this subscriber ({@link DropReason#RING_FULL}). Never waits. */
    DROP_NEWEST,
    /**
     * The oldest undelivered event is evicted ({@link DropReason#EVICTED}) to make room, so the
     * ring always holds the newest {@code capacity} events. Never waits.
     */
    DROP_OLDEST,
    /**
     * Events that do not fit in the ring go to an on-disk journal (see
     * {@link SubscriberConfig.Builder#spill}) and are replayed, in order, before newer events, so
     * memory stays bounded and nothing is dropped. Never waits for the consumer (only for the
     * disk). What the journal holds depends on the {@link SpillMode}:
     * <ul>
     * <li>{@link SpillMode#WRITE_AHEAD} (default): every accepted event is in the journal before
     * {@code publish} returns true. After a process kill the next subscription on the same
     * directory replays every event that was not acknowledged; nothing acknowledged is replayed
     * except the batch in flight (at most {@code maxBatch} events, at-least-once).</li>
     * <li>{@link SpillMode#OVERFLOW}: only the overflow is journaled; events still in the
     * in-memory ring (up to {@code capacity}) die with the process.</li>
     * </ul>
     * A process kill is survived without {@code fsync}; a power loss or OS crash only with
     * {@link SubscriberConfig.Builder#spillSync spillSync(true)}.
     */
    SPILL
}
