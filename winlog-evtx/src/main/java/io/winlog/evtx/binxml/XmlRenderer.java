package io.winlog.evtx.binxml;

import io.winlog.api.event.EventValue;
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
            for (EventValue item : items) {
                openTag(sb, e);
                sb.append('>');
                escapeText(sb, valueText(item));
                sb.append("</").append(e.name()).append('>');
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
        for (BinXmlNode n : children) {
            if (n instanceof Element c) {
                append(sb, c);
            } else if (n instanceof Value v) {
                escapeText(sb, valueText(v.value()));
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
        for (Attribute a : e.attributes()) {
            sb.append(' ').append(a.name()).append('=').append(quote);
            for (BinXmlNode p : a.value()) {
                if (p instanceof Value v) {
                    escapeAttr(sb, valueText(v.value()));
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
        for (int i = 0, n = s.length(); i < n; i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                default: sb.append(ch);
            }
        }
    }

    private void escapeAttr(StringBuilder sb, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '\'': sb.append(quote == '\'' ? "&apos;" : "'"); break;
                case '"': sb.append(quote == '"' ? "&quot;" : "\""); break;
                default: sb.append(ch);
            }
        }
    }
}
