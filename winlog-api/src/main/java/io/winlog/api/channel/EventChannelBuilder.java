package io.winlog.api.channel;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;

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

    /** Builds the channel. */
    public EventChannel<T> build() {
        return new ConcurrentEventChannel<>(this);
    }
}
