package io.winlog.api.channel;

/**
 * A lock-free publish/subscribe channel: many producers publish events on topics, each
 * subscriber receives every event that matches its topic filter and predicate, in publish order
 * per producer, through its own bounded ring with its own {@link BackpressurePolicy}.
 *
 * <p>Publishing costs, per matching subscriber, one CAS on that subscriber's ring plus an element
 * store (no CAS for BLOCK and DROP_NEWEST subscribers of a channel built with
 * {@link EventChannelBuilder#singleProducer()}); nothing is allocated. Subscribers can join and leave while producers run; an event
 * published before {@link #subscribe} returns may or may not reach the new subscriber.
 *
 * <p>That is the default mode. {@link EventChannelBuilder#sharedRing(int)} selects the
 * Disruptor's model instead: one ring for the channel, BLOCK subscribers only, filters evaluated
 * by the subscribers, and optionally pre-allocated slots filled by an {@link EventTranslator}.
 *
 * <p>Do not publish from a handler to a channel whose BLOCK subscriber is that handler's own
 * subscription: a full ring would wait for itself until the block timeout.
 *
 * <p>See the package documentation for an example. Create with {@link #builder()}.
 *
 * @param <T> the event type (events are passed by reference: do not mutate a published event)
 */
public interface EventChannel<T> extends AutoCloseable {
    /** Starts a channel builder. */
    static <T> EventChannelBuilder<T> builder() {
        return new EventChannelBuilder<>();
    }

    /** The channel's name (used in thread names). */
    String name();

    /**
     * Returns the interned topic with this name, creating it if needed. Keep the returned object:
     * publishing to it skips the name lookup.
     *
     * @throws IllegalArgumentException if the name is invalid (see {@link Topic})
     * @throws IllegalStateException    if the channel already has its maximum number of topics
     */
    Topic topic(String name);

    /** The topic used by {@link #publish(Object)} (configured by {@link EventChannelBuilder#defaultTopic}). */
    Topic defaultTopic();

    /**
     * Publishes an event on a topic to every matching subscriber, waiting on full
     * {@link BackpressurePolicy#BLOCK} rings up to their timeout.
     *
     * @return true if every matching subscriber accepted the event (delivered later, or spilled);
     *         false if at least one dropped it (its stats say why) or the channel is closed
     * @throws NullPointerException if the event is null
     */
    boolean publish(Topic topic, T event);

    /** {@link #publish(Topic, Object)} on the {@link #defaultTopic()}. */
    default boolean publish(T event) {
        return publish(defaultTopic(), event);
    }

    /** {@link #publish(Topic, Object)} by topic name (one hash lookup; prefer a kept {@link Topic}). */
    default boolean publish(String topic, T event) {
        return publish(topic(topic), event);
    }

    /**
     * Like {@link #publish(Topic, Object)} but never waits: a full BLOCK ring drops the event for
     * that subscriber ({@link DropReason#WOULD_BLOCK}). For callers that must not block, such as
     * native callbacks.
     *
     * @return true if every matching subscriber accepted the event
     */
    boolean tryPublish(Topic topic, T event);

    /** {@link #tryPublish(Topic, Object)} on the {@link #defaultTopic()}. */
    default boolean tryPublish(T event) {
        return tryPublish(defaultTopic(), event);
    }

    /**
     * Publishes into a pre-allocated slot (slot mode: {@link EventChannelBuilder#slots}): claims
     * the next slot, waiting like {@link #publish(Topic, Object)} while the slowest subscriber has
     * no room, lets the translator fill it on this thread, and publishes it. Allocates nothing.
     * Handlers see the slot object only during their call: it is rewritten once every subscriber
     * has passed it.
     *
     * @return true if the event was published; false if refused (timeout, see the stats) or closed
     * @throws UnsupportedOperationException if the channel was built without a slot factory
     * @throws RuntimeException what the translator threw (the slot is then skipped by every subscriber)
     */
    default <A> boolean publish(Topic topic, EventTranslator<T, A> translator, A arg) {
        throw new UnsupportedOperationException("Translators need a channel with pre-allocated slots: "
                + "EventChannel.builder().sharedRing(capacity).slots(factory)");
    }

    /** {@link #publish(Topic, EventTranslator, Object)} with two arguments. */
    default <A, B> boolean publish(Topic topic, EventTranslatorTwoArg<T, A, B> translator, A a, B b) {
        throw new UnsupportedOperationException("Translators need a channel with pre-allocated slots: "
                + "EventChannel.builder().sharedRing(capacity).slots(factory)");
    }

    /**
     * Like {@link #publish(Topic, EventTranslator, Object)} but never waits: if the slowest
     * subscriber has no room, nothing is published and every subscriber whose topic filter
     * matches counts {@link DropReason#WOULD_BLOCK} (its predicate cannot be applied: the slot was
     * never filled).
     */
    default <A> boolean tryPublish(Topic topic, EventTranslator<T, A> translator, A arg) {
        throw new UnsupportedOperationException("Translators need a channel with pre-allocated slots: "
                + "EventChannel.builder().sharedRing(capacity).slots(factory)");
    }

    /**
     * Adds a subscriber. With a handler in the config, starts its thread.
     *
     * @throws IllegalStateException if the channel is closed or the name is taken
     * @throws IllegalArgumentException if the channel is a shared-ring channel and the policy is not BLOCK
     * @throws io.winlog.api.WinlogException if a SPILL journal cannot be opened
     */
    Subscription<T> subscribe(SubscriberConfig<T> config);

    /**
     * Closes every subscription (each per its drain option) and rejects further publishes
     * (they return false). Idempotent.
     */
    @Override
    void close();
}
