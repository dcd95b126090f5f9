package io.winlog.evtx.evt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The 48-byte file header of a .evt file ({@code ELF_LOGFILE_HEADER}), as stored. On a file
 * copied from a running system ({@link #isDirty()}) the offsets and record numbers are stale:
 * the service updates them only when it closes the log, and the end-of-file record is the
 * authority (see {@link EvtEofRecord}).
 *
 * @param headerSize          {@code HeaderSize}, 0x30
 * @param signature           {@code Signature}, {@code 'LfLe'} = 0x654C664C
 * @param majorVersion        {@code MajorVersion}, 1
 * @param minorVersion        {@code MinorVersion}, 1
 * @param startOffset         {@code StartOffset}: where the oldest record starts
 * @param endOffset           {@code EndOffset}: where the end-of-file record starts
 * @param currentRecordNumber {@code CurrentRecordNumber}: the number the next record gets
 * @param oldestRecordNumber  {@code OldestRecordNumber}: 0 for an empty log
 * @param maxSize             {@code MaxSize}: the configured maximum file size
 * @param flags               {@code Flags}: {@link #DIRTY}, {@link #WRAPPED}, {@link #LOGFULL_WRITTEN}, {@link #ARCHIVE_SET}
 * @param retention           {@code Retention}: seconds records are kept before they may be overwritten
 * @param endHeaderSize       {@code EndHeaderSize}, the copy of {@code HeaderSize}
 */
public record EvtFileHeader(
        long headerSize, int signature, long majorVersion, long minorVersion, long startOffset, long endOffset,
        long currentRecordNumber, long oldestRecordNumber, long maxSize, int flags, long retention, long endHeaderSize) {

    /** Size of the header and the offset where the record area starts. */
    public static final int SIZE = 0x30;
    /** {@code ELF_LOGFILE_HEADER_DIRTY}: the log was open (the header may be stale). */
    public static final int DIRTY = 0x1;
    /** {@code ELF_LOGFILE_HEADER_WRAP}: records wrapped around the end of the file. */
    public static final int WRAPPED = 0x2;
    /** {@code ELF_LOGFILE_LOGFULL_WRITTEN}: a write failed because the log was full. */
    public static final int LOGFULL_WRITTEN = 0x4;
    /** {@code ELF_LOGFILE_ARCHIVE_SET}: the archive attribute was set. */
    public static final int ARCHIVE_SET = 0x8;

    /** Reads the header fields at offset 0 of {@code file} (at least {@link #SIZE} bytes); no validation. */
    public static EvtFileHeader read(ByteBuffer file) {
        ByteBuffer b = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return new EvtFileHeader(u32(b, 0), b.getInt(4), u32(b, 8), u32(b, 12), u32(b, 16), u32(b, 20), u32(b, 24),
                u32(b, 28), u32(b, 32), b.getInt(36), u32(b, 40), u32(b, 44));
    }

    private static long u32(ByteBuffer b, int at) {
        return b.getInt(at) & 0xFFFFFFFFL;
    }

    public boolean isDirty() {
        return (flags & DIRTY) != 0;
    }

    public boolean hasWrapped() {
        return (flags & WRAPPED) != 0;
    }

    public boolean isLogFullWritten() {
        return (flags & LOGFULL_WRITTEN) != 0;
    }

    public boolean isArchiveSet() {
        return (flags & ARCHIVE_SET) != 0;
    }

    /** The flag names that are set, e.g. {@code DIRTY|WRAPPED}, or {@code -}. */
    public String flagNames() {
        StringBuilder sb = new StringBuilder();
        String[] names = {"DIRTY", "WRAPPED", "LOGFULL_WRITTEN", "ARCHIVE_SET"};
        for (int i = 0; i < names.length; i++) {
            if ((flags & (1 << i)) != 0) {
                sb.append(sb.length() == 0 ? "" : "|").append(names[i]);
            }
        }
        if ((flags & ~0xF) != 0) {
            sb.append(sb.length() == 0 ? "" : "|").append("0x").append(Integer.toHexString(flags & ~0xF));
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }

    /** {@code major.minor}, e.g. {@code 1.1}. */
    public String version() {
        return majorVersion + "." + minorVersion;
    }
}
