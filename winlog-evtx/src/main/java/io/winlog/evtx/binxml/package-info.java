/**
 * Binary XML: {@code BinXmlParser} turns a record's tokens into a node tree, expanding template
 * instances (definitions cached per chunk, expansion bounded) with typed substitution values
 * ({@code ValueDecoder}). {@code XmlRenderer} renders the tree in Windows' EvtRender shape, and
 * {@code EventRecordMapper} maps it to the {@link io.winlog.api.event.EventRecord} model. The
 * direct writers skip the tree: {@code RecordFrames} reads a record's template instances in place,
 * and {@code DirectXmlWriter} ({@code CompiledXmlTemplate}) and {@code DirectJsonWriter}
 * ({@code CompiledJsonTemplate}) write its XML or JSONL line from the values' bytes. Every offset
 * is checked and recursion is bounded.
 */
package io.winlog.evtx.binxml;
