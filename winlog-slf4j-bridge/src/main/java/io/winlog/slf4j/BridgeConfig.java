package io.winlog.slf4j;

import io.winlog.api.EventWriter;
import io.winlog.slf4j.pipeline.EventPipeline;
import io.winlog.slf4j.pipeline.HandOffKind;
import io.winlog.slf4j.pipeline.OverflowPolicy;
import io.winlog.slf4j.pipeline.SlotRenderer;
import io.winlog.slf4j.writer.EventWriters;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The settings both front ends share: where events go (source, log, fallback), how they look
 * (level mapping, event ids, extra strings) and how they travel (async, queue, overflow, rate
 * limit, summaries). Mutable while configuring (the Logback appender's setters and the
 * provider's properties write it), then used once by {@link #openPipeline(SlotRenderer)}.
 */
public final class BridgeConfig {
    private String source = "Java";
    private String log = "Application";
    private String fallback = "stderr";
    private final LevelMapping levels = new LevelMapping();
    private final EventIdPolicy eventIds = new EventIdPolicy();
    private boolean includeKeyValues = true;
    private boolean includeLoggerName;
    private boolean includeThreadName;
    private boolean async = true;
    private int queueSize = 8192;
    private OverflowPolicy overflow = OverflowPolicy.BLOCK;
    private HandOffKind handOff = HandOffKind.RING;
    private double rateLimitPerSecond;
    private long rateLimitBurst;
    private Duration summaryInterval = Duration.ofSeconds(60);
    private long summaryEventId = 9000;
    private EventWriter writer;
    private LongSupplier nanoClock = System::nanoTime;
    // looks System.err up per warning, so a redirected stderr receives it
    private Consumer<String> warnings = line -> System.err.println(line);

    public String source() { return source; }
    public String log() { return log; }
    public String fallback() { return fallback; }
    public LevelMapping levels() { return levels; }
    public EventIdPolicy eventIds() { return eventIds; }
    public boolean includeKeyValues() { return includeKeyValues; }
    public boolean includeLoggerName() { return includeLoggerName; }
    public boolean includeThreadName() { return includeThreadName; }
    public boolean async() { return async; }
    public int queueSize() { return queueSize; }
    public OverflowPolicy overflow() { return overflow; }
    public HandOffKind handOff() { return handOff; }
    public double rateLimitPerSecond() { return rateLimitPerSecond; }
    public long rateLimitBurst() { return rateLimitBurst; }

    /** The event source name (registered under the log on Windows). Default "Java". */
    public BridgeConfig source(String v) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("event source name must not be empty");
        }
        source = v.trim();
        return this;
    }

    /** The log the source belongs to. Default "Application". */
    public BridgeConfig log(String v) { log = v == null || v.isBlank() ? "Application" : v.trim(); return this; }
    /** {@code stderr} or {@code file:<path>}: where events go when the Event Log is unavailable. */
    public BridgeConfig fallback(String v) { fallback = v; return this; }
    /** Adds SLF4J 2 key-value pairs as extra insertion strings {@code key=value}. Default true. */
    public BridgeConfig includeKeyValues(boolean v) { includeKeyValues = v; return this; }
    /** Adds {@code logger=<name>} as an extra insertion string. Default false. */
    public BridgeConfig includeLoggerName(boolean v) { includeLoggerName = v; return this; }
    /** Adds {@code thread=<name>} as an extra insertion string. Default false. */
    public BridgeConfig includeThreadName(boolean v) { includeThreadName = v; return this; }
    public BridgeConfig async(boolean v) { async = v; return this; }

    public BridgeConfig queueSize(int v) {
        if (v < 2) {
            throw new IllegalArgumentException("queue size must be at least 2, not " + v);
        }
        queueSize = v;
        return this;
    }

    public BridgeConfig overflow(OverflowPolicy v) { overflow = Objects.requireNonNull(v); return this; }
    /** RING (default, no allocation per call) or CHANNEL (winlog's EventChannel). */
    public BridgeConfig handOff(HandOffKind v) { handOff = Objects.requireNonNull(v); return this; }

    /**
     * At most {@code perSecond} events per second, bursts of {@code burst} (0 = one second's
     * worth); {@code perSecond} 0 = no limit. The two are kept separately, so they can be set in
     * any order (properties files and logback.xml do not promise one).
     */
    public BridgeConfig rateLimit(double perSecond, long burst) {
        if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate limit must be >= 0 events per second (0 = none), not " + perSecond);
        }
        if (burst < 0) {
            throw new IllegalArgumentException("rate limit burst must be >= 0 (0 = one second's worth), not " + burst);
        }
        rateLimitPerSecond = perSecond;
        rateLimitBurst = burst;
        return this;
    }

    /** The bucket size used: the configured burst, or one second's worth (at least 1). */
    public long effectiveBurst() {
        return rateLimitBurst > 0 ? rateLimitBurst : Math.max(1, (long) Math.ceil(rateLimitPerSecond));
    }

    public BridgeConfig summaryInterval(Duration v) { summaryInterval = v; return this; }
    public BridgeConfig summaryEventId(long v) { summaryEventId = v; return this; }
    /** Writes to this writer instead of opening the Event Log (tests, custom destinations). */
    public BridgeConfig writer(EventWriter v) { writer = v; return this; }
    public BridgeConfig nanoClock(LongSupplier v) { nanoClock = Objects.requireNonNull(v); return this; }
    /** Where warnings go (the single fallback warning, the first write failure). Default stderr. */
    public BridgeConfig warnings(Consumer<String> v) { warnings = Objects.requireNonNull(v); return this; }

    /** Opens the writer (or uses the configured one) and starts a pipeline with these settings. */
    public EventPipeline openPipeline(SlotRenderer renderer) {
        EventWriter w = writer != null ? writer : EventWriters.open(source, log, fallback, warnings);
        return EventPipeline.builder(w, renderer)
                .async(async)
                .queueSize(queueSize)
                .overflow(overflow)
                .handOff(handOff)
                .rateLimit(rateLimitPerSecond, rateLimitPerSecond > 0 ? effectiveBurst() : 0)
                .summaryInterval(summaryInterval)
                .summaryEventId(summaryEventId)
                .nanoClock(nanoClock)
                .warnings(warnings)
                .threadName("winlog-event-writer-" + source)
                .build();
    }
}
