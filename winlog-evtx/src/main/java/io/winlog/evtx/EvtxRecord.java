package io.winlog.evtx;

import io.winlog.api.event.EventRecord;
import io.winlog.evtx.binxml.BinXmlNode;
import io.winlog.evtx.binxml.Element;
import io.winlog.evtx.binxml.EventRecordMapper;
import io.winlog.evtx.binxml.RecordXmlWriter;
import io.winlog.evtx.binxml.TemplateEventMapper;
import io.winlog.evtx.binxml.TemplateExpander;
import io.winlog.evtx.binxml.Utf8Buffer;
import io.winlog.evtx.binxml.XmlRenderer;
import java.time.Instant;
import java.util.List;

/**
 * One .evtx record as stored: the record header facts, its BinXml document, and the views
 * derived from it ({@link #root()}, {@link #event()}, {@link #xml()}, {@link #appendXml(Utf8Buffer)}).
 *
 * <p>The resolved tree ({@link #root()}) is built on first use only: the fast XML path
 * ({@link #appendXml(Utf8Buffer)}) renders from the template definition and the substitution
 * values directly. The decoder has already checked that the document expands
 * ({@link TemplateExpander#check}), so building it later cannot fail.
 */
public final class EvtxRecord {
    /** One fast XML writer per thread (it keeps a reusable stack of content slots). */
    private static final ThreadLocal<RecordXmlWriter> XML_WRITER = ThreadLocal.withInitial(RecordXmlWriter::new);
    /** One tree-less event mapper per thread (same reason). */
    private static final ThreadLocal<TemplateEventMapper> EVENT_MAPPER = ThreadLocal.withInitial(TemplateEventMapper::new);

    private final long headerRecordNumber;
    private final Instant headerTimestamp;
    private final long fileOffset;
    private final int chunkIndex;
    private final boolean recovered;
    private final List<BinXmlNode> document;
    private Element root;
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
        this.document = List.of(root);
    }

    /**
     * A record from its parsed BinXml document (template instances not expanded yet).
     *
     * @param document the parsed document, already accepted by {@link TemplateExpander#check}
     */
    public EvtxRecord(long headerRecordNumber, Instant headerTimestamp, long fileOffset, int chunkIndex,
                      boolean recovered, List<BinXmlNode> document) {
        this.headerRecordNumber = headerRecordNumber;
        this.headerTimestamp = headerTimestamp;
        this.fileOffset = fileOffset;
        this.chunkIndex = chunkIndex;
        this.recovered = recovered;
        this.document = document;
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

    /** The resolved BinXml tree ({@code <Event>}), expanded on first use, then cached. */
    public Element root() {
        Element r = root;
        if (r == null) {
            r = TemplateExpander.expandRoot(document, fileOffset);
            root = r;
        }
        return r;
    }

    /**
     * The event model (built on first use, then cached): straight from the template and the values
     * when the record's shape allows ({@link TemplateEventMapper}), else from {@link #root()}; the
     * same record either way.
     */
    public EventRecord event() {
        EventRecord e = event;
        if (e == null) {
            e = root == null ? mapWithoutTree() : null;
            if (e == null) {
                e = EventRecordMapper.map(root());
            }
            event = e;
        }
        return e;
    }

    /** The event mapped without expanding the tree, or null when its shape is left to the tree path. */
    EventRecord mapWithoutTree() {
        return EVENT_MAPPER.get().map(document);
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
        return XmlRenderer.EVT_RENDER.render(root());
    }

    /** Appends {@link #xml()} to {@code sb}. */
    public void appendXml(StringBuilder sb) {
        XmlRenderer.EVT_RENDER.append(sb, root());
    }

    /**
     * Appends {@link #xml()} as UTF-8 to {@code out}, the fast way: straight from the template
     * and the values, without building {@link #root()} (same bytes).
     */
    public void appendXml(Utf8Buffer out) {
        if (root != null) {
            // Already expanded (someone asked for the tree): rendering it is as cheap.
            StringBuilder sb = new StringBuilder(2048);
            XmlRenderer.EVT_RENDER.append(sb, root);
            out.append(sb);
            return;
        }
        XML_WRITER.get().write(document, out);
    }

    @Override
    public String toString() {
        return "EvtxRecord{#" + headerRecordNumber + " at " + fileOffset + (recovered ? " recovered" : "") + '}';
    }
}
