/**
 * The event model: {@link io.winlog.api.event.EventRecord} and the typed values it carries
 * ({@link io.winlog.api.event.EventValue}, {@link io.winlog.api.event.ValueType},
 * {@link io.winlog.api.event.Sid}, {@link io.winlog.api.event.SystemTime}). Pure Java; the same
 * model comes from live logs, .evtx/.evt files and ETW.
 */
package io.winlog.api.event;
