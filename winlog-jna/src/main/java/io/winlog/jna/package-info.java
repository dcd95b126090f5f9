/**
 * The Windows Event Log through JNA. Public face:
 * {@link io.winlog.jna.EventLogWriter} (ReportEvent), {@link io.winlog.jna.EventSourceInstaller}
 * (registers a source with winlog's message DLLs, {@link io.winlog.jna.messagedll}), and the
 * classic live-log {@link io.winlog.jna.ClassicEventLogReader} and {@link io.winlog.jna.ClassicEventLogTail}.
 *
 * <pre>{@code
 * try (EventLogWriter log = EventLogWriter.builder().source("MyApp").log("Application").build()) {
 *     log.write(EventSpec.builder(1001).type(EventType.ERROR).strings("payment failed").build());
 * }
 * }</pre>
 *
 * Layers: {@code binding} (JNA interfaces and Structures) → {@code codec} (pure argument
 * preparation) → {@code engine} (behaviour behind small interfaces, scripted in Linux tests) →
 * this package. Off Windows, opening a live resource throws
 * {@link io.winlog.api.PlatformNotSupportedException}. What is verified where is in
 * docs/windows-event-log-writer.md and docs/windows-event-log-reader.md.
 */
package io.winlog.jna;
