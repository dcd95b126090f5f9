package io.winlog.evtx.binxml;

import io.winlog.api.event.EventValue;

/**
 * A typed value: a value token stored in the record or template, or a resolved substitution.
 *
 * @param value the value
 */
public record Value(EventValue value) implements BinXmlNode {
}
