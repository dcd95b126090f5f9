package io.winlog.api.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Cache-line padding (128 bytes: adjacent-line prefetch pulls pairs of 64-byte lines). */
abstract class MpscRingPad0 {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
}

/** The producer index field, alone on its cache line: written by producers (CAS), read by the consumer. */
abstract class MpscRingProducerIndex extends MpscRingPad0 {
    static final VarHandle P_INDEX;

    static {
        try {
            P_INDEX = MethodHandles.lookup().findVarHandle(MpscRingProducerIndex.class, "producerIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code sequence << 2 | flags}, see {@link EventRing}. */
    private volatile long producerIndex;

    final long lvProducerIndex() {
        return producerIndex; // volatile load: acquire, orders our later loads after it
    }

    final long lpProducerIndex() {
        return (long) P_INDEX.getOpaque(this); // for a single producer reading its own index
    }

    final void soProducerIndex(long index) {
        P_INDEX.setRelease(this, index); // single producer only: ordered store, no CAS
    }

    final boolean casProducerIndex(long expect, long update) {
        return P_INDEX.compareAndSet(this, expect, update); // full fence: claim + flag check in one step
    }
}

/** Padding. */
abstract class MpscRingPad1 extends MpscRingProducerIndex {
    long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
}

/** The cached producer limit (consumer index + capacity), shared by producers so they rarely read the consumer's line. */
abstract class MpscRingProducerLimit extends MpscRingPad1 {
    static final VarHandle P_LIMIT;

    static {
        try {
            P_LIMIT = MethodHandles.lookup().findVarHandle(MpscRingProducerLimit.class, "producerLimit", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long producerLimit;

    final long lvProducerLimit() {
        return producerLimit;
    }

    final void soProducerLimit(long limit) {
        // Ordered store is enough: a stale (smaller) limit only makes a producer re-read the
        // consumer index; it can never be larger than the truth because the consumer index grows.
        P_LIMIT.setRelease(this, limit);
    }
}

/** Padding. */
abstract class MpscRingPad2 extends MpscRingProducerLimit {
    long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;
}

/** The consumer index, alone on its cache line: written only by the consumer, read by producers when full. */
abstract class MpscRingConsumerIndex extends MpscRingPad2 {
    static final VarHandle C_INDEX;

    static {
        try {
            C_INDEX = MethodHandles.lookup().findVarHandle(MpscRingConsumerIndex.class, "consumerIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long consumerIndex;

    final long lvConsumerIndex() {
        return consumerIndex;
    }

    final long lpConsumerIndex() {
        return (long) C_INDEX.getOpaque(this); // only the consumer writes it, so the consumer may read it plainly
    }

    final void soConsumerIndex(long index) {
        // Release: the slot nulling before it is visible before producers see the room.
        C_INDEX.setRelease(this, index);
    }
}

/** Padding. */
abstract class MpscRingPad3 extends MpscRingConsumerIndex {
    long p30, p31, p32, p33, p34, p35, p36, p37, p38, p39, p3a, p3b, p3c, p3d, p3e, p3f;
}

/**
 * Multi-producer single-consumer bounded ring of references, in the style of JCTools'
 * {@code MpscArrayQueue}: producers claim a sequence by CAS on the producer index (which also
 * carries the closed/spill flags, see {@link EventRing}), then store the element with release
 * semantics; the consumer finds published elements by reading slots with acquire semantics (not
 * the producer index, which stays in the producers' caches), nulls each slot and releases its
 * index once per batch. A claimed slot that is still null is a producer between its CAS and its
 * store: it ends the batch, and is picked up by the next one.
 *
 * <p>Not final only for {@link SpscEventRing}, which replaces the producer side.
 *
 * @param <E> the element type
 */
class MpscEventRing<E> extends MpscRingPad3 implements EventRing<E> {
    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Object[].class);
    /** The consumer nulls and releases slots every 64 events within a batch (amortised), or every capacity if smaller. */
    static final int RELEASE_EVERY = 64;

    private final Object[] buffer;
    private final long mask;
    private final int capacity;
    private final int releaseEvery;

    MpscEventRing(int capacity, boolean spilling) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        this.buffer = new Object[capacity];
        this.mask = capacity - 1;
        this.capacity = capacity;
        this.releaseEvery = Math.min(RELEASE_EVERY, capacity);
        soProducerLimit(capacity);
        if (spilling) {
            setSpilling();
        }
    }

    /** The slot array, for {@link SpscEventRing}. */
    final Object[] buffer() {
        return buffer;
    }

    @Override
    public int offer(E e) {
        long limit = lvProducerLimit();
        long p;
        long seq;
        do {
            p = lvProducerIndex();
            if ((p & FLAGS) != 0) {
                return (p & CLOSED_FLAG) != 0 ? CLOSED : SPILLING;
            }
            seq = p >>> 2;
            if (seq >= limit) {
                limit = lvConsumerIndex() + capacity;
                if (seq >= limit) {
                    return FULL;
                }
                soProducerLimit(limit);
            }
        } while (!casProducerIndex(p, p + ONE));
        // Release store: the event's fields (written before publish) are visible to the consumer
        // that acquires the reference.
        ELEMENT.setRelease(buffer, (int) (seq & mask), e);
        return OK;
    }

    /**
     * Drains consecutive published elements. The consumer finds them by reading slots, not the
     * producer index, so the producers' CAS line stays in their caches (as in JCTools'
     * {@code relaxedPoll}); it reads the producer index only when a batch hits {@code max}. A
     * slot that is claimed but not yet stored ends the batch: it is picked up next time.
     *
     * <p>Consumed slots are nulled in bulk, just before the consumer index is released (every
     * 64 events and at the end of the batch), not one by one: the consumer then writes to cache
     * lines the producers have finished with, instead of fighting over the line a producer is
     * filling right now. Slot reuse stays safe because a producer cannot claim a slot before
     * the release that follows its nulling.
     */
    @Override
    @SuppressWarnings("unchecked")
    public int drain(RingSubscriber<E> sink, EventHandler<? super E> handler, int max) {
        final Object[] buffer = this.buffer;
        final long mask = this.mask;
        final long c = lpConsumerIndex();
        Object e = ELEMENT.getAcquire(buffer, (int) (c & mask)); // acquire: the event's fields are visible
        if (e == null) {
            return 0;
        }
        long sequence = sink.nextSequence();
        long index = c;
        long released = c;
        int n = 0;
        final int releaseEvery = this.releaseEvery;
        while (true) {
            index++;
            n++;
            if (index - released >= releaseEvery) {
                // Before the look-ahead: a slot consumed in this batch must be nulled before we
                // could read it again one lap later (rings smaller than 64). Also lets a slow
                // handler free slots as it goes. We still hold e, so its slot may be reused.
                release(buffer, mask, released, index);
                released = index;
            }
            Object next = n < max ? ELEMENT.getAcquire(buffer, (int) (index & mask)) : null; // look ahead for endOfBatch
            sink.deliver(handler, (E) e, sequence++, next == null);
            if (next == null) {
                break;
            }
            e = next;
        }
        release(buffer, mask, released, index);
        sink.batchDelivered(n, n == max ? size() : 0);
        return n;
    }

    /** Nulls consumed slots {@code [from, to)} and releases them to producers. Consumer only. */
    final void release(Object[] buffer, long mask, long from, long to) {
        if (from == to) {
            return;
        }
        for (long i = from; i < to; i++) {
            buffer[(int) (i & mask)] = null; // plain: ordered by the release store below
        }
        soConsumerIndex(to); // release: the nulls are visible before producers see the room
    }

    @Override
    public long discard() {
        final long c = lpConsumerIndex();
        final long end = lvProducerIndex() >>> 2;
        for (long seq = c; seq < end; seq++) {
            waitForElement(buffer, (int) (seq & mask));
            ELEMENT.setOpaque(buffer, (int) (seq & mask), null);
        }
        soConsumerIndex(end);
        return end - c;
    }

    /** Waits for a claimed slot's element; bounded by the claiming producer's progress. */
    @SuppressWarnings("unchecked")
    private static <E> E waitForElement(Object[] buffer, int index) {
        Object e;
        int spins = 0;
        while ((e = ELEMENT.getAcquire(buffer, index)) == null) {
            if (++spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield(); // the producer was descheduled between CAS and store: let it run
            }
        }
        return (E) e;
    }

    @Override
    public long produced() {
        return lvProducerIndex() >>> 2;
    }

    @Override
    public long size() {
        // Read consumer first: a later producer read can only make the difference larger, never negative.
        long c = lvConsumerIndex();
        return Math.max(0, (lvProducerIndex() >>> 2) - c);
    }

    @Override
    public boolean drainedAndSpilling() {
        long p = lvProducerIndex(); // one read: the flag and the frozen sequence belong together
        return (p & SPILL_FLAG) != 0 && (p >>> 2) == lpConsumerIndex();
    }

    @Override
    public boolean setSpilling() {
        long p;
        do {
            p = lvProducerIndex();
            if ((p & CLOSED_FLAG) != 0) {
                return false;
            }
            if ((p & SPILL_FLAG) != 0) {
                return true;
            }
        } while (!casProducerIndex(p, p | SPILL_FLAG));
        return true;
    }

    @Override
    public void clearSpilling() {
        long p;
        do {
            p = lvProducerIndex();
        } while ((p & SPILL_FLAG) != 0 && !casProducerIndex(p, p & ~SPILL_FLAG));
    }

    @Override
    public void close() {
        long p;
        do {
            p = lvProducerIndex();
        } while ((p & CLOSED_FLAG) == 0 && !casProducerIndex(p, p | CLOSED_FLAG));
    }

    @Override
    public int capacity() {
        return capacity;
    }
}
