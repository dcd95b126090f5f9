package io.winlog.evtx.binxml;

import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.FileTime;
import io.winlog.api.event.Guids;
import io.winlog.api.event.NamedValue;
import io.winlog.api.event.RenderingInfo;
import io.winlog.api.event.Sid;
import io.winlog.api.event.ValueType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Builds the winlog-api {@link EventRecord} from a resolved record tree ({@code <Event>}): the
 * System properties, typed EventData (arrays stay one array value), EventData/Binary, UserData as
 * compact XML, RenderingInfo, and any other top-level element as XML.
 *
 * <p>Lenient by design: a property whose text does not parse is left null rather than failing
 * the record, because the tree itself came out of the file intact.
 */
public final class EventRecordMapper {
    private EventRecordMapper() {
    }

    /** Maps {@code <Event>} to an {@link EventRecord}. */
    public static EventRecord map(Element event) {
        EventRecord.Builder b = EventRecord.builder();
        StringBuilder other = null;
        for (BinXmlNode n : event.children()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            switch (e.name()) {
                case "System":
                    mapSystem(e, b);
                    break;
                case "EventData":
                    mapEventData(e, b);
                    break;
                case "UserData": {
                    StringBuilder sb = new StringBuilder(256);
                    XmlRenderer.COMPACT.appendContent(sb, e.children());
                    b.userDataXml(sb.toString());
                    break;
                }
                case "RenderingInfo":
                    b.renderingInfo(renderingInfo(e));
                    break;
                default:
                    if (other == null) {
                        other = new StringBuilder(256);
                    }
                    XmlRenderer.COMPACT.append(other, e);
            }
        }
        if (other != null) {
            b.otherXml(other.toString());
        }
        return b.build();
    }

    private static void mapSystem(Element system, EventRecord.Builder b) {
        for (BinXmlNode n : system.children()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            switch (e.name()) {
                case "Provider": {
                    b.providerName(attrText(e, "Name"));
                    String g = attrText(e, "Guid");
                    if (g != null) {
                        b.providerGuidText(g);
                        b.providerGuid(guid(attrValue(e, "Guid")));
                    }
                    b.eventSourceName(attrText(e, "EventSourceName"));
                    break;
                }
                case "EventID": {
                    Long id = number(contentValue(e));
                    if (id != null) {
                        b.fullEventId(id & 0xFFFF);
                    }
                    Long q = number(attrValue(e, "Qualifiers"));
                    b.qualifiers(q == null ? null : (int) (q & 0xFFFF));
                    break;
                }
                case "Version": b.version(toInt(number(contentValue(e)))); break;
                case "Level": b.level(toInt(number(contentValue(e)))); break;
                case "Task": b.task(toInt(number(contentValue(e)))); break;
                case "Opcode": b.opcode(toInt(number(contentValue(e)))); break;
                case "Keywords": b.keywords(number(contentValue(e))); break;
                case "TimeCreated": b.timeCreated(instant(attrValue(e, "SystemTime"))); break;
                case "EventRecordID": {
                    Long id = number(contentValue(e));
                    b.recordId(id == null ? 0 : id);
                    break;
                }
                case "Correlation":
                    b.activityId(guid(attrValue(e, "ActivityID")));
                    b.relatedActivityId(guid(attrValue(e, "RelatedActivityID")));
                    break;
                case "Execution":
                    b.processId(number(attrValue(e, "ProcessID")));
                    b.threadId(number(attrValue(e, "ThreadID")));
                    b.processorId(toInt(number(attrValue(e, "ProcessorID"))));
                    b.sessionId(toInt(number(attrValue(e, "SessionID"))));
                    b.kernelTime(number(attrValue(e, "KernelTime")));
                    b.userTime(number(attrValue(e, "UserTime")));
                    b.processorTime(number(attrValue(e, "ProcessorTime")));
                    break;
                case "Channel": {
                    String c = text(e.children());
                    b.channel(c.isEmpty() ? null : c);
                    break;
                }
                case "Computer": b.computer(text(e.children())); break;
                case "Security": b.userSid(sid(attrValue(e, "UserID"))); break;
                default:
                    break;
            }
        }
    }

