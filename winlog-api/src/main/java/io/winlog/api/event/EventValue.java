package io.winlog.api.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One typed event value: the Java form of a BinXml value or an {@code EVT_VARIANT}.
 *
 * <p>Immutable. The Java representation per {@link ValueType}:
 * <ul>
 *   <li>STRING, ANSI_STRING, EVT_XML, BINXML: {@link String} (BINXML holds the rendered XML)</li>
 *   <li>all integer types, SIZE_T, HEX_INT32/64: {@code long} ({@link #asLong()}); unsigned
 *       64-bit values use the full bit pattern</li>
 *   <li>FLOAT, DOUBLE: {@code double} ({@link #asDouble()})</li>
 *   <li>BOOLEAN: the raw 32-bit value ({@link #asLong()}); any non-zero value is true</li>
 *   <li>BINARY: bytes ({@link #asBytes()})</li>
 *   <li>GUID: {@link UUID}; SID: {@link Sid}; FILETIME: {@link Instant};
 *       SYSTEMTIME: {@link SystemTime}; EVT_HANDLE: {@code long}</li>
 *   <li>array types: {@link #elements()}, a list of scalar values of {@link ValueType#elementType()}</li>
 * </ul>
 * {@link #text()} is the text Windows renders for the value in event XML.
 */
public final class EventValue {
    /** The null value (BinXml NullType / EvtVarTypeNull). */
    public static final EventValue NULL = new EventValue(ValueType.NULL, null, 0, 0);

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final ValueType type;
    private final Object ref;
    private final long bits;
    private final double real;

    private EventValue(ValueType type, Object ref, long bits, double real) {
        this.type = type;
        this.ref = ref;
        this.bits = bits;
        this.real = real;
    }

    // ---- factories ----------------------------------------------------------------------

    public static EventValue ofString(String s) {
        return new EventValue(ValueType.STRING, Objects.requireNonNull(s), 0, 0);
    }

    public static EventValue ofAnsiString(String s) {
        return new EventValue(ValueType.ANSI_STRING, Objects.requireNonNull(s), 0, 0);
    }

    /** An integer-typed value (INT8..UINT64, SIZE_T, HEX_INT32, HEX_INT64, EVT_HANDLE). */
    public static EventValue ofInteger(ValueType type, long value) {
        if (!type.isInteger() && type != ValueType.EVT_HANDLE || type.isArray()) {
            throw new IllegalArgumentException(type + " is not a scalar integer type");
        }
        return new EventValue(type, null, normalize(type, value), 0);
    }

    public static EventValue ofInt32(int v) {
        return ofInteger(ValueType.INT32, v);
    }

    public static EventValue ofUInt32(long v) {
        return ofInteger(ValueType.UINT32, v);
    }

    public static EventValue ofInt64(long v) {
        return ofInteger(ValueType.INT64, v);
    }

    public static EventValue ofUInt64(long v) {
        return ofInteger(ValueType.UINT64, v);
    }

    public static EventValue ofHexInt32(long v) {
        return ofInteger(ValueType.HEX_INT32, v);
    }

    public static EventValue ofHexInt64(long v) {
        return ofInteger(ValueType.HEX_INT64, v);
    }

    public static EventValue ofFloat(float v) {
        return new EventValue(ValueType.FLOAT, null, 0, v);
    }

    public static EventValue ofDouble(double v) {
        return new EventValue(ValueType.DOUBLE, null, 0, v);
    }

    /** A boolean from its raw stored 32-bit value (Windows stores BOOL; 8, 16 and 65536 occur). */
    public static EventValue ofBooleanRaw(int raw) {
        return new EventValue(ValueType.BOOLEAN, null, raw & 0xFFFFFFFFL, 0);
    }

    public static EventValue ofBoolean(boolean v) {
        return ofBooleanRaw(v ? 1 : 0);
    }

    /** Binary data; the array is copied. */
    public static EventValue ofBinary(byte[] data) {
        return new EventValue(ValueType.BINARY, data.clone(), 0, 0);
    }

    /** Binary data from a slice of a buffer; the bytes are copied. */
    public static EventValue ofBinary(byte[] buf, int off, int len) {
        return new EventValue(ValueType.BINARY, Arrays.copyOfRange(buf, off, off + len), 0, 0);
    }

    public static EventValue ofGuid(UUID g) {
        return new EventValue(ValueType.GUID, Objects.requireNonNull(g), 0, 0);
    }

    public static EventValue ofSid(Sid s) {
        return new EventValue(ValueType.SID, Objects.requireNonNull(s), 0, 0);
    }

    public static EventValue ofFileTime(Instant t) {
        return new EventValue(ValueType.FILETIME, Objects.requireNonNull(t), 0, 0);
    }

    public static EventValue ofSystemTime(SystemTime t) {
        return new EventValue(ValueType.SYSTEMTIME, Objects.requireNonNull(t), 0, 0);
    }

    /** Embedded XML: {@link ValueType#BINXML} (rendered nested BinXml) or {@link ValueType#EVT_XML}. */
    public static EventValue ofXml(ValueType type, String xml) {
        if (type != ValueType.BINXML && type != ValueType.EVT_XML) {
            throw new IllegalArgumentException(type + " is not an XML type");
        }
        return new EventValue(type, Objects.requireNonNull(xml), 0, 0);
    }

    /**
     * An array value. {@code arrayType} must be an array type and every element must have its
     * element type.
     */
    public static EventValue ofArray(ValueType arrayType, List<EventValue> elements) {
        if (!arrayType.isArray()) {
            throw new IllegalArgumentException(arrayType + " is not an array type");
        }
        ValueType et = arrayType.elementType();
        List<EventValue> copy = new ArrayList<>(elements.size());
        for (EventValue e : elements) {
            if (e.type != et) {
                throw new IllegalArgumentException("element of type " + e.type + " in " + arrayType);
            }
            copy.add(e);
        }
        return new EventValue(arrayType, Collections.unmodifiableList(copy), 0, 0);
    }

    private static long normalize(ValueType t, long v) {
        switch (t) {
            case INT8: return (byte) v;
            case UINT8: return v & 0xFF;
            case INT16: return (short) v;
            case UINT16: return v & 0xFFFF;
            case INT32: return (int) v;
            case UINT32: case HEX_INT32: return v & 0xFFFFFFFFL;
            default: return v;
        }
    }

    // ---- accessors ----------------------------------------------------------------------

    public ValueType type() {
        return type;
    }

    public boolean isNull() {
        return type == ValueType.NULL;
    }

    /** The integer value (also BOOLEAN's raw value and EVT_HANDLE); throws for other types. */
    public long asLong() {
        if (!(type.isInteger() || type == ValueType.BOOLEAN || type == ValueType.EVT_HANDLE) || type.isArray()) {
            throw new IllegalStateException(type + " is not an integer value");
        }
        return bits;
    }

    public double asDouble() {
        if (type == ValueType.FLOAT || type == ValueType.DOUBLE) {
            return real;
        }
        if (type.isInteger() && !type.isArray()) {
            return bits;
        }
        throw new IllegalStateException(type + " is not a number");
    }

    public boolean asBoolean() {
        if (type != ValueType.BOOLEAN) {
            throw new IllegalStateException(type + " is not a boolean");
        }
        return bits != 0;
    }

    /** A copy of the bytes of a BINARY value. */
    public byte[] asBytes() {
        if (type != ValueType.BINARY) {
            throw new IllegalStateException(type + " is not binary");
        }
        return ((byte[]) ref).clone();
    }

    /** The length of a BINARY value without copying it. */
    public int binaryLength() {
        return type == ValueType.BINARY ? ((byte[]) ref).length : 0;
    }

    public UUID asGuid() {
        return (UUID) cast(ValueType.GUID);
    }

    public Sid asSid() {
        return (Sid) cast(ValueType.SID);
    }

    public Instant asInstant() {
        return (Instant) cast(ValueType.FILETIME);
    }

    public SystemTime asSystemTime() {
        return (SystemTime) cast(ValueType.SYSTEMTIME);
    }

    /** The string of a STRING, ANSI_STRING, BINXML or EVT_XML value. */
    public String asString() {
        if (ref instanceof String s) {
            return s;
        }
        throw new IllegalStateException(type + " is not a string");
    }

    /** The elements of an array value (unmodifiable); an empty list for scalars. */
    @SuppressWarnings("unchecked")
    public List<EventValue> elements() {
        return type.isArray() ? (List<EventValue>) ref : List.of();
    }

    private Object cast(ValueType expected) {
        if (type != expected) {
            throw new IllegalStateException(type + " is not " + expected);
        }
        return ref;
    }

    // ---- text ---------------------------------------------------------------------------

    /**
     * The text Windows renders for this value in event XML: decimal integers, {@code 0x}-prefixed
     * lower-case hex for HexInt32/64 (no padding), {@code true}/{@code false}, upper-case hex
     * for binary, braced upper-case GUIDs, {@code S-1-...} SIDs, 7-digit ISO-8601 FILETIMEs,
     * 3-digit SYSTEMTIMEs, and the elements of an array each rendered and separated by a
     * space. NULL renders as the empty string.
     */
    public String text() {
        switch (type) {
            case NULL: return "";
            case STRING: case ANSI_STRING: case BINXML: case EVT_XML: return (String) ref;
            case INT8: case INT16: case INT32: case INT64: return Long.toString(bits);
            case UINT8: case UINT16: case UINT32: case UINT64: case SIZE_T: case EVT_HANDLE:
                return Long.toUnsignedString(bits);
            case HEX_INT32: case HEX_INT64: return "0x" + Long.toHexString(bits);
            case FLOAT: return Float.toString((float) real);
            case DOUBLE: return Double.toString(real);
            case BOOLEAN: return bits != 0 ? "true" : "false";
            case BINARY: return hex((byte[]) ref);
            case GUID: return Guids.format((UUID) ref);
            case SID: return ref.toString();
            case FILETIME: return FileTime.format((Instant) ref);
            case SYSTEMTIME: return ref.toString();
            default:
                StringBuilder sb = new StringBuilder();
                for (EventValue e : elements()) {
                    if (sb.length() > 0) {
                        sb.append(' ');
                    }
                    sb.append(e.text());
                }
                return sb.toString();
        }
    }

    /** Upper-case hex of bytes, no separators. */
    public static String hex(byte[] b) {
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = HEX[(b[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[b[i] & 0xF];
        }
        return new String(out);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EventValue v) || v.type != type) {
            return false;
        }
        if (type == ValueType.FLOAT || type == ValueType.DOUBLE) {
            return Double.compare(real, v.real) == 0;
        }
        if (ref instanceof byte[] a) {
            return Arrays.equals(a, (byte[]) v.ref);
        }
        return bits == v.bits && Objects.equals(ref, v.ref);
    }

    @Override
    public int hashCode() {
        int h = type.hashCode() * 31 + Long.hashCode(bits) + Double.hashCode(real);
        return ref instanceof byte[] a ? h * 31 + Arrays.hashCode(a) : h * 31 + Objects.hashCode(ref);
    }

    @Override
    public String toString() {
        return type.referenceName() + ":" + text();
    }
}
