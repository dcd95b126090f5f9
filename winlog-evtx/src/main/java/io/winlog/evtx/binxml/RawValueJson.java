package io.winlog.evtx.binxml;

/**
 * JSON text written straight from a value's stored bytes, as
 * {@link io.winlog.api.render.EventJson} writes the decoded value: strings from UTF-16LE,
 * escaped as Python's {@code json.dumps(ensure_ascii=False)} (the reference JSONL's rule,
 * {@code EventJson.appendString}), upper-case hex of binary data and zero-padded lower-case hex
 * integers. The caller has checked the value ({@link RawValueXml#writable}).
 */
final class RawValueJson {
    private static final byte[] UPPER_HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
    private static final byte[] LOWER_HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private RawValueJson() {
    }

    /** The end of a UTF-16LE string value without its trailing NULs ({@link ValueDecoder#utf16}). */
    static int trimmedEnd(byte[] b, int off, int size) {
        int end = off + (size & ~1);
        while (end - off >= 2 && b[end - 1] == 0 && b[end - 2] == 0) {
            end -= 2;
        }
        return end;
    }

    /** A string value, quoted: the UTF-16LE text of {@code [off, off + size)} without its trailing NULs. */
    static void string(byte[] b, int off, int size, Utf8Buffer out) {
        quoted(b, off, trimmedEnd(b, off, size), out);
    }

    /**
     * The UTF-16LE text of {@code [off, end)}, quoted and escaped. ASCII goes straight into the
     * output array; anything else, and any character after a held-back high surrogate, goes
     * through the buffer's encoder, so surrogates pair (or become {@code '?'}) exactly as when
     * the decoded string is appended.
     */
    static void quoted(byte[] b, int off, int end, Utf8Buffer out) {
        out.ascii('"');
        // 6 bytes per character covers the longest escape; non-ASCII goes through encode(),
        // which ensures its own room.
        out.ensure(3 * (end - off));
        byte[] dst = out.buf;
        int len = out.len;
        for (int p = off; p < end; p += 2) {
            int c = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\' && out.pendingHigh == 0) {
                dst[len++] = (byte) c;
                continue;
            }
            if (c >= 0x20 && c != '"' && c != '\\') {
                out.len = len;
                out.encode((char) c);
            } else {
                out.len = len;
                if (out.pendingHigh != 0) {
                    out.flushPending(); // the escape's backslash ends a held-back high surrogate, as any character does
                }
                out.ensure(6);
                escape(c, out);
            }
            out.ensure(3 * (end - p));
            dst = out.buf;
            len = out.len;
        }
        out.len = len;
        out.ascii('"');
    }

    /** {@code "}, {@code \} or a control character, escaped (room was ensured). */
    private static void escape(int c, Utf8Buffer out) {
        byte[] d = out.buf;
        int l = out.len;
        d[l++] = '\\';
        switch (c) {
            case '"': d[l++] = '"'; break;
            case '\\': d[l++] = '\\'; break;
            case '\n': d[l++] = 'n'; break;
            case '\r': d[l++] = 'r'; break;
            case '\t': d[l++] = 't'; break;
            case '\b': d[l++] = 'b'; break;
            case '\f': d[l++] = 'f'; break;
            default:
                d[l++] = 'u';
                d[l++] = '0';
                d[l++] = '0';
                d[l++] = LOWER_HEX[(c >> 4) & 0xF];
                d[l++] = LOWER_HEX[c & 0xF];
        }
        out.len = l;
    }

    /** Upper-case hex of {@code [off, off + size)}, no separators (EventValue.hex). */
    static void hexUpper(byte[] b, int off, int size, Utf8Buffer out) {
        out.flushPending();
        out.ensure(2 * size);
        byte[] d = out.buf;
        int l = out.len;
        for (int i = off, end = off + size; i < end; i++) {
            d[l++] = UPPER_HEX[(b[i] >> 4) & 0xF];
            d[l++] = UPPER_HEX[b[i] & 0xF];
        }
        out.len = l;
    }

    /** {@code 0x} and exactly {@code digits} lower-case hex digits of {@code v}. */
    static void hexPadded(long v, int digits, Utf8Buffer out) {
        out.flushPending();
        out.ensure(2 + digits);
        byte[] d = out.buf;
        int l = out.len;
        d[l++] = '0';
        d[l++] = 'x';
        for (int i = digits - 1; i >= 0; i--) {
            d[l++] = LOWER_HEX[(int) (v >>> (4 * i)) & 0xF];
        }
        out.len = l;
    }
}
