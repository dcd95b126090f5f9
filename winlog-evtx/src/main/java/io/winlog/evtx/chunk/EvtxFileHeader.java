package io.winlog.evtx.chunk;

import io.winlog.api.CorruptInputException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The 4096-byte .evtx file header ({@code ElfFile\0}): format version, chunk bookkeeping, the
 * next record id, the dirty/full flags and the CRC32 of its first 120 bytes.
 *
 * @param firstChunk      the oldest chunk number
 * @param lastChunk       the current (newest) chunk number
 * @param nextRecordId    the record id Windows would assign next
 * @param headerSize      declared header size (128)
 * @param minorVersion    format minor version (1 or 2)
 * @param majorVersion    format major version (3)
 * @param headerBlockSize declared header block size (4096)
 * @param chunkCount      the number of chunks the header lists (a crash can leave more on disk)
 * @param flags           0x1 dirty, 0x2 full
 * @param checksum        stored CRC32 of bytes 0..119
 * @param checksumValid   whether the stored CRC32 matches
 */
public record EvtxFileHeader(long firstChunk, long lastChunk, long nextRecordId, long headerSize, int minorVersion,
                             int majorVersion, int headerBlockSize, int chunkCount, long flags, long checksum,
                             boolean checksumValid) {
    /** Size of the header block; the first chunk starts here. */
    public static final int SIZE = 4096;
    /** Flag: the log was not closed cleanly. */
    public static final int FLAG_DIRTY = 0x1;
    /** Flag: the log reached its maximum size. */
    public static final int FLAG_FULL = 0x2;

    private static final byte[] MAGIC = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);

    /** True when {@code b} starts with the .evtx file magic. */
    public static boolean hasMagic(byte[] b, int len) {
        if (len < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (b[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses the header from the first bytes of a file.
     *
     * @throws CorruptInputException when the magic is missing or the buffer is too short
     */
    public static EvtxFileHeader parse(byte[] b, int len) {
        if (len < 128 || !hasMagic(b, len)) {
            throw new CorruptInputException("not an .evtx file: the file header magic 'ElfFile' is missing", 0);
        }
        CRC32 crc = new CRC32();
        crc.update(b, 0, 120);
        long stored = LittleEndian.u32(b, 124);
        return new EvtxFileHeader(LittleEndian.i64(b, 8), LittleEndian.i64(b, 16), LittleEndian.i64(b, 24),
                LittleEndian.u32(b, 32), LittleEndian.u16(b, 36), LittleEndian.u16(b, 38), LittleEndian.u16(b, 40),
                LittleEndian.u16(b, 42), LittleEndian.u32(b, 120), stored, crc.getValue() == stored);
    }

    public boolean isDirty() {
        return (flags & FLAG_DIRTY) != 0;
    }

    public boolean isFull() {
        return (flags & FLAG_FULL) != 0;
    }

    /** {@code major.minor}, e.g. {@code 3.1}. */
    public String version() {
        return majorVersion + "." + minorVersion;
    }
}
