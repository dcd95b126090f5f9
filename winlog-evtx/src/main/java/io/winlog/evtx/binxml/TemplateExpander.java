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
    /**
     * Most nodes one record may expand to. Templates can reference values and other templates
     * many times, so a hostile 64 KiB record could otherwise expand exponentially.
     */
    public static final int MAX_NODES = 200_000;
    /** Most characters of value text one record may expand to (same reason). */
    public static final long MAX_CHARS = 8L << 20;

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
        expandInto(document, null, out, 0, new Budget(fileOffset));
        for (BinXmlNode n : out) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new CorruptInputException("record BinXml has no root element", fileOffset);
    }

    /**
     * Checks that {@link #expandRoot} would succeed for this document, without building anything:
     * the same walk, the same budget, the same errors in the same order. The fast renderers
     * ({@link RecordXmlWriter}) rely on it, and it lets the decoder reject a bad record when it is
     * read, as before, while the expanded tree is only built when someone asks for it.
     *
     * @throws CorruptInputException exactly when {@link #expandRoot} would throw
     */
    public static void check(List<BinXmlNode> document, long fileOffset) {
        Budget budget = new Budget(fileOffset);
        if (!checkInto(document, null, 0, budget, true)) {
            throw new CorruptInputException("record BinXml has no root element", fileOffset);
        }
    }

    // ---- the dry run: mirrors expandInto / expandElement / substitute, counting instead of building

    /**
     * Dry run of {@link #expandInto}. Returns true when something was (would have been) added;
     * with {@code wantElement}, only an added element counts (the root search of expandRoot).
     */
    private static boolean checkInto(List<BinXmlNode> nodes, TemplateInstance ctx, int depth, Budget budget,
                                     boolean wantElement) {
        if (depth > MAX_DEPTH) {
            throw new CorruptInputException("BinXml template expansion deeper than " + MAX_DEPTH, budget.fileOffset);
        }
        boolean added = false;
        for (int idx = 0, size = nodes.size(); idx < size; idx++) {
            BinXmlNode n = nodes.get(idx);
            budget.node();
            if (n instanceof Element e) {
                added |= checkElement(e, ctx, depth + 1, budget);
            } else if (n instanceof TemplateInstance ti) {
                added |= checkInto(ti.definition().nodes(), ti, depth + 1, budget, wantElement);
            } else if (n instanceof Substitution s) {
                added |= checkSubstitute(s, ctx, depth + 1, budget, wantElement);
            } else {
                if (n instanceof Value v) {
                    budget.value(v.value());
                }
                added |= !wantElement;
            }
        }
        return added;
    }

    /** Dry run of {@link #expandElement}; returns false when the element would be dropped. */
    private static boolean checkElement(Element e, TemplateInstance ctx, int depth, Budget budget) {
        List<Attribute> attrs = e.attributes();
        for (int i = 0, n = attrs.size(); i < n; i++) {
            List<BinXmlNode> value = attrs.get(i).value();
            if (isDynamic(value) || rendersNothing(value)) {
                checkInto(value, ctx, depth + 1, budget, false);
            } else {
                budget.nodes(value.size());
            }
        }
        List<BinXmlNode> children = e.children();
        boolean anyChild = false;
        for (int i = 0, n = children.size(); i < n; i++) {
            BinXmlNode c = children.get(i);
            budget.node();
            if (c instanceof Element ce) {
                anyChild |= checkElement(ce, ctx, depth + 1, budget);
            } else if (c instanceof Substitution sub) {
                anyChild |= checkSubstitute(sub, ctx, depth + 1, budget, false);
            } else if (c instanceof TemplateInstance ti) {
                anyChild |= checkInto(ti.definition().nodes(), ti, depth + 1, budget, false);
            } else {
                if (c instanceof Value v) {
                    budget.value(v.value());
                }
                anyChild = true;
            }
        }
        return anyChild || children.size() != 1 || !(children.get(0) instanceof Substitution s) || !s.optional()
                || (s.type() & 0x80) == 0;
    }

    /** Dry run of {@link #substitute}. */
    private static boolean checkSubstitute(Substitution s, TemplateInstance ctx, int depth, Budget budget,
                                           boolean wantElement) {
        if (ctx == null) {
            throw new CorruptInputException("substitution outside a template instance", budget.fileOffset);
        }
        int i = s.index();
        if (i >= ctx.values().length) {
            return !s.optional() && !wantElement;
        }
        if (ctx.fragments() != null && ctx.fragments()[i] != null) {
            return checkInto(ctx.fragments()[i], null, depth + 1, budget, wantElement);
        }
        EventValue v = ctx.values()[i];
        if (v.isNull() && s.optional()) {
            return false;
        }
        budget.value(v);
        return !wantElement;
    }

    private static void expandInto(List<BinXmlNode> nodes, TemplateInstance ctx, List<BinXmlNode> out, int depth,
                                   Budget budget) {
        if (depth > MAX_DEPTH) {
            throw new CorruptInputException("BinXml template expansion deeper than " + MAX_DEPTH, budget.fileOffset);
        }
        for (int idx = 0, size = nodes.size(); idx < size; idx++) {
            BinXmlNode n = nodes.get(idx);
            budget.node();
            if (n instanceof Element e) {
                Element x = expandElement(e, ctx, depth + 1, budget);
                if (x != null) {
                    out.add(x);
                }
            } else if (n instanceof TemplateInstance ti) {
                expandInto(ti.definition().nodes(), ti, out, depth + 1, budget);
            } else if (n instanceof Substitution s) {
                substitute(s, ctx, out, depth + 1, budget);
            } else {
                if (n instanceof Value v) {
                    budget.value(v.value());
                }
                out.add(n);
            }
        }
    }

    /**
     * Expands one element. Structural sharing: parts of a template without substitutions are
     * immutable and identical for every record, so they are reused as they are; new lists and
     * elements are only allocated where something was substituted.
     */
    private static Element expandElement(Element e, TemplateInstance ctx, int depth, Budget budget) {
        List<Attribute> attrs = e.attributes();
        List<Attribute> newAttrs = null;
        for (int i = 0, n = attrs.size(); i < n; i++) {
            Attribute a = attrs.get(i);
            List<BinXmlNode> value = a.value();
            Attribute kept = a;
            if (isDynamic(value) || rendersNothing(value)) {
                List<BinXmlNode> parts = new ArrayList<>(value.size());
                expandInto(value, ctx, parts, depth + 1, budget);
                kept = rendersNothing(parts) ? null : new Attribute(a.name(), parts);
            } else {
                budget.nodes(value.size());
            }
            if (kept != a && newAttrs == null) {
                newAttrs = new ArrayList<>(n);
                for (int j = 0; j < i; j++) {
                    newAttrs.add(attrs.get(j));
                }
            }
            if (newAttrs != null && kept != null) {
                newAttrs.add(kept);
            }
        }
        List<BinXmlNode> children = e.children();
        List<BinXmlNode> newChildren = null;
        for (int i = 0, n = children.size(); i < n; i++) {
            BinXmlNode c = children.get(i);
            if (c instanceof Element ce) {
                budget.node();
                Element x = expandElement(ce, ctx, depth + 1, budget);
                if (x != ce && newChildren == null) {
                    newChildren = copyPrefix(children, i);
                }
                if (newChildren != null && x != null) {
                    newChildren.add(x);
                }
            } else if (c instanceof Substitution sub) {
                budget.node();
                if (newChildren == null) {
                    newChildren = copyPrefix(children, i);
                }
                substitute(sub, ctx, newChildren, depth + 1, budget);
            } else if (c instanceof TemplateInstance ti) {
                budget.node();
                if (newChildren == null) {
                    newChildren = copyPrefix(children, i);
                }
                expandInto(ti.definition().nodes(), ti, newChildren, depth + 1, budget);
            } else {
                budget.node();
                if (c instanceof Value v) {
                    budget.value(v.value());
                }
                if (newChildren != null) {
                    newChildren.add(c);
                }
            }
        }
        // An element whose only content is an optional array substitution that is NULL is not
        // rendered at all (classic events without insertion strings have no <Data>).
        if (newChildren != null && newChildren.isEmpty() && children.size() == 1
                && children.get(0) instanceof Substitution s && s.optional() && (s.type() & 0x80) != 0) {
            return null;
        }
        if (newAttrs == null && newChildren == null) {
            return e;
        }
        return new Element(e.name(), newAttrs == null ? attrs : newAttrs, newChildren == null ? children : newChildren);
    }

    private static List<BinXmlNode> copyPrefix(List<BinXmlNode> children, int end) {
        List<BinXmlNode> out = new ArrayList<>(children.size() + 2);
        for (int j = 0; j < end; j++) {
            out.add(children.get(j));
        }
        return out;
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

    private static void substitute(Substitution s, TemplateInstance ctx, List<BinXmlNode> out, int depth,
                                   Budget budget) {
        if (ctx == null) {
            throw new CorruptInputException("substitution outside a template instance", budget.fileOffset);
        }
        int i = s.index();
        if (i >= ctx.values().length) {
            if (!s.optional()) {
                out.add(new Value(EventValue.NULL));
            }
            return;
        }
        if (ctx.fragments() != null && ctx.fragments()[i] != null) {
            expandInto(ctx.fragments()[i], null, out, depth + 1, budget);
            return;
        }
        EventValue v = ctx.values()[i];
        if (v.isNull() && s.optional()) {
            return;
        }
        budget.value(v);
        out.add(new Value(v));
    }

    private static boolean rendersNothing(List<BinXmlNode> parts) {
        for (int i = 0, n = parts.size(); i < n; i++) {
            BinXmlNode p = parts.get(i);
            if (!(p instanceof Value v) || !v.value().isNull()) {
                return false;
            }
        }
        return true;
    }

    /** Counts what one record expands to and stops hostile input. */
    private static final class Budget {
        final long fileOffset;
        int nodes;
        long chars;

        Budget(long fileOffset) {
            this.fileOffset = fileOffset;
        }

        void nodes(int n) {
            nodes += n;
            node();
        }

        void node() {
            if (++nodes > MAX_NODES) {
                throw new CorruptInputException("record expands to more than " + MAX_NODES + " XML nodes", fileOffset);
            }
        }

        void value(EventValue v) {
            switch (v.type()) {
                case STRING: case ANSI_STRING: case EVT_XML: chars += v.asString().length(); break;
                case BINARY: chars += 2L * v.binaryLength(); break;
                default: chars += v.type().isArray() ? 16L * v.elements().size() : 16; break;
            }
            if (chars > MAX_CHARS) {
                throw new CorruptInputException("record expands to more than " + MAX_CHARS + " characters of text",
                        fileOffset);
            }
        }
    }
}
