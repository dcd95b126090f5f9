/**
 * Binary XML: {@code BinXmlParser} turns a record's tokens into a node tree, expanding template
 * instances (definitions cached per chunk, expansion bounded) with typed substitution values
 * ({@code ValueDecoder}). {@code XmlRenderer} renders the tree in Windows' EvtRender shape, and
 * {@code EventRecordMapper} maps it to the {@link io.winlog.api.event.EventRecord} model. Every
 * offset is checked and recursion is bounded.
 */
package io.winlog.evtx.binxml;
