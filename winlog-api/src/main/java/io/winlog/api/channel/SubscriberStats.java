package io.winlog.api.channel;

/**
 * A subscriber's counters, readable at any time from any thread without locks (each is a single
 * volatile read). Counters are monotonic except {@link #lag()}.
 *
 * <p>Accounting: {@code published() == delivered() + dropped() + pending()} holds exactly
 * whenever no publish or delivery is in flight (for example after producers stopped and the
 * subscription was closed or drained); while the channel runs, each counter is individually
 * exact but they are read at slightly different instants.
 *
 * <p>{@link #spilled()} and {@link #replayed()} count journal traffic for
 * {@link BackpressurePolicy#SPILL}: spilled events are still pending until replayed and delivered.
 * Events recovered from a previous process's journal count as {@code replayed} and
 * {@code delivered} but not {@code published} (they were published by that process), see
 * {@link #recovered()}.
 */
public interface SubscriberStats {
    /** Events that passed this subscriber's filters and were offered to it (accepted or dropped). */
    long published();

    /** Events handed to this subscriber's handler (or returned by poll). */
    long delivered();

    /** Events dropped for any reason. */
    long dropped();

    /** Events dropped for one reason. */
    long dropped(DropReason reason);

    /**
     * Events that did not fit in the ring and went to the spill journal only, in this process.
     * (With {@link SpillMode#WRITE_AHEAD} every event is also journaled; only these count here, so
     * that {@code replayed() == spilled()} once the subscriber caught up, in both modes.)
     */
    long spilled();

    /** Events read back from the spill journal and delivered (this run's spills and recovered ones). */
    long replayed();

    /** Unacknowledged events found in the journal when the subscription opened (from an earlier process). */
    long recovered();

    /** Accepted events not yet delivered or dropped: {@code published + recovered - delivered - dropped}. */
    long pending();

    /** The current backlog: events waiting in the ring plus the journal. Same as {@link #pending()} but named for monitoring. */
    default long lag() {
        return pending();
    }

    /**
     * The highest backlog the subscriber observed when it took a batch: the batch plus what was
     * left behind in the ring and the journal. Sampled per batch, so a lower bound of the true peak.
     */
    long highWaterMark();

    /** Handler invocations that threw. */
    long handlerErrors();
}
