package io.winlog.evtx.binxml;

/**
 * An entity reference ({@code &name;}).
 *
 * @param name the entity name, e.g. {@code amp}
 */
public record EntityRef(String name) implements BinXmlNode {
    /** The character a predefined XML entity stands for, or null for other entities. */
    public String resolved() {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            default: return null;
        }
    }
}
