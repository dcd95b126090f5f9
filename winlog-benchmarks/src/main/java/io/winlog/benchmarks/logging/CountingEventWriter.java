package io.winlog.benchmarks.logging;

import io.winlog.api.EventSpec;
import io.winlog.api.EventWriter;

/** winlog's end of the pipeline: an {@link EventWriter} that only counts. */
public final class CountingEventWriter implements EventWriter {
    private final DeliveryCounter counter;

    public CountingEventWriter(DeliveryCounter counter) {
        this.counter = counter;
    }

    @Override
    public void write(EventSpec event) {
        counter.deliver(event.strings().get(0));
    }

    @Override
    public void close() {
    }
}
