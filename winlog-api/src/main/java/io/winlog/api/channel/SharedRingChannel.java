package io.winlog.api.channel;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The shared-ring ("broadcast") {@link EventChannel}, selected by
 * {@link EventChannelBuilder#sharedRing(int)}: one ring for the whole channel, one sequence per
 * subscriber, producers gated by the slowest subscriber (so every subscriber is
 * {@link BackpressurePolicy#BLOCK}), topics and predicates evaluated by each subscriber as it
 * reads. Publishing costs one claim (a plain store with {@code singleProducer()}, else one CAS)
 * and one release store however many subscribers there are.
 *
 * <p>With a slot factory ({@link EventChannelBuilder#slots}) the ring holds pre-allocated mutable
 * objects and producers publish with {@link EventTranslator}s; otherwise the slot holds the
 * published reference.
 *
 * <h2>Waking parked consumers</h2>
 * Dekker pairing, as in the per-subscriber mode: the producer publishes its slot, issues a full
 * fence and reads the sleeper count; a consumer about to park stores itself, increments the
 * sleeper count (an atomic add: a full fence) and re-checks the ring. One side always sees the
 * other. Producers pay the fence only while some subscriber may park ({@link WaitStrategy#BLOCKING}).
 *
 * @param <T> the event type
 */
final class SharedRingChannel<T> implements EventChannel<T> {
    private final String name;
    private final ThreadFactory threadFactory;
    private final SharedRing ring;
    private final boolean slotMode;
    /** Guards topic creation, subscribe, unsubscribe and the gating array. */
    private final Object lock = new Object();
    private final TopicTable topics;
    private final Topic defaultTopic;
    private final List<SharedRingSubscriber<T>> subscribers = new ArrayList<>();
    private volatile boolean closed;

    SharedRingChannel(EventChannelBuilder<T> b) {
        this.name = b.name;
        this.threadFactory = b.threadFactory;
        this.topics = new TopicTable(b.name, b.maxTopics, this, lock, this::flagNewTopic);
        int capacity = SubscriberConfig.roundUpToPowerOfTwo(b.sharedRingCapacity);
        this.ring = b.singleProducer ? new SingleProducerSharedRing(capacity) : new MultiProducerSharedRing(capacity);
        Supplier<? extends T> factory = b.slotFactory;
        this.slotMode = factory != null;
        if (slotMode) {
            for (long i = 0; i < capacity; i++) {
                T slot = Objects.requireNonNull(factory.get(), "the slot factory returned null");
                ring.store(i, slot, SharedRing.NO_EVENT);
            }
        }
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

    /** Under the lock, before a new topic is visible: each subscriber's match flag for it. */
    private void flagNewTopic(Topic t) {
        for (SharedRingSubscriber<T> s : subscribers) {
            boolean[] w = s.wants;
            if (t.index >= w.length) {
                w = Arrays.copyOf(w, Math.max(16, w.length * 2));
            } else {
                w = w.clone();
            }
            w[t.index] = s.config().topics().matches(t);
            s.wants = w; // volatile store, before the topic becomes visible
        }
    }

    @Override
    public Topic defaultTopic() {
        return defaultTopic;
    }

    /** The ring's capacity. */
    int capacity() {
        return ring.capacity;
    }

    @Override
    public boolean publish(Topic topic, T event) {
        return publishReference(topic, event, true);
    }

    @Override
    public boolean tryPublish(Topic topic, T event) {
        return publishReference(topic, event, false);
    }

    private boolean publishReference(Topic topic, T event, boolean mayWait) {
        if (event == null) {
            throw new NullPointerException("Cannot publish a null event");
        }
        check(topic);
        if (slotMode) {
            throw new IllegalStateException("Channel '" + name + "' holds pre-allocated slots (EventChannelBuilder.slots): "
                    + "publish with a translator, publish(topic, translator, arg)");
        }
        long seq = claim(topic, event, mayWait);
        if (seq < 0) {
            return false;
        }
        ring.store(seq, event, topic.index);
        ring.publish(seq);
        signal();
        return true;
    }

    @Override
    public <A> boolean publish(Topic topic, EventTranslator<T, A> translator, A arg) {
        return translate(topic, translator, arg, true);
    }

    @Override
    public <A> boolean tryPublish(Topic topic, EventTranslator<T, A> translator, A arg) {
        return translate(topic, translator, arg, false);
    }

    private <A> boolean translate(Topic topic, EventTranslator<T, A> translator, A arg, boolean mayWait) {
        checkSlots(topic, translator);
        long seq = claim(topic, null, mayWait);
        if (seq < 0) {
            return false;
        }
        boolean done = false;
        try {
            @SuppressWarnings("unchecked")
            T slot = (T) ring.event(seq); // ours between claim and publish
            translator.translateTo(slot, arg);
            done = true;
        } finally {
            finish(seq, topic, done); // a claimed slot must always be published, or consumers would wait forever
        }
        return true;
    }

    @Override
    public <A, B> boolean publish(Topic topic, EventTranslatorTwoArg<T, A, B> translator, A a, B b) {
        checkSlots(topic, translator);
        long seq = claim(topic, null, true);
        if (seq < 0) {
            return false;
        }
        boolean done = false;
        try {
            @SuppressWarnings("unchecked")
            T slot = (T) ring.event(seq);
            translator.translateTo(slot, a, b);
            done = true;
        } finally {
            finish(seq, topic, done);
        }
        return true;
    }

    /** Publishes a translated slot; a failed translation publishes an empty slot ({@link SharedRing#NO_EVENT}) that every subscriber skips. */
    private void finish(long seq, Topic topic, boolean translated) {
        ring.storeTopic(seq, translated ? topic.index : SharedRing.NO_EVENT);
        ring.publish(seq);
        signal();
    }

    private void check(Topic topic) {
        if (topic.owner != this) {
            throw new IllegalArgumentException("Topic '" + topic + "' belongs to another channel; get it from this channel's topic(name)");
        }
    }

    private void checkSlots(Topic topic, Object translator) {
        Objects.requireNonNull(translator, "translator");
        check(topic);
        if (!slotMode) {
            throw new UnsupportedOperationException("Channel '" + name + "' has no pre-allocated slots; build it with "
                    + "EventChannelBuilder.sharedRing(capacity).slots(factory) to publish with translators, or publish(topic, event)");
        }
    }

    /**
     * Claims a slot; the common case is one {@link SharedRing#tryClaim()}. Full ring: wait (by the
     * slowest subscriber's wait strategy, up to its block timeout) or refuse.
     *
     * @return the sequence, or -1 if refused (counted for every subscriber it would have matched) or closed
     */
    private long claim(Topic topic, T event, boolean mayWait) {
        if (closed) {
            return -1;
        }
        long seq = ring.tryClaim();
        if (seq >= 0) {
            return seq;
        }
        return claimSlow(topic, event, mayWait, seq);
    }

    private long claimSlow(Topic topic, T event, boolean mayWait, long result) {
        if (result == SharedRing.CLOSED) {
            return -1;
        }
        if (!mayWait) {
            return refused(topic, event, DropReason.WOULD_BLOCK);
        }
        final long start = System.nanoTime();
        int idle = 0;
        WaitStrategy wait = WaitStrategy.YIELDING;
        long timeout = Long.MAX_VALUE;
        while (true) {
            if ((idle & 63) == 0) { // the slowest subscriber changes slowly; do not re-read every sequence line each round
                SharedRingSubscriber<?> slowest = ring.slowest();
                wait = slowest != null ? slowest.waitStrategy : WaitStrategy.YIELDING;
                timeout = slowest != null ? slowest.blockTimeoutNanos : Long.MAX_VALUE;
            }
            if (wait == WaitStrategy.YIELDING) {
                // A full shared ring is a ring's worth of work for every subscriber: sleep at once
                // (parkNanos(1), tens of µs) like the Disruptor's sequencers, rather than spinning
                // on the subscribers' sequence lines while they need the cores.
                LockSupport.parkNanos(1L);
                idle++;
            } else {
                idle = Idling.producerIdle(wait, idle);
            }
            long seq = ring.tryClaim();
            if (seq >= 0) {
                return seq;
            }
            if (seq == SharedRing.CLOSED) {
                return -1;
            }
            if ((idle & 15) == 0 && System.nanoTime() - start >= timeout) {
                return refused(topic, event, DropReason.BLOCK_TIMEOUT);
            }
        }
    }

    private long refused(Topic topic, T event, DropReason reason) {
        for (SharedRingSubscriber<?> s : ring.gating) {
            @SuppressWarnings("unchecked")
            SharedRingSubscriber<T> sub = (SharedRingSubscriber<T>) s; // the gating array only holds this channel's subscribers
            sub.refused(topic, event, reason);
        }
        return -1;
    }

    /** After a publish: wake parked consumers, if any may park (see the class comment). */
    private void signal() {
        if (ring.signalling) {
            VarHandle.fullFence(); // StoreLoad: our slot's publication before the sleeper count read
            if (ring.lvSleepers() > 0) {
                for (SharedRingSubscriber<?> s : ring.gating) {
                    s.signal();
                }
            }
        }
    }

    @Override
    public Subscription<T> subscribe(SubscriberConfig<T> config) {
        Objects.requireNonNull(config, "config");
        if (config.policy != BackpressurePolicy.BLOCK) {
            throw new IllegalArgumentException("Channel '" + name + "' is a shared-ring channel: every subscriber gates the producers, "
                    + "so it accepts only BackpressurePolicy.BLOCK subscribers, not " + config.policy + " ('" + config.name
                    + "'); use the default per-subscriber mode (a channel built without sharedRing) for DROP_NEWEST, DROP_OLDEST and SPILL");
        }
        SharedRingSubscriber<T> s;
        synchronized (lock) {
            SubscriberThreads.checkCanJoin(name, closed, subscribers, config.name());
            boolean[] wants = new boolean[Math.max(16, Integer.highestOneBit(Math.max(1, topics.size())) * 2)];
            for (Topic t : topics.all()) {
                wants[t.index] = config.topics().matches(t);
            }
            s = new SharedRingSubscriber<>(this, ring, config, wants, slotMode);
            // Join (see SharedRingSubscriber): start at the cursor, gate, then move to the cursor again.
            s.startAt(ring.lvClaimed());
            subscribers.add(s);
            updateGating();
            s.startAt(ring.lvClaimed());
        }
        if (config.hasHandler()) {
            s.start(SubscriberThreads.newThread(threadFactory, name, config.name(), s));
        }
        return s;
    }

    /** Called by a subscriber once it delivered up to its stop point and set its sequence to {@code Long.MAX_VALUE}. */
    void unsubscribe(SharedRingSubscriber<T> s) {
        synchronized (lock) {
            if (subscribers.remove(s)) {
                updateGating();
            }
        }
    }

    /** Under the lock: republishes the gating array and the signalling flag. */
    private void updateGating() {
        boolean signal = false;
        for (SharedRingSubscriber<T> s : subscribers) {
            signal |= s.config().hasHandler() && s.waitStrategy == WaitStrategy.BLOCKING;
        }
        ring.signalling = signal;
        ring.gating = subscribers.toArray(SharedRingSubscriber.NONE);
    }

    @Override
    public void close() {
        List<SharedRingSubscriber<T>> toClose;
        long claimed;
        synchronized (lock) {
            closed = true;
            toClose = new ArrayList<>(subscribers);
            claimed = ring.close(); // no claim succeeds after this: every accepted event is below it
        }
        for (SharedRingSubscriber<T> s : toClose) {
            s.closeAt(claimed);
        }
    }

    @Override
    public String toString() {
        return "EventChannel[" + name + ", shared ring of " + ring.capacity + (slotMode ? " slots" : "") + ", "
                + subscribers.size() + " subscribers, " + topics.size() + " topics]";
    }
}
