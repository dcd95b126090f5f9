/**
 * Caller-thread cost of one log call through winlog's SLF4J provider and Logback appender,
 * against Logback's AsyncAppender and Log4j2's all-async loggers, each configured lossless and
 * each ending in the same cheap counting sink, so the pipelines are compared and not
 * {@code ReportEvent}. Results: docs/benchmarks-logging.md.
 */
package io.winlog.benchmarks.logging;
