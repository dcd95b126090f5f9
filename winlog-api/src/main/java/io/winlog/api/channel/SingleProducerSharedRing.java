package io.winlog.api.channel;

/**
 * The shared ring's producer side for one producer thread ({@link EventChannelBuilder#singleProducer()},
 * the Disruptor's {@code ProducerType.SINGLE}): the cursor is the count of published sequences,
 * claimed with a plain read (only this producer writes it) and published with an ordered store
 * after the slot's stores; no CAS, no per-slot flags. The gating limit is producer-private.
 *
 * <p>The closed flag is a separate volatile field read before the claim, so (as for
 * {@link SpscEventRing}) a close racing a publish may let that one event land after a
 * subscriber's final drain: the builder's contract is to close only when no publish is running.
 */
final class SingleProducerSharedRing extends SharedRing {
    private volatile boolean closed;

    SingleProducerSharedRing(int capacity) {
        super(capacity);
    }

    @Override
    long tryClaim() {
        if (closed) {
            return CLOSED;
        }
        long seq = lpCursor();
        if (seq >= lpGatingLimit()) {
            long limit = minimumGating(seq) + capacity;
            if (seq >= limit) {
                return FULL;
            }
            soGatingLimit(limit);
        }
        return seq;
    }

    @Override
    void publish(long sequence) {
        soCursor(sequence + 1); // release: the event and topic stores are visible before the cursor
    }

    @Override
    long lvClaimed() {
        return lvCursor();
    }

    @Override
    long availableEnd(long next) {
        return lvCursor(); // acquire: every slot below it is fully stored
    }

    @Override
    long close() {
        closed = true;
        return lvCursor();
    }
}
