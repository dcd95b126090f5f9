package io.winlog.api.event;

/**
 * The value types a Windows event value can have: the BinXml value types of the .evtx format,
 * which are also the {@code EVT_VARIANT_TYPE} values wevtapi returns ({@code EvtVarType*}).
 *
 * <p>Every scalar type has an array form ({@link #isArray()}), whose code is the scalar code
 * with bit {@code 0x80} set. {@link #referenceName()} is the name the reference JSONL
 * (and python-evtx) use, e.g. {@code WString}, {@code HexInt64}, {@code WString[]}.
 */
public enum ValueType {
    NULL(0x00, "Null"),
    STRING(0x01, "WString"),
    ANSI_STRING(0x02, "String"),
    INT8(0x03, "Int8"),
    UINT8(0x04, "UInt8"),
    INT16(0x05, "Int16"),
    UINT16(0x06, "UInt16"),
    INT32(0x07, "Int32"),
    UINT32(0x08, "UInt32"),
    INT64(0x09, "Int64"),
    UINT64(0x0A, "UInt64"),
    FLOAT(0x0B, "Float"),
    DOUBLE(0x0C, "Double"),
    BOOLEAN(0x0D, "Boolean"),
    BINARY(0x0E, "Binary"),
    GUID(0x0F, "GUID"),
    SIZE_T(0x10, "SizeT"),
    FILETIME(0x11, "FILETIME"),
    SYSTEMTIME(0x12, "SYSTEMTIME"),
    SID(0x13, "SID"),
    HEX_INT32(0x14, "HexInt32"),
    HEX_INT64(0x15, "HexInt64"),
    /** An event handle (wevtapi only; never stored in files). */
    EVT_HANDLE(0x20, "EvtHandle"),
    /** Nested binary XML (a whole XML fragment as a value). */
    BINXML(0x21, "BinXml"),
    /** An XML string (wevtapi's EvtVarTypeEvtXml). */
    EVT_XML(0x23, "EvtXml"),

    STRING_ARRAY(0x81, "WString[]"),
    ANSI_STRING_ARRAY(0x82, "String[]"),
    INT8_ARRAY(0x83, "Int8[]"),
    UINT8_ARRAY(0x84, "UInt8[]"),
    INT16_ARRAY(0x85, "Int16[]"),
    UINT16_ARRAY(0x86, "UInt16[]"),
    INT32_ARRAY(0x87, "Int32[]"),
    UINT32_ARRAY(0x88, "UInt32[]"),
    INT64_ARRAY(0x89, "Int64[]"),
    UINT64_ARRAY(0x8A, "UInt64[]"),
    FLOAT_ARRAY(0x8B, "Float[]"),
    DOUBLE_ARRAY(0x8C, "Double[]"),
    BOOLEAN_ARRAY(0x8D, "Boolean[]"),
    BINARY_ARRAY(0x8E, "Binary[]"),
    GUID_ARRAY(0x8F, "GUID[]"),
    SIZE_T_ARRAY(0x90, "SizeT[]"),
    FILETIME_ARRAY(0x91, "FILETIME[]"),
    SYSTEMTIME_ARRAY(0x92, "SYSTEMTIME[]"),
    SID_ARRAY(0x93, "SID[]"),
    HEX_INT32_ARRAY(0x94, "HexInt32[]"),
    HEX_INT64_ARRAY(0x95, "HexInt64[]");

    /** Bit set in {@link #code()} for array types. */
    public static final int ARRAY_FLAG = 0x80;

    private static final ValueType[] BY_CODE = new ValueType[256];

    static {
        for (ValueType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final String referenceName;

    ValueType(int code, String referenceName) {
        this.code = code;
        this.referenceName = referenceName;
    }

    /** The BinXml / EVT_VARIANT type code (0x00..0x95). */
    public int code() {
        return code;
    }

    /** The name used by the reference JSONL and python-evtx ({@code WString}, {@code UInt32[]}, ...). */
    public String referenceName() {
        return referenceName;
    }

    /** True for the array forms. */
    public boolean isArray() {
        return (code & ARRAY_FLAG) != 0;
    }

    /** The element type of an array type, or this type itself for a scalar. */
    public ValueType elementType() {
        return isArray() ? BY_CODE[code & ~ARRAY_FLAG] : this;
    }

    /** The array form of this scalar type; throws for types that have none. */
    public ValueType arrayType() {
        if (isArray()) {
            return this;
        }
        ValueType t = code < 0x20 ? BY_CODE[code | ARRAY_FLAG] : null;
        if (t == null) {
            throw new IllegalArgumentException(this + " has no array form");
        }
        return t;
    }

    /** True for the integer types, signed or unsigned, hex or decimal, and SizeT. */
    public boolean isInteger() {
        ValueType e = elementType();
        return (e.code >= INT8.code && e.code <= UINT64.code) || e == SIZE_T || e == HEX_INT32 || e == HEX_INT64;
    }

    /** The type with this code, or {@code null} if the code is not a known value type. */
    public static ValueType ofCode(int code) {
        return code < 0 || code > 255 ? null : BY_CODE[code];
    }

    /** The type with this reference name ({@code WString}, {@code UInt32[]} ...), or {@code null}. */
    public static ValueType ofReferenceName(String name) {
        for (ValueType t : values()) {
            if (t.referenceName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
