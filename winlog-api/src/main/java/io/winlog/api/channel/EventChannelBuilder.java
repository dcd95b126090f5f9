package io.winlog.api.channel;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * Builds an {@link EventChannel}. Defaults: name {@code "channel"}, default topic
 * {@code "default"}, at most 65536 topics, daemon subscriber threads named
 * {@code winlog-<channel>-<subscriber>}.
 *
 * @param <T> the event type
 */
public final class EventChannelBuilder<T> {
    String name = "channel";
    String defaultTopic = "default";
    int maxTopics = 65_536;
    ThreadFactory threadFactory;
    boolean singleProducer;
    int sharedRingCapacity;
    Supplier<? extends T> slotFactory;

    EventChannelBuilder() {
    }

    /** The channel's name, used in thread names. */
    public EventChannelBuilder<T> name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** The topic of {@link EventChannel#publish(Object)}. */
    public EventChannelBuilder<T> defaultTopic(String topic) {
        Topic.parse(topic, false);
        this.defaultTopic = topic;
        return this;
    }

    /**
     * The most topics the channel interns; protects against unbounded topic names (for example
     * per-user topics) filling the heap. Each topic costs about 100 bytes plus its route list.
     */
    public EventChannelBuilder<T> maxTopics(int maxTopics) {
        if (maxTopics < 1) {
            throw new IllegalArgumentException("maxTopics must be positive, got " + maxTopics);
        }
        this.maxTopics = maxTopics;
        return this;
    }

    /** Creates the subscriber threads (default: daemon threads named after channel and subscriber). */
    public EventChannelBuilder<T> threadFactory(ThreadFactory factory) {
        this.threadFactory = factory;
        return this;
    }

    /**
     * Declares that <b>only one thread at a time publishes</b> to this channel (like the
     * Disruptor's {@code ProducerType.SINGLE}): {@link BackpressurePolicy#BLOCK} and
     * {@link BackpressurePolicy#DROP_NEWEST} subscribers then get a ring whose producer claims a
     * slot with a plain ordered store instead of a CAS. {@link BackpressurePolicy#DROP_OLDEST}
     * and {@link BackpressurePolicy#SPILL} subscribers are unaffected (their consumers and
     * evicting producers change the ring's state concurrently, which needs the CAS).
     *
     * <p>Contract, which the channel cannot check:
     * <ul>
     *   <li>Publishes ({@code publish}, {@code tryPublish}) never overlap: one producer thread, or
     *       several threads handing over with a happens-before edge (a lock, a queue). Two
     *       overlapping publishes can overwrite each other's slot: events are lost or duplicated.</li>
     *   <li>Close the channel or a BLOCK/DROP_NEWEST subscription only when no publish is running:
     *       from the producer thread, or after it stopped. A publish racing with close may leave
     *       its one event in the closed ring, undelivered (still counted in
     *       {@link SubscriberStats#pending()}); without this option such an event is always either
     *       delivered or counted as dropped.</li>
     * </ul>
     * Per-producer order, exact accounting and BLOCK's no-loss guarantee are otherwise the same.
     */
    public EventChannelBuilder<T> singleProducer() {
        this.singleProducer = true;
        return this;
    }

    /**
     * Selects the <b>shared-ring (broadcast) mode</b>, the LMAX Disruptor's model: one ring of
     * {@code capacity} slots (rounded up to a power of two) for the whole channel instead of one
     * per subscriber. Each subscriber reads every slot with its own sequence and skips events
     * whose topic (one precomputed flag per topic) or predicate does not match; producers wait for
     * the slowest subscriber. Publishing then costs the same whatever the number of subscribers.
     *
     * <p>Contracts of this mode (see docs/channel.md):
     * <ul>
     *   <li>Only {@link BackpressurePolicy#BLOCK} subscribers ({@code subscribe} rejects others):
     *       every subscriber, matching or not, holds producers back when it is a ring behind.
     *       A producer waiting for room uses the slowest subscriber's wait strategy and block
     *       timeout; {@code tryPublish} and a timeout refuse the event for every subscriber
     *       (counted per subscriber whose filters match).</li>
     *   <li>The subscriber config's {@code capacity} and {@code drainOnClose} are ignored; close
     *       always delivers what was published before it.</li>
     *   <li>Statistics: subscribers count {@code published} as they reach events, so
     *       {@code pending}/{@code lag} are the ring slots not yet reached (an upper bound of the
     *       matching backlog); the accounting identity is exact once a subscriber caught up.</li>
     *   <li>Reference mode keeps up to {@code capacity} published references reachable (slots
     *       are overwritten, not cleared), like the Disruptor.</li>
     * </ul>
     * Combine with {@link #singleProducer()} for the CAS-free producer side.
     */
    public EventChannelBuilder<T> sharedRing(int capacity) {
        if (capacity < 1 || capacity > (1 << 30)) {
            throw new IllegalArgumentException("sharedRing capacity must be between 1 and 2^30, got " + capacity);
        }
        this.sharedRingCapacity = capacity;
        return this;
    }

    /**
     * Slot mode (needs {@link #sharedRing(int)}): the ring is filled once with {@code capacity}
     * objects from {@code factory}, and producers publish by filling them with an
     * {@link EventTranslator} ({@link EventChannel#publish(Topic, EventTranslator, Object)}),
     * so neither side allocates per event. {@code publish(topic, event)} is then refused.
     * Handlers and predicates see a slot only during their call (it is rewritten once every
     * subscriber passed it): copy what you keep. {@link Subscription#poll()} is unavailable (use
     * {@code poll(handler, max)}).
     */
    public EventChannelBuilder<T> slots(Supplier<? extends T> factory) {
        this.slotFactory = Objects.requireNonNull(factory, "factory");
        return this;
    }

    /**
     * Builds the channel.
     *
     * @throws IllegalStateException if {@link #slots} was set without {@link #sharedRing(int)}
     */
    public EventChannel<T> build() {
        if (sharedRingCapacity > 0) {
            return new SharedRingChannel<>(this);
        }
        if (slotFactory != null) {
            throw new IllegalStateException("slots(factory) needs the shared-ring mode: call sharedRing(capacity) too");
        }
        return new ConcurrentEventChannel<>(this);
    }
}
