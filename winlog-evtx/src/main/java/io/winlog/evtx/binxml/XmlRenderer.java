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
    /** Windows' EvtRender shape (single quotes). */
    public static final XmlRenderer EVT_RENDER = new XmlRenderer('\'');
    /** Compact XML with double-quoted attributes. */
    public static final XmlRenderer COMPACT = new XmlRenderer('"');

    private final char quote;

    private XmlRenderer(char quote) {
        this.quote = quote;
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
                escapeText(sb, item.text());
                sb.append("</").append(e.name()).append('>');
            }
            return;
        }
        openTag(sb, e);
        if (children.isEmpty()) {
            sb.append("/>");
            return;
        }
        sb.append('>');
        appendContent(sb, children);
        sb.append("</").append(e.name()).append('>');
    }

    /** Appends content nodes (elements and text parts). */
    public void appendContent(StringBuilder sb, List<BinXmlNode> children) {
        for (BinXmlNode n : children) {
            if (n instanceof Element c) {
                append(sb, c);
            } else if (n instanceof Value v) {
                escapeText(sb, v.value().text());
            } else if (n instanceof CData c) {
                sb.append("<![CDATA[").append(c.text()).append("]]>");
            } else if (n instanceof CharRef c) {
                sb.append("&#").append(c.codePoint()).append(';');
            } else if (n instanceof EntityRef r) {
                sb.append('&').append(r.name()).append(';');
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
                    escapeAttr(sb, v.value().text());
                } else if (p instanceof CharRef c) {
                    sb.append("&#").append(c.codePoint()).append(';');
                } else if (p instanceof EntityRef r) {
                    sb.append('&').append(r.name()).append(';');
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
