/**
 * SLF4J and Logback front ends for the Windows Event Log.
 *
 * <ul>
 *   <li>{@link io.winlog.slf4j.logback.WindowsEventLogAppender}: a Logback appender.</li>
 *   <li>{@link io.winlog.slf4j.provider.WinlogServiceProvider}: an SLF4J 2 provider for
 *       applications without a logging backend, configured by {@code winlog-slf4j.properties}.</li>
 * </ul>
 *
 * <p>Both hand events to a {@link io.winlog.slf4j.pipeline.EventPipeline} (async, lossless by
 * default, rate limited) which writes through an {@link io.winlog.api.EventWriter}; on a machine
 * without the Windows Event Log the writer falls back to stderr or a file
 * ({@link io.winlog.slf4j.writer.EventWriters}).
 */
package io.winlog.slf4j;
