/**
 * The codec layer for classic event records: {@link io.winlog.evtx.classic.EventLogRecordCodec}
 * decodes {@code EVENTLOGRECORD} bytes (from a .evt file or a {@code ReadEventLog} buffer) into
 * {@link io.winlog.evtx.classic.EventLogRecord}, which maps to the winlog-api model. Pure
 * functions of bytes: no files, no native calls, safe from any thread.
 */
package io.winlog.evtx.classic;
