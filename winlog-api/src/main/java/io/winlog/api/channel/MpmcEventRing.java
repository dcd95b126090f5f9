package io.winlog.api.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Padding. */
abstract class MpmcRingPad0 {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;
}

/** Producer index (CAS by producers; carries the closed flag), alone on its cache line. */
abstract class MpmcRingProducerIndex extends MpmcRingPad0 {
    static final VarHandle P_INDEX;

    static {
        try {
            P_INDEX = MethodHandles.lookup().findVarHandle(MpmcRingProducerIndex.class, "producerIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long producerIndex;

    final long lvProducerIndex() {
        return producerIndex;
    }

    final boolean casProducerIndex(long expect, long update) {
        return P_INDEX.compareAndSet(this, expect, update);
    }
}

/** Padding. */
abstract class MpmcRingPad1 extends MpmcRingProducerIndex {
    long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;
}

/** Consumer index (CAS by the consumer and by producers evicting the oldest), alone on its cache line. */
abstract class MpmcRingConsumerIndex extends MpmcRingPad1 {
    static final VarHandle C_INDEX;

    static {
        try {
            C_INDEX = MethodHandles.lookup().findVarHandle(MpmcRingConsumerIndex.class, "consumerIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long consumerIndex;

    final long lvConsumerIndex() {
        return consumerIndex;
    }

    final boolean casConsumerIndex(long expect, long update) {
        return C_INDEX.compareAndSet(this, expect, update);
    }
}

/** Padding. */
abstract class MpmcRingPad2 extends MpmcRingConsumerIndex {
    long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;
}

/**
 * Multi-producer multi-consumer bounded ring (Dmitry Vyukov's design, as JCTools'
 * {@code MpmcArrayQueue}) used for {@link BackpressurePolicy#DROP_OLDEST}: a producer that finds
 * the ring full takes the oldest element itself (a second "consumer") and retries, so the ring
 * always holds the newest {@code capacity} events and the producer never waits for the
 * subscriber.
 *
 * <p>Each slot has a sequence number: {@code seq == s} means "free for the producer of sequence
 * {@code s}", {@code seq == s + 1} means "holds the element of sequence {@code s}". Producers and
 * consumers claim by CAS on their index, then hand the slot over with a release store of its
 * sequence, which also publishes the element.
 *
 * @param <E> the element type
 */
final class MpmcEventRing<E> extends MpmcRingPad2 implements EventRing<E> {
    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(long[].class);

    private final Object[] buffer;
    private final long[] sequences;
    private final long mask;
    private final int capacity;

    MpmcEventRing(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        this.buffer = new Object[capacity];
        this.sequences = new long[capacity];
        for (int i = 0; i < capacity; i++) {
            sequences[i] = i;
        }
        this.mask = capacity - 1;
        this.capacity = capacity;
        VarHandle.releaseFence(); // publish the initialised sequences before the ring is shared
    }

    @Override
    public int offer(E e) {
        long p;
        long seq;
        int index;
        while (true) {
            p = lvProducerIndex();
            if ((p & CLOSED_FLAG) != 0) {
                return CLOSED;
            }
            seq = p >>> 2;
            index = (int) (seq & mask);
            long slotSeq = (long) SEQUENCE.getAcquire(sequences, index);
            if (slotSeq < seq) {
                return FULL; // the slot still holds sequence seq - capacity
            }
            if (slotSeq == seq && casProducerIndex(p, p + ONE)) {
                break;
            }
            // another producer claimed seq first, or the index moved: reload
        }
        buffer[index] = e; // plain: published by the sequence release below
        SEQUENCE.setRelease(sequences, index, seq + 1); // release: element before "full" mark
        return OK;
    }

    /** Takes the oldest element, or null if the ring is empty. Safe from any thread. */
    E poll() {
        while (true) {
            long c = lvConsumerIndex();
            int index = (int) (c & mask);
            long slotSeq = (long) SEQUENCE.getAcquire(sequences, index);
            if (slotSeq < c + 1) {
                if (c >= (lvProducerIndex() >>> 2)) {
                    return null; // empty
                }
                Thread.onSpinWait(); // claimed by a producer that has not stored yet
                continue;
            }
            if (slotSeq == c + 1 && casConsumerIndex(c, c + 1)) {
                @SuppressWarnings("unchecked")
                E e = (E) buffer[index]; // ordered by the acquire of slotSeq
                buffer[index] = null; // plain: published by the sequence release below
                SEQUENCE.setRelease(sequences, index, c + capacity); // hand the slot to producer c + capacity
                return e;
            }
        }
    }

    @Override
    public int drain(RingSubscriber<E> sink, EventHandler<? super E> handler, int max) {
        E e = poll();
        if (e == null) {
            return 0;
        }
        int n = 0;
        while (true) {
            E next = ++n < max ? poll() : null; // look ahead one to know the end of the batch
            sink.deliver(handler, e, next == null);
            if (next == null) {
                return n;
            }
            e = next;
        }
    }

    @Override
    public long discard() {
        long n = 0;
        while (poll() != null) {
            n++;
        }
        return n;
    }

    @Override
    public long produced() {
        return lvProducerIndex() >>> 2;
    }

    @Override
    public long size() {
        long c = lvConsumerIndex();
        return Math.max(0, (lvProducerIndex() >>> 2) - c);
    }

    @Override
    public boolean drainedAndSpilling() {
        return false;
    }

    @Override
    public boolean setSpilling() {
        throw new UnsupportedOperationException("DROP_OLDEST rings never spill");
    }

    @Override
    public void clearSpilling() {
        // never spilling
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
