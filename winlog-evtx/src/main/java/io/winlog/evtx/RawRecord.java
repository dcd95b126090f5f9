package io.winlog.evtx;

import io.winlog.api.event.FileTime;
import io.winlog.evtx.binxml.BinXmlParser;
import io.winlog.evtx.binxml.DirectJsonWriter;
import io.winlog.evtx.binxml.DirectXmlWriter;
import io.winlog.evtx.binxml.Utf8Buffer;
import java.time.Instant;

/**
 * A record that passed the decoder's record checks (magic, size, trailing size copy) but is not
 * parsed yet: its header facts and its BinXml, still in the chunk buffer. Offered to
 * {@link RecordRenderer#renderRaw} so a renderer can write it straight from its bytes; a record
 * the renderer declines is parsed as usual and handed to {@link RecordRenderer#render}.
 *
 * <p>Valid only during the {@code renderRaw} call (the chunk buffer is reused).
 */
public final class RawRecord {
    /** One direct XML writer per thread (it keeps reusable value and mark arrays). */
    private static final ThreadLocal<DirectXmlWriter> XML_WRITER = ThreadLocal.withInitial(DirectXmlWriter::new);
    /** One direct JSON writer per thread. */
    private static final ThreadLocal<DirectJsonWriter> JSON_WRITER = ThreadLocal.withInitial(DirectJsonWriter::new);

    private final BinXmlParser parser;
    private final int start;
    private final int end;
    private final long headerRecordNumber;
    private final long headerTicks;
    private final long fileOffset;
    private final int chunkIndex;

    /**
     * For the decoder.
     *
     * @param parser the chunk's parser (its buffer holds the record)
     * @param start  chunk offset of the record's BinXml
     * @param end    chunk offset just past it (before the trailing size copy)
     */
    public RawRecord(BinXmlParser parser, int start, int end, long headerRecordNumber, long headerTicks, long fileOffset,
                     int chunkIndex) {
        this.parser = parser;
        this.start = start;
        this.end = end;
        this.headerRecordNumber = headerRecordNumber;
        this.headerTicks = headerTicks;
        this.fileOffset = fileOffset;
        this.chunkIndex = chunkIndex;
    }

    /** The record number in the record header. */
    public long headerRecordNumber() {
        return headerRecordNumber;
    }

    /** The record header's timestamp. */
    public Instant headerTimestamp() {
        return FileTime.toInstant(headerTicks);
    }

    /** The record's file offset. */
    public long fileOffset() {
        return fileOffset;
    }

    /** The index of the record's chunk in file order. */
    public int chunkIndex() {
        return chunkIndex;
    }

    /**
     * Appends the record's XML ({@link EvtxRecord#xml()}, the same bytes) straight from its BinXml
     * when the record has the common shape (one template instance whose values are all
     * scalars); otherwise appends nothing and returns false.
     */
    public boolean appendXml(Utf8Buffer out) {
        return XML_WRITER.get().write(parser, start, end, out);
    }

    /**
     * Appends the record's reference-JSONL line (no newline): the same bytes as
     * {@link io.winlog.api.render.EventJson#render(io.winlog.api.event.EventRecord, long, Instant, StringBuilder)
     * EventJson.render(record.event(), headerRecordNumber(), headerTimestamp(), ...)} would give,
     * straight from its BinXml, when the record has a common shape (a System element, EventData
     * with Data and Binary items, values of the usual types); otherwise appends nothing and
     * returns false.
     */
    public boolean appendJson(Utf8Buffer out) {
        return JSON_WRITER.get().write(parser, start, end, headerRecordNumber, headerTicks, out);
    }
}
