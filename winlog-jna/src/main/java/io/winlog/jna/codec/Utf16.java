package io.winlog.jna.codec;

import java.nio.charset.StandardCharsets;

/**
 * Explicit UTF-16LE encoding for the bindings (JNA's own string mapping is never used, so the
 * bytes Windows receives are exactly these). Input strings must already be valid UTF-16
 * ({@link InsertionTextSanitizer} guarantees it for event strings); a lone surrogate is copied
 * as-is, never silently replaced.
 */
public final class Utf16 {
    private Utf16() {
    }

    /** {@code s} as UTF-16LE followed by a 2-byte NUL: what an {@code LPCWSTR} points to. */
    public static byte[] encodeNulTerminated(String s) {
        int n = s.length();
        byte[] out = new byte[2 * n + 2];
        for (int i = 0, j = 0; i < n; i++, j += 2) {
            char c = s.charAt(i);
            out[j] = (byte) c;
            out[j + 1] = (byte) (c >>> 8);
        }
        return out;
    }

    /** The number of bytes {@link #encodeNulTerminated} produces for {@code chars} UTF-16 units. */
    public static int nulTerminatedBytes(int chars) {
        return 2 * chars + 2;
    }

    /**
     * Decodes UTF-16LE from {@code b[offset..offset+maxBytes)} up to the first NUL unit (or the
     * end of the range; an odd trailing byte is ignored).
     */
    public static String decodeNulTerminated(byte[] b, int offset, int maxBytes) {
        int end = Math.min(b.length, offset + Math.max(0, maxBytes));
        int i = offset;
        while (i + 1 < end && (b[i] != 0 || b[i + 1] != 0)) {
            i += 2;
        }
        return new String(b, offset, i - offset, StandardCharsets.UTF_16LE);
    }

    /** Decodes a REG_SZ / REG_EXPAND_SZ value: UTF-16LE, trailing NULs dropped. */
    public static String decodeRegistryString(byte[] b) {
        return decodeNulTerminated(b, 0, b.length & ~1);
    }
}
