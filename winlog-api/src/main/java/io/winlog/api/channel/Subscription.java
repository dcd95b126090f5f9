package io.winlog.api.channel;

/**
 * One subscriber's membership in an {@link EventChannel}: its statistics, its poll API (when it
 * has no handler), and {@link #close()}.
 *
 * <p>Poll mode (no handler in the config) is for callers that own their thread: call
 * {@link #poll(EventHandler, int)} in your loop; it never blocks. Only one thread may poll a
 * subscription at a time.
 *
 * @param <T> the event type
 */
public interface Subscription<T> extends AutoCloseable {
    /** The subscriber's name. */
    String name();

    /** The config it was created with. */
    SubscriberConfig<T> config();

    /** Live statistics, lock-free; the same object for the life of the subscription. */
    SubscriberStats stats();

    /**
     * Delivers up to {@code maxEvents} available events to {@code handler} on the calling thread
     * and acknowledges them when it returns. Never blocks.
     *
     * @return the number of events delivered (0 if none were available)
     * @throws IllegalStateException if the subscription has its own handler thread
     */
    int poll(EventHandler<? super T> handler, int maxEvents);

    /**
     * Returns the next event, or null if none is available; the event is acknowledged on return
     * (so after a crash it is not delivered again). Never blocks.
     *
     * @throws IllegalStateException if the subscription has its own handler thread
     */
    T poll();

    /** True until {@link #close()} has begun. */
    boolean isOpen();

    /**
     * Leaves the channel: stops accepting events, then (per {@link SubscriberConfig.Builder#drainOnClose})
     * delivers what is pending, stops the subscriber thread and closes the journal. Events
     * published concurrently with close are either delivered or counted as
     * {@link DropReason#CLOSED}. Idempotent; waits for the subscriber thread to finish its
     * current batch.
     */
    @Override
    void close();
}
