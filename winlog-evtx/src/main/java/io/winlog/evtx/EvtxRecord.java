package io.winlog.evtx;

import io.winlog.api.event.EventRecord;
import io.winlog.evtx.binxml.Element;
import io.winlog.evtx.binxml.EventRecordMapper;
import io.winlog.evtx.binxml.XmlRenderer;
import java.time.Instant;

/**
 * One .evtx record as stored: the record header facts, its resolved BinXml tree, and the views
 * derived from it ({@link #event()}, {@link #xml()}).
 */
public final class EvtxRecord {
    private final long headerRecordNumber;
    private final Instant headerTimestamp;
    private final long fileOffset;
    private final int chunkIndex;
    private final boolean recovered;
    private final Element root;
    private EventRecord event;
    private Object attachment;

    public EvtxRecord(long headerRecordNumber, Instant headerTimestamp, long fileOffset, int chunkIndex,
                      boolean recovered, Element root) {
        this.headerRecordNumber = headerRecordNumber;
        this.headerTimestamp = headerTimestamp;
        this.fileOffset = fileOffset;
        this.chunkIndex = chunkIndex;
        this.recovered = recovered;
        this.root = root;
    }

    /** The record number in the record header (can differ from EventRecordID in exported logs). */
    public long headerRecordNumber() {
        return headerRecordNumber;
    }

    /** The FILETIME in the record header (when the record was written). */
    public Instant headerTimestamp() {
        return headerTimestamp;
    }

    /** File offset of the record's magic. */
    public long fileOffset() {
        return fileOffset;
    }

    /** The chunk (0-based, file order) holding the record. */
    public int chunkIndex() {
        return chunkIndex;
    }

    /** True when the record came from slack space or a damaged chunk ({@code recover} mode). */
    public boolean recovered() {
        return recovered;
    }

    /** The resolved BinXml tree ({@code <Event>}). */
    public Element root() {
        return root;
    }

    /** The event model (built on first use, then cached). */
    public EventRecord event() {
        EventRecord e = event;
        if (e == null) {
            e = EventRecordMapper.map(root);
            event = e;
        }
        return e;
    }

    /** The result of {@link EvtxReadOptions#onDecoded}'s work for this record, or null. */
    public Object attachment() {
        return attachment;
    }

    /** Sets {@link #attachment()} (done by the reader; visible to the thread that receives the record). */
    public void attach(Object value) {
        attachment = value;
    }

    /** The XML Windows' EvtRender would produce for this record. */
    public String xml() {
        return XmlRenderer.EVT_RENDER.render(root);
    }

    /** Appends {@link #xml()} to {@code sb}. */
    public void appendXml(StringBuilder sb) {
        XmlRenderer.EVT_RENDER.append(sb, root);
    }

    @Override
    public String toString() {
        return "EvtxRecord{#" + headerRecordNumber + " at " + fileOffset + (recovered ? " recovered" : "") + '}';
    }
}
