package io.winlog.evtx.binxml;

/**
 * A processing instruction ({@code <?target data?>}).
 *
 * @param target the PI target
 * @param data   the PI data (may be empty)
 */
public record ProcessingInstruction(String target, String data) implements BinXmlNode {
}
