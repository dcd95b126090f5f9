package io.winlog.api.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/** Cache-line padding (128 bytes). */
abstract class SharedSubscriberPad0 {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
}

/** The subscriber's sequence, alone on its line: written by its consumer once per batch, read by producers when their cached limit runs out. */
abstract class SharedSubscriberSequence extends SharedSubscriberPad0 {
    static final VarHandle SEQUENCE;

    static {
        try {
            SEQUENCE = MethodHandles.lookup().findVarHandle(SharedSubscriberSequence.class, "sequence", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The next ring sequence this subscriber will look at; every slot below it may be reused. */
    private volatile long sequence;

    final long lvSequence() {
        return sequence;
    }

    final long lpSequence() {
        return (long) SEQUENCE.getOpaque(this); // only the consumer writes it
    }

    final void soSequence(long value) {
        // Release: our reads of the slots below value happen before a producer can overwrite them.
        SEQUENCE.setRelease(this, value);
    }
}

/** Padding. */
abstract class SharedSubscriberPad1 extends SharedSubscriberSequence {
    long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
}

/**
 * One subscriber of a shared-ring channel ({@link SharedRingChannel}): a sequence into the one
 * ring, a per-topic match table, its predicate, delivery loop and statistics.
 *
 * <p>Matching happens here, on the consumer side: each slot carries its topic's
 * {@code index}, which selects a precomputed flag in {@link #wants} (one load); only events whose topic
 * matches are tested with the predicate and delivered. Skipped slots still advance the sequence,
 * so every subscriber gates producers whether or not it wants the events.
 *
 * <h2>Joining and leaving</h2>
 * The channel sets the sequence to the cursor, adds the subscriber to the gating set, and sets it
 * to the cursor again (see {@link SharedRing#minimumGating}): from the second store on, producers
 * cannot overwrite a slot the subscriber has not read. On close the subscriber reads the claimed
 * count (its stop point), delivers up to it, then stores {@code Long.MAX_VALUE} as its sequence
 * (so producers holding an old gating array ignore it) and leaves the gating set. Events claimed
 * after the stop point were published after it left: they are neither delivered to it nor counted.
 *
 * @param <T> the event type
 */
final class SharedRingSubscriber<T> extends SharedSubscriberPad1 implements Subscription<T>, Runnable {
    static final SharedRingSubscriber<?>[] NONE = new SharedRingSubscriber<?>[0];
    private static final System.Logger LOG = System.getLogger(EventChannel.class.getName());
    private static final VarHandle PARKED;
    private static final VarHandle STATE;
    private static final int OPEN = 0;
    private static final int CLOSING = 1;
    private static final int CLOSED = 2;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            PARKED = l.findVarHandle(SharedRingSubscriber.class, "parkedConsumer", Thread.class);
            STATE = l.findVarHandle(SharedRingSubscriber.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SharedRingChannel<T> channel;
    private final SharedRing ring;
    private final SubscriberConfig<T> config;
    final Predicate<? super T> filter;
    final WaitStrategy waitStrategy;
    final long blockTimeoutNanos;
    private final SharedRingCounters counters;
    private final BiConsumer<? super T, Throwable> errorHandler;
    private final boolean slotMode;

    /**
     * Per topic index: does this subscriber's topic filter match? Replaced (grown) by the channel
     * under its lock before a new topic becomes visible; the consumer reads it once per batch.
     */
    volatile boolean[] wants;
    private volatile Thread parkedConsumer;
    private volatile int state = OPEN;
    private volatile boolean stopRequested;
    /** The claimed count at close: deliver up to here, then leave. {@code Long.MAX_VALUE} while open. */
    private volatile long stopAt = Long.MAX_VALUE;
    /** The last sequence reached before leaving (for {@link #unreached()} after close). */
    private volatile long finalSequence = -1;
    private Thread thread;
    /**
     * Consumer only: the end of the published run found by the last {@link SharedRing#availableEnd}
     * (its acquire already ordered the slot reads below it, for this same thread).
     */
    private long knownAvailable;

    private T captured;
    private final EventHandler<T> capture = (event, sequence, endOfBatch) -> captured = event;

    SharedRingSubscriber(SharedRingChannel<T> channel, SharedRing ring, SubscriberConfig<T> config, boolean[] wants, boolean slotMode) {
        this.channel = channel;
        this.ring = ring;
        this.config = config;
        this.filter = config.filter;
        this.waitStrategy = config.waitStrategy;
        this.blockTimeoutNanos = config.blockTimeoutNanos;
        this.errorHandler = config.errorHandler != null ? config.errorHandler : this::logError;
        this.wants = wants;
        this.slotMode = slotMode;
        this.counters = new SharedRingCounters(this);
    }

    void start(Thread t) {
        this.thread = t;
        t.start();
    }

    /** Start position, set by the channel while joining (before the consumer runs). */
    void startAt(long sequence) {
        soSequence(sequence);
    }

    /** True if the topic filter matches (one array load; a topic newer than our table re-reads it). */
    boolean wantsTopic(Topic topic) {
        boolean[] w = wants;
        int i = topic.index;
        if (i >= w.length) {
            w = wants; // created after our read: the channel grew the table before publishing the topic
            return i < w.length && w[i];
        }
        return w[i];
    }

    /** Producer slow path: a publish refused for everyone; count it if it would have matched us. */
    void refused(Topic topic, T event, DropReason reason) {
        if (state == OPEN && wantsTopic(topic)) {
            if (event != null && filter != null) {
                try {
                    if (!filter.test(event)) {
                        return;
                    }
                } catch (RuntimeException e) {
                    return; // the consumer would have reported and skipped it
                }
            }
            counters.drop(reason);
        }
    }

    SharedRingCounters counters() {
        return counters;
    }

    /** Ring slots not yet reached (0 after leaving). */
    long unreached() {
        if (finalSequence >= 0) {
            return 0;
        }
        return Math.max(0, ring.lvClaimed() - lvSequence());
    }

    /** Producers: wake this consumer if it parked (called only when the ring has sleepers). */
    void signal() {
        Thread t = parkedConsumer;
        if (t != null && PARKED.compareAndSet(this, t, null)) {
            LockSupport.unpark(t);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Consumer side
    // ---------------------------------------------------------------------------------------

    /**
     * Delivers the matching events of one published run (up to {@code max} deliveries), then
     * releases the slots with one ordered store of the sequence. The handler of the previous
     * matching event is called only once the next one is found, so {@code endOfBatch} is exact.
     *
     * @return slots passed (delivered or skipped); 0 if nothing was available
     */
    @SuppressWarnings("unchecked")
    private int deliverOnce(EventHandler<? super T> handler, int max) {
        final long next = lpSequence();
        long end = knownAvailable;
        if (end - next < max) {
            // Extend the known run from where the last walk stopped: with many producers
            // availableEnd walks per-slot flags, and re-walking from next on every small poll
            // would cost O(run) per event.
            end = ring.availableEnd(Math.max(end, next));
            knownAvailable = end;
        }
        final long stop = stopAt;
        if (end > stop) {
            end = stop;
        }
        if (end <= next) {
            return 0;
        }
        counters.observeBacklog(end - next);
        final SharedRing ring = this.ring;
        final Predicate<? super T> filter = this.filter;
        boolean[] wants = this.wants; // after the acquire in availableEnd: covers every topic in the run
        long sequence = counters.lpDelivered();
        int delivered = 0;
        T pending = null;
        long s = next;
        while (s < end) {
            final int ti = ring.topic(s);
            final T event = (T) ring.event(s);
            s++;
            if (ti < 0) {
                continue; // NO_EVENT: a translator threw
            }
            if (ti >= wants.length) {
                wants = this.wants; // defensive: the table is grown before a topic is visible
            }
            if (!wants[ti] || (filter != null && !test(filter, event))) {
                continue;
            }
            if (pending != null) {
                deliver(handler, pending, sequence++, false);
            }
            pending = event;
            if (++delivered == max) {
                break;
            }
        }
        if (pending != null) {
            deliver(handler, pending, sequence, true);
            counters.addDelivered(delivered);
        }
        soSequence(s);
        return (int) (s - next);
    }

    private boolean test(Predicate<? super T> filter, T event) {
        try {
            return filter.test(event);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            counters.incrementHandlerErrors();
            errorHandler.accept(event, e);
            return false;
        }
    }

    private void deliver(EventHandler<? super T> handler, T event, long sequence, boolean endOfBatch) {
        try {
            handler.onEvent(event, sequence, endOfBatch);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            counters.incrementHandlerErrors();
            errorHandler.accept(event, e);
        }
    }

    @Override
    public void run() {
        final EventHandler<? super T> handler = config.handler;
        final int max = config.maxBatch;
        int idle = 0;
        try {
            while (!stopRequested) {
                int n = deliverOnce(handler, max);
                if (n > 0) {
                    idle = 0;
                    Idling.afterBatch(waitStrategy, n);
                } else if (waitStrategy == WaitStrategy.BLOCKING && Idling.shouldPark(idle)) {
                    parkConsumer();
                } else {
                    idle = Idling.consumerIdle(waitStrategy, idle);
                }
            }
            // Close: deliver everything claimed before the stop point (claims there are published promptly).
            idle = 0;
            while (lpSequence() < stopAt) {
                if (deliverOnce(handler, max) > 0) {
                    idle = 0;
                } else {
                    idle = Idling.backOff(idle, 100_000L);
                }
            }
        } catch (Throwable t) {
            errorHandler.accept(null, t);
            throw t;
        } finally {
            leave();
        }
    }

    /** Parks until a producer signals (or a 100 ms safety net, or close). Dekker pairing: see {@link SharedRingChannel}. */
    private void parkConsumer() {
        Thread me = Thread.currentThread();
        PARKED.setVolatile(this, me);
        ring.addSleeper(1); // full fence: the re-check below cannot move before it
        if (ring.availableEnd(lpSequence()) <= lpSequence() && !stopRequested) {
            LockSupport.parkNanos(this, 100_000_000L);
        }
        ring.addSleeper(-1);
        PARKED.setVolatile(this, null);
    }

    /** Stops gating producers and leaves the channel (once). */
    private void leave() {
        if (STATE.compareAndSet(this, CLOSING, CLOSED)) {
            finalSequence = lpSequence();
            soSequence(Long.MAX_VALUE); // a producer holding an old gating array ignores us from here
            channel.unsubscribe(this);
        }
    }

    private void logError(T event, Throwable error) {
        LOG.log(System.Logger.Level.WARNING, "winlog channel '" + channel.name() + "', subscriber '" + config.name + "'"
                + (event != null ? ", event " + event : "") + ": " + error, error);
    }

    // ---------------------------------------------------------------------------------------
    // Subscription
    // ---------------------------------------------------------------------------------------

    @Override
    public String name() {
        return config.name;
    }

    @Override
    public SubscriberConfig<T> config() {
        return config;
    }

    @Override
    public SubscriberStats stats() {
        return counters;
    }

    @Override
    public int poll(EventHandler<? super T> handler, int maxEvents) {
        if (thread != null) {
            throw new IllegalStateException("Subscriber '" + config.name + "' has a handler thread; poll only subscriptions built without a handler");
        }
        if (maxEvents < 1 || state == CLOSED) {
            return 0;
        }
        int delivered = 0;
        // Skipped slots do not count against maxEvents: keep going until something was delivered or the run ended.
        long before = counters.lpDelivered();
        while (deliverOnce(handler, maxEvents) > 0 && counters.lpDelivered() == before) {
            // only skipped slots so far
        }
        delivered = (int) (counters.lpDelivered() - before);
        if (state == CLOSING && lpSequence() >= stopAt) {
            leave();
        }
        return delivered;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException in slot mode, where the slot is reused as soon as poll returns
     */
    @Override
    public T poll() {
        if (slotMode) {
            throw new IllegalStateException("Subscriber '" + config.name + "' is on a slot-mode channel: its events are reused ring slots, "
                    + "valid only during a handler call; use poll(handler, max)");
        }
        captured = null;
        poll(capture, 1);
        T e = captured;
        captured = null;
        return e;
    }

    @Override
    public boolean isOpen() {
        return state == OPEN;
    }

    /**
     * Leaves the channel: delivers every event claimed before this call, then stops gating
     * producers. In poll mode the pending events stay pollable and keep gating producers until
     * polled (BLOCK never loses them); if nothing is pending it leaves at once.
     */
    @Override
    public void close() {
        if (!STATE.compareAndSet(this, OPEN, CLOSING)) {
            awaitThread();
            return;
        }
        stopAt = Math.max(ring.lvClaimed(), lpSequence());
        if (thread != null) {
            stopRequested = true;
            LockSupport.unpark(thread);
            awaitThread();
        } else if (lpSequence() >= stopAt) {
            leave();
        }
    }

    /** Channel close: the ring is closed, so {@code claimed} is final; deliver up to it and leave. */
    void closeAt(long claimed) {
        if (STATE.compareAndSet(this, OPEN, CLOSING)) {
            stopAt = Math.max(claimed, lpSequence());
            if (thread != null) {
                stopRequested = true;
                LockSupport.unpark(thread);
            } else if (lpSequence() >= stopAt) {
                leave();
            }
        }
        awaitThread();
    }

    private void awaitThread() {
        Thread t = thread;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Subscription[" + config.name + ", shared ring, " + counters + "]";
    }
}
