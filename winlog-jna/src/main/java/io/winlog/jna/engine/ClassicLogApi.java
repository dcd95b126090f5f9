package io.winlog.jna.engine;

/**
 * The classic event log read calls ({@code OpenEventLogW}, {@code ReadEventLogW},
 * {@code GetOldestEventLogRecord}, {@code GetNumberOfEventLogRecords}, {@code CloseEventLog}) as
 * the engine needs them: handles as {@code long}, buffers as {@code byte[]}, and the Win32 error
 * of every call returned with its result (no thread-local {@code GetLastError} to forget).
 *
 * <p>Implemented over advapi32 by {@code io.winlog.jna.JnaClassicLogApi} and by a scripted log in
 * the tests, so {@link ClassicLogSession}'s control flow runs on any OS. An implementation need
 * not be thread-safe: one session uses it from one thread.
 */
public interface ClassicLogApi {
    /** The largest buffer {@code ReadEventLog} accepts (documented limit, 0x7FFFF bytes). */
    int MAX_READ_BYTES = 0x7FFFF;

    /**
     * {@code OpenEventLogW(server, log)}.
     *
     * @param server UNC name of a remote server, or null for the local machine
     * @return the handle in {@link Result#value()}, or the Win32 error
     */
    Result open(String server, String log);

    /**
     * {@code ReadEventLogW(handle, flags, recordNumber, buffer, buffer.length, ...)}: fills
     * {@code buffer} with whole {@code EVENTLOGRECORD}s.
     *
     * @param flags        {@code EVENTLOG_SEQUENTIAL_READ} or {@code EVENTLOG_SEEK_READ}, or-ed
     *                     with {@code EVENTLOG_FORWARDS_READ} or {@code EVENTLOG_BACKWARDS_READ}
     * @param recordNumber the record to seek to (ignored by sequential reads)
     */
    ReadResult read(long handle, int flags, long recordNumber, byte[] buffer);

    /** {@code GetOldestEventLogRecord}: the record number of the oldest record. */
    Result oldest(long handle);

    /** {@code GetNumberOfEventLogRecords}: how many records the log holds. */
    Result count(long handle);

    /** {@code CloseEventLog}; never throws. */
    void close(long handle);

    /**
     * A call's outcome: {@code value} when {@code error} is 0 (ERROR_SUCCESS), else the Win32 error.
     *
     * @param value the handle or number the call returned
     * @param error the Win32 error code, 0 on success
     */
    record Result(long value, int error) {
        public static Result ok(long value) {
            return new Result(value, 0);
        }

        public static Result failed(int error) {
            return new Result(0, error);
        }

        public boolean succeeded() {
            return error == 0;
        }
    }

    /**
     * {@code ReadEventLogW}'s outcome.
     *
     * @param bytesRead   bytes of whole records written to the buffer (0 on failure)
     * @param bytesNeeded with {@code ERROR_INSUFFICIENT_BUFFER}, the size the next record needs
     * @param error       the Win32 error code, 0 on success
     */
    record ReadResult(int bytesRead, int bytesNeeded, int error) {
        public static ReadResult ok(int bytesRead) {
            return new ReadResult(bytesRead, 0, 0);
        }

        public static ReadResult failed(int error, int bytesNeeded) {
            return new ReadResult(0, bytesNeeded, error);
        }
    }
}
