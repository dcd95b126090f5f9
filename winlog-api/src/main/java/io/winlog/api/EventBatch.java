package io.winlog.api;

import io.winlog.api.event.EventRecord;
import java.util.List;

/**
 * Events a subscription delivers together, and the bookmark that covers them. The subscription
 * advances (and persists) its bookmark only when the batch is acknowledged, so a crash before
 * {@link #acknowledge()} redelivers the batch: at-least-once.
 */
public interface EventBatch {
    /** The events, in log order. */
    List<EventRecord> events();

    /** The bookmark just after the last event of this batch. */
    Bookmark bookmark();

    /** Marks the batch handled: the subscription's bookmark moves to {@link #bookmark()}. */
    void acknowledge();
}
