package io.winlog.evtx.write;

/**
 * Internal signal: the record being encoded does not fit in the rest of the current chunk. The
 * writer rolls the chunk back to the record's start and retries in a fresh chunk. A shared
 * instance without a stack trace: this is control flow, not an error.
 */
final class ChunkFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final ChunkFullException INSTANCE = new ChunkFullException();

    private ChunkFullException() {
        super("chunk full", null, false, false);
    }
}
