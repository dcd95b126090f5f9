package io.winlog.evtx.write;

import io.winlog.api.CorruptInputException;
import io.winlog.api.WinlogException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Where appending to an existing .evtx file continues: after the last intact chunk, with the
 * record identifier after the highest one any intact chunk holds (the file header's counter may
 * be stale after a crash, so the chunks are the authority).
 *
 * <p>Refuses files it cannot extend without risk: a circular (wrapped) log, and a damaged chunk
 * followed by intact ones (writing after the damage would bury it; convert the file instead).
 *
 * @param chunkCount   intact chunks; the next chunk is written at this index
 * @param nextRecordId the identifier the next record gets
 * @param minorVersion the file's format minor version, kept
 */
record AppendPoint(int chunkCount, long nextRecordId, int minorVersion) {

    static AppendPoint scan(FileChannel ch, Path path) throws IOException {
        long size = ch.size();
        if (size < EvtxLayout.FILE_HEADER_BLOCK) {
            throw new CorruptInputException(path + " is too short to be an .evtx file (" + size + " bytes)", size);
        }
        byte[] hb = new byte[EvtxLayout.FILE_HEADER_BLOCK];
        readFully(ch, ByteBuffer.wrap(hb), 0);
        FileHeader h = FileHeader.parse(hb);
        if (h.firstChunk() > h.lastChunk() || h.firstChunk() != 0 && h.chunkCount() > 0) {
            throw new WinlogException(path + " is a circular log that has wrapped (oldest chunk " + h.firstChunk()
                    + "); appending would overwrite its order. Convert it to a new file with 'winlog convert' first");
        }
        long slots = (size - EvtxLayout.FILE_HEADER_BLOCK) / EvtxLayout.CHUNK_SIZE;
        byte[] cb = new byte[EvtxLayout.CHUNK_HEADER_SIZE];
        int intact = 0;
        long maxId = 0;
        boolean damaged = false;
        for (long i = 0; i < slots && i < EvtxLayout.MAX_CHUNKS; i++) {
            long at = EvtxLayout.FILE_HEADER_BLOCK + i * EvtxLayout.CHUNK_SIZE;
            readFully(ch, ByteBuffer.wrap(cb), at);
            boolean ok = chunkHeaderOk(cb);
            if (ok && damaged) {
                throw new CorruptInputException(path + ": chunk " + (i - 1) + " is damaged but later chunks are intact;"
                        + " appending would hide the damage. Convert the file with 'winlog convert' and append to the copy",
                        at - EvtxLayout.CHUNK_SIZE);
            }
            if (!ok) {
                damaged = true;
                continue;
            }
            intact++;
            ByteBuffer bb = ByteBuffer.wrap(cb).order(ByteOrder.LITTLE_ENDIAN);
            maxId = Math.max(maxId, bb.getLong(32));
        }
        long next = Math.max(Math.max(1, h.nextRecordId()), maxId + 1);
        return new AppendPoint(intact, next, h.minorVersion());
    }

    private static boolean chunkHeaderOk(byte[] cb) {
        for (int i = 0; i < 8; i++) {
            if (cb[i] != EvtxLayout.CHUNK_MAGIC[i]) {
                return false;
            }
        }
        CRC32 crc = new CRC32();
        crc.update(cb, 0, 120);
        crc.update(cb, 128, EvtxLayout.CHUNK_HEADER_SIZE - 128);
        int stored = (cb[124] & 0xFF) | (cb[125] & 0xFF) << 8 | (cb[126] & 0xFF) << 16 | (cb[127] & 0xFF) << 24;
        return (int) crc.getValue() == stored;
    }

    static void readFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        long p = at;
        while (b.hasRemaining()) {
            int n = ch.read(b, p);
            if (n < 0) {
                throw new CorruptInputException("unexpected end of file", p);
            }
            p += n;
        }
    }
}
