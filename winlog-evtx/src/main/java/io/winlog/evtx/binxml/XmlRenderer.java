package io.winlog.evtx.binxml;

import io.winlog.api.event.EventValue;
import io.winlog.api.event.FileTime;
import java.util.List;

/**
 * Renders a resolved BinXml tree ({@link TemplateExpander}) as XML text.
 *
 * <p>{@link #EVT_RENDER} produces the shape Windows' {@code EvtRender(EvtRenderEventXml)} returns:
 * no whitespace between elements, single-quoted attributes, empty elements self-closed, and an
 * element whose content is one array value repeated once per element (as Windows renders
 * {@code WString[]} insertion strings). {@link #COMPACT} uses double quotes, the convention of
 * the reference JSONL's {@code user_data_xml}.
 */
public final class XmlRenderer {
    /** Windows' EvtRender shape (single quotes, entity references kept). */
    public static final XmlRenderer EVT_RENDER = new XmlRenderer('\'', false);
    /**
     * Compact XML in the reference JSONL conventions: double quotes, predefined entities resolved
     * (and re-escaped only where XML needs it), HexInt32/HexInt64 zero-padded to 8/16 digits.
     */
    public static final XmlRenderer COMPACT = new XmlRenderer('"', true);

    private final char quote;
    private final boolean referenceConventions;

    private XmlRenderer(char quote, boolean referenceConventions) {
        this.quote = quote;
        this.referenceConventions = referenceConventions;
    }

    private String valueText(EventValue v) {
        if (referenceConventions) {
            switch (v.type()) {
                case HEX_INT32: return String.format("0x%08x", v.asLong());
                case HEX_INT64: return String.format("0x%016x", v.asLong());
                default: break;
            }
        }
        return v.text();
    }

    /**
     * Appends a value's text, escaped, without intermediate strings for the common types (the
     * hot path of rendering).
     */
    private void appendValue(StringBuilder sb, EventValue v, boolean attr) {
        switch (v.type()) {
            case STRING: case ANSI_STRING:
                escape(sb, v.asString(), attr);
                return;
            case NULL:
                return;
            case INT8: case INT16: case INT32: case INT64:
                sb.append(v.asLong());
                return;
            case UINT8: case UINT16: case UINT32:
                sb.append(v.asLong());
                return;
            case FILETIME:
                FileTime.appendFormatted(sb, v.asInstant());
                return;
            case GUID:
                appendGuid(sb, v.asGuid());
                return;
            case HEX_INT32: case HEX_INT64:
                if (!referenceConventions) {
                    sb.append("0x").append(Long.toHexString(v.asLong()));
                    return;
                }
                break;
            default:
                break;
        }
        escape(sb, valueText(v), attr);
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}} without intermediate strings. */
    static void appendGuid(StringBuilder sb, java.util.UUID g) {
        long hi = g.getMostSignificantBits();
        long lo = g.getLeastSignificantBits();
        sb.append('{');
        hex(sb, hi >>> 32, 8);
        sb.append('-');
        hex(sb, hi >>> 16, 4);
        sb.append('-');
        hex(sb, hi, 4);
        sb.append('-');
        hex(sb, lo >>> 48, 4);
        sb.append('-');
        hex(sb, lo, 12);
        sb.append('}');
    }

    private static void hex(StringBuilder sb, long v, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            sb.append(HEX[(int) (v >>> (4 * i)) & 0xF]);
        }
    }

    private void escape(StringBuilder sb, String s, boolean attr) {
        if (attr) {
            escapeAttr(sb, s);
        } else {
            escapeText(sb, s);
        }
    }

    /** Renders an element and its subtree. */
    public String render(Element e) {
        StringBuilder sb = new StringBuilder(1024);
        append(sb, e);
        return sb.toString();
    }

    /** Appends an element and its subtree to {@code sb}. */
    public void append(StringBuilder sb, Element e) {
        List<BinXmlNode> children = e.children();
        if (children.size() == 1 && children.get(0) instanceof Value v && v.value().type().isArray()) {
            List<EventValue> items = v.value().elements();
            for (int i = 0, n = items.size(); i < n; i++) {
                EventValue item = items.get(i);
                openTag(sb, e);
                int mark = sb.length();
                sb.append('>');
                appendValue(sb, item, false);
                if (sb.length() == mark + 1) {
                    sb.setLength(mark);
                    sb.append("/>");
                } else {
                    sb.append("</").append(e.name()).append('>');
                }
            }
            return;
        }
        openTag(sb, e);
        // Content that renders as nothing (no children, empty or NULL values) self-closes.
        int mark = sb.length();
        sb.append('>');
        appendContent(sb, children);
        if (sb.length() == mark + 1) {
            sb.setLength(mark);
            sb.append("/>");
            return;
        }
        sb.append("</").append(e.name()).append('>');
    }

    /** Appends content nodes (elements and text parts). */
    public void appendContent(StringBuilder sb, List<BinXmlNode> children) {
        for (int i = 0, size = children.size(); i < size; i++) {
            BinXmlNode n = children.get(i);
            if (n instanceof Element c) {
                append(sb, c);
            } else if (n instanceof Value v) {
                appendValue(sb, v.value(), false);
            } else if (n instanceof CData c) {
                sb.append("<![CDATA[").append(c.text()).append("]]>");
            } else if (n instanceof CharRef c) {
                sb.append("&#").append(c.codePoint()).append(';');
            } else if (n instanceof EntityRef r) {
                String resolved = referenceConventions ? r.resolved() : null;
                if (resolved != null) {
                    escapeText(sb, resolved);
                } else {
                    sb.append('&').append(r.name()).append(';');
                }
            } else if (n instanceof ProcessingInstruction pi) {
                sb.append("<?").append(pi.target());
                if (!pi.data().isEmpty()) {
                    sb.append(' ').append(pi.data());
                }
                sb.append("?>");
            }
        }
    }

    private void openTag(StringBuilder sb, Element e) {
        sb.append('<').append(e.name());
        List<Attribute> attrs = e.attributes();
        for (int i = 0, n = attrs.size(); i < n; i++) {
            Attribute a = attrs.get(i);
            sb.append(' ').append(a.name()).append('=').append(quote);
            List<BinXmlNode> parts = a.value();
            for (int j = 0, m = parts.size(); j < m; j++) {
                BinXmlNode p = parts.get(j);
                if (p instanceof Value v) {
                    appendValue(sb, v.value(), true);
                } else if (p instanceof CharRef c) {
                    sb.append("&#").append(c.codePoint()).append(';');
                } else if (p instanceof EntityRef r) {
                    String resolved = referenceConventions ? r.resolved() : null;
                    if (resolved != null) {
                        escapeAttr(sb, resolved);
                    } else {
                        sb.append('&').append(r.name()).append(';');
                    }
                } else if (p instanceof CData c) {
                    escapeAttr(sb, c.text());
                }
            }
            sb.append(quote);
        }
    }

    /** Escapes character data ({@code & < >}). */
    public static void escapeText(StringBuilder sb, String s) {
        escape(sb, s, (char) 0);
    }

    private void escapeAttr(StringBuilder sb, String s) {
        escape(sb, s, quote);
    }

    /**
     * Escapes {@code & < >}, and the quote character in use when {@code quote} is non-zero.
     * Control characters stay raw: they are the stored data, rendered as Windows and libevtx do.
     */
    private static void escape(StringBuilder sb, String s, char quote) {
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            String rep = XmlValueText.entity(s.charAt(i), quote);
            if (rep != null) {
                sb.append(s, start, i).append(rep);
                start = i + 1;
            }
        }
        sb.append(s, start, n);
    }
}
