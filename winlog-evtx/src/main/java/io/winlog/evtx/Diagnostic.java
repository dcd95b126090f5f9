package io.winlog.evtx;

/**
 * Something the reader found wrong with the file and how it dealt with it: a skipped chunk or
 * record, a CRC mismatch, records recovered from slack space.
 *
 * @param severity   how bad it is
 * @param fileOffset the byte offset in the file where it was found, or -1
 * @param chunkIndex the chunk (0-based, in file order), or -1 for the file header
 * @param message    what happened and what the reader did
 */
public record Diagnostic(Severity severity, long fileOffset, int chunkIndex, String message) {
    /** How bad a diagnostic is. */
    public enum Severity {
        /** A fact worth knowing (dirty flag, CRC not set, recovered records). */
        INFO,
        /** Damage that cost data: something was skipped. */
        ERROR
    }

    @Override
    public String toString() {
        return severity + (fileOffset >= 0 ? " at offset " + fileOffset + " (0x" + Long.toHexString(fileOffset) + ")" : "")
                + (chunkIndex >= 0 ? " [chunk " + chunkIndex + "]" : "") + ": " + message;
    }
}
