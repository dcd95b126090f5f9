package io.winlog.evtx.binxml;

import static io.winlog.evtx.binxml.ExpandedSlots.ELEMENT;
import static io.winlog.evtx.binxml.ExpandedSlots.STATIC;
import static io.winlog.evtx.binxml.ExpandedSlots.VALUE;

import io.winlog.api.event.EventValue;
import java.util.List;

/**
 * Writes a parsed record (its template instances and substitution values, as
 * {@link BinXmlParser} returns them) as the XML Windows' {@code EvtRender} produces, straight into
 * a {@link Utf8Buffer}: the same bytes as {@link XmlRenderer#EVT_RENDER} over the
 * {@link TemplateExpander expanded} tree, without building that tree.
 *
 * <p>Why: expanding allocates a new element for every element that holds a substitution, plus
 * lists, for every record, only to walk it once. Here the template definition (shared by all
 * records of a chunk) is walked with the instance's values at hand; the only per-record state
 * is a reusable stack of "expanded content" slots ({@link ExpandedSlots}).
 *
 * <p>The expansion rules are the ones of {@link TemplateExpander} (optional NULL substitutions
 * render nothing, attributes that render nothing are dropped, an element whose only content is
 * an optional NULL array substitution is dropped, a missing value index is NULL) and the
 * rendering rules those of {@link XmlRenderer} (empty content self-closes, an array value as
 * the only content repeats its element). A test renders every record of every sample both ways
 * and compares the bytes.
 *
 * <p>Call it only for documents {@link TemplateExpander#check} accepted: that bounds the depth,
 * the node count and the text size, so this walk ends and its output is bounded.
 *
 * <p>Not thread-safe: one writer per thread.
 */
public final class RecordXmlWriter {
    /** The record's content, expanded into slots (no tree). */
    private final ExpandedSlots slots = new ExpandedSlots();
    private final StringBuilder scratch = new StringBuilder(64);

    /**
     * Appends the record's XML ({@code <Event>...</Event>}, no newline).
     *
     * @param document the parsed record document, accepted by {@link TemplateExpander#check}
     */
    public void write(List<BinXmlNode> document, Utf8Buffer out) {
        slots.top = 0;
        slots.collect(document, null);
        int end = slots.top;
        // The root is the first element of the expanded document (TemplateExpander.expandRoot).
        for (int i = 0; i < end; i++) {
            if (slots.kinds[i] == ELEMENT) {
                element((Element) slots.items[i], slots.contexts[i], out);
                break;
            }
        }
        slots.truncate(0); // do not keep the record's values reachable
    }

    // ---- rendering (mirrors XmlRenderer with EVT_RENDER settings) ------------------------------

    private void element(Element e, TemplateInstance ctx, Utf8Buffer out) {
        int start = slots.top;
        slots.collect(e.children(), ctx);
        int end = slots.top;
        if (end - start == 1 && slots.kinds[start] == VALUE && ((EventValue) slots.items[start]).type().isArray()) {
            List<EventValue> elements = ((EventValue) slots.items[start]).elements();
            for (int i = 0, n = elements.size(); i < n; i++) {
                openTag(e, ctx, out);
                int mark = out.written();
                out.ascii('>');
                value(elements.get(i), false, out);
                close(e, mark, out);
            }
        } else {
            openTag(e, ctx, out);
            // Content that renders as nothing (no children, empty or NULL values) self-closes.
            int mark = out.written();
            out.ascii('>');
            for (int i = start; i < end; i++) {
                content(slots.kinds[i], slots.items[i], slots.contexts[i], out);
            }
            close(e, mark, out);
        }
        slots.truncate(start);
    }

    private static void close(Element e, int mark, Utf8Buffer out) {
        if (out.written() == mark + 1) {
            out.truncate(mark);
            out.ascii("/>");
        } else {
            out.ascii("</").append(e.name()).ascii('>');
        }
    }

    private void content(byte kind, Object item, TemplateInstance ctx, Utf8Buffer out) {
        if (kind == ELEMENT) {
            element((Element) item, ctx, out);
        } else if (kind == VALUE) {
            value((EventValue) item, false, out);
        } else if (item instanceof CData c) {
            out.ascii("<![CDATA[").append(c.text()).ascii("]]>");
        } else if (item instanceof CharRef c) {
            out.ascii("&#").append(c.codePoint()).ascii(';');
        } else if (item instanceof EntityRef r) {
            out.ascii('&').append(r.name()).ascii(';');
        } else if (item instanceof ProcessingInstruction pi) {
            out.ascii("<?").append(pi.target());
            if (!pi.data().isEmpty()) {
                out.ascii(' ').append(pi.data());
            }
            out.ascii("?>");
        }
    }

    private void openTag(Element e, TemplateInstance ctx, Utf8Buffer out) {
        out.ascii('<').append(e.name());
        List<Attribute> attrs = e.attributes();
        for (int i = 0, n = attrs.size(); i < n; i++) {
            Attribute a = attrs.get(i);
            List<BinXmlNode> parts = a.value();
            if (isDynamic(parts) || rendersNothing(parts)) {
                int start = slots.top;
                slots.collect(parts, ctx);
                if (!slots.renderNothingFrom(start)) {
                    out.ascii(' ').append(a.name()).ascii("='");
                    for (int j = start; j < slots.top; j++) {
                        attributePart(slots.kinds[j], slots.items[j], out);
                    }
                    out.ascii('\'');
                }
                slots.truncate(start);
            } else {
                out.ascii(' ').append(a.name()).ascii("='");
                for (int j = 0, m = parts.size(); j < m; j++) {
                    BinXmlNode p = parts.get(j);
                    attributePart(p instanceof Value v ? VALUE : STATIC, p instanceof Value v ? v.value() : p, out);
                }
                out.ascii('\'');
            }
        }
    }

    private void attributePart(byte kind, Object item, Utf8Buffer out) {
        if (kind == VALUE) {
            value((EventValue) item, true, out);
        } else if (item instanceof CharRef c) {
            out.ascii("&#").append(c.codePoint()).ascii(';');
        } else if (item instanceof EntityRef r) {
            out.ascii('&').append(r.name()).ascii(';');
        } else if (item instanceof CData c) {
            escape(c.text(), true, out);
        }
        // Elements and processing instructions (from a nested fragment) have no attribute text.
    }

    private static boolean isDynamic(List<BinXmlNode> parts) {
        for (int i = 0, n = parts.size(); i < n; i++) {
            BinXmlNode p = parts.get(i);
            if (p instanceof Substitution || p instanceof TemplateInstance) {
                return true;
            }
        }
        return false;
    }

    private static boolean rendersNothing(List<BinXmlNode> parts) {
        for (int i = 0, n = parts.size(); i < n; i++) {
            if (!(parts.get(i) instanceof Value v) || !v.value().isNull()) {
                return false;
            }
        }
        return true;
    }

    // ---- values ----------------------------------------------------------------------------

    private void value(EventValue v, boolean attr, Utf8Buffer out) {
        XmlValueText.write(v, attr, out, scratch);
    }

    private static void escape(String s, boolean attr, Utf8Buffer out) {
        XmlValueText.escape(s, attr, out);
    }
}
