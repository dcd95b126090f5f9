package io.winlog.api.channel;

import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * What both channel implementations do when a subscriber joins, apart from wiring it to their
 * rings: refuse a closed channel or a duplicate name, and create the handler thread.
 */
final class SubscriberThreads {
    private SubscriberThreads() {
    }

    /** Under the channel's lock: the channel is open and no subscriber has this name yet. */
    static void checkCanJoin(String channel, boolean closed, List<? extends Subscription<?>> subscribers, String name) {
        if (closed) {
            throw new IllegalStateException("Channel '" + channel + "' is closed; create a new channel to subscribe");
        }
        for (Subscription<?> existing : subscribers) {
            if (existing.name().equals(name)) {
                throw new IllegalStateException("Channel '" + channel + "' already has a subscriber named '" + name
                        + "'; names must be unique (they name threads and spill journals)");
            }
        }
    }

    /** The subscriber's delivery thread: from the builder's factory, else a daemon named {@code winlog-<channel>-<subscriber>}. */
    static Thread newThread(ThreadFactory factory, String channel, String subscriber, Runnable body) {
        if (factory != null) {
            return factory.newThread(body);
        }
        Thread t = new Thread(body, "winlog-" + channel + "-" + subscriber);
        t.setDaemon(true);
        return t;
    }
}
