package io.winlog.evtx.binxml;

import java.util.List;
import java.util.UUID;

/**
 * A template definition: the BinXml of an event shape with {@link Substitution} placeholders,
 * stored once per chunk and referenced by offset.
 *
 * @param chunkOffset where the definition starts in its chunk
 * @param guid        the template identifier
 * @param dataSize    the size of its BinXml fragment
 * @param nodes       the parsed fragment
 */
public record TemplateDefinition(int chunkOffset, UUID guid, int dataSize, List<BinXmlNode> nodes) {
}
