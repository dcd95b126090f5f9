package io.winlog.evtx.binxml;

import java.util.List;

/**
 * An XML element: its name, attributes in order, and content (child elements and text parts).
 *
 * @param name       the element name (with prefix, as stored)
 * @param attributes the attributes in stored order
 * @param children   the content in stored order
 */
public record Element(String name, List<Attribute> attributes, List<BinXmlNode> children) implements BinXmlNode {
    /** The first attribute with this name, or null. */
    public Attribute attribute(String attrName) {
        for (Attribute a : attributes) {
            if (a.name().equals(attrName)) {
                return a;
            }
        }
        return null;
    }

    /** The first child element with this name, or null. */
    public Element child(String childName) {
        for (BinXmlNode n : children) {
            if (n instanceof Element e && e.name.equals(childName)) {
                return e;
            }
        }
        return null;
    }
}
