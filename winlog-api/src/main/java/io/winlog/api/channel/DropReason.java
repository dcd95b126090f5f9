package io.winlog.api.channel;

/** Why an event published to a subscriber was not delivered to it; counted in {@link SubscriberStats#dropped(DropReason)}. */
public enum DropReason {
    /** {@link BackpressurePolicy#DROP_NEWEST}: the ring was full, the new event was discarded. */
    RING_FULL,
    /** {@link BackpressurePolicy#DROP_OLDEST}: an undelivered event was evicted to make room for a newer one. */
    EVICTED,
    /** {@link BackpressurePolicy#BLOCK}: the producer waited for the block timeout and gave up. */
    BLOCK_TIMEOUT,
    /** {@link EventChannel#tryPublish}: a {@link BackpressurePolicy#BLOCK} ring was full and the caller would not wait. */
    WOULD_BLOCK,
    /** The subscription was closed (or closed without draining a drop policy ring) before delivery. */
    CLOSED,
    /** {@link BackpressurePolicy#SPILL}: the journal could not be written (disk full, I/O error); see the error handler. */
    SPILL_FAILED,
    /**
     * {@link BackpressurePolicy#SPILL}: an accepted event's journal record could not be read back
     * (corrupt bytes, or the serializer refused them); reported to the error handler with its
     * file offset.
     */
    JOURNAL_CORRUPT
}
