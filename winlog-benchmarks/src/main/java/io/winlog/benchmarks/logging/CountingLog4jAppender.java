package io.winlog.benchmarks.logging;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Log4j2's end of the pipeline: an appender that only counts. */
public final class CountingLog4jAppender extends AbstractAppender {
    private final DeliveryCounter counter;

    public CountingLog4jAppender(DeliveryCounter counter) {
        super("counting", null, null, true, Property.EMPTY_ARRAY);
        this.counter = counter;
    }

    @Override
    public void append(LogEvent event) {
        counter.deliver(event.getMessage().getFormattedMessage());
    }
}
