/**
 * Writing .evtx files in pure Java: {@link io.winlog.evtx.write.EvtxWriter}.
 *
 * <pre>{@code
 * try (EvtxWriter w = EvtxWriter.create(path, EvtxWriterOptions.builder().channel("Application").build())) {
 *     w.write(EventSpec.builder(1000).type(EventType.ERROR).strings("disk full").build());
 *     w.write(record);   // any EventRecord, with its System properties and typed values
 * }
 * }</pre>
 *
 * Events of one shape share a template per chunk, and values keep their real BinXml types. The
 * file header stays dirty while the file is open and is clean after close. A crash leaves every
 * completed chunk readable. Input Windows would reject is rejected with
 * {@link io.winlog.api.EventRejectedException}, or replaced per {@link io.winlog.evtx.write.InvalidTextPolicy}.
 * libevtx and python-evtx read what this writes (docs/evtx-writer.md).
 */
package io.winlog.evtx.write;
