/**
 * The Windows event query language evaluated in pure Java: {@link io.winlog.api.filter.EventFilter}
 * compiles an XPath expression or a structured {@code <QueryList>} once and tests events against
 * it, so one query works on live channels, files and ETW events.
 */
package io.winlog.api.filter;
