package io.winlog.slf4j.pipeline;

import io.winlog.api.channel.EventChannel;
import io.winlog.api.channel.EventHandler;
import io.winlog.api.channel.EventTranslator;
import io.winlog.api.channel.SubscriberConfig;
import io.winlog.api.channel.Subscription;
import io.winlog.api.channel.Topic;
import io.winlog.api.channel.WaitStrategy;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link HandOff} over winlog's {@link EventChannel} in its shared-ring slot mode
 * ({@code sharedRing(capacity).slots(...)}): the channel's ring holds pre-allocated
 * {@link LogSlot}s and nothing is allocated per log call.
 *
 * <p>The pipeline's protocol is claim, fill, publish, while the channel fills its slots inside
 * an {@link EventTranslator}. So {@link #tryClaim()} hands the caller its thread's own scratch
 * slot (one per caller thread, allocated once), and {@link #publish(LogSlot)} copies it into the
 * ring's slot with a static translator and clears it. The consumer side polls one event at a
 * time and copies the ring slot into its own slot, which stays valid until {@link #release}
 * (ring slots are valid only during the handler call). Cost against the default
 * {@link MpscSlotRing}: two field copies of a slot per log call and a thread-local lookup.
 *
 * <p>Overflow: {@link OverflowPolicy#BLOCK} waits in the channel without a practical time limit
 * (lossless); {@link OverflowPolicy#DROP} uses {@code tryPublish} and the refusal counts as a
 * drop. The consumer thread never waits for itself: its own log calls use {@code tryPublish}.
 */
final class ChannelHandOff implements HandOff {
    /** "Forever" for the channel's BLOCK timeout, still a valid nanosecond count. */
    private static final Duration NO_TIMEOUT = Duration.ofDays(36_500);
    private static final EventTranslator<LogSlot, LogSlot> COPY = LogSlot::copyFrom;

    private final EventChannel<LogSlot> channel;
    private final Topic topic;
    private final Subscription<LogSlot> subscription;
    private final int capacity;
    private final boolean drop;
    private final ThreadLocal<LogSlot> scratch = ThreadLocal.withInitial(() -> new LogSlot(0, true));
    private final LongAdder claimed = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private volatile long released;
    /** Consumer-owned copy of the current event (valid from peek to release). */
    private final LogSlot current = new LogSlot(0, true);
    private boolean hasCurrent;
    private Thread consumerThread;
    private final EventHandler<LogSlot> take = (slot, sequence, endOfBatch) -> current.copyFrom(slot);

    ChannelHandOff(String name, int capacity, OverflowPolicy overflow) {
        if (overflow == OverflowPolicy.SPILL) {
            throw new IllegalArgumentException("the CHANNEL hand-off offers BLOCK or DROP, not SPILL"
                    + " (use the RING hand-off for SPILL)");
        }
        this.drop = overflow == OverflowPolicy.DROP;
        channel = EventChannel.<LogSlot>builder().name(name).sharedRing(capacity).slots(() -> new LogSlot(0, true)).build();
        topic = channel.defaultTopic();
        subscription = channel.subscribe(SubscriberConfig.<LogSlot>builder("event-writer")
                .blockTimeout(NO_TIMEOUT)
                .waitStrategy(WaitStrategy.BLOCKING) // producers wait for room by park/back-off, the pipeline owns the consumer's idling
                .build());
        this.capacity = capacity <= 2 ? 2 : Integer.highestOneBit(capacity - 1) << 1; // the ring's size, as the channel rounds it
    }

    /**
     * {@inheritDoc}
     *
     * <p>Returns the thread's scratch slot; if it is still being filled (a log call made while
     * filling it, e.g. by an argument's {@code toString()} with {@code format=caller}), a fresh
     * slot instead (the only allocation, and only in that nested case).
     */
    @Override
    public LogSlot tryClaim() {
        claimed.increment();
        LogSlot s = scratch.get();
        if (s.claimed != 0) {
            return new LogSlot(0, true);
        }
        s.claimed = 1; // busy until published
        return s;
    }

    @Override
    public boolean publish(LogSlot slot) {
        boolean ok = drop || Thread.currentThread() == consumerThread
                ? channel.tryPublish(topic, COPY, slot)
                : channel.publish(topic, COPY, slot);
        slot.clear(); // the scratch slot keeps nothing alive
        slot.claimed = 0;
        if (!ok) {
            refused.increment();
        }
        return ok;
    }

    @Override
    public LogSlot peek() {
        if (!hasCurrent) {
            consumerThread = Thread.currentThread();
            hasCurrent = subscription.poll(take, 1) > 0;
        }
        return hasCurrent ? current : null;
    }

    @Override
    public void release(LogSlot slot) {
        current.clear();
        hasCurrent = false;
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
