package io.winlog.evtx;

import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.FileTime;
import io.winlog.api.event.Guids;
import io.winlog.api.event.NamedValue;
import io.winlog.api.event.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test oracle adapter: one of our records in the form of a reference JSONL line
 * (shared/samples/MANIFEST.md, "The .jsonl schema"), as plain maps/lists/strings/numbers, so it
 * can be compared key by key with the parsed reference line.
 */
final class ReferenceForm {
    private ReferenceForm() {
    }

    static Map<String, Object> of(EvtxRecord rec) {
        EventRecord e = rec.event();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("record_id", e.recordId());
        m.put("header_record_num", rec.headerRecordNumber());
        m.put("header_timestamp", FileTime.format(rec.headerTimestamp()));
        m.put("timestamp", e.timeCreated() == null ? null : FileTime.format(e.timeCreated()));
        m.put("event_id", (long) e.eventId());
        m.put("qualifiers", lng(e.qualifiers()));
        m.put("version", lng(e.version()));
        m.put("level", lng(e.level()));
        m.put("task", lng(e.task()));
        m.put("opcode", lng(e.opcode()));
        m.put("keywords", e.keywords() == null ? null : String.format("0x%016x", e.keywords()));
        m.put("provider_name", e.providerName());
        m.put("provider_guid", e.providerGuidText());
        if (e.eventSourceName() != null) {
            m.put("event_source_name", e.eventSourceName());
        }
        m.put("channel", e.channel());
        m.put("computer", e.computer());
        m.put("activity_id", e.activityId() == null ? null : Guids.format(e.activityId()));
        m.put("related_activity_id", e.relatedActivityId() == null ? null : Guids.format(e.relatedActivityId()));
        m.put("execution_pid", e.processId());
        m.put("execution_tid", e.threadId());
        Map<String, Object> other = new LinkedHashMap<>();
        if (e.processorId() != null) {
            other.put("ProcessorID", e.processorId().toString());
        }
        if (e.sessionId() != null) {
            other.put("SessionID", e.sessionId().toString());
        }
        if (e.kernelTime() != null) {
            other.put("KernelTime", e.kernelTime().toString());
        }
        if (e.userTime() != null) {
            other.put("UserTime", e.userTime().toString());
        }
        if (e.processorTime() != null) {
            other.put("ProcessorTime", e.processorTime().toString());
        }
        if (!other.isEmpty()) {
            m.put("execution_other", other);
        }
        m.put("security_user_sid", e.userSid() == null ? null : e.userSid().toString());
        List<Object> data = new ArrayList<>();
        for (NamedValue nv : e.eventData()) {
            EventValue v = nv.value();
            if (v.type().isArray()) {
                int i = 0;
                for (EventValue item : v.elements()) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("name", nv.name());
                    d.put("value", text(item));
                    d.put("type", v.type().referenceName());
                    d.put("array_index", (long) i++);
                    data.add(d);
                }
            } else if (v.type() == ValueType.EVT_XML && nv.name() == null) {
                // A non-Data child of EventData (ComplexData) kept as XML.
                String xml = v.asString();
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("name", null);
                d.put("element", xml.substring(1).split("[ />]", 2)[0]);
                d.put("value", xml);
                d.put("type", "xml");
                data.add(d);
            } else {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("name", nv.name());
                d.put("value", text(v));
                d.put("type", v.type().referenceName());
                data.add(d);
            }
        }
        if (e.userDataXml() == null || !data.isEmpty() || e.hasBinaryData()) {
            m.put("event_data", data);
        }
        if (e.hasBinaryData()) {
            m.put("event_data_binary", EventValue.hex(e.binaryData()));
        }
        if (e.userDataXml() != null) {
            m.put("user_data_xml", e.userDataXml());
        }
        if (e.otherXml() != null) {
            m.put("other_xml", e.otherXml());
        }
        return m;
    }

    /** A value's text in the reference conventions (zero-padded hex, python repr doubles). */
    static String text(EventValue v) {
        ValueType t = v.type();
        switch (t) {
            case NULL: return null;
            case HEX_INT32: return String.format("0x%08x", v.asLong());
            case HEX_INT64: return String.format("0x%016x", v.asLong());
            case DOUBLE: return pythonRepr(v.asDouble());
            case FLOAT: return pythonRepr((float) v.asDouble());
            default: return v.text();
        }
    }

    private static String pythonRepr(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e16) {
            return (long) d + ".0";
        }
        return Double.toString(d);
    }

    private static Long lng(Integer v) {
        return v == null ? null : (long) v;
    }
}
