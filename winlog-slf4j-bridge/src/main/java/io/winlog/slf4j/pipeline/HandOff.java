package io.winlog.slf4j.pipeline;

/**
 * The queue between caller threads and the one consumer thread, reduced to what the pipeline
 * needs so the implementation can be swapped (the ring here, or winlog's EventChannel).
 * Producers: {@link #tryClaim()}, fill the slot, {@link #publish(LogSlot)} — always publish a
 * claimed slot, or the consumer stalls at it. Consumer (one thread): {@link #peek()}, read,
 * {@link #release(LogSlot)}.
 */
public interface HandOff {
    /** A free slot reserved for the caller, or null when the queue is full. Never blocks. */
    LogSlot tryClaim();

    /**
     * Makes a claimed, filled slot visible to the consumer.
     *
     * @return false when the hand-off refused it (a drop policy of the underlying queue); the
     *         slot then counts as released
     */
    boolean publish(LogSlot slot);

    /** The next published slot, or null when none is ready. Consumer thread only. */
    LogSlot peek();

    /** Returns the slot {@link #peek()} gave to the pool. Consumer thread only. */
    void release(LogSlot slot);

    /** Slots claimed so far (the producer position). */
    long claimedCount();

    /** Slots released so far (the consumer position). */
    long releasedCount();

    int capacity();

    /** Releases the hand-off's resources once the consumer has stopped. */
    default void close() {
    }
}
