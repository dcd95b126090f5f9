package io.winlog.evtx.chunk;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The 512-byte header of a 64 KiB .evtx chunk ({@code ElfChnk\0}): record number and id ranges,
 * the offsets of the last record and of the free space, and two CRC32s (header: bytes 0..119 and
 * 128..511; records: bytes 512 up to the free space offset). Bytes 128..511 hold the string and
 * template hash tables, which readers do not need: names and templates are reached by offset.
 *
 * @param magicValid        whether the chunk starts with {@code ElfChnk\0}
 * @param firstRecordNumber first record (header) number in the chunk
 * @param lastRecordNumber  last record number
 * @param firstRecordId     first EventRecordID
 * @param lastRecordId      last EventRecordID
 * @param headerSize        declared header size (128)
 * @param lastRecordOffset  chunk offset of the last record
 * @param freeSpaceOffset   chunk offset where the unused space begins
 * @param dataChecksum      stored CRC32 of the records
 * @param flags             chunk flags
 * @param headerChecksum    stored CRC32 of the header
 * @param headerChecksumValid whether the stored header CRC32 matches
 */
public record EvtxChunkHeader(boolean magicValid, long firstRecordNumber, long lastRecordNumber, long firstRecordId,
                              long lastRecordId, long headerSize, long lastRecordOffset, long freeSpaceOffset,
                              long dataChecksum, long flags, long headerChecksum, boolean headerChecksumValid) {
    /** Chunk size. */
    public static final int CHUNK_SIZE = 65536;
    /** Size of the chunk header including the string and template tables; records start here. */
    public static final int SIZE = 512;

    private static final byte[] MAGIC = "ElfChnk\0".getBytes(StandardCharsets.US_ASCII);

    /** Parses the header of the chunk at {@code b[0]}; {@code len} must be at least {@link #SIZE}. */
    public static EvtxChunkHeader parse(byte[] b, int len) {
        boolean magic = len >= SIZE;
        for (int i = 0; magic && i < MAGIC.length; i++) {
            magic = b[i] == MAGIC[i];
        }
        CRC32 crc = new CRC32();
        crc.update(b, 0, 120);
        crc.update(b, 128, SIZE - 128);
        long stored = LittleEndian.u32(b, 124);
        return new EvtxChunkHeader(magic, LittleEndian.i64(b, 8), LittleEndian.i64(b, 16), LittleEndian.i64(b, 24),
                LittleEndian.i64(b, 32), LittleEndian.u32(b, 40), LittleEndian.u32(b, 44), LittleEndian.u32(b, 48),
                LittleEndian.u32(b, 52), LittleEndian.u32(b, 120), stored, crc.getValue() == stored);
    }

    /** True when {@link #freeSpaceOffset()} lies inside the record area. */
    public boolean freeSpaceOffsetValid() {
        return freeSpaceOffset >= SIZE && freeSpaceOffset <= CHUNK_SIZE;
    }

    /** Computes the CRC32 of the records area {@code [512, end)}. */
    public static long dataCrc(byte[] b, int end) {
        CRC32 crc = new CRC32();
        crc.update(b, SIZE, Math.max(0, end - SIZE));
        return crc.getValue();
    }

    /** True when the 4 bytes at {@code off} are the record magic {@code **\0\0}. */
    public static boolean isRecordMagic(byte[] b, int off) {
        return b[off] == 0x2a && b[off + 1] == 0x2a && b[off + 2] == 0 && b[off + 3] == 0;
    }
}
