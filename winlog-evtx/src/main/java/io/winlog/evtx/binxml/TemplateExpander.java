package io.winlog.evtx.binxml;

import io.winlog.api.CorruptInputException;
import io.winlog.api.event.EventValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a parsed record: replaces every {@link TemplateInstance} by its definition with the
 * substitution values filled in, recursively (nested BinXml values are inlined). The result holds
 * only elements and content nodes.
 *
 * <p>Windows' rules: an optional substitution whose value is NULL renders nothing; an attribute
 * whose value renders nothing is dropped; a substitution index beyond the instance's values is
 * treated as NULL (what Windows does for short value arrays).
 */
public final class TemplateExpander {
    /** Deepest expansion accepted (templates inside values inside templates...). */
    public static final int MAX_DEPTH = 256;

    private TemplateExpander() {
    }

    /**
     * The root element of a parsed record document.
     *
     * @param fileOffset the record's file offset, for errors
     * @throws CorruptInputException when the document has no root element
     */
    public static Element expandRoot(List<BinXmlNode> document, long fileOffset) {
        List<BinXmlNode> out = new ArrayList<>(1);
        expandInto(document, null, out, 0, fileOffset);
        for (BinXmlNode n : out) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new CorruptInputException("record BinXml has no root element", fileOffset);
    }

    private static void expandInto(List<BinXmlNode> nodes, TemplateInstance ctx, List<BinXmlNode> out, int depth,
                                   long fileOffset) {
        if (depth > MAX_DEPTH) {
            throw new CorruptInputException("BinXml template expansion deeper than " + MAX_DEPTH, fileOffset);
        }
        for (BinXmlNode n : nodes) {
            if (n instanceof Element e) {
                Element x = expandElement(e, ctx, depth + 1, fileOffset);
                if (x != null) {
                    out.add(x);
                }
            } else if (n instanceof TemplateInstance ti) {
                expandInto(ti.definition().nodes(), ti, out, depth + 1, fileOffset);
            } else if (n instanceof Substitution s) {
                substitute(s, ctx, out, depth + 1, fileOffset);
            } else {
                out.add(n);
            }
        }
    }

    private static Element expandElement(Element e, TemplateInstance ctx, int depth, long fileOffset) {
        List<Attribute> attrs = e.attributes();
        if (!attrs.isEmpty()) {
            List<Attribute> resolved = new ArrayList<>(attrs.size());
            for (Attribute a : attrs) {
                List<BinXmlNode> parts = new ArrayList<>(a.value().size());
                expandInto(a.value(), ctx, parts, depth + 1, fileOffset);
                if (!rendersNothing(parts)) {
                    resolved.add(new Attribute(a.name(), parts));
                }
            }
            attrs = resolved;
        }
        List<BinXmlNode> children = e.children();
        if (!children.isEmpty()) {
            List<BinXmlNode> out = new ArrayList<>(children.size());
            expandInto(children, ctx, out, depth + 1, fileOffset);
            // An element whose only content is an optional array substitution that is NULL is not
            // rendered at all (classic events without insertion strings have no <Data>).
            if (out.isEmpty() && children.size() == 1 && children.get(0) instanceof Substitution s && s.optional()
                    && (s.type() & 0x80) != 0) {
                return null;
            }
            children = out;
        }
        return new Element(e.name(), attrs, children);
    }

    private static void substitute(Substitution s, TemplateInstance ctx, List<BinXmlNode> out, int depth,
                                   long fileOffset) {
        if (ctx == null) {
            throw new CorruptInputException("substitution outside a template instance", fileOffset);
        }
        int i = s.index();
        if (i >= ctx.values().length) {
            if (!s.optional()) {
                out.add(new Value(EventValue.NULL));
            }
            return;
        }
        if (ctx.fragments() != null && ctx.fragments()[i] != null) {
            expandInto(ctx.fragments()[i], null, out, depth + 1, fileOffset);
            return;
        }
        EventValue v = ctx.values()[i];
        if (v.isNull() && s.optional()) {
            return;
        }
        out.add(new Value(v));
    }

    private static boolean rendersNothing(List<BinXmlNode> parts) {
        for (BinXmlNode p : parts) {
            if (!(p instanceof Value v) || !v.value().isNull()) {
                return false;
            }
        }
        return true;
    }
}
