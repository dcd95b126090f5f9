/**
 * The Logback appender: {@code <appender name="EVENTLOG" class="io.winlog.slf4j.logback.WindowsEventLogAppender">}.
 * Logback is an optional dependency of winlog-slf4j-bridge: this package is only loaded when
 * Logback configures the appender.
 */
package io.winlog.slf4j.logback;
