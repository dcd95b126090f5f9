package io.winlog.evtx.binxml;

/**
 * A placeholder in a template definition, replaced by a value of the template instance.
 *
 * @param index    the index into the instance's values
 * @param type     the declared value type code
 * @param optional true for an optional substitution (token 0x0E): a NULL value removes the
 *                 attribute (or renders nothing) instead of rendering empty
 */
public record Substitution(int index, int type, boolean optional) implements BinXmlNode {
}
