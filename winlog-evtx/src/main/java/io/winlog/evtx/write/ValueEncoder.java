package io.winlog.evtx.write;

import io.winlog.api.EventRejectedException;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.FileTime;
import io.winlog.api.event.Guids;
import io.winlog.api.event.Sid;
import io.winlog.api.event.SystemTime;
import io.winlog.api.event.ValueType;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.List;

/**
 * Writes typed {@link EventValue}s as BinXml substitution values, in the binary form Windows
 * uses for each value type: little-endian integers of the type's width, IEEE floats, BOOL as 32
 * bits, Windows GUID layout, FILETIME ticks, SYSTEMTIME as eight 16-bit fields, SIDs in their
 * binary form, WString as UTF-16LE, ANSI String in code page 1252, and arrays as the elements
 * back to back (strings NUL-terminated).
 *
 * <p>Nested BinXml values are refused (winlog's reader and python-evtx do not read them back).
 *
 * <p>Types that cannot be stored in a file are refused with a message: EvtHandle and EvtXml
 * (wevtapi-only), Binary[] (no element boundaries in the format).
 */
final class ValueEncoder {
    /** Substitution sizes are 16-bit. */
    static final int MAX_VALUE_BYTES = 0xFFFF;

    private static final Charset ANSI = Charset.forName("windows-1252");

    private final TextEncoder text;
    private final CharsetEncoder ansi = ANSI.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(new byte[] {'?'});

    ValueEncoder(TextEncoder text) {
        this.text = text;
    }

    /** How error messages name EventData item {@code index} (0-based), built only when needed. */
    static String itemName(String name, int index) {
        return name == null ? "EventData item " + (index + 1) : "EventData item '" + name + "'";
    }

    /** Checks what can be checked before encoding: storable type and the 16-bit size limit. */
    static void check(EventValue v, String name, int index) {
        ValueType t = v.type();
        if (t.isInteger() || t == ValueType.NULL || t == ValueType.BOOLEAN || t == ValueType.GUID
                || t == ValueType.FILETIME || t == ValueType.SYSTEMTIME || t == ValueType.SID
                || t == ValueType.FLOAT || t == ValueType.DOUBLE) {
            if (!t.isArray()) {
                return; // fixed size, always storable
            }
        }
        if ((t == ValueType.STRING || t == ValueType.ANSI_STRING) && v.asString().length() <= MAX_VALUE_BYTES / 2) {
            return;
        }
        String what = itemName(name, index);
        switch (t) {
            case EVT_HANDLE -> throw new EventRejectedException(what + " has type " + t.referenceName()
                    + ", which exists only in the live Event Log API and cannot be stored in an .evtx file;"
                    + " convert it to a string or integer first");
            case EVT_XML -> throw new EventRejectedException(what + " is an XML item (EvtXml); it can only be an"
                    + " EventData item of its own, not an array element");
            case BINARY_ARRAY -> throw new EventRejectedException(what + " has type Binary[], which .evtx cannot store"
                    + " (the format has no element boundaries for it); write one Binary item per element");
            case BINXML -> throw new EventRejectedException(what + " is a nested BinXml value, which winlog's reader"
                    + " and python-evtx cannot read back; pass it as an XML EventData item (EvtXml) or as UserData");
            case STRING, ANSI_STRING -> {
                int units = v.asString().length();
                int bytes = t == ValueType.STRING ? 2 * units : units;
                if (bytes > MAX_VALUE_BYTES) {
                    throw tooLong(what, bytes);
                }
            }
            case BINARY -> {
                if (v.binaryLength() > MAX_VALUE_BYTES) {
                    throw tooLong(what, v.binaryLength());
                }
            }
            default -> {
                if (t.isArray()) {
                    long total = 0;
                    for (EventValue e : v.elements()) {
                        total += e.type() == ValueType.STRING ? 2L * e.asString().length() + 2
                                : e.type() == ValueType.ANSI_STRING ? e.asString().length() + 1 : 0;
                    }
                    if (total > MAX_VALUE_BYTES) {
                        throw tooLong(what, total);
                    }
                }
            }
        }
    }

    static EventRejectedException tooLong(String what, long bytes) {
        return new EventRejectedException(what + " needs " + bytes + " bytes; an .evtx substitution value holds at most "
                + MAX_VALUE_BYTES + " bytes (32767 UTF-16 characters); shorten or split the value");
    }

    /**
     * The type a template declares for {@code v}: its own, except that an empty array is stored
     * as NULL, as Windows does (an optional substitution with no value; libevtx cannot read a
     * zero-length fixed-size array, and readers show no item for it).
     */
    static int declaredType(EventValue v) {
        return v.type().isArray() && v.elements().isEmpty() ? 0 : v.type().code();
    }

    /** Writes the value's bytes; returns the type code to declare. */
    int write(ChunkImage c, EventValue v, String what) {
        ValueType t = v.type();
        if (t.isArray() && v.elements().isEmpty()) {
            return 0;
        }
        switch (t) {
            case NULL -> {
                return 0;
            }
            case STRING -> text.write(c, v.asString(), what, false);
            case ANSI_STRING -> c.bytes(ansiBytes(text.clean(v.asString(), what)));
            case INT8, UINT8 -> c.u8((int) v.asLong());
            case INT16, UINT16 -> c.u16((int) v.asLong());
            case INT32, UINT32, HEX_INT32, BOOLEAN -> c.u32((int) v.asLong());
            case INT64, UINT64, HEX_INT64, SIZE_T -> c.u64(v.asLong());
            case FLOAT -> c.u32(Float.floatToRawIntBits((float) v.asDouble()));
            case DOUBLE -> c.u64(Double.doubleToRawLongBits(v.asDouble()));
            case BINARY -> c.bytes(v.asBytes());
            case GUID -> guid(c, v.asGuid());
            case FILETIME -> c.u64(FileTime.toTicks(v.asInstant()));
            case SYSTEMTIME -> systemTime(c, v.asSystemTime());
            case SID -> sid(c, v.asSid());
            default -> {
                if (!t.isArray()) {
                    throw new EventRejectedException(what + ": value type " + t + " cannot be written");
                }
                List<EventValue> es = v.elements();
                for (int i = 0; i < es.size(); i++) {
                    EventValue e = es.get(i);
                    if (e.type() == ValueType.STRING) {
                        text.write(c, e.asString(), what, true);
                        c.u16(0);
                    } else if (e.type() == ValueType.ANSI_STRING) {
                        c.bytes(ansiBytes(text.cleanArrayElement(e.asString(), what)));
                        c.u8(0);
                    } else {
                        write(c, e, what);
                    }
                }
            }
        }
        return t.code();
    }

    void guid(ChunkImage c, java.util.UUID g) {
        c.ensure(16);
        Guids.toBytes(g, c.buf, c.pos);
        c.pos += 16;
    }

    void sid(ChunkImage c, Sid s) {
        c.bytes(s.toBytes());
    }

    private static void systemTime(ChunkImage c, SystemTime s) {
        c.u16(s.year());
        c.u16(s.month());
        c.u16(s.dayOfWeek());
        c.u16(s.day());
        c.u16(s.hour());
        c.u16(s.minute());
        c.u16(s.second());
        c.u16(s.milliseconds());
    }

    private byte[] ansiBytes(String s) {
        try {
            ByteBuffer bb = ansi.reset().encode(CharBuffer.wrap(s));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("REPLACE encoder cannot fail", e);
        }
    }
}
