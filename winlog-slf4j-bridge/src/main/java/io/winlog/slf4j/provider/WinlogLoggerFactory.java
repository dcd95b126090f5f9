package io.winlog.slf4j.provider;

import io.winlog.slf4j.pipeline.EventPipeline;
import io.winlog.slf4j.pipeline.PipelineStats;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.spi.MDCAdapter;

/**
 * Creates and caches {@link WinlogLogger}s that share one {@link EventPipeline}. Usually made by
 * {@link WinlogServiceProvider}; construct one directly to log through winlog without going
 * through {@code LoggerFactory} (tests, benchmarks, several independent sources).
 */
public final class WinlogLoggerFactory implements ILoggerFactory, AutoCloseable {
    private final ConcurrentMap<String, WinlogLogger> loggers = new ConcurrentHashMap<>();
    private final ProviderSettings settings;
    private final EventPipeline pipeline;
    private final MDCAdapter mdc;

    /** Opens the writer and starts the pipeline that {@code settings} describe. */
    public WinlogLoggerFactory(ProviderSettings settings, MDCAdapter mdc) {
        this.settings = settings;
        this.mdc = mdc != null ? mdc : new BasicMDCAdapter();
        this.pipeline = settings.bridge().openPipeline(new ProviderSlotRenderer(settings.bridge()));
    }

    @Override
    public Logger getLogger(String name) {
        WinlogLogger l = loggers.get(name);
        return l != null ? l : loggers.computeIfAbsent(name, this::create);
    }

    private WinlogLogger create(String name) {
        return new WinlogLogger(name, settings.thresholds().thresholdFor(name), pipeline, mdc,
                settings.bridge().eventIds().mdcKey(), settings.formatOnCaller(), settings.bridge().includeThreadName());
    }

    /** Counters of everything logged through this factory. */
    public PipelineStats stats() {
        return pipeline.stats();
    }

    /** Waits until everything logged so far is written. */
    public boolean flush(Duration timeout) {
        return pipeline.flush(timeout);
    }

    public EventPipeline pipeline() {
        return pipeline;
    }

    /** Drains, writes the final summary and closes the writer. */
    @Override
    public void close() {
        pipeline.close();
    }
}
