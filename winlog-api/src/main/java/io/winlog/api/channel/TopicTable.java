package io.winlog.api.channel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The interned {@link Topic}s of one channel: lock-free lookup by name, creation under the
 * channel's lock (so a new topic and the routing state derived from it appear together), a
 * limit on how many exist, and a dense {@link Topic#index} per topic in creation order.
 *
 * <p>Both channel implementations use it; what each derives from a new topic (route lists, or
 * per-subscriber match flags) is the {@code onCreate} hook, which runs under the lock before
 * the topic becomes visible to {@link #intern} callers on other threads.
 */
final class TopicTable {
    private final ConcurrentHashMap<String, Topic> byName = new ConcurrentHashMap<>();
    /** Guarded by {@link #lock}. */
    private final List<Topic> inOrder = new ArrayList<>();
    private final String channelName;
    private final int maxTopics;
    private final Object owner;
    private final Object lock;
    private final Consumer<Topic> onCreate;

    /**
     * @param owner    the channel (topics remember it, so a topic of another channel is refused)
     * @param lock     the channel's lock, held while a topic is created
     * @param onCreate called under the lock with each new topic, before it is published
     */
    TopicTable(String channelName, int maxTopics, Object owner, Object lock, Consumer<Topic> onCreate) {
        this.channelName = channelName;
        this.maxTopics = maxTopics;
        this.owner = owner;
        this.lock = lock;
        this.onCreate = onCreate;
    }

    /** The topic with this name, created if needed. One hash lookup once it exists. */
    Topic intern(String topicName) {
        Topic t = byName.get(topicName);
        if (t != null) {
            return t;
        }
        synchronized (lock) {
            t = byName.get(topicName);
            if (t == null) {
                if (byName.size() >= maxTopics) {
                    throw new IllegalStateException("Channel '" + channelName + "' already has " + byName.size()
                            + " topics (maxTopics); use fewer distinct topic names, or raise EventChannelBuilder.maxTopics");
                }
                t = new Topic(topicName, owner);
                t.index = inOrder.size();
                inOrder.add(t);
                onCreate.accept(t);
                byName.put(topicName, t); // publication: after onCreate's routing state is in place
            }
            return t;
        }
    }

    /** Every topic in creation order ({@code index} order). Call under the channel's lock. */
    List<Topic> all() {
        return Collections.unmodifiableList(inOrder);
    }

    /** How many topics exist. */
    int size() {
        return byName.size();
    }
}
