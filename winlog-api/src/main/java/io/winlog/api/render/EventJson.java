package io.winlog.api.render;

import io.winlog.api.WinlogException;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.FileTime;
import io.winlog.api.event.Guids;
import io.winlog.api.event.NamedValue;
import io.winlog.api.event.SystemTime;
import io.winlog.api.event.ValueType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One JSON object per event, in exactly the reference JSONL schema of the shared samples
 * ({@code samples/MANIFEST.md}, "The .jsonl schema" and "Normalization"), so winlog's output can
 * be compared with the references line by line.
 *
 * <p>Keys, in this order: {@code record_id}, {@code header_record_num} and
 * {@code header_timestamp} (only with {@link #render(EventRecord, long, Instant, StringBuilder)}
 * and a header number &ge; 0), {@code timestamp} (7 fractional digits), {@code event_id},
 * {@code qualifiers}, {@code version}, {@code level}, {@code task}, {@code opcode},
 * {@code keywords} ({@code "0x%016x"}), {@code provider_name}, {@code provider_guid} (as the
 * source wrote it), {@code event_source_name} (only when present), {@code channel},
 * {@code computer}, {@code activity_id}, {@code related_activity_id}, {@code execution_pid},
 * {@code execution_tid}, {@code execution_other} (ProcessorID, SessionID, KernelTime, UserTime,
 * ProcessorTime as strings; only when any is present), {@code security_user_sid},
 * {@code event_data} (omitted when the event has UserData and no EventData),
 * {@code event_data_binary} (only when present), {@code user_data_xml} and {@code other_xml}
 * (only when present). Missing optional values are {@code null}.
 *
 * <p>{@code event_data} is an ordered list of {@code {"name", "value", "type"}}: an array value
 * becomes one item per element with {@code "array_index"}; an EventData child that is not a
 * {@code <Data>} element (a {@link ValueType#EVT_XML} value without a name, e.g.
 * {@code <ComplexData>}) becomes {@code {"name": null, "element": tag, "value": xml, "type": "xml"}}.
 * Value texts follow the references: decimal integers, HexInt32/HexInt64 zero-padded to 8/16
 * lower-case digits, braced upper-case GUIDs, upper-case hex Binary, {@code true}/{@code false},
 * FILETIME with 7 and SYSTEMTIME with 3 fractional digits, Float/Double as Python's
 * {@code repr}. Strings are written as Python's {@code json.dumps(ensure_ascii=False)} does:
 * non-ASCII characters raw, control characters as {@code \}{@code u00xx}.
 *
 * <p>Writing is a hand-written streaming writer into a {@link StringBuilder} (no Jackson, no
 * intermediate objects for most values). {@link #parse(String)} reads a line back; it needs
 * Jackson ({@code jackson-databind}, an optional dependency) on the class path.
 *
 * <p>What the JSON does not carry, so {@code EventRecord -> JSON -> EventRecord} loses it: the
 * raw value of a Boolean (any non-zero raw value reads back as 1), arrays without elements (no
 * item is written), the rendering info, and - on the way back - whether an event without UserData
 * had an empty or no EventData. Adjacent arrays stay apart ({@code array_index} restarts at 0).
 * Everything else, including every value type and array, round-trips exactly.
 */
public final class EventJson {
    private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    private EventJson() {
    }

    /** The JSON line (without the header keys and without a trailing newline). */
    public static String render(EventRecord r) {
        StringBuilder sb = new StringBuilder(1024);
        render(r, -1, null, sb);
        return sb.toString();
    }

    /**
     * Appends the JSON object of {@code r} (no trailing newline) to {@code out}.
     *
     * @param headerRecordNum the record number of the file's record header, or a negative value to
     *                        omit {@code header_record_num} and {@code header_timestamp}
     * @param headerTimestamp the record header's time (written as {@code null} when null)
     */
    public static void render(EventRecord r, long headerRecordNum, Instant headerTimestamp, StringBuilder out) {
        out.append("{\"record_id\": ").append(r.recordId());
        if (headerRecordNum >= 0) {
            out.append(", \"header_record_num\": ").append(headerRecordNum);
            out.append(", \"header_timestamp\": ");
            time(out, headerTimestamp);
        }
        out.append(", \"timestamp\": ");
        time(out, r.timeCreated());
        out.append(", \"event_id\": ").append(r.eventId());
        out.append(", \"qualifiers\": ");
        integer(out, r.qualifiers());
        out.append(", \"version\": ");
        integer(out, r.version());
        out.append(", \"level\": ");
        integer(out, r.level());
        out.append(", \"task\": ");
        integer(out, r.task());
        out.append(", \"opcode\": ");
        integer(out, r.opcode());
        out.append(", \"keywords\": ");
        Long kw = r.keywords();
        if (kw == null) {
            out.append("null");
        } else {
            out.append('"');
            hexPadded(out, kw, 16);
            out.append('"');
        }
        out.append(", \"provider_name\": ");
        string(out, r.providerName());
        out.append(", \"provider_guid\": ");
        string(out, r.providerGuidText());
        if (r.eventSourceName() != null) {
            out.append(", \"event_source_name\": ");
            string(out, r.eventSourceName());
        }
        out.append(", \"channel\": ");
        string(out, r.channel());
        out.append(", \"computer\": ");
        string(out, r.computer());
        out.append(", \"activity_id\": ");
        guid(out, r.activityId());
        out.append(", \"related_activity_id\": ");
        guid(out, r.relatedActivityId());
        out.append(", \"execution_pid\": ");
        integer(out, r.processId());
        out.append(", \"execution_tid\": ");
        integer(out, r.threadId());
        if (r.processorId() != null || r.sessionId() != null || r.kernelTime() != null || r.userTime() != null
                || r.processorTime() != null) {
            out.append(", \"execution_other\": {");
            boolean first = true;
            first = other(out, first, "ProcessorID", r.processorId());
            first = other(out, first, "SessionID", r.sessionId());
            first = other(out, first, "KernelTime", r.kernelTime());
            first = other(out, first, "UserTime", r.userTime());
            other(out, first, "ProcessorTime", r.processorTime());
            out.append('}');
        }
        out.append(", \"security_user_sid\": ");
        string(out, r.userSid() == null ? null : r.userSid().toString());
        List<NamedValue> data = r.eventData();
        if (!data.isEmpty() || r.userDataXml() == null) {
            out.append(", \"event_data\": [");
            boolean first = true;
            for (int i = 0, n = data.size(); i < n; i++) {
                first = item(out, first, data.get(i));
            }
            out.append(']');
        }
        if (r.hasBinaryData()) {
            out.append(", \"event_data_binary\": \"");
            hexUpper(out, r.binaryData());
            out.append('"');
        }
        if (r.userDataXml() != null) {
            out.append(", \"user_data_xml\": ");
            string(out, r.userDataXml());
        }
        if (r.otherXml() != null) {
            out.append(", \"other_xml\": ");
            string(out, r.otherXml());
        }
        out.append('}');
    }

    /**
     * Parses one JSON line of the reference schema back into an {@link EventRecord}. Header keys
     * and unknown keys are ignored. Needs Jackson on the class path.
     *
     * @throws WinlogException if Jackson is missing, the line is not JSON, or it is an error stub
     *                         (no {@code record_id}) or has a value that does not fit its type
     */
    public static EventRecord parse(String jsonLine) {
        return JacksonSupport.parser().parse(jsonLine);
    }

    // ---- items -------------------------------------------------------------------------

    private static boolean item(StringBuilder out, boolean first, NamedValue nv) {
        EventValue v = nv.value();
        ValueType t = v.type();
        if (t.isArray()) {
            List<EventValue> els = v.elements();
            for (int i = 0, n = els.size(); i < n; i++) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append("{\"name\": ");
                string(out, nv.name());
                out.append(", \"value\": ");
                value(out, els.get(i));
                out.append(", \"type\": \"").append(t.referenceName()).append("\", \"array_index\": ").append(i).append('}');
            }
            return first;
        }
        if (!first) {
            out.append(", ");
        }
        out.append("{\"name\": ");
        string(out, nv.name());
        if (t == ValueType.EVT_XML && nv.name() == null) {
            out.append(", \"element\": ");
            string(out, elementName(v.asString()));
            out.append(", \"value\": ");
            string(out, v.asString());
            out.append(", \"type\": \"xml\"}");
            return false;
        }
        out.append(", \"value\": ");
        value(out, v);
        out.append(", \"type\": \"").append(t.referenceName()).append("\"}");
        return false;
    }

    /** The tag name of the first element in an XML fragment ({@code <ComplexData Name=..>} → ComplexData). */
    static String elementName(String xml) {
        int i = xml.indexOf('<');
        if (i < 0) {
            return null;
        }
        int j = i + 1;
        while (j < xml.length()) {
            char c = xml.charAt(j);
            if (c == ' ' || c == '/' || c == '>' || c == '\t' || c == '\n' || c == '\r') {
                break;
            }
            j++;
        }
        return xml.substring(i + 1, j);
    }

    /** Writes the value text of a scalar as the reference does, quoted. */
    private static void value(StringBuilder out, EventValue v) {
        switch (v.type()) {
            case STRING: case ANSI_STRING: case BINXML: case EVT_XML:
                string(out, v.asString());
                return;
            case INT8: case INT16: case INT32: case INT64:
                out.append('"').append(v.asLong()).append('"');
                return;
            case UINT8: case UINT16: case UINT32: case SIZE_T: case EVT_HANDLE:
                if (v.asLong() >= 0) {
                    out.append('"').append(v.asLong()).append('"');
                } else {
                    out.append('"').append(Long.toUnsignedString(v.asLong())).append('"');
                }
                return;
            case UINT64:
                out.append('"').append(Long.toUnsignedString(v.asLong())).append('"');
                return;
            case HEX_INT32:
                out.append('"');
                hexPadded(out, v.asLong(), 8);
                out.append('"');
                return;
            case HEX_INT64:
                out.append('"');
                hexPadded(out, v.asLong(), 16);
                out.append('"');
                return;
            case FLOAT:
                out.append('"');
                PyRepr.append(out, (double) (float) v.asDouble());
                out.append('"');
                return;
            case DOUBLE:
                out.append('"');
                PyRepr.append(out, v.asDouble());
                out.append('"');
                return;
            case BOOLEAN:
                out.append(v.asBoolean() ? "\"true\"" : "\"false\"");
                return;
            case BINARY:
                out.append('"');
                hexUpper(out, v.asBytes());
                out.append('"');
                return;
            case GUID:
                guid(out, v.asGuid());
                return;
            case FILETIME:
                out.append('"');
                FileTime.appendFormatted(out, v.asInstant());
                out.append('"');
                return;
            case SYSTEMTIME:
                out.append('"');
                systemTime(out, v.asSystemTime());
                out.append('"');
                return;
            case SID:
                out.append('"').append(v.asSid().toString()).append('"'); // S-1-... needs no escaping
                return;
            case NULL:
                out.append("\"\"");
                return;
            default:
                string(out, v.text());
        }
    }

    // ---- primitives --------------------------------------------------------------------

    /** {@code 2019-03-08T23:23:05.000Z}, as {@link SystemTime#toString()} without String.format. */
    static void systemTime(StringBuilder out, SystemTime t) {
        pad(out, t.year(), 4).append('-');
        pad(out, t.month(), 2).append('-');
        pad(out, t.day(), 2).append('T');
        pad(out, t.hour(), 2).append(':');
        pad(out, t.minute(), 2).append(':');
        pad(out, t.second(), 2).append('.');
        pad(out, t.milliseconds(), 3).append('Z');
    }

    private static StringBuilder pad(StringBuilder out, int v, int width) {
        if (v < 0) {
            return out.append(String.format("%0" + width + "d", v)); // as String.format pads negatives
        }
        int digits = v == 0 ? 1 : (int) Math.log10(v) + 1;
        for (int i = digits; i < width; i++) {
            out.append('0');
        }
        return out.append(v);
    }

    private static boolean other(StringBuilder out, boolean first, String key, Number v) {
        if (v == null) {
            return first;
        }
        if (!first) {
            out.append(", ");
        }
        out.append('"').append(key).append("\": \"").append(v.longValue()).append('"');
        return false;
    }

    private static void time(StringBuilder out, Instant t) {
        if (t == null) {
            out.append("null");
        } else {
            out.append('"');
            FileTime.appendFormatted(out, t);
            out.append('"');
        }
    }

    private static void integer(StringBuilder out, Number n) {
        if (n == null) {
            out.append("null");
        } else {
            out.append(n.longValue());
        }
    }

    private static void guid(StringBuilder out, UUID g) {
        if (g == null) {
            out.append("null");
            return;
        }
        out.append('"');
        bracedGuid(out, g);
        out.append('"');
    }

    /** {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}} without intermediate strings. */
    static void bracedGuid(StringBuilder out, UUID g) {
        long msb = g.getMostSignificantBits();
        long lsb = g.getLeastSignificantBits();
        out.append('{');
        hexDigits(out, msb >>> 32, 8);
        out.append('-');
        hexDigits(out, msb >>> 16, 4);
        out.append('-');
        hexDigits(out, msb, 4);
        out.append('-');
        hexDigits(out, lsb >>> 48, 4);
        out.append('-');
        hexDigits(out, lsb, 12);
        out.append('}');
    }

    private static void hexDigits(StringBuilder out, long v, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out.append(HEX_UPPER[(int) (v >>> (4 * i)) & 0xF]);
        }
    }

    /** {@code 0x} and exactly {@code digits} lower-case hex digits. */
    static void hexPadded(StringBuilder out, long v, int digits) {
        out.append("0x");
        for (int i = digits - 1; i >= 0; i--) {
            out.append(HEX_LOWER[(int) (v >>> (4 * i)) & 0xF]);
        }
    }

    static void hexUpper(StringBuilder out, byte[] b) {
        for (byte x : b) {
            out.append(HEX_UPPER[(x >> 4) & 0xF]).append(HEX_UPPER[x & 0xF]);
        }
    }

    /**
     * Appends {@code s} as a JSON string (or {@code null}), escaped as every string of this schema
     * is: as Python's {@code json.dumps(ensure_ascii=False)} escapes it (non-ASCII characters raw,
     * {@code "} and {@code \} and control characters escaped). For writers of the same lines
     * from other sources.
     */
    public static void appendString(StringBuilder out, String s) {
        string(out, s);
    }

    /** A JSON string (or {@code null}) escaped as Python's {@code json.dumps(ensure_ascii=False)}. */
    static void string(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, start, i);
            start = i + 1;
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    out.append("\\u00").append(HEX_LOWER[(c >> 4) & 0xF]).append(HEX_LOWER[c & 0xF]);
            }
        }
        out.append(s, start, n).append('"');
    }

    /** Loads the Jackson-based parser only when {@link #parse} is called. */
    private static final class JacksonSupport {
        private static volatile JsonRecordParser parser;

        static JsonRecordParser parser() {
            JsonRecordParser p = parser;
            if (p == null) {
                try {
                    Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, EventJson.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new WinlogException("EventJson.parse needs Jackson: add com.fasterxml.jackson.core:jackson-databind"
                            + " (an optional dependency of winlog-api) to the class path", e);
                }
                p = new JsonRecordParser();
                parser = p;
            }
            return p;
        }
    }
}
