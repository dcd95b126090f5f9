package io.winlog.benchmarks.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;

/** Logback's end of the pipeline: an appender that only counts. */
public final class CountingLogbackAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private final DeliveryCounter counter;

    public CountingLogbackAppender(DeliveryCounter counter) {
        this.counter = counter;
    }

    @Override
    protected void append(ILoggingEvent event) {
        counter.deliver(event.getFormattedMessage());
    }
}
