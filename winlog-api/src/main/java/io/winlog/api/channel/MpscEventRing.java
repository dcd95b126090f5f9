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
 * semantics; the consumer reads elements with acquire semantics, nulls the slot and publishes its
 * index once per batch. A claimed slot that is still null is a producer between its CAS and its
 * store: the consumer waits for it (a few nanoseconds unless that producer was descheduled).
 *
 * @param <E> the element type
 */
final class MpscEventRing<E> extends MpscRingPad3 implements EventRing<E> {
    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Object[].class);

    private final Object[] buffer;
    private final long mask;
    private final int capacity;

    MpscEventRing(int capacity, boolean spilling) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        this.buffer = new Object[capacity];
        this.mask = capacity - 1;
        this.capacity = capacity;
        soProducerLimit(capacity);
        if (spilling) {
            setSpilling();
        }
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

    @Override
    public int drain(RingSubscriber<E> sink, EventHandler<? super E> handler, int max) {
        final long c = lpConsumerIndex();
        final long available = (lvProducerIndex() >>> 2) - c;
        if (available <= 0) {
            return 0;
        }
        final int n = (int) Math.min(available, max);
        final long end = c + n;
        final Object[] buffer = this.buffer;
        for (long seq = c; seq < end; seq++) {
            E e = waitForElement(buffer, (int) (seq & mask));
            ELEMENT.setOpaque(buffer, (int) (seq & mask), null); // ordered before the index release below
            sink.deliver(handler, e, seq == end - 1);
        }
        soConsumerIndex(end);
        return n;
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
