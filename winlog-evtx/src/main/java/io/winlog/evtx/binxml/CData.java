package io.winlog.evtx.binxml;

/**
 * A CDATA section.
 *
 * @param text the section's text
 */
public record CData(String text) implements BinXmlNode {
}
