package io.winlog.evtx.write;

import io.winlog.api.EventRejectedException;
import java.util.List;

/**
 * Writes BinXml tokens into a {@link ChunkImage}: template definitions (a fragment holding the
 * element tree) and the elements, attributes, literal text and substitution tokens inside them.
 * Element and attribute names go through the chunk's string table. Sizes that BinXml stores
 * before the data they measure (element data size, attribute list size, template data size) are
 * reserved and patched once the data is written.
 */
final class BinXmlEmitter {
    /** BinXml counts characters of names and literal text in 16 bits. */
    static final int MAX_TEXT_UNITS = 0xFFFF;

    private BinXmlEmitter() {
    }

    /**
     * Writes the definition of {@code t} at the current position (right after the template
     * instance's definition offset field) and registers it in the chunk's template table.
     */
    static void emitDefinition(ChunkImage c, EventTemplate t) {
        int next = c.addTemplate(t);
        c.u32(next);
        c.bytes(t.guid());
        int sizeAt = c.pos;
        c.u32(0);
        int start = c.pos;
        fragmentHeader(c);
        element(c, t.root());
        c.u8(BinXmlToken.END_OF_FRAGMENT);
        c.putU32(sizeAt, c.pos - start);
    }

    static void fragmentHeader(ChunkImage c) {
        c.u8(BinXmlToken.FRAGMENT_HEADER);
        c.u8(1);
        c.u8(1);
        c.u8(0);
    }

    static void element(ChunkImage c, TemplateNode.Element e) {
        List<TemplateNode.Attr> attrs = e.attrs();
        c.u8(attrs.isEmpty() ? BinXmlToken.OPEN_START_ELEMENT : BinXmlToken.OPEN_START_ELEMENT_ATTRS);
        c.u16(BinXmlToken.NO_DEPENDENCY);
        int sizeAt = c.pos;
        c.u32(0);
        c.nameRef(e.name());
        if (!attrs.isEmpty()) {
            int listAt = c.pos;
            c.u32(0);
            int listStart = c.pos;
            for (int i = 0; i < attrs.size(); i++) {
                TemplateNode.Attr a = attrs.get(i);
                c.u8(i + 1 < attrs.size() ? BinXmlToken.ATTRIBUTE_MORE : BinXmlToken.ATTRIBUTE);
                c.nameRef(a.name());
                content(c, a.value());
            }
            c.putU32(listAt, c.pos - listStart);
        }
        List<TemplateNode> children = e.children();
        if (children.isEmpty()) {
            c.u8(BinXmlToken.CLOSE_EMPTY_ELEMENT);
        } else {
            c.u8(BinXmlToken.CLOSE_START_ELEMENT);
            for (TemplateNode n : children) {
                content(c, n);
            }
            c.u8(BinXmlToken.END_ELEMENT);
        }
        c.putU32(sizeAt, c.pos - sizeAt - 4);
    }

    private static void content(ChunkImage c, TemplateNode n) {
        if (n instanceof TemplateNode.Element e) {
            element(c, e);
        } else if (n instanceof TemplateNode.Subst s) {
            c.u8(s.optional() ? BinXmlToken.OPTIONAL_SUBSTITUTION : BinXmlToken.NORMAL_SUBSTITUTION);
            c.u16(s.index());
            c.u8(s.type());
        } else if (n instanceof TemplateNode.Text t) {
            valueText(c, t.text());
        }
    }

    /** A literal WString value: token, type 0x01, 16-bit character count, characters. */
    static void valueText(ChunkImage c, String s) {
        if (s.length() > MAX_TEXT_UNITS) {
            throw new EventRejectedException("literal text of " + s.length() + " characters is longer than BinXml's "
                    + MAX_TEXT_UNITS + "; shorten it");
        }
        c.u8(BinXmlToken.VALUE_TEXT);
        c.u8(0x01);
        c.u16(s.length());
        c.ensure(2 * s.length());
        for (int i = 0; i < s.length(); i++) {
            c.u16(s.charAt(i));
        }
    }
}
