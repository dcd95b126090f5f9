package io.winlog.evtx.binxml;

/**
 * A node of the BinXml model of one record: what the tokens of the binary XML describe.
 *
 * <p>A parsed record is a tree of these nodes. Before template expansion it may contain
 * {@link TemplateInstance} and {@link Substitution} nodes; {@link TemplateExpander} turns it into
 * the resolved tree that the visitors ({@link XmlRenderer}, the EventRecord builder) walk, where
 * only {@link Element}, {@link Value}, {@link CData}, {@link CharRef}, {@link EntityRef} and
 * {@link ProcessingInstruction} remain.
 */
public sealed interface BinXmlNode
        permits Element, Value, CData, CharRef, EntityRef, ProcessingInstruction, Substitution, TemplateInstance {
}
