package io.winlog.api.channel;

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
 * <p>The element is stored before the producer index is published (the Disruptor's order), so
 * the consumer reads the producer index once per batch and then the slots plainly; discard, size
 * and slot release are inherited.
 *
 * @param <E> the element type
 */
final class SpscEventRing<E> extends MpscEventRing<E> {
    private final Object[] buffer;
    private final long mask;
    private final int capacity;
    private final int releaseEvery;
    /** Producer only: consumer index + capacity as last read; re-read only when reached. */
    private long producerLimit;
    private volatile boolean closed;

    SpscEventRing(int capacity) {
        super(capacity, false);
        this.buffer = buffer();
        this.mask = capacity - 1;
        this.capacity = capacity;
        // Release in chunks of 1/8 ring (at least 64): a producer waiting on a full ring then
        // resumes with a chunk of room instead of chasing the consumer 64 slots at a time, which
        // made both sides bounce the slot and index lines on every chunk (measured 1->1 YIELDING).
        this.releaseEvery = Math.min(capacity, Math.max(RELEASE_EVERY, capacity >> 3));
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
        // Store, then publish (the Disruptor's order): the release store of the index makes the
        // element, and the event's fields, visible to a consumer that acquires the index. No fence.
        buffer[(int) (seq & mask)] = e;
        soProducerIndex(p + ONE);
        return OK;
    }

    /**
     * Drains like the Disruptor's batch processor: one acquire load of the producer index per
     * batch says how many elements are there (every published index has its element), then plain
     * slot reads, with no per-slot null check or look-ahead. Slots are nulled and released in
     * bulk every {@code releaseEvery} events (1/8 of the ring, at least 64) and at the end.
     */
    @Override
    @SuppressWarnings("unchecked")
    public int drain(RingSubscriber<E> sink, EventHandler<? super E> handler, int max) {
        final Object[] buffer = this.buffer;
        final long mask = this.mask;
        final long c = lpConsumerIndex();
        final long available = (lvProducerIndex() >>> 2) - c; // acquire: the elements before it are visible
        if (available <= 0) {
            return 0;
        }
        final int n = (int) Math.min(available, max);
        final long end = c + n;
        final int releaseEvery = this.releaseEvery;
        long sequence = sink.nextSequence();
        long released = c;
        long i = c;
        while (i < end) {
            E e = (E) buffer[(int) (i & mask)];
            i++;
            sink.deliver(handler, e, sequence++, i == end);
            if (i - released >= releaseEvery) {
                release(buffer, mask, released, i); // lets a slow handler free slots as it goes
                released = i;
            }
        }
        release(buffer, mask, released, end);
        sink.batchDelivered(n, n == max ? size() : 0);
        return n;
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
