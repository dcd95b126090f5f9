package io.winlog.evtx.binxml;

import java.util.List;

/**
 * An attribute: a name and its value, which BinXml stores as one or more parts (values,
 * substitutions, character or entity references).
 *
 * @param name  the attribute name
 * @param value the value parts in order
 */
public record Attribute(String name, List<BinXmlNode> value) {
}
