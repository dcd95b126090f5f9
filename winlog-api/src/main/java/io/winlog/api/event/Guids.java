package io.winlog.api.event;

import java.util.UUID;

/**
 * Windows GUIDs as {@link UUID}s: the Windows byte order (little-endian Data1..Data3) and the
 * registry/XML text form {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}} (upper case, braces).
 */
public final class Guids {
    private Guids() {
    }

    /** Reads a GUID in Windows memory layout (16 bytes at {@code off}). */
    public static UUID fromBytes(byte[] b, int off) {
        long d1 = (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
        long d2 = (b[off + 4] & 0xFFL) | (b[off + 5] & 0xFFL) << 8;
        long d3 = (b[off + 6] & 0xFFL) | (b[off + 7] & 0xFFL) << 8;
        long msb = d1 << 32 | d2 << 16 | d3;
        long lsb = 0;
        for (int i = 8; i < 16; i++) {
            lsb = (lsb << 8) | (b[off + i] & 0xFFL);
        }
        return new UUID(msb, lsb);
    }

    /** Writes a GUID in Windows memory layout (16 bytes at {@code off}). */
    public static void toBytes(UUID g, byte[] b, int off) {
        long msb = g.getMostSignificantBits();
        long lsb = g.getLeastSignificantBits();
        int d1 = (int) (msb >>> 32);
        int d2 = (int) (msb >>> 16) & 0xFFFF;
        int d3 = (int) msb & 0xFFFF;
        b[off] = (byte) d1;
        b[off + 1] = (byte) (d1 >>> 8);
        b[off + 2] = (byte) (d1 >>> 16);
        b[off + 3] = (byte) (d1 >>> 24);
        b[off + 4] = (byte) d2;
        b[off + 5] = (byte) (d2 >>> 8);
        b[off + 6] = (byte) d3;
        b[off + 7] = (byte) (d3 >>> 8);
        for (int i = 0; i < 8; i++) {
            b[off + 8 + i] = (byte) (lsb >>> (8 * (7 - i)));
        }
    }

    /** {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}}, upper case, as Windows renders GUIDs. */
    public static String format(UUID g) {
        return "{" + g.toString().toUpperCase(java.util.Locale.ROOT) + "}";
    }

    /** Parses a GUID with or without braces, any case. */
    public static UUID parse(String s) {
        String t = s.trim();
        if (t.startsWith("{") && t.endsWith("}")) {
            t = t.substring(1, t.length() - 1);
        }
        if (t.length() != 36) {
            throw new IllegalArgumentException("not a GUID: " + s);
        }
        return UUID.fromString(t);
    }
}
