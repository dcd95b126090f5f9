package io.winlog.api.render;

import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.FileTime;
import io.winlog.api.event.Guids;
import io.winlog.api.event.NamedValue;
import io.winlog.api.event.RenderingInfo;
import io.winlog.api.event.ValueType;
import java.util.List;
import java.util.UUID;

/**
 * Renders an {@link EventRecord} as event XML in the shape Windows' {@code EvtRender} with
 * {@code EvtRenderEventXml} produces:
 *
 * <pre>{@code
 * <Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>
 * <Provider Name='..' Guid='{..}' EventSourceName='..'/><EventID Qualifiers='..'>..</EventID>
 * <Version>..</Version><Level>..</Level><Task>..</Task><Opcode>..</Opcode><Keywords>0x..</Keywords>
 * <TimeCreated SystemTime='2013-10-23T16:22:39.9735000Z'/><EventRecordID>..</EventRecordID>
 * <Correlation ActivityID='{..}' RelatedActivityID='{..}'/><Execution ProcessID='..' ThreadID='..'/>
 * <Channel>..</Channel><Computer>..</Computer><Security UserID='S-1-..'/></System>
 * <EventData><Data Name='..'>..</Data>..<Binary>..</Binary></EventData></Event>
 * }</pre>
 * (one line, no whitespace between elements; wrapped here for reading).
 *
 * <p>Conventions, as Windows writes them: single-quoted attributes; text escapes {@code &amp;},
 * {@code &lt;}, {@code &gt;}; attribute values also {@code &apos;}, {@code &quot;} and
 * {@code &#xD;}/{@code &#xA;}/{@code &#x9;}; elements without content self-close
 * ({@code <Correlation/>}, {@code <Security/>}); an empty string value is {@code <Data></Data>}.
 * Values use {@link EventValue#text()}: unpadded lower-case hex for HexInt32/64 and for
 * {@code Keywords} ({@code 0x8020000000000000}, {@code 0x80000000000000}), braced upper-case
 * GUIDs, upper-case hex Binary. An array value becomes one {@code <Data>} per element (as Windows
 * renders classic insertion strings). An unnamed {@link ValueType#EVT_XML} value (an EventData
 * child that is not {@code <Data>}, e.g. {@code <ComplexData>}) is inserted as it is.
 *
 * <p>Optional parts are omitted when the record does not carry them: Provider's Guid and
 * EventSourceName, Qualifiers, Version, Level, Task, Opcode, Keywords, TimeCreated, Execution
 * (and each of its attributes), the Security UserID, Binary, UserData, RenderingInfo.
 * {@code Correlation} is written when the event has an activity id or a {@code Version}
 * (manifest-era templates carry both; pre-Vista style classic templates have neither).
 * {@code EventData} is written unless the event has UserData and no EventData values.
 *
 * <p>Known differences from Windows (documented in {@code docs/api-query-and-rendering.md}):
 * some Windows builds print {@code TimeCreated} with 9 fractional digits
 * ({@code ...848116500Z}); this renderer prints 7, the FILETIME resolution. Windows keeps the
 * exact presence of empty Correlation/EventData elements from the event's template, which the
 * model does not record.
 */
public final class EventXml {
    /** The event namespace Windows puts on {@code <Event>}. */
    public static final String NAMESPACE = "http://schemas.microsoft.com/win/2004/08/events/event";

    private EventXml() {
    }

    /** The event's XML. */
    public static String render(EventRecord r) {
        StringBuilder sb = new StringBuilder(1536);
        render(r, sb);
        return sb.toString();
    }

    /** Appends the event's XML to {@code out}. */
    public static void render(EventRecord r, StringBuilder out) {
        out.append("<Event xmlns='").append(NAMESPACE).append("'><System><Provider");
        attr(out, "Name", r.providerName());
        attr(out, "Guid", r.providerGuidText());
        attr(out, "EventSourceName", r.eventSourceName());
        out.append("/><EventID");
        if (r.qualifiers() != null) {
            out.append(" Qualifiers='").append(r.qualifiers().intValue()).append('\'');
        }
        out.append('>').append(r.eventId()).append("</EventID>");
        number(out, "Version", r.version());
        number(out, "Level", r.level());
        number(out, "Task", r.task());
        number(out, "Opcode", r.opcode());
        if (r.keywords() != null) {
            out.append("<Keywords>0x").append(Long.toHexString(r.keywords())).append("</Keywords>");
        }
        if (r.timeCreated() != null) {
            out.append("<TimeCreated SystemTime='");
            FileTime.appendFormatted(out, r.timeCreated());
            out.append("'/>");
        }
        out.append("<EventRecordID>").append(Long.toUnsignedString(r.recordId())).append("</EventRecordID>");
        if (r.activityId() != null || r.relatedActivityId() != null || r.version() != null) {
            out.append("<Correlation");
            guidAttr(out, "ActivityID", r.activityId());
            guidAttr(out, "RelatedActivityID", r.relatedActivityId());
            out.append("/>");
        }
        if (r.processId() != null || r.threadId() != null || r.processorId() != null || r.sessionId() != null
                || r.kernelTime() != null || r.userTime() != null || r.processorTime() != null) {
            out.append("<Execution");
            numAttr(out, "ProcessID", r.processId());
            numAttr(out, "ThreadID", r.threadId());
            numAttr(out, "ProcessorID", r.processorId());
            numAttr(out, "SessionID", r.sessionId());
            numAttr(out, "KernelTime", r.kernelTime());
            numAttr(out, "UserTime", r.userTime());
            numAttr(out, "ProcessorTime", r.processorTime());
            out.append("/>");
        }
        textElement(out, "Channel", r.channel());
        textElement(out, "Computer", r.computer());
        out.append("<Security");
        if (r.userSid() != null) {
            attr(out, "UserID", r.userSid().toString());
        }
        out.append("/></System>");
        List<NamedValue> data = r.eventData();
        if (!data.isEmpty() || r.hasBinaryData() || r.userDataXml() == null) {
            if (data.isEmpty() && !r.hasBinaryData()) {
                out.append("<EventData/>");
            } else {
                out.append("<EventData>");
                for (int i = 0, n = data.size(); i < n; i++) {
                    data(out, data.get(i));
                }
                if (r.hasBinaryData()) {
                    out.append("<Binary>");
                    EventJson.hexUpper(out, r.binaryData());
                    out.append("</Binary>");
                }
                out.append("</EventData>");
            }
        }
        if (r.userDataXml() != null) {
            out.append("<UserData>").append(r.userDataXml()).append("</UserData>");
        }
        if (r.otherXml() != null) {
            out.append(r.otherXml());
        }
        if (r.renderingInfo() != null) {
            renderingInfo(out, r.renderingInfo());
        }
        out.append("</Event>");
    }

