package io.winlog.evtx.binxml;

/**
 * A character reference ({@code &#NNN;}).
 *
 * @param codePoint the UTF-16 code unit it names
 */
public record CharRef(int codePoint) implements BinXmlNode {
}
