package io.winlog.slf4j.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.winlog.api.EventWriter;
import io.winlog.slf4j.BridgeConfig;
import io.winlog.slf4j.LevelMapping;
import io.winlog.slf4j.pipeline.EventPipeline;
import io.winlog.slf4j.pipeline.LogSlot;
import io.winlog.slf4j.pipeline.OverflowPolicy;
import io.winlog.slf4j.pipeline.PipelineStats;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.event.Level;

/**
 * A Logback appender that writes to the Windows Event Log, or to a fallback (stderr or a file)
 * where the Event Log is unavailable, with exactly one warning saying why.
 *
 * <pre>{@code
 * <appender name="EVENTLOG" class="io.winlog.slf4j.logback.WindowsEventLogAppender">
 *   <source>MyService</source>               <!-- registered with: winlog source install -->
 *   <log>Application</log>
 *   <defaultEventId>1000</defaultEventId>
 *   <levelEventIds>ERROR=1003, WARN=1002</levelEventIds>
 *   <rateLimit>100</rateLimit>               <!-- events/s, 0 = none; summaries report the rest -->
 *   <fallback>file:/var/log/myservice-events.log</fallback>
 * </appender>
 * }</pre>
 *
 * <p>The log call only prepares the event (Logback formats the message, as its AsyncAppender
 * does) and puts it in a pre-allocated slot of a lock-free ring; a writer thread renders and
 * writes it. Lossless by default: a full ring makes the caller wait ({@code overflow} SPILL or
 * DROP change that; drops are counted in {@link #getStats()} and reported in summary events).
 * Event ids come from a key-value pair, a marker ({@link io.winlog.slf4j.EventIdMarker}, or a
 * marker named {@code eventId=<n>}), the MDC, the level's default or the global default, in that
 * order (see {@link io.winlog.slf4j.EventIdPolicy}).
 */
