package io.winlog.evtx.evt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The record area of a .evt file as the circular buffer it is: positions run from
 * {@link EvtFileHeader#SIZE} to the end of the file, and reading past the end continues at
 * {@link EvtFileHeader#SIZE}. Records and the end-of-file record may straddle the end.
 * Package-private helper of {@link EvtReader}; positions are always in {@code [0x30, size)}.
 */
final class EvtRingBuffer {
    private final ByteBuffer file;
    private final int size;
    private final int capacity;

    EvtRingBuffer(ByteBuffer file) {
        this.file = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.size = file.limit();
        this.capacity = size - EvtFileHeader.SIZE;
    }

    /** The whole file (little-endian, shared). */
    ByteBuffer file() {
        return file;
    }

    int size() {
        return size;
    }

    /** Bytes in the record area. */
    int capacity() {
        return capacity;
    }

    /** True when {@code p} is a valid position in the record area. */
    boolean contains(long p) {
        return p >= EvtFileHeader.SIZE && p < size;
    }

    /** The position {@code n} bytes after {@code p} ({@code 0 <= n}), wrapping once or more. */
    int advance(int p, long n) {
        long rel = (p - EvtFileHeader.SIZE) + n;
        return (int) (EvtFileHeader.SIZE + rel % capacity);
    }

    /** Bytes from {@code from} forward to {@code to} (0 when equal). */
    int distance(int from, int to) {
        int d = to - from;
        return d >= 0 ? d : d + capacity;
    }

    /** Bytes from {@code p} to the end of the file before the wrap. */
    int untilWrap(int p) {
        return size - p;
    }

    /** The little-endian int at {@code p} (plus {@code delta}), its bytes read circularly. */
    int getInt(int p, int delta) {
        int at = advance(p, delta);
        if (at <= size - 4) {
            return file.getInt(at);
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (file.get(advance(at, i)) & 0xFF) << (8 * i);
        }
        return v;
    }

    /** Copies {@code n} bytes starting at {@code p}, circularly, into {@code dst[0..n)}. */
    void copy(int p, int n, byte[] dst) {
        int first = Math.min(n, size - p);
        file.get(p, dst, 0, first);
        int done = first;
        while (done < n) {
            int chunk = Math.min(n - done, capacity);
            file.get(EvtFileHeader.SIZE, dst, done, chunk);
            done += chunk;
        }
    }
}
