package io.winlog.api.channel;

/**
 * Receives events on a subscriber's own thread (or the caller's thread in
 * {@link Subscription#poll(EventHandler, int)}), in publish order per producer.
 *
 * <p>Events come in batches: {@code endOfBatch} is {@code true} on the last event currently
 * available, the moment to flush buffered output (write a file, send a network packet). Like the
 * Disruptor's {@code EventHandler.onEvent(event, sequence, endOfBatch)}.
 *
 * <p>A batch is acknowledged when the handler returns from its end-of-batch call; for
 * {@link BackpressurePolicy#SPILL} that is what moves the journal's durable read position, so
 * after a crash only the unacknowledged batch can be delivered again. If the handler throws, the
 * error goes to the subscription's error handler and the event counts as delivered (it was).
 *
 * @param <T> the event type
 */
@FunctionalInterface
public interface EventHandler<T> {
    /**
     * Handles one event.
     *
     * @param event      the event (never null)
     * @param sequence   the subscriber's delivery sequence number (0, 1, 2, ... per subscription)
     * @param endOfBatch true on the last event of the batch currently available
     * @throws Exception passed to the subscription's error handler
     */
    void onEvent(T event, long sequence, boolean endOfBatch) throws Exception;
}
