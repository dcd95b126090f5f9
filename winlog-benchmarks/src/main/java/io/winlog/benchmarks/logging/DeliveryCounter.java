package io.winlog.benchmarks.logging;

import java.util.concurrent.atomic.LongAdder;

/**
 * The sink behind every pipeline: counts delivered events and reads the length of each formatted
 * message (so formatting that a pipeline defers is really done), nothing else.
 */
public final class DeliveryCounter {
    private final LongAdder delivered = new LongAdder();
    private final LongAdder chars = new LongAdder();

    public void deliver(String formattedMessage) {
        delivered.increment();
        chars.add(formattedMessage.length());
    }

    public long delivered() {
        return delivered.sum();
    }

    public long chars() {
        return chars.sum();
    }
}
