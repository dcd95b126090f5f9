package io.winlog.api.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The single-producer variant of {@link MpscEventRing}, used by channels built with
 * {@link EventChannelBuilder#singleProducer()} for {@link BackpressurePolicy#BLOCK} and
 * {@link BackpressurePolicy#DROP_NEWEST} subscribers (like the Disruptor's
 * {@code ProducerType.SINGLE}).
 *
 * <p>The one producer claims a slot with a plain ordered store of the producer index instead of
 * a CAS, and keeps its cached producer limit in a plain field. Because no CAS carries the closed
 * flag, the flag lives in its own volatile field, read by the producer before it claims: a
 * {@link #close()} that races with an offer may therefore let that one offer land after the
 * consumer's final drain (it stays counted in {@code published} and {@code pending}). That is
 * the documented contract of {@code singleProducer()}: close the channel or a subscription only
 * when no publish is running (from the producer thread, or after it stopped). The spill flag is
 * never used: SPILL subscribers keep the CAS ring, whose flag changes need it.
 *
 * <p>The consumer side (drain, release, discard, size) is inherited unchanged.
 *
 * @param <E> the element type
 */
final class SpscEventRing<E> extends MpscEventRing<E> {
    private static final VarHandle ELEMENT = MethodHandles.arrayElementVarHandle(Object[].class);

    private final Object[] buffer;
    private final long mask;
    private final int capacity;
    /** Producer only: consumer index + capacity as last read; re-read only when reached. */
    private long producerLimit;
    private volatile boolean closed;

    SpscEventRing(int capacity) {
        super(capacity, false);
        this.buffer = buffer();
        this.mask = capacity - 1;
        this.capacity = capacity;
        this.producerLimit = capacity;
    }

    @Override
    public int offer(E e) {
        if (closed) {
            return CLOSED;
        }
        final long p = lpProducerIndex(); // only this producer writes it
        final long seq = p >>> 2;
        if (seq >= producerLimit) {
            long limit = lvConsumerIndex() + capacity;
            if (seq >= limit) {
                return FULL;
            }
            producerLimit = limit;
        }
        // Claim, then store: as in the MPSC ring, a claimed slot is null until its element lands,
        // so size() covers it and the consumer stops at it. Both are release stores (no fence).
        soProducerIndex(p + ONE);
        ELEMENT.setRelease(buffer, (int) (seq & mask), e);
        return OK;
    }

    @Override
    public boolean setSpilling() {
        throw new UnsupportedOperationException("single-producer rings do not spill");
    }

    @Override
    public void close() {
        closed = true;
    }
}
