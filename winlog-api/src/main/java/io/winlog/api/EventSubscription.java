package io.winlog.api;

/**
 * A live subscription to events (wevtapi {@code EvtSubscribe}, or a file being tailed) that
 * pushes batches to an {@link EventBatchHandler}, starting at a {@link StartPosition}, keeping
 * a {@link Bookmark} in a {@link BookmarkStore}: at-least-once, resumable, and self-healing
 * (it resubscribes after errors and recovers from a stale bookmark by its policy).
 */
public interface EventSubscription extends AutoCloseable {
    /** The bookmark of the last acknowledged batch (empty before the first). */
    Bookmark acknowledged();

    /** True while the subscription is delivering. */
    boolean isRunning();

    /** Stops delivery and releases the subscription; unacknowledged events will be redelivered next time. */
    @Override
    void close();
}