    private static void mapEventData(Element data, EventRecord.Builder b) {
        for (BinXmlNode n : data.children()) {
            if (n instanceof Element e) {
                if (e.name().equals("Binary")) {
                    byte[] bin = binary(contentValue(e));
                    if (bin != null && bin.length > 0) {
                        b.binaryData(bin);
                    }
                } else if (e.name().equals("Data")) {
                    EventValue v = contentValue(e);
                    // No content at all is a NULL value (distinct from an empty string).
                    b.addData(new NamedValue(attrText(e, "Name"), v == null ? EventValue.NULL : v));
                } else {
                    // Other children (e.g. ComplexData) are kept whole, as an unnamed XML item.
                    StringBuilder sb = new StringBuilder();
                    XmlRenderer.COMPACT.append(sb, e);
                    b.addData(new NamedValue(null, EventValue.ofXml(ValueType.EVT_XML, sb.toString())));
                }
            } else if (n instanceof Value v && !v.value().isNull()) {
                // Text directly inside EventData (rare): keep it as an unnamed item.
                b.addData(new NamedValue(null, v.value()));
            }
        }
    }

    private static RenderingInfo renderingInfo(Element e) {
        List<String> keywords = new ArrayList<>();
        Element kw = e.child("Keywords");
        if (kw != null) {
            for (BinXmlNode n : kw.children()) {
                if (n instanceof Element k) {
                    keywords.add(text(k.children()));
                }
            }
        }
        return new RenderingInfo(attrText(e, "Culture"), childText(e, "Message"), childText(e, "Level"),
                childText(e, "Task"), childText(e, "Opcode"), childText(e, "Channel"), childText(e, "Provider"), keywords);
    }

    // ---- value helpers -------------------------------------------------------------------------

    /** The value of content parts: the single typed value, or the text of several parts, or null. */
    static EventValue value(List<BinXmlNode> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1 && parts.get(0) instanceof Value v) {
            return v.value();
        }
        for (BinXmlNode p : parts) {
            if (p instanceof Element) {
                StringBuilder sb = new StringBuilder();
                XmlRenderer.COMPACT.appendContent(sb, parts);
                return EventValue.ofString(sb.toString());
            }
        }
        return EventValue.ofString(text(parts));
    }

    private static EventValue contentValue(Element e) {
        return value(e.children());
    }

    private static EventValue attrValue(Element e, String name) {
        Attribute a = e.attribute(name);
        return a == null ? null : value(a.value());
    }

    private static String attrText(Element e, String name) {
        Attribute a = e.attribute(name);
        return a == null ? null : text(a.value());
    }

    private static String childText(Element e, String name) {
        Element c = e.child(name);
        return c == null ? null : text(c.children());
    }

    /** Text of content parts with references resolved. */
    static String text(List<BinXmlNode> parts) {
        if (parts.size() == 1 && parts.get(0) instanceof Value v) {
            return v.value().text();
        }
        StringBuilder sb = new StringBuilder();
        for (BinXmlNode p : parts) {
            if (p instanceof Value v) {
                sb.append(v.value().text());
            } else if (p instanceof CData c) {
                sb.append(c.text());
            } else if (p instanceof CharRef c) {
                sb.append((char) c.codePoint());
            } else if (p instanceof EntityRef r) {
                String s = r.resolved();
                sb.append(s != null ? s : "&" + r.name() + ";");
            } else if (p instanceof Element el) {
                sb.append(text(el.children()));
            }
        }
        return sb.toString();
    }

    static Long number(EventValue v) {
        if (v == null || v.isNull()) {
            return null;
        }
        ValueType t = v.type();
        if ((t.isInteger() && !t.isArray()) || t == ValueType.BOOLEAN) {
            return v.asLong();
        }
        String s = v.text().trim();
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Long.parseUnsignedLong(s.substring(2), 16);
            }
            return s.isEmpty() ? null : Long.parseLong(s);
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    static Integer toInt(Long v) {
        return v == null ? null : (int) (long) v;
    }

    static UUID guid(EventValue v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.type() == ValueType.GUID) {
            return v.asGuid();
        }
        try {
            return Guids.parse(v.text());
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    static Sid sid(EventValue v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.type() == ValueType.SID) {
            return v.asSid();
        }
        String s = v.text().trim();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Sid.parse(s);
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    static Instant instant(EventValue v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.type() == ValueType.FILETIME) {
            return v.asInstant();
        }
        if (v.type() == ValueType.SYSTEMTIME) {
            return v.asSystemTime().toInstant();
        }
        try {
            return OffsetDateTime.parse(v.text().trim()).toInstant();
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    static byte[] binary(EventValue v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.type() == ValueType.BINARY) {
            return v.asBytes();
        }
        String s = v.text().trim();
        try {
            return s.isEmpty() ? null : HexFormat.of().parseHex(s);
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** Exposed for the FILETIME text of header timestamps. */
    static String fileTimeText(long ticks) {
        return FileTime.format(FileTime.toInstant(ticks));
    }
}
