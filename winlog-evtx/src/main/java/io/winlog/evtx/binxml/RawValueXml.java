package io.winlog.evtx.binxml;

import io.winlog.api.event.FileTime;
import io.winlog.api.event.Sid;
import io.winlog.evtx.chunk.LittleEndian;

/**
 * A substitution value's XML text written straight from its stored bytes, with no
 * {@link io.winlog.api.event.EventValue}, {@code String} or {@code Sid} in between: strings
 * (UTF-16LE to escaped UTF-8), integers, hex integers, GUIDs, SIDs and FILETIMEs, which are
 * nearly all the values of real logs. The other scalar types are decoded with
 * {@link ValueDecoder} and written by {@link XmlValueText}, so the text is the same by
 * construction.
 *
 * <p>{@link #writable} must have accepted a value before {@link #write}: it mirrors every check
 * {@link ValueDecoder#decode} makes, so a value it accepts is one the general path decodes
 * without error. String arrays are accepted here and written element by element by
 * {@link CompiledXmlTemplate}.
 */
final class RawValueXml {
    private static final byte[] UPPER_HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
    private static final byte[] AMP = {'&', 'a', 'm', 'p', ';'};
    private static final byte[] LT = {'&', 'l', 't', ';'};
    private static final byte[] GT = {'&', 'g', 't', ';'};
    private static final byte[] APOS = {'&', 'a', 'p', 'o', 's', ';'};

    private RawValueXml() {
    }

    /**
     * True when a value of type {@code type} and {@code size} bytes at {@code off} decodes
     * without error ({@link ValueDecoder#decode}'s checks) and is a scalar written here. Arrays,
     * nested BinXml, SYSTEMTIME and unknown types are not: their records take the general path.
     */
    static boolean writable(byte[] b, int off, int size, int type) {
        switch (type) {
            case 0x00: case 0x01: case 0x02: case 0x0E: case 0x23: // NULL, WString, String, Binary, EvtXml
            case 0x81: // WString[] (written by CompiledXmlTemplate's REPEAT_IF_ARRAY only)
                return true;
            case 0x03: case 0x04: // Int8, UInt8
                return size == 1;
            case 0x05: case 0x06: // Int16, UInt16
                return size == 2;
            case 0x07: case 0x08: case 0x0B: case 0x14: // Int32, UInt32, Float, HexInt32
                return size == 4;
            case 0x09: case 0x0A: case 0x0C: case 0x11: case 0x15: // Int64, UInt64, Double, FILETIME, HexInt64
                return size == 8;
            case 0x0D: // Boolean: 1, 2 or 4 bytes
                return size == 1 || size == 2 || size == 4;
            case 0x0F: // GUID
                return size == 16;
            case 0x10: case 0x20: // SizeT, EvtHandle
                return size == 4 || size == 8;
            case 0x13: { // SID: Sid.fromBytes' checks
                if (size < 8) {
                    return false;
                }
                int count = b[off + 1] & 0xFF;
                return count <= Sid.MAX_SUB_AUTHORITIES && 8 + 4 * count <= size;
            }
            default:
                return false;
        }
    }

    /** Appends the value's text, escaped for element text or (with {@code attr}) attribute text. */
    static void write(byte[] b, int off, int size, int type, boolean attr, Utf8Buffer out, StringBuilder scratch,
                      long fileBase) {
        switch (type) {
            case 0x00:
                return;
            case 0x01:
                utf16(b, off, size, attr, out);
                return;
            case 0x03:
                out.append(b[off]);
                return;
            case 0x04:
                out.append(b[off] & 0xFF);
                return;
            case 0x05:
                out.append((short) LittleEndian.u16(b, off));
                return;
            case 0x06:
                out.append(LittleEndian.u16(b, off));
                return;
            case 0x07:
                out.append(LittleEndian.i32(b, off));
                return;
            case 0x08:
                out.append(LittleEndian.u32(b, off));
                return;
            case 0x09:
                out.append(LittleEndian.i64(b, off));
                return;
            case 0x0A:
                out.appendUnsigned(LittleEndian.i64(b, off));
                return;
            case 0x10:
                out.appendUnsigned(size == 4 ? LittleEndian.u32(b, off) : LittleEndian.i64(b, off));
                return;
            case 0x14:
                out.appendHex(LittleEndian.u32(b, off));
                return;
            case 0x15:
                out.appendHex(LittleEndian.i64(b, off));
                return;
            default:
                otherValue(b, off, size, type, attr, out, scratch, fileBase);
        }
    }

