package io.winlog.api;

/**
 * Receives batches from an {@link EventSubscription}, on the subscription's delivery thread.
 * A handler that returns without acknowledging leaves the bookmark where it was; one that throws
 * gets the same batch again after the subscription's retry delay.
 */
@FunctionalInterface
public interface EventBatchHandler {
    void onBatch(EventBatch batch) throws Exception;
}
