package io.winlog.evtx.write;

import io.winlog.api.CorruptInputException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * The 4096-byte .evtx file header: magic, first/last chunk number, next record identifier,
 * header size 128, version, block size 4096, chunk count, flags (dirty, full) and the CRC32 of
 * the first 120 bytes.
 *
 * @param firstChunk   number of the oldest chunk
 * @param lastChunk    number of the newest chunk
 * @param nextRecordId the identifier the next record will get
 * @param minorVersion 1 (Vista..8) or 2 (Windows 10+)
 * @param chunkCount   chunks in the file
 * @param flags        {@link EvtxLayout#FLAG_DIRTY}, {@link EvtxLayout#FLAG_FULL}
 */
record FileHeader(long firstChunk, long lastChunk, long nextRecordId, int minorVersion, int chunkCount, int flags) {

    /** The 4096-byte block. */
    byte[] toBytes() {
        byte[] b = new byte[EvtxLayout.FILE_HEADER_BLOCK];
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        bb.put(EvtxLayout.FILE_MAGIC);
        bb.putLong(8, firstChunk);
        bb.putLong(16, lastChunk);
        bb.putLong(24, nextRecordId);
        bb.putInt(32, EvtxLayout.FILE_HEADER_SIZE);
        bb.putShort(36, (short) minorVersion);
        bb.putShort(38, (short) EvtxLayout.MAJOR_VERSION);
        bb.putShort(40, (short) EvtxLayout.FILE_HEADER_BLOCK);
        bb.putShort(42, (short) chunkCount);
        bb.putInt(EvtxLayout.FILE_FLAGS_OFFSET, flags);
        CRC32 crc = new CRC32();
        crc.update(b, 0, EvtxLayout.FILE_HEADER_CRC_SPAN);
        bb.putInt(EvtxLayout.FILE_CRC_OFFSET, (int) crc.getValue());
        return b;
    }

    /**
     * Parses and checks a header block (magic, CRC32, major version 3).
     *
     * @throws CorruptInputException with the offset of the first bad field
     */
    static FileHeader parse(byte[] b) {
        if (b.length < EvtxLayout.FILE_HEADER_SIZE) {
            throw new CorruptInputException("file is shorter than the 128-byte .evtx header", b.length);
        }
        for (int i = 0; i < 8; i++) {
            if (b[i] != EvtxLayout.FILE_MAGIC[i]) {
                throw new CorruptInputException("not an .evtx file (no ElfFile signature)", 0);
            }
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        CRC32 crc = new CRC32();
        crc.update(b, 0, EvtxLayout.FILE_HEADER_CRC_SPAN);
        if ((int) crc.getValue() != bb.getInt(EvtxLayout.FILE_CRC_OFFSET)) {
            throw new CorruptInputException("file header CRC32 mismatch", EvtxLayout.FILE_CRC_OFFSET);
        }
        int major = bb.getShort(38) & 0xFFFF;
        if (major != EvtxLayout.MAJOR_VERSION) {
            throw new CorruptInputException("unsupported .evtx major version " + major + " (expected 3)", 38);
        }
        return new FileHeader(bb.getLong(8), bb.getLong(16), bb.getLong(24), bb.getShort(36) & 0xFFFF,
                bb.getShort(42) & 0xFFFF, bb.getInt(EvtxLayout.FILE_FLAGS_OFFSET));
    }
}
