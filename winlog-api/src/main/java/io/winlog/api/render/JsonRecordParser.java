package io.winlog.api.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.winlog.api.WinlogException;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.Guids;
import io.winlog.api.event.NamedValue;
import io.winlog.api.event.Sid;
import io.winlog.api.event.SystemTime;
import io.winlog.api.event.ValueType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads one line of the reference JSONL schema back into an {@link EventRecord} with Jackson.
 * The only class of winlog-api that touches Jackson: {@link EventJson} loads it on first use,
 * so winlog-api works without Jackson on the class path.
 */
final class JsonRecordParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    EventRecord parse(String line) {
        JsonNode root;
        try {
            root = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new WinlogException("not a JSON event line: " + e.getOriginalMessage()
                    + "; pass one line of winlog's JSONL output (or a reference .jsonl)", e);
        }
        if (root == null || !root.isObject()) {
            throw new WinlogException("not a JSON event object: " + abbreviate(line));
        }
        if (root.has("error") && !root.has("record_id")) {
            throw new WinlogException("this line is an error stub (the reference parser failed on the record): "
                    + root.get("error").asText());
        }
        JsonNode id = root.get("record_id");
        if (id == null || !id.isIntegralNumber()) {
            throw new WinlogException("record_id missing or not a number (an EventRecord needs one): " + abbreviate(line));
        }
        try {
            return build(root);
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw new WinlogException("bad value in JSON event line: " + e.getMessage() + ": " + abbreviate(line), e);
        }
    }

    private static EventRecord build(JsonNode o) {
        EventRecord.Builder b = EventRecord.builder();
        b.recordId(o.get("record_id").asLong());
        String ts = text(o, "timestamp");
        b.timeCreated(ts == null ? null : Instant.parse(ts));
        JsonNode eid = o.get("event_id");
        if (eid != null && !eid.isNull()) {
            b.eventId(eid.asInt());
        }
        b.qualifiers(integer(o, "qualifiers"));
        b.version(integer(o, "version"));
        b.level(integer(o, "level"));
        b.task(integer(o, "task"));
        b.opcode(integer(o, "opcode"));
        String kw = text(o, "keywords");
        b.keywords(kw == null ? null : parseHex(kw));
        b.providerName(text(o, "provider_name"));
        String pg = text(o, "provider_guid");
        if (pg != null) {
            b.providerGuidText(pg);
            try {
                b.providerGuid(Guids.parse(pg));
            } catch (IllegalArgumentException e) {
                // literal template text that is not a GUID: kept as text only
            }
        }
        b.eventSourceName(text(o, "event_source_name"));
        b.channel(text(o, "channel"));
        b.computer(text(o, "computer"));
        String act = text(o, "activity_id");
        b.activityId(act == null ? null : Guids.parse(act));
        String rel = text(o, "related_activity_id");
        b.relatedActivityId(rel == null ? null : Guids.parse(rel));
        b.processId(longValue(o, "execution_pid"));
        b.threadId(longValue(o, "execution_tid"));
        JsonNode other = o.get("execution_other");
        if (other != null && other.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = other.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String v = e.getValue().asText();
                switch (e.getKey()) {
                    case "ProcessorID": b.processorId(Integer.parseInt(v)); break;
                    case "SessionID": b.sessionId(Integer.parseInt(v)); break;
                    case "KernelTime": b.kernelTime(Long.parseLong(v)); break;
                    case "UserTime": b.userTime(Long.parseLong(v)); break;
                    case "ProcessorTime": b.processorTime(Long.parseLong(v)); break;
                    default: throw new IllegalArgumentException("unknown execution_other key " + e.getKey());
                }
            }
        }
        String sid = text(o, "security_user_sid");
        b.userSid(sid == null ? null : Sid.parse(sid));
        JsonNode data = o.get("event_data");
        if (data != null && data.isArray()) {
            b.eventData(items(data));
        }
        String bin = text(o, "event_data_binary");
        if (bin != null) {
            b.binaryData(unhex(bin));
        }
        b.userDataXml(text(o, "user_data_xml"));
        b.otherXml(text(o, "other_xml"));
        return b.build();
    }

    /** Event data items; consecutive array items (array_index 0, 1, ...) of one name and type form one array. */
    private static List<NamedValue> items(JsonNode arr) {
        List<NamedValue> out = new ArrayList<>(arr.size());
        List<EventValue> pending = null;
        String pendingName = null;
        ValueType pendingType = null;
        for (JsonNode it : arr) {
            String name = it.hasNonNull("name") ? it.get("name").asText() : null;
            String typeName = it.path("type").asText(null);
            String value = it.hasNonNull("value") ? it.get("value").asText() : null;
            JsonNode idx = it.get("array_index");
            if (idx != null && !idx.isNull()) {
                ValueType at = ValueType.ofReferenceName(typeName);
                if (at == null || !at.isArray()) {
                    throw new IllegalArgumentException("array_index on a non-array type " + typeName);
                }
                int index = idx.asInt();
                if (index == 0 || pending == null || pendingType != at || !java.util.Objects.equals(pendingName, name)
                        || index != pending.size()) {
                    if (pending != null) {
                        out.add(new NamedValue(pendingName, EventValue.ofArray(pendingType, pending)));
                    }
                    pending = new ArrayList<>();
                    pendingName = name;
                    pendingType = at;
                }
                pending.add(scalar(at.elementType(), value == null ? "" : value));
                continue;
            }
            if (pending != null) {
                out.add(new NamedValue(pendingName, EventValue.ofArray(pendingType, pending)));
                pending = null;
            }
            if ("xml".equals(typeName)) {
                out.add(new NamedValue(name, EventValue.ofXml(ValueType.EVT_XML, value == null ? "" : value)));
                continue;
            }
            ValueType t = ValueType.ofReferenceName(typeName);
            if (t == null || t.isArray()) {
                throw new IllegalArgumentException("unknown value type " + typeName);
            }
            out.add(new NamedValue(name, t == ValueType.NULL ? EventValue.NULL : scalar(t, value == null ? "" : value)));
        }
        if (pending != null) {
            out.add(new NamedValue(pendingName, EventValue.ofArray(pendingType, pending)));
        }
        return out;
    }

    /** The typed value of a reference value text (the inverse of EventJson's value conventions). */
    static EventValue scalar(ValueType t, String s) {
        switch (t) {
            case STRING: return EventValue.ofString(s);
            case ANSI_STRING: return EventValue.ofAnsiString(s);
            case BINXML: case EVT_XML: return EventValue.ofXml(t, s);
            case INT8: case INT16: case INT32: case INT64:
                return EventValue.ofInteger(t, Long.parseLong(s));
            case UINT8: case UINT16: case UINT32: case UINT64: case SIZE_T: case EVT_HANDLE:
                return EventValue.ofInteger(t, Long.parseUnsignedLong(s));
            case HEX_INT32: case HEX_INT64: return EventValue.ofInteger(t, parseHex(s));
            case FLOAT: return EventValue.ofFloat(Float.parseFloat(pyNumber(s)));
            case DOUBLE: return EventValue.ofDouble(Double.parseDouble(pyNumber(s)));
            case BOOLEAN:
                if (s.equals("true")) {
                    return EventValue.ofBoolean(true);
                } else if (s.equals("false")) {
                    return EventValue.ofBoolean(false);
                }
                throw new IllegalArgumentException("not a Boolean: " + s);
            case BINARY: return EventValue.ofBinary(unhex(s));
            case GUID: return EventValue.ofGuid(Guids.parse(s));
            case SID: return EventValue.ofSid(Sid.parse(s));
            case FILETIME: return EventValue.ofFileTime(Instant.parse(s));
            case SYSTEMTIME: return EventValue.ofSystemTime(parseSystemTime(s));
            case NULL: return EventValue.NULL;
            default: throw new IllegalArgumentException("cannot read a " + t.referenceName() + " value from JSON");
        }
    }

    private static String pyNumber(String s) {
        switch (s) {
            case "inf": return "Infinity";
            case "-inf": return "-Infinity";
            case "nan": return "NaN";
            default: return s;
        }
    }

    /** {@code 2019-03-08T23:23:05.000Z}; the day of week is derived (it is not in the text). */
    private static SystemTime parseSystemTime(String s) {
        if (s.length() != 24 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(19) != '.' || s.charAt(23) != 'Z') {
            throw new IllegalArgumentException("not a SYSTEMTIME text (yyyy-MM-ddTHH:mm:ss.SSSZ): " + s);
        }
        int y = Integer.parseInt(s.substring(0, 4));
        int mo = Integer.parseInt(s.substring(5, 7));
        int d = Integer.parseInt(s.substring(8, 10));
        int h = Integer.parseInt(s.substring(11, 13));
        int mi = Integer.parseInt(s.substring(14, 16));
        int se = Integer.parseInt(s.substring(17, 19));
        int ms = Integer.parseInt(s.substring(20, 23));
        int dow = 0;
        try {
            dow = java.time.LocalDate.of(y, mo, d).getDayOfWeek().getValue() % 7;
        } catch (java.time.DateTimeException e) {
            // not a valid date: kept as written, day of week unknown
        }
        return new SystemTime(y, mo, dow, d, h, mi, se, ms);
    }

    static long parseHex(String s) {
        if (!(s.startsWith("0x") || s.startsWith("0X"))) {
            throw new IllegalArgumentException("expected 0x-prefixed hex: " + s);
        }
        return Long.parseUnsignedLong(s.substring(2), 16);
    }

    static byte[] unhex(String s) {
        if ((s.length() & 1) != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(s.charAt(2 * i), 16);
            int lo = Character.digit(s.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not hex at " + (2 * i));
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    private static String text(JsonNode o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Integer integer(JsonNode o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? null : Integer.valueOf(n.asInt());
    }

    private static Long longValue(JsonNode o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? null : Long.valueOf(n.asLong());
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
