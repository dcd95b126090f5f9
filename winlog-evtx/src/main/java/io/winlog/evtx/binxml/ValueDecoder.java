package io.winlog.evtx.binxml;

import io.winlog.api.CorruptInputException;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.FileTime;
import io.winlog.api.event.Guids;
import io.winlog.api.event.Sid;
import io.winlog.api.event.SystemTime;
import io.winlog.api.event.ValueType;
import io.winlog.evtx.chunk.LittleEndian;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes BinXml values (substitution values and value tokens) from their stored bytes into
 * {@link EventValue}s. Pure functions over a byte array; every read is bounds-checked by the
 * caller's {@code size} and reported as {@link CorruptInputException} with the file offset.
 */
public final class ValueDecoder {
    /** ANSI strings are decoded with code page 1252, as libevtx does (the file does not say which). */
    static final Charset ANSI = Charset.forName("windows-1252");

    private ValueDecoder() {
    }

    /**
     * Decodes {@code size} bytes at {@code off} as a value of type {@code typeCode}.
     *
     * @param fileBase the file offset of {@code b[0]}, for error messages
     * @throws CorruptInputException when the size does not fit the type or the type is unknown
     */
    public static EventValue decode(byte[] b, int off, int size, int typeCode, long fileBase) {
        ValueType type = ValueType.ofCode(typeCode);
        if (type == null || type == ValueType.BINXML) {
            throw new CorruptInputException("unknown BinXml value type 0x" + Integer.toHexString(typeCode), fileBase + off);
        }
        if (type.isArray()) {
            return decodeArray(b, off, size, type, fileBase);
        }
        switch (type) {
            case NULL:
                return EventValue.NULL;
            case STRING:
                return EventValue.ofString(utf16(b, off, size));
            case EVT_XML:
                return EventValue.ofXml(ValueType.EVT_XML, utf16(b, off, size));
            case ANSI_STRING:
                return EventValue.ofAnsiString(ansi(b, off, size));
            case INT8:
            case UINT8:
                need(size, 1, type, off, fileBase);
                return EventValue.ofInteger(type, b[off]);
            case INT16:
            case UINT16:
                need(size, 2, type, off, fileBase);
                return EventValue.ofInteger(type, (short) LittleEndian.u16(b, off));
            case INT32:
            case UINT32:
            case HEX_INT32:
                need(size, 4, type, off, fileBase);
                return EventValue.ofInteger(type, LittleEndian.i32(b, off));
            case INT64:
            case UINT64:
            case HEX_INT64:
                need(size, 8, type, off, fileBase);
                return EventValue.ofInteger(type, LittleEndian.i64(b, off));
            case SIZE_T:
            case EVT_HANDLE:
                if (size == 4) {
                    return EventValue.ofInteger(type, LittleEndian.u32(b, off));
                }
                need(size, 8, type, off, fileBase);
                return EventValue.ofInteger(type, LittleEndian.i64(b, off));
            case FLOAT:
                need(size, 4, type, off, fileBase);
                return EventValue.ofFloat(Float.intBitsToFloat(LittleEndian.i32(b, off)));
            case DOUBLE:
                need(size, 8, type, off, fileBase);
                return EventValue.ofDouble(Double.longBitsToDouble(LittleEndian.i64(b, off)));
            case BOOLEAN:
                // Stored as a 32-bit BOOL; raw values other than 0/1 occur (8, 16, 65536) and are kept.
                if (size == 1) {
                    return EventValue.ofBooleanRaw(b[off] & 0xFF);
                }
                if (size == 2) {
                    return EventValue.ofBooleanRaw(LittleEndian.u16(b, off));
                }
                need(size, 4, type, off, fileBase);
                return EventValue.ofBooleanRaw(LittleEndian.i32(b, off));
            case BINARY:
                return EventValue.ofBinary(b, off, size);
            case GUID:
                need(size, 16, type, off, fileBase);
                return EventValue.ofGuid(Guids.fromBytes(b, off));
            case FILETIME:
                need(size, 8, type, off, fileBase);
                return EventValue.ofFileTime(FileTime.toInstant(LittleEndian.i64(b, off)));
            case SYSTEMTIME:
                need(size, 16, type, off, fileBase);
                return EventValue.ofSystemTime(systemTime(b, off));
            case SID: {
                Sid sid = Sid.fromBytes(b, off, size);
                if (sid == null) {
                    throw new CorruptInputException("SID value of " + size + " bytes is not a valid SID", fileBase + off);
                }
                return EventValue.ofSid(sid);
            }
            default:
                throw new CorruptInputException("unsupported BinXml value type " + type.referenceName(), fileBase + off);
        }
    }

