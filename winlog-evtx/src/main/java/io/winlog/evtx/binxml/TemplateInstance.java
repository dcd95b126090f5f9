package io.winlog.evtx.binxml;

import io.winlog.api.event.EventValue;
import java.util.List;

/**
 * A use of a template: the definition and the values of its substitutions.
 *
 * @param definition the template
 * @param values     the substitution values by index
 * @param fragments  for values of type BinXml (0x21), the parsed nested fragment; null elsewhere
 */
public record TemplateInstance(TemplateDefinition definition, EventValue[] values, List<BinXmlNode>[] fragments)
        implements BinXmlNode {
}
