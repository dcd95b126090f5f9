package io.winlog.api.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Cache-line padding (128 bytes, see {@link MpscEventRing}). */
abstract class SharedRingPad0 {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
}

/** The cursor, alone on its line: written by producers, read by consumers once per batch. */
abstract class SharedRingCursor extends SharedRingPad0 {
    static final VarHandle CURSOR;

    static {
        try {
            CURSOR = MethodHandles.lookup().findVarHandle(SharedRingCursor.class, "cursor", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Meaning depends on the producer type: see {@link SingleProducerSharedRing} and {@link MultiProducerSharedRing}. */
    private volatile long cursor;

    final long lvCursor() {
        return cursor; // volatile load: acquire, orders the consumer's later slot reads after it
    }

    final long lpCursor() {
        return (long) CURSOR.getOpaque(this); // the single producer reading its own cursor
    }

    final void soCursor(long value) {
        CURSOR.setRelease(this, value); // single producer: the slot stores before it are visible first
    }

    final boolean casCursor(long expect, long update) {
        return CURSOR.compareAndSet(this, expect, update); // many producers: claim + closed check in one step
    }
}

/** Padding. */
abstract class SharedRingPad1 extends SharedRingCursor {
    long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
}

/** The cached gating limit (slowest subscriber + capacity), so producers rarely read the subscribers' lines. */
abstract class SharedRingGatingLimit extends SharedRingPad1 {
    static final VarHandle LIMIT;

    static {
        try {
            LIMIT = MethodHandles.lookup().findVarHandle(SharedRingGatingLimit.class, "gatingLimit", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long gatingLimit;

    final long lvGatingLimit() {
        return gatingLimit;
    }

    final long lpGatingLimit() {
        return (long) LIMIT.getOpaque(this); // single producer: only it writes the limit
    }

    final void soGatingLimit(long limit) {
        // Ordered store is enough: a stale (smaller) limit only makes a producer recompute it; a
        // limit is never larger than the truth at any later time (subscriber sequences only grow,
        // and a joining subscriber starts at the cursor, above every limit computed before).
        LIMIT.setRelease(this, limit);
    }
}

/** Padding. */
abstract class SharedRingPad2 extends SharedRingGatingLimit {
    long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;
}

/**
 * The one ring of a shared-ring ("broadcast") channel, in the style of the LMAX Disruptor's ring
 * buffer and sequencers: every subscriber reads every slot with its own sequence, and producers
 * may only reuse a slot once the slowest subscriber (the <i>gating</i> set) has passed it.
 *
 * <p>Each slot is an event (a reference, or a pre-allocated mutable object in slot mode) in
 * {@link #events} and its topic's {@code index} in {@link #topics} ({@link #NO_EVENT}: the
 * translator failed). The topic is stored as an {@code int}, not a reference, so a publish
 * stores at most one reference (the event; none in slot mode) and pays at most one GC write
 * barrier (with G1, a reference store across heap regions dirties a card that refinement
 * threads must scan). Sequences count from 0; a producer may
 * claim sequence {@code s} only while {@code s < min(subscriber sequences) + capacity}.
 *
 * <p>Two producer sides: {@link SingleProducerSharedRing} (no CAS, the Disruptor's
 * {@code ProducerType.SINGLE}) and {@link MultiProducerSharedRing} (CAS claim plus per-slot
 * availability flags, like its {@code MultiProducerSequencer}).
 */
abstract class SharedRing extends SharedRingPad2 {
    /** {@link #tryClaim()} result: no room until the slowest subscriber moves. */
    static final long FULL = -1;
    /** {@link #tryClaim()} result: the ring is closed. */
    static final long CLOSED = -2;

    /** {@link #topics} value of a slot without an event (its translator threw): every subscriber skips it. */
    static final int NO_EVENT = -1;

    /** The event of each slot. */
    final Object[] events;
    /** The topic index ({@link Topic#index}) of each slot, or {@link #NO_EVENT}. */
    final int[] topics;
    final int mask;
    final int capacity;
    /**
     * The subscribers that gate producers; copy-on-write under the channel's lock. A subscriber
     * that left sets its sequence to {@link Long#MAX_VALUE} before it is removed, so a producer
     * holding an old array is never held back by it.
     */
    volatile SharedRingSubscriber<?>[] gating = SharedRingSubscriber.NONE;
    /** True while a gating subscriber may park ({@link WaitStrategy#BLOCKING} with a handler thread): producers must signal. */
    volatile boolean signalling;
    /** Consumers currently parked (or about to park); producers wake them only when non-zero. */
    private volatile int sleepers;
    private static final VarHandle SLEEPERS;

    static {
        try {
            SLEEPERS = MethodHandles.lookup().findVarHandle(SharedRing.class, "sleepers", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    SharedRing(int capacity) {
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.events = new Object[capacity];
        this.topics = new int[capacity];
    }

    /**
     * Claims the next sequence if the slowest subscriber leaves room. Producers only; never waits.
     *
     * @return the sequence, {@link #FULL} or {@link #CLOSED}
     */
    abstract long tryClaim();

    /** Makes a claimed slot visible to consumers (after its event and topic were stored). */
    abstract void publish(long sequence);

    /** Consumers: every sequence below the result is claimed (maybe not yet published). */
    abstract long lvClaimed();

    /**
     * Consumers: the end (exclusive) of the published run starting at {@code next}; slots below
     * it may be read plainly (acquire happened here).
     */
    abstract long availableEnd(long next);

    /** Refuses later claims; returns the claimed count at that point (every claim below it will be published). */
    abstract long close();

    /**
     * The lowest sequence of the gating subscribers, at most {@code upTo} (the producer's own
     * cursor, so an empty gating set never blocks and a departed subscriber's
     * {@code Long.MAX_VALUE} never overflows the limit).
     *
     * <p>Re-reads the gating array after the minimum: if a subscriber joined meanwhile, its start
     * may be below a sequence read here, so we retry; otherwise every sequence read here is at
     * most the cursor at the time of the re-read, which is at most where a later joiner starts.
     */
    final long minimumGating(long upTo) {
        while (true) {
            SharedRingSubscriber<?>[] subs = gating;
            long min = upTo;
            for (SharedRingSubscriber<?> s : subs) {
                min = Math.min(min, s.lvSequence());
            }
            if (subs == gating) {
                return min;
            }
        }
    }

    /** The gating subscriber furthest behind (whose wait strategy a blocked producer uses), or null. Slow path. */
    final SharedRingSubscriber<?> slowest() {
        SharedRingSubscriber<?> slowest = null;
        long min = Long.MAX_VALUE;
        for (SharedRingSubscriber<?> s : gating) {
            long seq = s.lvSequence();
            if (seq < min) {
                min = seq;
                slowest = s;
            }
        }
        return slowest;
    }

    /** Consumers, around parking: the atomic add is a full fence (Dekker pairing with {@link #lvSleepers}). */
    final void addSleeper(int delta) {
        SLEEPERS.getAndAdd(this, delta);
    }

    final int lvSleepers() {
        return sleepers;
    }

    /** Subscribers: slots of the published run are read plainly, see {@link #availableEnd}. */
    final Object event(long sequence) {
        return events[(int) (sequence & mask)];
    }

    final int topic(long sequence) {
        return topics[(int) (sequence & mask)];
    }

    /** Producers, between claim and publish: plain stores, made visible by {@link #publish}'s release. */
    final void store(long sequence, Object event, int topic) {
        int i = (int) (sequence & mask);
        events[i] = event;
        topics[i] = topic;
    }

    final void storeTopic(long sequence, int topic) {
        topics[(int) (sequence & mask)] = topic;
    }
}
