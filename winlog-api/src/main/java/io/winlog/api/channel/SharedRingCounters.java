package io.winlog.api.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The {@link SubscriberStats} of a shared-ring subscriber.
 *
 * <p>Producers write nothing per event: in a shared ring the subscriber itself decides which
 * events match it (topic flag and predicate, evaluated when it reaches them), so it counts them.
 * {@code published} = delivered + dropped: every matching event the subscriber reached was
 * delivered (a handler that throws still had it), and the only drops are publishes refused for
 * all matching subscribers ({@link DropReason#WOULD_BLOCK}, {@link DropReason#BLOCK_TIMEOUT}),
 * counted by the refused producer on its slow path. {@code pending} / {@code lag} are the ring
 * slots the subscriber has not reached yet: whether they match is only known when it reaches
 * them, so while the channel runs they are an upper bound of the matching backlog; once the
 * subscriber has caught up (or closed) pending is 0 and
 * {@code published == delivered + dropped + pending} holds exactly.
 */
final class SharedRingCounters implements SubscriberStats {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    /** 16 longs = 128 bytes between drop counters (producers on their slow path). */
    private static final int STRIDE = 16;
    private static final DropReason[] REASONS = DropReason.values();
    private static final VarHandle DELIVERED;
    private static final VarHandle HWM;
    private static final VarHandle ERRORS;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            DELIVERED = l.findVarHandle(SharedRingCounters.class, "delivered", long.class);
            HWM = l.findVarHandle(SharedRingCounters.class, "highWaterMark", long.class);
            ERRORS = l.findVarHandle(SharedRingCounters.class, "handlerErrors", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final SharedRingSubscriber<?> subscriber;
    private final long[] drops = new long[REASONS.length * STRIDE];
    // Single writer (the consumer), release stores, volatile reads.
    private volatile long delivered;
    private volatile long highWaterMark;
    private volatile long handlerErrors;

    SharedRingCounters(SharedRingSubscriber<?> subscriber) {
        this.subscriber = subscriber;
    }

    /** Any thread (producer slow path): one event refused. */
    void drop(DropReason reason) {
        LONGS.getAndAdd(drops, reason.ordinal() * STRIDE, 1L);
    }

    /** Consumer only: {@code n} more delivered (once per batch). */
    void addDelivered(long n) {
        DELIVERED.setRelease(this, (long) DELIVERED.getOpaque(this) + n);
    }

    /** Consumer only: the delivery sequence of the next event. */
    long lpDelivered() {
        return (long) DELIVERED.getOpaque(this);
    }

    /** Consumer only. */
    void incrementHandlerErrors() {
        ERRORS.setRelease(this, (long) ERRORS.getOpaque(this) + 1);
    }

    /** Consumer only: the slots available at the start of a batch. */
    void observeBacklog(long backlog) {
        if (backlog > (long) HWM.getOpaque(this)) {
            HWM.setRelease(this, backlog);
        }
    }

    @Override
    public long published() {
        return delivered() + dropped();
    }

    @Override
    public long delivered() {
        return delivered;
    }

    @Override
    public long dropped() {
        long sum = 0;
        for (DropReason r : REASONS) {
            sum += dropped(r);
        }
        return sum;
    }

    @Override
    public long dropped(DropReason reason) {
        return (long) LONGS.getVolatile(drops, reason.ordinal() * STRIDE);
    }

    @Override
    public long spilled() {
        return 0;
    }

    @Override
    public long replayed() {
        return 0;
    }

    @Override
    public long recovered() {
        return 0;
    }

    @Override
    public long pending() {
        return subscriber.unreached();
    }

    @Override
    public long highWaterMark() {
        return highWaterMark;
    }

    @Override
    public long handlerErrors() {
        return handlerErrors;
    }

    @Override
    public String toString() {
        return "published=" + published() + " delivered=" + delivered() + " dropped=" + dropped() + " pending=" + pending()
                + " hwm=" + highWaterMark();
    }
}
