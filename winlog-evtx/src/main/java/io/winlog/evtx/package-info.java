/**
 * Reading Windows event log files on any OS, in pure Java. {@link io.winlog.evtx.LogFiles#open}
 * picks the reader by the file's magic: {@link io.winlog.evtx.EvtxReader} for .evtx
 * (Vista and later), {@link io.winlog.evtx.evt.EvtReader} for legacy .evt.
 *
 * <pre>{@code
 * try (EventReader r = LogFiles.open(path, EvtxReadOptions.defaults().recover(true).threads(2)
 *         .diagnostics(d -> System.err.println(d)))) {
 *     for (EventRecord e : r) { ... }
 * }
 * }</pre>
 *
 * To write a whole file out fast, {@link io.winlog.evtx.EvtxReader#renderTo} decodes and renders
 * chunks to UTF-8 bytes on the decoding threads (one {@link io.winlog.evtx.RecordRenderer} each)
 * and writes them in file order: what {@code winlog dump} uses. For XML and JSONL,
 * {@code r.renderTo(out, RecordRenderer::xmlLines, null)} (or {@code ::jsonLines}) also writes
 * most records straight from their bytes: a renderer's
 * {@link io.winlog.evtx.RecordRenderer#renderRaw} gets each record as a
 * {@link io.winlog.evtx.RawRecord} before it is parsed, and
 * {@link io.winlog.evtx.RawRecord#appendXml} or {@link io.winlog.evtx.RawRecord#appendJson}
 * writes it through a compiled template (same bytes as the parsed record's XML or reference-JSONL
 * line) or declines, and the record is parsed as usual.
 *
 * Damaged files are read leniently by default: what is broken is skipped with a
 * {@link io.winlog.evtx.Diagnostic} carrying its file offset, and every intact record is
 * returned. Strict mode throws {@link io.winlog.api.CorruptInputException} instead. Memory stays
 * at one 64 KiB chunk per decoding thread, whatever the file size. Layers: {@code chunk}
 * (headers, CRCs) → {@code binxml} (tokens, templates, values, XML) → {@code engine} (chunk
 * decoding, threads) → this package. Conformance: docs/evtx-conformance.md.
 */
package io.winlog.evtx;