public class WindowsEventLogAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private final BridgeConfig config = new BridgeConfig();
    private volatile EventPipeline pipeline;
    private Duration drainTimeout = Duration.ofSeconds(10);

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        try {
            pipeline = config.openPipeline(new LogbackSlotRenderer(config));
        } catch (RuntimeException e) {
            addError("cannot start the Windows Event Log appender '" + getName() + "': " + e.getMessage(), e);
            return;
        }
        addInfo("writing events of source '" + config.source() + "' to log '" + config.log() + "'"
                + (config.async() ? " through a queue of " + config.queueSize() + " (" + config.overflow() + ")" : ""));
        super.start();
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        EventPipeline p = pipeline;
        if (p != null) {
            p.close(drainTimeout);
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        EventPipeline p = pipeline;
        LogSlot s = p.claim();
        if (s == null) {
            return; // dropped by policy; counted by the pipeline
        }
        try {
            s.level = toSlf4j(event.getLevel().toInt());
            s.payload = event;
            if (p.isAsync()) {
                // freeze what is thread-bound or lazily computed (message, thread name, MDC)
                event.prepareForDeferredProcessing();
            }
        } finally {
            p.publish(s);
        }
    }

    private static Level toSlf4j(int logbackLevel) {
        if (logbackLevel >= ch.qos.logback.classic.Level.ERROR_INT) {
            return Level.ERROR;
        }
        if (logbackLevel >= ch.qos.logback.classic.Level.WARN_INT) {
            return Level.WARN;
        }
        if (logbackLevel >= ch.qos.logback.classic.Level.INFO_INT) {
            return Level.INFO;
        }
        return logbackLevel >= ch.qos.logback.classic.Level.DEBUG_INT ? Level.DEBUG : Level.TRACE;
    }

    /** Counters: written, suppressed by the rate limit, dropped, failed, pending. */
    public PipelineStats getStats() {
        EventPipeline p = pipeline;
        return p == null ? new PipelineStats(0, 0, 0, 0, 0, 0, 0, 0, 0) : p.stats();
    }

    /** Waits until everything appended so far is written (tests, before a planned exit). */
    public boolean flush(Duration timeout) {
        EventPipeline p = pipeline;
        return p == null || p.flush(timeout);
    }

    // ------------------------------------------------------------------ Joran properties

    public void setSource(String source) { config.source(source); }
    public void setLog(String log) { config.log(log); }
    /** {@code stderr} (default) or {@code file:<path>}. */
    public void setFallback(String fallback) { config.fallback(fallback); }
    public void setAsync(boolean async) { config.async(async); }
    public void setQueueSize(int size) { config.queueSize(size); }
    /** BLOCK (default, lossless), SPILL (lossless, heap) or DROP (counted). */
    public void setOverflow(String policy) { config.overflow(OverflowPolicy.parse(policy)); }
    /** RING (default: pre-allocated slots) or CHANNEL (winlog's EventChannel). */
    public void setHandOff(String kind) { config.handOff(io.winlog.slf4j.pipeline.HandOffKind.parse(kind)); }
    /** Events per second; 0 (default) = unlimited. */
    public void setRateLimit(double perSecond) { config.rateLimit(perSecond, config.rateLimitBurst()); }
    public void setRateLimitBurst(long burst) { config.rateLimit(config.rateLimitPerSecond(), burst); }
    /** Seconds between summary events of what was suppressed, dropped or failed (default 60). */
    public void setSummaryIntervalSeconds(double seconds) {
        config.summaryInterval(Duration.ofMillis(Math.max(1, (long) (seconds * 1000))));
    }
    public void setSummaryEventId(long id) { config.summaryEventId(id); }
    public void setDefaultEventId(long id) { config.eventIds().defaultEventId(id); }
    /** The SLF4J 2 key-value key holding an event id (default "eventId"; empty disables). */
    public void setEventIdKey(String key) { config.eventIds().keyValueKey(key); }
    /** The MDC key holding an event id (default "eventId"; empty disables). */
    public void setEventIdMdcKey(String key) { config.eventIds().mdcKey(key); }
    /** The marker name prefix before an event id (default "eventId="). */
    public void setEventIdMarkerPrefix(String prefix) { config.eventIds().markerPrefix(prefix); }
    /** Per-level event ids, e.g. {@code ERROR=1003, WARN=1002}. */
    public void setLevelEventIds(String spec) {
        forEachPair(spec, (level, v) -> config.eventIds().defaultEventId(level, parseId(v)));
    }
    /** Per-level categories, e.g. {@code ERROR=1, WARN=2} (defaults ERROR 1 .. TRACE 5). */
    public void setLevelCategories(String spec) {
        forEachPair(spec, (level, v) -> config.levels().setCategory(level, Integer.parseInt(v)));
    }
    /** Per-level event types, e.g. {@code DEBUG=INFORMATION, WARN=ERROR}. */
    public void setLevelTypes(String spec) {
        forEachPair(spec, (level, v) -> config.levels().setType(level, LevelMapping.parseType(v)));
    }
    public void setIncludeKeyValues(boolean v) { config.includeKeyValues(v); }
    public void setIncludeLoggerName(boolean v) { config.includeLoggerName(v); }
    public void setIncludeThreadName(boolean v) { config.includeThreadName(v); }
    public void setDrainTimeoutSeconds(double seconds) { drainTimeout = Duration.ofMillis((long) (seconds * 1000)); }

    // ------------------------------------------------------------------ programmatic only

    /** Writes to {@code writer} instead of the Event Log (tests, custom destinations). Before start. */
    public void setWriter(EventWriter writer) { config.writer(writer); }
    /** Time source of the rate limit and summaries (tests). Before start. */
    public void setNanoClock(LongSupplier clock) { config.nanoClock(clock); }
    /** Receives the appender's warnings instead of stderr. Before start. */
    public void setWarnings(Consumer<String> warnings) { config.warnings(warnings); }

    private void forEachPair(String spec, java.util.function.BiConsumer<Level, String> action) {
        for (String part : spec.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                addError("expected LEVEL=value, got '" + part.trim() + "' in '" + spec + "'");
                continue;
            }
            try {
                action.accept(LevelMapping.parseLevel(part.substring(0, eq)), part.substring(eq + 1).trim());
            } catch (RuntimeException e) {
                addError("ignored '" + part.trim() + "': " + e.getMessage());
            }
        }
    }

    private static long parseId(String v) {
        long id = io.winlog.slf4j.EventIdPolicy.parse(v);
        if (id == io.winlog.slf4j.EventIdPolicy.NONE) {
            throw new IllegalArgumentException("an event id is 0..4294967295");
        }
        return id;
    }
}
