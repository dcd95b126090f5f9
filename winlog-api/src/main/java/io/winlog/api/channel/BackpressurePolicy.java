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
     * Overflow is appended to an on-disk journal (see {@link SubscriberConfig.Builder#spill}) and
     * replayed, in order, before newer events. The journal survives a process kill: the next
     * subscription on the same directory replays what was not acknowledged. Never waits for the
     * consumer (only for the disk).
     */
    SPILL
}
