package io.winlog.evtx.evt;

import io.winlog.api.event.EventRecord;
import io.winlog.evtx.classic.EventLogRecord;

/**
 * One record read from a .evt file: the raw decoded {@link EventLogRecord}, where it starts in
 * the file, and whether it is live or recovered from the unused part of the circular buffer.
 *
 * @param raw        every field of the record as stored
 * @param fileOffset where the record starts (it may wrap past the end of the file to 0x30)
 * @param recovered  true for a record outside the live range (deleted or overwritten space)
 */
public record EvtEntry(EventLogRecord raw, long fileOffset, boolean recovered) {
    /** The record in the winlog-api model ({@link EventLogRecord#toEventRecord()}). */
    public EventRecord event() {
        return raw.toEventRecord();
    }
}
