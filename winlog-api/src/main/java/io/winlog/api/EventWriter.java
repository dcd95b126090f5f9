package io.winlog.api;

/**
 * Writes events: to the Windows Event Log ({@code ReportEvent}), to an ETW provider, or to an
 * .evtx file. Implementations are thread-safe unless they say otherwise.
 */
public interface EventWriter extends AutoCloseable {
    /**
     * Writes one event.
     *
     * @throws EventRejectedException when the event cannot be written as given (too long,
     *                                invalid) and the writer's policy is to reject
     * @throws WinlogException        when the destination fails
     */
    void write(EventSpec event);

    /** Makes everything written so far durable or visible; a no-op where writes are immediate. */
    default void flush() {
    }

    /** Flushes and releases the destination. Idempotent. */
    @Override
    void close();
}
