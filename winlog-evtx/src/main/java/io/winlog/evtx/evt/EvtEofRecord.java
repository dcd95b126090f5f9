package io.winlog.evtx.evt;

/**
 * The end-of-file record of a .evt file ({@code ELF_EOF_RECORD}, 0x28 bytes: size, the four
 * signatures 0x11111111 0x22222222 0x33333333 0x44444444, BeginRecord, EndRecord,
 * CurrentRecordNumber, OldestRecordNumber, size copy). The service rewrites it after every
 * record, so on a dirty file it is more current than the header. Like a record, it may wrap
 * around the end of the file.
 *
 * @param offset              where this record starts in the file
 * @param beginRecord         {@code BeginRecord}: offset of the oldest record
 * @param endRecord           {@code EndRecord}: offset of this EOF record itself
 * @param currentRecordNumber {@code CurrentRecordNumber}: the number the next record gets
 * @param oldestRecordNumber  {@code OldestRecordNumber}
 */
public record EvtEofRecord(long offset, long beginRecord, long endRecord, long currentRecordNumber, long oldestRecordNumber) {
    /** Size of the record. */
    public static final int SIZE = 0x28;
    /** The four signature values, in order. */
    static final int[] SIGNATURES = {0x11111111, 0x22222222, 0x33333333, 0x44444444};

    /** True when {@link #endRecord()} names this record's own offset, as the service writes it. */
    public boolean isSelfConsistent() {
        return endRecord == offset;
    }
}
