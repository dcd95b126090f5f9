package io.winlog.evtx;

import io.winlog.api.render.EventJson;
import io.winlog.evtx.binxml.Utf8Buffer;

/**
 * Turns one record into output bytes (one line of XML, JSONL, text...) for
 * {@link EvtxReader#renderTo}: appends to {@code out}, or appends nothing to leave the record out
 * (a filter).
 *
 * <p>In parallel mode each decoding thread gets its own renderer from the supplier passed to
 * {@code renderTo}, so an implementation may keep reusable scratch state and need not be
 * thread-safe.
 */
@FunctionalInterface
public interface RecordRenderer {
    /** Appends the rendering of {@code record} to {@code out}. */
    void render(EvtxRecord record, Utf8Buffer out);

    /**
     * The fast path: renders a record straight from its bytes, before it is parsed (for example
     * with {@link RawRecord#appendXml}). Returns true if it did; false, having appended nothing,
     * to have the record parsed and passed to {@link #render} instead. The default declines.
     */
    default boolean renderRaw(RawRecord record, Utf8Buffer out) {
        return false;
    }

    /**
     * XML lines: each record's XML (Windows' {@code EvtRender} shape, {@link EvtxRecord#xml()})
     * and a newline, written straight from the record's bytes where it can
     * ({@link RawRecord#appendXml}), else from the parsed record. What {@code winlog dump --format
     * xml} prints.
     */
    static RecordRenderer xmlLines() {
        return new RecordRenderer() {
            @Override
            public boolean renderRaw(RawRecord record, Utf8Buffer out) {
                if (record.appendXml(out)) {
                    out.ascii('\n');
                    return true;
                }
                return false;
            }

            @Override
            public void render(EvtxRecord record, Utf8Buffer out) {
                record.appendXml(out);
                out.ascii('\n');
            }
        };
    }

    /**
     * JSONL: each record's reference-JSONL line ({@link EventJson} of {@link EvtxRecord#event()},
     * with {@code header_record_num} and {@code header_timestamp}) and a newline, written straight
     * from the record's bytes where it can ({@link RawRecord#appendJson}), else from the event
     * model. What {@code winlog dump --format jsonl} prints.
     */
    static RecordRenderer jsonLines() {
        return new RecordRenderer() {
            private StringBuilder line = new StringBuilder(4096);

            @Override
            public boolean renderRaw(RawRecord record, Utf8Buffer out) {
                if (record.appendJson(out)) {
                    out.ascii('\n');
                    return true;
                }
                return false;
            }

            @Override
            public void render(EvtxRecord record, Utf8Buffer out) {
                line.setLength(0);
                EventJson.render(record.event(), record.headerRecordNumber(), record.headerTimestamp(), line);
                line = out.appendReusable(line);
                out.ascii('\n');
            }
        };
    }
}
