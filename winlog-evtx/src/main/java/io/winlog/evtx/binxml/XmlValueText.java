package io.winlog.evtx.binxml;

import io.winlog.api.event.EventValue;
import io.winlog.api.event.FileTime;

/**
 * A decoded value's text in the XML Windows' {@code EvtRender} produces, escaped, appended as
 * UTF-8: the one definition of value text shared by {@link RecordXmlWriter} (values decoded into
 * {@link EventValue}s) and {@link CompiledXmlTemplate} (values read from their bytes, which falls
 * back to this for the rare types). Same text as {@link XmlRenderer#EVT_RENDER}.
 */
final class XmlValueText {
    private XmlValueText() {
    }

    /**
     * Appends {@code v}'s text: strings and integers (most values) inline, the rest in
     * {@link #otherValue}.
     *
     * @param attr    true inside an attribute value (also escapes {@code '})
     * @param scratch reusable by the caller's thread
     */
    static void write(EventValue v, boolean attr, Utf8Buffer out, StringBuilder scratch) {
        switch (v.type()) {
            case STRING: case ANSI_STRING:
                escape(v.asString(), attr, out);
                return;
            case NULL:
                return;
            case INT8: case INT16: case INT32: case INT64: case UINT8: case UINT16: case UINT32:
                out.append(v.asLong());
                return;
            default:
                otherValue(v, attr, out, scratch);
        }
    }

    /**
     * The less common value types. A separate method on purpose: it keeps {@link #write} small,
     * so the JIT does not copy all of this into every place {@code write} is inlined.
     */
    private static void otherValue(EventValue v, boolean attr, Utf8Buffer out, StringBuilder scratch) {
        switch (v.type()) {
            case FILETIME:
                scratch.setLength(0);
                FileTime.appendFormatted(scratch, v.asInstant());
                out.append(scratch);
                return;
            case GUID:
                scratch.setLength(0);
                XmlRenderer.appendGuid(scratch, v.asGuid());
                out.append(scratch);
                return;
            case HEX_INT32: case HEX_INT64:
                out.ascii("0x").ascii(Long.toHexString(v.asLong()));
                return;
            default:
                escape(v.text(), attr, out);
        }
    }

    /**
     * Escapes {@code & < >}, and {@code '} in attributes (EvtRender quotes with it). Control
     * characters stay raw, as in {@link XmlRenderer}.
     */
    static void escape(String s, boolean attr, Utf8Buffer out) {
        char quote = attr ? '\'' : 0;
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            String rep = entity(s.charAt(i), quote);
            if (rep != null) {
                out.append(s, start, i).ascii(rep);
                start = i + 1;
            }
        }
        out.append(s, start, n);
    }

    /**
     * The entity XML text needs for {@code ch}, or null: {@code & < >} always, and the quote
     * character in use ({@code quote}, 0 for element text). The one escaping rule of every XML
     * writer here ({@link XmlRenderer} too).
     */
    static String entity(char ch, char quote) {
        switch (ch) {
            case '&': return "&amp;";
            case '<': return "&lt;";
            case '>': return "&gt;";
            case '\'': return quote == '\'' ? "&apos;" : null;
            case '"': return quote == '"' ? "&quot;" : null;
            default: return null;
        }
    }
}
