package io.winlog.api;

/**
 * Bytes that do not form what they claim to (a damaged .evtx chunk, a truncated record, a bad
 * offset). {@link #offset()} is the byte offset in the file or buffer where the problem was
 * found, or -1 when unknown. Readers in lenient mode report these as diagnostics and go on;
 * strict mode throws them.
 */
public class CorruptInputException extends WinlogException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public CorruptInputException(String message, long offset) {
        this(message, offset, null);
    }

    public CorruptInputException(String message, long offset, Throwable cause) {
        super(offset >= 0 ? message + " at offset " + offset + " (0x" + Long.toHexString(offset) + ")" : message, 0, cause);
        this.offset = offset;
    }

    /** Byte offset of the problem, or -1. */
    public long offset() {
        return offset;
    }
}