    private static void data(StringBuilder out, NamedValue nv) {
        EventValue v = nv.value();
        ValueType t = v.type();
        if (t.isArray()) {
            for (EventValue e : v.elements()) {
                dataElement(out, nv.name(), e);
            }
        } else if (t == ValueType.EVT_XML && nv.name() == null) {
            out.append(v.asString());
        } else {
            dataElement(out, nv.name(), v);
        }
    }

    private static void dataElement(StringBuilder out, String name, EventValue v) {
        out.append("<Data");
        attr(out, "Name", name);
        if (v.isNull()) {
            out.append("/>");
            return;
        }
        out.append('>');
        switch (v.type()) {
            case STRING: case ANSI_STRING:
                text(out, v.asString());
                break;
            case BINXML: case EVT_XML:
                out.append(v.asString()); // already XML
                break;
            case INT8: case INT16: case INT32: case INT64:
                out.append(v.asLong());
                break;
            case BINARY:
                EventJson.hexUpper(out, v.asBytes());
                break;
            default:
                text(out, v.text());
        }
        out.append("</Data>");
    }

    private static void renderingInfo(StringBuilder out, RenderingInfo ri) {
        out.append("<RenderingInfo");
        attr(out, "Culture", ri.culture());
        out.append('>');
        optionalText(out, "Message", ri.message());
        optionalText(out, "Level", ri.level());
        optionalText(out, "Task", ri.task());
        optionalText(out, "Opcode", ri.opcode());
        optionalText(out, "Channel", ri.channel());
        optionalText(out, "Provider", ri.provider());
        if (!ri.keywords().isEmpty()) {
            out.append("<Keywords>");
            for (String k : ri.keywords()) {
                optionalText(out, "Keyword", k);
            }
            out.append("</Keywords>");
        }
        out.append("</RenderingInfo>");
    }

    private static void optionalText(StringBuilder out, String name, String value) {
        if (value != null) {
            textElement(out, name, value);
        }
    }

    private static void textElement(StringBuilder out, String name, String value) {
        out.append('<').append(name);
        if (value == null) {
            out.append("/>");
            return;
        }
        out.append('>');
        text(out, value);
        out.append("</").append(name).append('>');
    }

    private static void number(StringBuilder out, String name, Integer v) {
        if (v != null) {
            out.append('<').append(name).append('>').append(v.intValue()).append("</").append(name).append('>');
        }
    }

    private static void numAttr(StringBuilder out, String name, Number v) {
        if (v != null) {
            out.append(' ').append(name).append("='").append(v.longValue()).append('\'');
        }
    }

    private static void guidAttr(StringBuilder out, String name, UUID g) {
        if (g != null) {
            attr(out, name, Guids.format(g));
        }
    }

    private static void attr(StringBuilder out, String name, String value) {
        if (value == null) {
            return;
        }
        out.append(' ').append(name).append("='");
        escape(out, value, true);
        out.append('\'');
    }

    private static void text(StringBuilder out, String s) {
        escape(out, s, false);
    }

    /** XML escaping; characters XML 1.0 cannot hold raw become character references. */
    static void escape(StringBuilder out, String s, boolean attribute) {
        int start = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String rep;
            switch (c) {
                case '&': rep = "&amp;"; break;
                case '<': rep = "&lt;"; break;
                case '>': rep = "&gt;"; break;
                case '\'': rep = attribute ? "&apos;" : null; break;
                case '"': rep = attribute ? "&quot;" : null; break;
                case '\r': rep = attribute ? "&#xD;" : null; break;
                case '\n': rep = attribute ? "&#xA;" : null; break;
                case '\t': rep = attribute ? "&#x9;" : null; break;
                default:
                    rep = c < 0x20 ? "&#x" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + ";" : null;
            }
            if (rep != null) {
                out.append(s, start, i).append(rep);
                start = i + 1;
            }
        }
        out.append(s, start, n);
    }
}