    /** The fixed size of a scalar type, or -1 for variable-size types. */
    public static int fixedSize(ValueType t) {
        switch (t) {
            case INT8: case UINT8: return 1;
            case INT16: case UINT16: return 2;
            case INT32: case UINT32: case HEX_INT32: case FLOAT: case BOOLEAN: return 4;
            case INT64: case UINT64: case HEX_INT64: case DOUBLE: case FILETIME: return 8;
            case GUID: case SYSTEMTIME: return 16;
            default: return -1;
        }
    }

    private static EventValue decodeArray(byte[] b, int off, int size, ValueType type, long fileBase) {
        ValueType et = type.elementType();
        List<EventValue> items = new ArrayList<>();
        int end = off + size;
        if (et == ValueType.STRING) {
            // NUL-separated UTF-16 strings; a trailing NUL ends the last one.
            int start = off;
            int p = off;
            for (; p + 1 < end; p += 2) {
                if (b[p] == 0 && b[p + 1] == 0) {
                    items.add(EventValue.ofString(decodeUtf16(b, start, p - start)));
                    start = p + 2;
                }
            }
            if (start < end - 1) {
                items.add(EventValue.ofString(decodeUtf16(b, start, (end - start) & ~1)));
            }
        } else if (et == ValueType.ANSI_STRING) {
            int start = off;
            for (int p = off; p < end; p++) {
                if (b[p] == 0) {
                    items.add(EventValue.ofAnsiString(new String(b, start, p - start, ANSI)));
                    start = p + 1;
                }
            }
            if (start < end) {
                items.add(EventValue.ofAnsiString(new String(b, start, end - start, ANSI)));
            }
        } else if (et == ValueType.SID) {
            int p = off;
            while (p < end) {
                Sid sid = Sid.fromBytes(b, p, end - p);
                if (sid == null) {
                    throw new CorruptInputException("SID array element is not a valid SID", fileBase + p);
                }
                items.add(EventValue.ofSid(sid));
                p += sid.byteLength();
            }
        } else {
            int es = et == ValueType.SIZE_T ? 8 : fixedSize(et);
            if (es <= 0) {
                throw new CorruptInputException("unsupported array type " + type.referenceName(), fileBase + off);
            }
            if (size % es != 0) {
                throw new CorruptInputException(type.referenceName() + " array of " + size + " bytes is not a multiple of "
                        + es, fileBase + off);
            }
            for (int p = off; p < end; p += es) {
                items.add(decode(b, p, es, et.code(), fileBase));
            }
        }
        return EventValue.ofArray(type, items);
    }

    private static void need(int size, int n, ValueType t, int off, long fileBase) {
        if (size != n) {
            throw new CorruptInputException(t.referenceName() + " value has " + size + " bytes, expected " + n, fileBase + off);
        }
    }

    /** UTF-16LE text without the trailing NULs Windows often stores. */
    public static String utf16(byte[] b, int off, int size) {
        int n = size & ~1;
        while (n >= 2 && b[off + n - 1] == 0 && b[off + n - 2] == 0) {
            n -= 2;
        }
        return n == 0 ? "" : decodeUtf16(b, off, n);
    }

    /**
     * Decodes UTF-16LE. Most event text is Latin-1, which takes a fast path (a byte copy into a
     * compact string); other text is decoded as chars. Unpaired surrogates are kept as they are
     * (the JDK decoder would replace them with U+FFFD, losing data).
     */
    public static String decodeUtf16(byte[] b, int off, int len) {
        int chars = len >> 1;
        byte[] latin1 = new byte[chars];
        for (int i = 0; i < chars; i++) {
            int p = off + 2 * i;
            if (b[p + 1] != 0) {
                char[] cs = new char[chars];
                for (int j = 0; j < i; j++) {
                    cs[j] = (char) (latin1[j] & 0xFF);
                }
                for (int j = i; j < chars; j++) {
                    int q = off + 2 * j;
                    cs[j] = (char) ((b[q] & 0xFF) | (b[q + 1] & 0xFF) << 8);
                }
                return new String(cs);
            }
            latin1[i] = b[p];
        }
        return new String(latin1, StandardCharsets.ISO_8859_1);
    }

    static String ansi(byte[] b, int off, int size) {
        int n = size;
        while (n > 0 && b[off + n - 1] == 0) {
            n--;
        }
        return n == 0 ? "" : new String(b, off, n, ANSI);
    }

    private static SystemTime systemTime(byte[] b, int off) {
        return new SystemTime(LittleEndian.u16(b, off), LittleEndian.u16(b, off + 2), LittleEndian.u16(b, off + 4),
                LittleEndian.u16(b, off + 6), LittleEndian.u16(b, off + 8), LittleEndian.u16(b, off + 10),
                LittleEndian.u16(b, off + 12), LittleEndian.u16(b, off + 14));
    }
}
