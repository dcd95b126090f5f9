package io.winlog.jna.engine;

import io.winlog.jna.codec.PreparedReportEvent;

/**
 * The three advapi32 calls the writer needs, in Java terms, so the engine's control flow runs
 * on any OS against a scripted implementation. The Windows implementation is
 * {@code io.winlog.jna.JnaReportEventApi}; tests use a recording one.
 *
 * <p>Implementations are thread-safe. Errors are returned, not thrown: a handle of 0 or a
 * {@code false} result, with the Win32 error in {@link #lastError()} of the same thread.
 */
public interface ReportEventApi {
    /**
     * RegisterEventSourceW.
     *
     * @param server UTF-16LE NUL-terminated UNC server name, or null for the local machine
     * @param source UTF-16LE NUL-terminated source name
     * @return an opaque non-zero handle, or 0 on failure
     */
    long registerEventSource(byte[] server, byte[] source);

    /** ReportEventW with the prepared arguments; false on failure. */
    boolean reportEvent(long handle, PreparedReportEvent event);

    /** DeregisterEventSource; false on failure. */
    boolean deregisterEventSource(long handle);

    /** The Win32 error of this thread's last failed call. */
    int lastError();
}
