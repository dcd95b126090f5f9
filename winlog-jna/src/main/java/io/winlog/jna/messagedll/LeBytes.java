package io.winlog.jna.messagedll;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable little-endian byte buffer for the PE and resource encoders (package-private). */
final class LeBytes {
    private byte[] buf = new byte[256];
    private int size;

    int size() {
        return size;
    }

    LeBytes u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    LeBytes u16(int v) {
        ensure(2);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
        return this;
    }

    LeBytes u32(long v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    LeBytes u64(long v) {
        return u32(v).u32(v >>> 32);
    }

    LeBytes bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** UTF-16LE code units of {@code s} followed by a NUL code unit. */
    LeBytes utf16z(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_16LE)).u16(0);
    }

    LeBytes zeros(int n) {
        ensure(n);
        size += n; // the array is zero beyond size: it only grows, never shrinks
        return this;
    }

    /** Pads with zeros to a multiple of {@code alignment} (a power of two). */
    LeBytes align(int alignment) {
        return zeros((alignment - (size & (alignment - 1))) & (alignment - 1));
    }

    void putU16(int at, int v) {
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
    }

    void putU32(int at, long v) {
        for (int i = 0; i < 4; i++) {
            buf[at + i] = (byte) (v >>> (8 * i));
        }
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            long want = Math.max((long) buf.length * 2, (long) size + n);
            if (want > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("resource data larger than 2 GiB");
            }
            buf = Arrays.copyOf(buf, (int) want);
        }
    }
}
