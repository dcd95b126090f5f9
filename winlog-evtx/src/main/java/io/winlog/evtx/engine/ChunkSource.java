package io.winlog.evtx.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Where the bytes of an .evtx image come from: a file (positional reads, safe from several
 * threads) or memory. Reads are positional so chunks can be fetched in any order and in parallel.
 */
public interface ChunkSource extends AutoCloseable {
    /** Total size in bytes. */
    long size() throws IOException;

    /**
     * Reads up to {@code dst.length} bytes at {@code position}; returns how many were read (less
     * only at the end of the source).
     */
    int read(byte[] dst, long position) throws IOException;

    @Override
    void close() throws IOException;

    /** A file opened for reading. */
    static ChunkSource of(FileChannel ch) {
        return new ChunkSource() {
            @Override
            public long size() throws IOException {
                return ch.size();
            }

            @Override
            public int read(byte[] dst, long position) throws IOException {
                ByteBuffer bb = ByteBuffer.wrap(dst);
                while (bb.hasRemaining()) {
                    if (ch.read(bb, position + bb.position()) < 0) {
                        break;
                    }
                }
                return bb.position();
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }

    /** Bytes in memory (not copied: the caller must not change them while reading). */
    static ChunkSource of(byte[] image) {
        return new ChunkSource() {
            @Override
            public long size() {
                return image.length;
            }

            @Override
            public int read(byte[] dst, long position) {
                if (position >= image.length) {
                    return 0;
                }
                int n = (int) Math.min(dst.length, image.length - position);
                System.arraycopy(image, (int) position, dst, 0, n);
                return n;
            }

            @Override
            public void close() {
            }
        };
    }
}
