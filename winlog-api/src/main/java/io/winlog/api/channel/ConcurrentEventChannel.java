package io.winlog.api.channel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * The {@link EventChannel} implementation: lock-free publishing over per-subscriber rings,
 * copy-on-write routing tables for subscribe/unsubscribe.
 *
 * <p>Each {@link Topic} holds its route list: the subscribers whose {@link TopicFilter} matches
 * it. Subscribe, unsubscribe and topic creation rebuild the affected lists under {@link #lock}
 * and publish them with a volatile store; publishers read a topic's list with one volatile load
 * and never lock. A publisher holding an old list may offer to a subscriber that just left: that
 * subscriber's ring is closed, so the event is counted {@link DropReason#CLOSED}, not lost
 * silently.
 *
 * @param <T> the event type
 */
final class ConcurrentEventChannel<T> implements EventChannel<T> {
    private final String name;
    private final boolean singleProducer;
    private final ThreadFactory threadFactory;
    /** Guards writes to routes, {@link #subscribers} and topic creation. */
    private final Object lock = new Object();
    private final TopicTable topics;
    private final Topic defaultTopic;
    private final List<RingSubscriber<T>> subscribers = new ArrayList<>();
    private volatile boolean closed;

    ConcurrentEventChannel(EventChannelBuilder<T> b) {
        this.name = b.name;
        this.singleProducer = b.singleProducer;
        this.topics = new TopicTable(b.name, b.maxTopics, this, lock, this::routeNewTopic);
        this.threadFactory = b.threadFactory;
        this.defaultTopic = topic(b.defaultTopic);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Topic topic(String topicName) {
        return topics.intern(topicName);
    }

    /** Under the lock, before a new topic is visible: its route list from the current subscribers. */
    private void routeNewTopic(Topic t) {
        List<RingSubscriber<?>> routes = new ArrayList<>();
        for (RingSubscriber<T> s : subscribers) {
            if (s.config().topics().matches(t)) {
                routes.add(s);
            }
        }
        t.routes = routes.toArray(RingSubscriber.NONE);
    }

    /** True if built with {@link EventChannelBuilder#singleProducer()}. */
    boolean singleProducer() {
        return singleProducer;
    }

    @Override
    public Topic defaultTopic() {
        return defaultTopic;
    }

    @Override
    public boolean publish(Topic topic, T event) {
        return offer(topic, event, true);
    }

    @Override
    public boolean tryPublish(Topic topic, T event) {
        return offer(topic, event, false);
    }

    /** The hot path: one volatile load of the route list, then a filter check and an offer per subscriber. */
    private boolean offer(Topic topic, T event, boolean mayWait) {
        if (event == null) {
            throw new NullPointerException("Cannot publish a null event");
        }
        if (topic.owner != this) {
            throw new IllegalArgumentException("Topic '" + topic + "' belongs to another channel; get it from this channel's topic(name)");
        }
        if (closed) {
            return false;
        }
        // One or two subscribers per topic are the common cases; they get straight-line code. A
        // for loop over a one- or two-element array measured ~6 ns more per publish, as much as
        // the ring offer itself (most likely C2's counted-loop set-up, not verified in the
        // assembly); see docs/benchmarks-channel.md, "The single-thread cost of a publish".
        // '&', not '&&': every subscriber gets the event even if another refused it.
        final RingSubscriber<?>[] routes = topic.routes;
        switch (routes.length) {
            case 0:
                return true;
            case 1:
                return offerTo(routes[0], event, mayWait);
            case 2:
                return offerTo(routes[0], event, mayWait) & offerTo(routes[1], event, mayWait);
            default:
                boolean accepted = true;
                int i = 0;
                do {
                    accepted &= offerTo(routes[i], event, mayWait);
                } while (++i < routes.length);
                return accepted;
        }
    }

    /** Offers to one route if its predicate (if any) accepts the event; true if it was not refused. */
    private boolean offerTo(RingSubscriber<?> route, T event, boolean mayWait) {
        @SuppressWarnings("unchecked")
        RingSubscriber<T> s = (RingSubscriber<T>) route; // routes only ever hold this channel's subscribers
        java.util.function.Predicate<? super T> f = s.filter;
        return (f != null && !f.test(event)) || s.offer(event, mayWait);
    }

    @Override
    public Subscription<T> subscribe(SubscriberConfig<T> config) {
        Objects.requireNonNull(config, "config");
        RingSubscriber<T> s;
        synchronized (lock) {
            SubscriberThreads.checkCanJoin(name, closed, subscribers, config.name());
            s = new RingSubscriber<>(this, config);
            subscribers.add(s);
            for (Topic t : topics.all()) {
                if (config.topics().matches(t)) {
                    RingSubscriber<?>[] old = t.routes;
                    RingSubscriber<?>[] routes = Arrays.copyOf(old, old.length + 1);
                    routes[old.length] = s;
                    t.routes = routes; // volatile store publishes the fully built array
                }
            }
        }
        if (config.hasHandler()) {
            s.start(SubscriberThreads.newThread(threadFactory, name, config.name(), s));
        }
        return s;
    }

    /** Removes a subscriber from every route list (called by its close). */
    void unsubscribe(RingSubscriber<T> s) {
        synchronized (lock) {
            subscribers.remove(s);
            for (Topic t : topics.all()) {
                RingSubscriber<?>[] old = t.routes;
                for (int i = 0; i < old.length; i++) {
                    if (old[i] == s) {
                        RingSubscriber<?>[] routes = new RingSubscriber<?>[old.length - 1];
                        System.arraycopy(old, 0, routes, 0, i);
                        System.arraycopy(old, i + 1, routes, i, old.length - i - 1);
                        t.routes = routes;
                        break;
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        List<RingSubscriber<T>> toClose;
        synchronized (lock) {
            closed = true;
            toClose = new ArrayList<>(subscribers);
        }
        for (RingSubscriber<T> s : toClose) {
            s.close();
        }
    }

    @Override
    public String toString() {
        return "EventChannel[" + name + ", " + subscribers.size() + " subscribers, " + topics.size() + " topics]";
    }
}