    /** The less common types; apart so that {@link #write} stays small for the JIT. */
    private static void otherValue(byte[] b, int off, int size, int type, boolean attr, Utf8Buffer out,
                                   StringBuilder scratch, long fileBase) {
        switch (type) {
            case 0x0F:
                guid(b, off, out);
                return;
            case 0x11:
                scratch.setLength(0);
                FileTime.appendFormatted(scratch, FileTime.toInstant(LittleEndian.i64(b, off)));
                out.append(scratch);
                return;
            case 0x13:
                if (sid(b, off, out)) {
                    return;
                }
                break;
            default:
                break;
        }
        XmlValueText.write(ValueDecoder.decode(b, off, size, type, fileBase), attr, out, scratch);
    }

    /**
     * UTF-16LE text without its trailing NULs ({@link ValueDecoder#utf16}), escaped. ASCII goes
     * straight into the output array; anything else, and any character after a held-back high
     * surrogate, goes through the buffer's encoder, so surrogates pair (or become {@code '?'})
     * exactly as when the decoded string is appended.
     */
    static void utf16(byte[] b, int off, int size, boolean attr, Utf8Buffer out) {
        int end = off + (size & ~1);
        while (end - off >= 2 && b[end - 1] == 0 && b[end - 2] == 0) {
            end -= 2;
        }
        // 6 bytes per character covers the longest escape; non-ASCII goes through encode(),
        // which ensures its own room.
        out.ensure(3 * (end - off));
        byte[] dst = out.buf;
        int len = out.len;
        for (int p = off; p < end; p += 2) {
            int c = (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8;
            byte[] rep;
            switch (c) {
                case '&': rep = AMP; break;
                case '<': rep = LT; break;
                case '>': rep = GT; break;
                case '\'': rep = attr ? APOS : null; break;
                default: rep = null;
            }
            if (c < 0x80 && out.pendingHigh == 0) {
                if (rep == null) {
                    dst[len++] = (byte) c;
                } else {
                    System.arraycopy(rep, 0, dst, len, rep.length);
                    len += rep.length;
                }
                continue;
            }
            out.len = len;
            if (rep != null) {
                out.appendUtf8(rep); // writes a held-back high surrogate as '?' first, like ascii()
            } else {
                out.encode((char) c);
            }
            out.ensure(3 * (end - p));
            dst = out.buf;
            len = out.len;
        }
        out.len = len;
    }

    /** {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}}: Data1-3 little-endian, Data4 as stored. */
    static void guid(byte[] b, int off, Utf8Buffer out) {
        out.flushPending(); // a held-back high surrogate is written first, as before any text
        out.ensure(38);
        byte[] d = out.buf;
        int l = out.len;
        d[l++] = '{';
        l = hexBytes(b, off + 3, off - 1, d, l); // Data1, most significant byte first
        d[l++] = '-';
        l = hexBytes(b, off + 5, off + 3, d, l);
        d[l++] = '-';
        l = hexBytes(b, off + 7, off + 5, d, l);
        d[l++] = '-';
        l = hexBytes(b, off + 8, off + 10, d, l);
        d[l++] = '-';
        l = hexBytes(b, off + 10, off + 16, d, l);
        d[l++] = '}';
        out.len = l;
    }

    /** Upper-case hex of {@code b[from]} towards {@code b[to]} (exclusive), in either direction. */
    private static int hexBytes(byte[] b, int from, int to, byte[] d, int l) {
        int step = from < to ? 1 : -1;
        for (int i = from; i != to; i += step) {
            d[l++] = UPPER_HEX[(b[i] >> 4) & 0xF];
            d[l++] = UPPER_HEX[b[i] & 0xF];
        }
        return l;
    }

    /**
     * {@code S-R-A-S1-...} as {@link Sid} prints it, for authorities below 2^32 (all real ones);
     * returns false, writing nothing, for the hex form.
     */
    static boolean sid(byte[] b, int off, Utf8Buffer out) {
        long auth = 0;
        for (int i = 2; i < 8; i++) {
            auth = (auth << 8) | (b[off + i] & 0xFF);
        }
        if (auth >= (1L << 32)) {
            return false;
        }
        int count = b[off + 1] & 0xFF;
        out.ascii("S-").append(b[off] & 0xFF).ascii('-').append(auth);
        for (int i = 0; i < count; i++) {
            out.ascii('-').append(LittleEndian.u32(b, off + 8 + 4 * i));
        }
        return true;
    }
}
