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

    /** Builds the channel. */
    public EventChannel<T> build() {
        return new ConcurrentEventChannel<>(this);
    }
}
