package io.winlog.api.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The shared ring's producer side for many producer threads, after the Disruptor's
 * {@code MultiProducerSequencer}: a producer checks room against the cached gating limit, claims
 * the next sequence with a CAS on the cursor, stores its slot, then marks the slot available by
 * writing the slot's <i>round</i> ({@code sequence / capacity}) into a per-slot flag with release
 * semantics. Consumers read the cursor to learn what was claimed and then the flags, in order, to
 * find how far the slots are published (a producer that claimed but has not stored yet ends the
 * run; the next batch picks it up). The round number tells this lap's slot from the previous
 * lap's without ever clearing flags.
 *
 * <p>The cursor is {@code claimed << 1 | closed}: a claim and the closed state change in one CAS,
 * so after {@link #close()} no claim can succeed and the count it returns covers every accepted
 * event (close never strands one). Claiming checks room first and CASes second (the Disruptor's
 * {@code tryNext}), so a producer that gives up (timeout, {@code tryPublish}) never holds a slot.
 */
final class MultiProducerSharedRing extends SharedRing {
    private static final VarHandle AVAILABLE = MethodHandles.arrayElementVarHandle(int[].class);
    private static final long CLOSED_FLAG = 1L;

    /** Per slot: the round of the sequence last published there (-1: never). */
    private final int[] available;
    private final int shift;

    MultiProducerSharedRing(int capacity) {
        super(capacity);
        this.available = new int[capacity];
        Arrays.fill(available, -1);
        this.shift = Integer.numberOfTrailingZeros(capacity);
    }

    @Override
    long tryClaim() {
        while (true) {
            long c = lvCursor();
            if ((c & CLOSED_FLAG) != 0) {
                return CLOSED;
            }
            long seq = c >>> 1;
            if (seq >= lvGatingLimit()) {
                long limit = minimumGating(seq) + capacity;
                if (seq >= limit) {
                    return FULL;
                }
                soGatingLimit(limit);
            }
            if (casCursor(c, c + 2)) {
                return seq;
            }
        }
    }

    @Override
    void publish(long sequence) {
        // Release: the slot's event and topic stores are visible before its flag says "this round".
        AVAILABLE.setRelease(available, (int) (sequence & mask), (int) (sequence >>> shift));
    }

    @Override
    long lvClaimed() {
        return lvCursor() >>> 1;
    }

    @Override
    long availableEnd(long next) {
        final long claimed = lvClaimed();
        final int[] available = this.available;
        long s = next;
        // Acquire per flag: the slot's stores are visible once its flag shows this round.
        while (s < claimed && (int) AVAILABLE.getAcquire(available, (int) (s & mask)) == (int) (s >>> shift)) {
            s++;
        }
        return s;
    }

    @Override
    long close() {
        while (true) {
            long c = lvCursor();
            if ((c & CLOSED_FLAG) != 0 || casCursor(c, c | CLOSED_FLAG)) {
                return c >>> 1;
            }
        }
    }
}
