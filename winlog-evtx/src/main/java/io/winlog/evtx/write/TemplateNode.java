package io.winlog.evtx.write;

import java.util.List;

/**
 * The tree of a template definition: elements whose attribute values and content are literal
 * text or substitutions ({@code %n} with the value type the record will supply).
 */
sealed interface TemplateNode {
    /** An element; {@code attrs} values are {@link Text} or {@link Subst}. */
    record Element(String name, List<Attr> attrs, List<TemplateNode> children) implements TemplateNode {
    }

    /** An attribute of an element. */
    record Attr(String name, TemplateNode value) {
    }

    /** Literal text (a BinXml value-text token). */
    record Text(String text) implements TemplateNode {
    }

    /**
     * A substitution of the record's value number {@code index}, declared with {@code type}. A
     * NULL-typed one is written as an optional substitution (token 0x0e), as Windows does for
     * values that may be absent: libevtx refuses a NULL in a normal substitution.
     */
    record Subst(int index, int type) implements TemplateNode {
        boolean optional() {
            return type == 0;
        }
    }
}
