package io.winlog.slf4j.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded, lock-free, multi-producer single-consumer ring of pre-allocated {@link LogSlot}s
 * (D. Vyukov's bounded queue: each slot carries a sequence that says whose turn it is).
 * No allocation after construction.
 *
 * <p>Slot {@code i} is free for producer position {@code p} when its sequence equals {@code p};
 * a producer CASes the producer index from {@code p} to {@code p + 1}, fills the slot and
 * stores sequence {@code p + 1} (published). The consumer at position {@code c} reads the slot
 * when its sequence is {@code c + 1} and releases it with sequence {@code c + capacity}.
 * The publish store is volatile so that a consumer about to park cannot miss it (see
 * {@link EventPipeline}).
 */
public final class MpscSlotRing extends MpscSlotRingProducerIndex implements HandOff {
    private final LogSlot[] slots;
    private final int mask;
    // consumer-owned; padded away from the producer index by the superclass fields
    private long consumerIndex;
    private volatile long releasedIndex;

    /** @param capacity rounded up to a power of two, at least 2 */
    public MpscSlotRing(int capacity) {
        if (capacity < 2 || capacity > (1 << 30)) {
            throw new IllegalArgumentException("queue capacity must be 2..2^30, not " + capacity);
        }
        int cap = Integer.highestOneBit(capacity - 1) << 1;
        slots = new LogSlot[cap];
        for (int i = 0; i < cap; i++) {
            slots[i] = new LogSlot(i, true);
        }
        mask = cap - 1;
    }

    @Override
    public LogSlot tryClaim() {
        while (true) {
            long p = lvProducerIndex();
            LogSlot s = slots[(int) (p & mask)];
            long diff = s.lvSequence() - p;
            if (diff == 0) {
                if (casProducerIndex(p, p + 1)) {
                    s.claimed = p;
                    return s;
                }
            } else if (diff < 0) {
                return null; // full: the slot still holds an event from one lap ago
            }
            // diff > 0: another producer took p; reload and retry
            Thread.onSpinWait();
        }
    }

    @Override
    public boolean publish(LogSlot slot) {
        slot.svSequence(slot.claimed + 1);
        return true;
    }

    @Override
    public LogSlot peek() {
        long c = consumerIndex;
        LogSlot s = slots[(int) (c & mask)];
        return s.lvSequence() == c + 1 ? s : null;
    }

    @Override
    public void release(LogSlot slot) {
        long c = consumerIndex;
        slot.clear();
        slot.soSequence(c + slots.length);
        consumerIndex = c + 1;
        releasedIndex = c + 1;
    }

    @Override
    public long claimedCount() {
        return lvProducerIndex();
    }

    @Override
    public long releasedCount() {
        return releasedIndex;
    }

    @Override
    public int capacity() {
        return slots.length;
    }
}

/** Padding before the producer index (cache-line isolation, JCTools style). */
abstract class MpscSlotRingPad0 {
    long p00, p01, p02, p03, p04, p05, p06, p07;
    long p10, p11, p12, p13, p14, p15, p16;
}

/** The contended producer index, with CAS. */
abstract class MpscSlotRingProducerIndex extends MpscSlotRingPad0 {
    private static final VarHandle PRODUCER_INDEX;

    static {
        try {
            PRODUCER_INDEX = MethodHandles.lookup().findVarHandle(MpscSlotRingProducerIndex.class, "producerIndex",
                    long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through PRODUCER_INDEX
    private volatile long producerIndex;
    long p20, p21, p22, p23, p24, p25, p26, p27;
    long p30, p31, p32, p33, p34, p35, p36;

    final long lvProducerIndex() {
        return producerIndex;
    }

    final boolean casProducerIndex(long expect, long update) {
        return PRODUCER_INDEX.compareAndSet(this, expect, update);
    }
}
