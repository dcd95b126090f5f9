package io.winlog.evtx.binxml;

import io.winlog.api.event.EventValue;
import java.util.Arrays;
import java.util.List;

/**
 * A record's content as {@link TemplateExpander} would expand it, without building the tree: a
 * stack of slots, each an element (with the template instance its substitutions resolve in), a
 * value or a static node. Walking a record pushes an element's content above its parent's and
 * pops it with {@link #truncate} when done, so the stack holds one path of the document at a time.
 *
 * <p>The expansion rules mirror {@link TemplateExpander#expandInto}: optional substitutions that
 * are NULL or missing render nothing, a missing non-optional one is NULL, an element whose only
 * content is an optional array substitution that expands to nothing is dropped, nested BinXml
 * fragments are expanded in place. The visitors over it ({@link RecordXmlWriter} for XML,
 * {@link TemplateEventMapper} for the event model) read the arrays directly: they are on the
 * per-record hot path.
 *
 * <p>Use only on documents {@link TemplateExpander#check} accepted (bounded depth and size). Not
 * thread-safe: one per visitor.
 */
final class ExpandedSlots {
    static final byte ELEMENT = 0;
    static final byte VALUE = 1;
    static final byte STATIC = 2;

    byte[] kinds = new byte[256];
    Object[] items = new Object[256];
    TemplateInstance[] contexts = new TemplateInstance[256];
    /** The number of slots in use; slot {@code top - 1} is the newest. */
    int top;

    private void push(byte kind, Object item, TemplateInstance ctx) {
        if (top == items.length) {
            int n = top * 2;
            items = Arrays.copyOf(items, n);
            contexts = Arrays.copyOf(contexts, n);
            kinds = Arrays.copyOf(kinds, n);
        }
        kinds[top] = kind;
        items[top] = item;
        contexts[top] = ctx;
        top++;
    }

    /** Pushes what {@code nodes} expand to in {@code ctx}; returns how many slots were pushed. */
    int collect(List<BinXmlNode> nodes, TemplateInstance ctx) {
        int before = top;
        for (int i = 0, n = nodes.size(); i < n; i++) {
            BinXmlNode node = nodes.get(i);
            if (node instanceof Element e) {
                if (!dropped(e, ctx)) {
                    push(ELEMENT, e, ctx);
                }
            } else if (node instanceof TemplateInstance ti) {
                collect(ti.definition().nodes(), ti);
            } else if (node instanceof Substitution s) {
                substitute(s, ctx);
            } else if (node instanceof Value v) {
                push(VALUE, v.value(), null);
            } else {
                push(STATIC, node, null);
            }
        }
        return top - before;
    }

    private void substitute(Substitution s, TemplateInstance ctx) {
        int i = s.index();
        if (i >= ctx.values().length) {
            if (!s.optional()) {
                push(VALUE, EventValue.NULL, null);
            }
            return;
        }
        if (ctx.fragments() != null && ctx.fragments()[i] != null) {
            collect(ctx.fragments()[i], null);
            return;
        }
        EventValue v = ctx.values()[i];
        if (v.isNull() && s.optional()) {
            return;
        }
        push(VALUE, v, null);
    }

    /**
     * TemplateExpander drops an element whose only content is an optional array substitution
     * that expands to nothing (classic events without insertion strings have no {@code <Data>}).
     */
    private boolean dropped(Element e, TemplateInstance ctx) {
        List<BinXmlNode> children = e.children();
        if (children.size() != 1 || !(children.get(0) instanceof Substitution s) || !s.optional()
                || (s.type() & 0x80) == 0) {
            return false;
        }
        int mark = top;
        substitute(s, ctx);
        boolean empty = top == mark;
        truncate(mark);
        return empty;
    }

    /** Pops the slots from {@code mark} up, clearing them so no record value stays reachable. */
    void truncate(int mark) {
        for (int i = mark; i < top; i++) {
            items[i] = null;
            contexts[i] = null;
        }
        top = mark;
    }

    /** True if the slots from {@code start} to the top are all NULL values (they render nothing). */
    boolean renderNothingFrom(int start) {
        for (int i = start; i < top; i++) {
            if (kinds[i] != VALUE || !((EventValue) items[i]).isNull()) {
                return false;
            }
        }
        return true;
    }
}
