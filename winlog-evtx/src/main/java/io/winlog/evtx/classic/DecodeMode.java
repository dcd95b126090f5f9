package io.winlog.evtx.classic;

/**
 * How a decoder treats damage it can work around (an insertion string without its terminator,
 * a SID or data block that points outside the record, a wrong trailing length copy).
 */
public enum DecodeMode {
    /** Any inconsistency throws {@link io.winlog.api.CorruptInputException}. */
    STRICT,
    /**
     * Damage that leaves the rest of the record readable is repaired (the value is cut at the
     * record's end or dropped) and listed in {@link EventLogRecord#problems()}; only a record
     * whose frame is broken (size, signature, names) throws.
     */
    LENIENT
}
