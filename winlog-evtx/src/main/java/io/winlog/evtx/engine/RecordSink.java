package io.winlog.evtx.engine;

import io.winlog.evtx.EvtxRecord;
import io.winlog.evtx.RawRecord;

/**
 * Where {@link ChunkDecoder} puts a chunk's records, in chunk order: a list for readers that
 * iterate, a renderer for {@code EvtxReader.renderTo}.
 */
public interface RecordSink {
    /**
     * Offered each record that passed the record checks, before it is parsed. Returning true
     * means the sink consumed it from its bytes (it counts as read and is not parsed); false means
     * it is parsed, checked and passed to {@link #accept} (or reported as damaged). Records
     * recovered from slack space are never offered.
     */
    default boolean offer(RawRecord raw) {
        return false;
    }

    /** A parsed, checked record. */
    void accept(EvtxRecord record);
}
