package io.winlog.api.channel;

/**
 * What a {@link BackpressurePolicy#SPILL} subscriber writes to its journal, and so what survives
 * a process kill. Chosen with {@link SubscriberConfig.Builder#spillMode(SpillMode)}.
 *
 * <table>
 * <caption>What each mode guarantees after a kill</caption>
 * <tr><th>mode</th><th>journal holds</th><th>after a kill and restart</th><th>publish cost</th></tr>
 * <tr><td>{@link #WRITE_AHEAD}</td><td>every accepted event</td><td>every event whose publish returned
 * true and that was not acknowledged is replayed</td><td>serialize + lock + one {@code write} (+ {@code fsync}
 * with {@code spillSync})</td></tr>
 * <tr><td>{@link #OVERFLOW}</td><td>only the events that did not fit in the ring</td><td>the unacknowledged
 * spilled events are replayed; events that were in the in-memory ring are lost</td><td>the lock-free ring
 * (disk only when full)</td></tr>
 * </table>
 *
 * <p>"Acknowledged" means the same in both modes: the handler returned from the last event of
 * the batch (or {@link Subscription#poll} returned) and the consumer then wrote the journal's
 * read position. A kill between those two steps redelivers that batch (at most
 * {@link SubscriberConfig.Builder#maxBatch maxBatch} events): at-least-once.
 */
public enum SpillMode {
    /**
     * Write-ahead log: every event is appended to the journal before {@code publish} returns
     * true; the ring only caches it for fast delivery. Nothing unacknowledged is lost on a
     * process kill (and, with {@code spillSync(true)}, on power loss). The default.
     */
    WRITE_AHEAD,
    /**
     * Overflow only: events go through the lock-free ring and only a full ring's overflow is
     * appended to the journal. Bounds memory at ring speed, but a kill loses what was in the
     * ring (up to {@code capacity} events).
     */
    OVERFLOW
}
