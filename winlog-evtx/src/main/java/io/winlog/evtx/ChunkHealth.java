package io.winlog.evtx;

import java.util.List;

/**
 * What the reader found in one chunk, for {@code winlog info} and monitoring.
 *
 * @param index              chunk index in file order
 * @param fileOffset         file offset of the chunk
 * @param status             the overall verdict
 * @param firstRecordNumber  first record number the chunk header claims (0 if unreadable)
 * @param lastRecordNumber   last record number the chunk header claims
 * @param firstRecordId      first EventRecordID the header claims
 * @param lastRecordId       last EventRecordID the header claims
 * @param freeSpaceOffset    the header's free space offset
 * @param records            records read
 * @param failedRecords      records skipped because they were damaged
 * @param recoveredRecords   records recovered from slack / damaged areas
 * @param templates          template definitions parsed
 * @param issues             one line per problem found
 */
public record ChunkHealth(int index, long fileOffset, Status status, long firstRecordNumber, long lastRecordNumber,
                          long firstRecordId, long lastRecordId, long freeSpaceOffset, int records, int failedRecords,
                          int recoveredRecords, int templates, List<String> issues) {
    /** A chunk's overall verdict. */
    public enum Status {
        /** Magic and both CRC32s good, every record read. */
        OK,
        /** Read, with problems (CRC not set or wrong, some records skipped). */
        DAMAGED,
        /** Not readable as a chunk (bad magic, truncated); recover mode scans it for records. */
        UNREADABLE,
        /** Never used: zero-filled space after the header's chunks. */
        EMPTY
    }
}
