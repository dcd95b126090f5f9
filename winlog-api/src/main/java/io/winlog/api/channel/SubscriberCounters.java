package io.winlog.api.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The lock-free counters behind {@link SubscriberStats}.
 *
 * <p>Nothing here is touched per event by producers: "published" is derived from the ring's
 * producer index plus the slow-path counters, so the hot path pays no extra atomic. Counters with
 * one writer (the consumer, or the spill lock holder) use plain increments published with release
 * stores; drop counters (many producers, slow path only) use atomic adds, spread over separate
 * cache lines.
 */
final class SubscriberCounters implements SubscriberStats {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    /** 16 longs = 128 bytes between drop counters, so producers dropping for different reasons do not share a line. */
    private static final int STRIDE = 16;
    private static final DropReason[] REASONS = DropReason.values();

    private final EventRing<?> ring;
    /**
     * Per-reason drop counters at {@code (ordinal + 1) * STRIDE}; slot 0 counts events discarded
     * from the ring on close, reported as {@link DropReason#CLOSED} but, unlike a refused offer,
     * already counted in the ring's produced sequence.
     */
    private final long[] drops = new long[(REASONS.length + 1) * STRIDE];

    // Single-writer counters. Written by the consumer thread (or under the spill lock) with
    // release stores, read by anyone with volatile loads.
    private volatile long delivered;
    private volatile long replayed;
    private volatile long spilled;
    private volatile long recovered;
    private volatile long highWaterMark;
    private volatile long handlerErrors;
    private volatile long journalBacklog;

    private static final VarHandle DELIVERED;
    private static final VarHandle REPLAYED;
    private static final VarHandle SPILLED;
    private static final VarHandle HWM;
    private static final VarHandle ERRORS;
    private static final VarHandle BACKLOG;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            DELIVERED = l.findVarHandle(SubscriberCounters.class, "delivered", long.class);
            REPLAYED = l.findVarHandle(SubscriberCounters.class, "replayed", long.class);
            SPILLED = l.findVarHandle(SubscriberCounters.class, "spilled", long.class);
            HWM = l.findVarHandle(SubscriberCounters.class, "highWaterMark", long.class);
            ERRORS = l.findVarHandle(SubscriberCounters.class, "handlerErrors", long.class);
            BACKLOG = l.findVarHandle(SubscriberCounters.class, "journalBacklog", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    SubscriberCounters(EventRing<?> ring, long recovered) {
        this.ring = ring;
        this.recovered = recovered;
        this.journalBacklog = recovered;
    }

    // --- writers -----------------------------------------------------------------------------

    /** Any thread: one event dropped. */
    void drop(DropReason reason) {
        drop(reason, 1);
    }

    /** Any thread: {@code n} events dropped. */
    void drop(DropReason reason, long n) {
        LONGS.getAndAdd(drops, (reason.ordinal() + 1) * STRIDE, n);
    }

    /** Consumer: {@code n} events that were in the ring were discarded by a non-draining close. */
    void discardedOnClose(long n) {
        LONGS.getAndAdd(drops, 0, n);
    }

    /** Consumer only: {@code n} more events delivered (once per batch, not per event). */
    void addDelivered(long n) {
        DELIVERED.setRelease(this, (long) DELIVERED.getOpaque(this) + n);
    }

    /** Consumer only: the current delivery sequence (events delivered so far). */
    long lpDelivered() {
        return (long) DELIVERED.getOpaque(this);
    }

    /** Consumer only: one event read back from the journal (about to be delivered). */
    void incrementReplayed() {
        REPLAYED.setRelease(this, (long) REPLAYED.getOpaque(this) + 1);
        BACKLOG.setRelease(this, (long) BACKLOG.getOpaque(this) - 1); // see incrementSpilled: same lock-free writer pair
    }

    /** Spill lock holder only: one event appended to the journal. */
    void incrementSpilled() {
        SPILLED.setRelease(this, (long) SPILLED.getOpaque(this) + 1);
        BACKLOG.getAndAdd(this, 1L); // consumer decrements concurrently: must be atomic
    }

    /** Consumer: a journal record that could not be decoded was skipped. */
    void journalRecordLost() {
        BACKLOG.getAndAdd(this, -1L);
        drop(DropReason.JOURNAL_CORRUPT);
    }

    /** Consumer only: a handler threw. */
    void incrementHandlerErrors() {
        ERRORS.setRelease(this, (long) ERRORS.getOpaque(this) + 1);
    }

    /** Consumer only: records the backlog seen at the start of a batch. */
    void observeBacklog(long backlog) {
        if (backlog > (long) HWM.getOpaque(this)) {
            HWM.setRelease(this, backlog);
        }
    }

    /** The journal's unread record count, as maintained by spill and replay. */
    long journalBacklog() {
        return journalBacklog;
    }

    // --- SubscriberStats ---------------------------------------------------------------------

    @Override
    public long published() {
        long p = ring.produced() + spilled;
        for (DropReason r : REASONS) {
            // Evicted events were in the ring (counted in produced()); corrupt journal records were
            // spilled or recovered (counted there): neither is a new publish.
            if (r != DropReason.EVICTED && r != DropReason.JOURNAL_CORRUPT) {
                p += refusedAtOffer(r);
            }
        }
        return p;
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
        long n = (long) LONGS.getVolatile(drops, (reason.ordinal() + 1) * STRIDE);
        return reason == DropReason.CLOSED ? n + (long) LONGS.getVolatile(drops, 0) : n;
    }

    /** Drops of events that were refused at offer time (so not in the ring's produced count). */
    private long refusedAtOffer(DropReason reason) {
        return (long) LONGS.getVolatile(drops, (reason.ordinal() + 1) * STRIDE);
    }

    @Override
    public long spilled() {
        return spilled;
    }

    @Override
    public long replayed() {
        return replayed;
    }

    @Override
    public long recovered() {
        return recovered;
    }

    @Override
    public long pending() {
        // Read "out" counters first so concurrent progress can only overstate pending, never make it negative.
        long out = delivered() + dropped();
        return Math.max(0, published() + recovered - out);
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
        return "published=" + published() + " delivered=" + delivered() + " dropped=" + dropped() + " spilled=" + spilled()
                + " replayed=" + replayed() + " recovered=" + recovered + " pending=" + pending() + " hwm=" + highWaterMark();
    }
}
