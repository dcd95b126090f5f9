/**
 * Where events end up: the Windows Event Log writer when available
 * ({@link io.winlog.slf4j.writer.EventWriters#open}), else a {@link io.winlog.slf4j.writer.FallbackEventWriter}
 * (stderr or a file) behind a {@link io.winlog.slf4j.writer.FailoverEventWriter} that warns once;
 * {@link io.winlog.slf4j.writer.RecordingEventWriter} for tests.
 */
package io.winlog.slf4j.writer;
