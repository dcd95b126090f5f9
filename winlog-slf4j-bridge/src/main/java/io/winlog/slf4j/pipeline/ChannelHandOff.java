package io.winlog.slf4j.pipeline;

import io.winlog.api.channel.BackpressurePolicy;
import io.winlog.api.channel.EventChannel;
import io.winlog.api.channel.SubscriberConfig;
import io.winlog.api.channel.Subscription;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link HandOff} over winlog's {@link EventChannel}: each log call gets a fresh
 * {@link LogSlot} (the channel passes references, so slots cannot be recycled safely without a
 * return path), published to a channel with one poll-mode subscriber that the pipeline's
 * consumer thread drains. BLOCK waits without a practical time limit (lossless); DROP maps to
 * the channel's DROP_NEWEST.
 */
final class ChannelHandOff implements HandOff {
    /** "Forever" for the channel's BLOCK timeout, still a valid nanosecond count. */
    private static final Duration NO_TIMEOUT = Duration.ofDays(36_500);

    private final EventChannel<LogSlot> channel;
    private final Subscription<LogSlot> subscription;
    private final int capacity;
    private final LongAdder claimed = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private volatile long released;
    private LogSlot current;

    ChannelHandOff(String name, int capacity, OverflowPolicy overflow) {
        if (overflow == OverflowPolicy.SPILL) {
            throw new IllegalArgumentException("the CHANNEL hand-off offers BLOCK or DROP, not SPILL"
                    + " (use the RING hand-off for SPILL)");
        }
        channel = EventChannel.<LogSlot>builder().name(name).build();
        subscription = channel.subscribe(SubscriberConfig.<LogSlot>builder("event-writer")
                .capacity(capacity)
                .policy(overflow == OverflowPolicy.DROP ? BackpressurePolicy.DROP_NEWEST : BackpressurePolicy.BLOCK)
                .blockTimeout(NO_TIMEOUT)
                .build());
        this.capacity = subscription.config().capacity();
    }

    @Override
    public LogSlot tryClaim() {
        claimed.increment();
        return new LogSlot(0, true);
    }

    @Override
    public boolean publish(LogSlot slot) {
        if (channel.publish(slot)) {
            return true;
        }
        refused.increment();
        return false;
    }

    @Override
    public LogSlot peek() {
        LogSlot s = current;
        if (s == null) {
            s = subscription.poll();
            current = s;
        }
        return s;
    }

    @Override
    public void release(LogSlot slot) {
        current = null;
        released++;
    }

    @Override
    public long claimedCount() {
        return claimed.sum();
    }

    /** Claimed slots are done when consumed or refused at publish. */
    @Override
    public long releasedCount() {
        return released + refused.sum();
    }

    long refusedCount() {
        return refused.sum();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public void close() {
        subscription.close();
        channel.close();
    }
}
