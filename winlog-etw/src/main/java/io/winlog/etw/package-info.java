/**
 * ETW for the JVM: trace sessions (controller), real-time and file consumers, TDH and
 * TraceLogging decoding, and an event provider. Planned layers, as in winlog-jna:
 * {@code io.winlog.etw.binding} (advapi32/tdh JNA bindings, layout-tested against
 * {@code shared/abi/win-layouts.json}), {@code io.winlog.etw.codec} (EVENT_RECORD and
 * TRACE_EVENT_INFO decoding), {@code io.winlog.etw.engine} (session and consumer threads), and
 * the public face here. Not implemented yet: no ETW issue has been worked on.
 */
package io.winlog.etw;
