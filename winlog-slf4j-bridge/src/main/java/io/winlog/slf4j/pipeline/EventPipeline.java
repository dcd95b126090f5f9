package io.winlog.slf4j.pipeline;

import io.winlog.api.EventSpec;
import io.winlog.api.EventType;
import io.winlog.api.EventWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.event.Level;

/**
 * Carries log calls to an {@link EventWriter} so that the caller never waits on the writer
 * ({@code ReportEvent} takes tens of microseconds and can stall on a busy Event Log service).
 *
 * <p><b>Caller side</b> ({@link #claim()}, fill, {@link #publish(LogSlot)}): a pre-allocated slot of a
 * lock-free ring, no allocation and no lock in steady state. When the ring is full the
 * {@link OverflowPolicy} decides: wait (default, lossless), spill to the heap, or drop and count.
 *
 * <p><b>Consumer side</b> (one daemon thread): rate limit ({@link TokenBucket}) on the
 * event's arrival order, render ({@link SlotRenderer}) and release the slot, then write. Every
 * event that is not written (suppressed, dropped, failed) is counted; a summary event reports
 * them at most once per summary interval, and once more at {@link #close()}.
 *
 * <p>In synchronous mode ({@code async(false)}) the caller does the consumer's work under a lock.
 */
public final class EventPipeline implements AutoCloseable {
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int SPIN_TRIES = 200;
    private static final int NAP_TRIES = 40;
    private static final long NAP_NANOS = 50_000;

    private final EventWriter writer;
    private final SlotRenderer renderer;
    private final boolean async;
    private final OverflowPolicy overflow;
    private final HandOff ring;
    private final ConcurrentLinkedQueue<LogSlot> spill = new ConcurrentLinkedQueue<>();
    private final TokenBucket limiter;
    private final LongSupplier nanoClock;
    private final long summaryIntervalNanos;
    private final long summaryEventId;
    private final Consumer<String> warnings;
    private final Thread consumer;
    private final Object syncLock = new Object();
    private final AtomicBoolean firstFailureReported = new AtomicBoolean();

    // producer-side counters: slow paths only
    private final LongAdder dropped = new LongAdder();
    private final LongAdder spilled = new LongAdder();
    private final LongAdder blocked = new LongAdder();
    private final LongAdder syncAccepted = new LongAdder();

    // consumer-side counters: one writer (consumer thread or syncLock holder), many readers
    private volatile long written;
    private volatile long failed;
    private volatile long summaries;
    private volatile long ringDone;
    private volatile long spillDone;
    private final long[] suppressedByLevel = new long[Level.values().length];
    private volatile long suppressedTotal;

    // what the last summary reported
    private long lastSummaryNanos;
    private long reportedSuppressed;
    private final long[] reportedByLevel = new long[Level.values().length];
    private long reportedDropped;
    private long reportedFailed;

    private final ReentrantLock notFullLock = new ReentrantLock();
    private final Condition notFull = notFullLock.newCondition();
    private volatile int waitingProducers;
    private volatile boolean consumerParked;
    private volatile boolean closing;
    private volatile boolean closed;

    private EventPipeline(Builder b) {
        this.writer = b.writer;
        this.renderer = b.renderer;
        this.async = b.async;
        this.overflow = b.overflow;
        this.nanoClock = b.nanoClock;
        this.limiter = b.ratePerSecond > 0 ? new TokenBucket(b.ratePerSecond, b.burst, b.nanoClock) : null;
        this.summaryIntervalNanos = b.summaryInterval.toNanos();
        this.summaryEventId = b.summaryEventId;
        this.warnings = b.warnings;
        this.lastSummaryNanos = nanoClock.getAsLong();
        if (async) {
            ring = b.handOff == HandOffKind.CHANNEL
                    ? new ChannelHandOff(b.threadName, b.queueSize, b.overflow)
                    : new MpscSlotRing(b.queueSize);
            consumer = new Thread(this::consumeLoop, b.threadName);
            consumer.setDaemon(true);
            consumer.start();
        } else {
            ring = null;
            consumer = null;
        }
    }

    public static Builder builder(EventWriter writer, SlotRenderer renderer) {
        return new Builder(writer, renderer);
    }

    // ---------------------------------------------------------------- caller side

    /**
     * A slot to fill for one log call, or null when the event is dropped (full queue under
     * {@link OverflowPolicy#DROP}, or the pipeline is closed); the drop is already counted.
     * Every non-null slot must be given to {@link #publish(LogSlot)}.
     */
    public LogSlot claim() {
        if (async && !closing) {
            LogSlot s = ring.tryClaim();
            if (s != null) {
                return s;
            }
        }
        return claimSlow();
    }

    private LogSlot claimSlow() {
        if (closing || closed) {
            dropped.increment();
            return null;
        }
        if (!async) {
            return LogSlot.unpooled();
        }
        if (Thread.currentThread() == consumer) {
            // the writer logs through us: waiting for ourselves would deadlock
            spilled.increment();
            return LogSlot.unpooled();
        }
        switch (overflow) {
            case DROP:
                dropped.increment();
                return null;
            case SPILL:
                spilled.increment();
                return LogSlot.unpooled();
            default:
                return claimBlocking();
        }
    }

    private LogSlot claimBlocking() {
        blocked.increment();
        for (int i = 0; i < 32; i++) { // the consumer may free a slot within a few hundred ns
            Thread.onSpinWait();
            LogSlot s = ring.tryClaim();
            if (s != null) {
                return s;
            }
        }
        boolean interrupted = false;
        notFullLock.lock();
        try {
            waitingProducers++;
            try {
                while (true) {
                    LogSlot s = ring.tryClaim();
                    if (s != null) {
                        return s;
                    }
                    if (closing || !consumer.isAlive()) {
                        dropped.increment();
                        return null;
                    }
                    wakeConsumer();
                    try {
                        // signalled by the consumer as it frees slots; the timeout bounds a missed signal
                        notFull.awaitNanos(1_000_000);
                    } catch (InterruptedException e) {
                        interrupted = true; // a log call does not throw; keep the flag for the caller
                    }
                }
            } finally {
                waitingProducers--;
            }
        } finally {
            notFullLock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void signalNotFull() {
        notFullLock.lock();
        try {
            notFull.signalAll();
        } finally {
            notFullLock.unlock();
        }
    }

    /** Hands a slot from {@link #claim()} over; in synchronous mode, writes it now. */
    public void publish(LogSlot slot) {
        if (slot.pooled) {
            if (!ring.publish(slot)) {
                dropped.increment();
            } else if (consumerParked) {
                LockSupport.unpark(consumer);
            }
        } else if (async && !closed) {
            spill.add(slot);
            wakeConsumer();
        } else {
            synchronized (syncLock) {
                syncAccepted.increment();
                maybeSummary(nanoClock.getAsLong(), false); // report the past before this event
                EventSpec spec = prepare(slot);
                if (spec != null) {
                    write(spec);
                }
            }
        }
    }

    /** Slots the hand-off refused at publish (counted as dropped, never processed). */
    private long refused() {
        return ring instanceof ChannelHandOff c ? c.refusedCount() : 0;
    }

    private void wakeConsumer() {
        if (consumerParked) {
            LockSupport.unpark(consumer);
        }
    }

    // ---------------------------------------------------------------- consumer side

    private void consumeLoop() {
        int idle = 0;
        int freedSinceSignal = 0;
        while (true) {
            LogSlot s = ring.peek();
            if (s != null) {
                maybeSummary(nanoClock.getAsLong(), false); // report the past before this event
                EventSpec spec = prepare(s);
                ring.release(s);
                if (spec != null) {
                    write(spec);
                }
                ringDone++;
                idle = 0;
                // wake blocked producers in batches, and always before the consumer could go idle
                if (waitingProducers > 0 && (++freedSinceSignal >= 32 || ring.peek() == null)) {
                    freedSinceSignal = 0;
                    signalNotFull();
                }
                continue;
            }
            LogSlot sp = spill.poll();
            if (sp != null) {
                EventSpec spec = prepare(sp);
                if (spec != null) {
                    write(spec);
                }
                spillDone++;
                idle = 0;
                continue;
            }
            if (closing && ring.claimedCount() == ring.releasedCount() && spill.isEmpty()) {
                break;
            }
            maybeSummary(nanoClock.getAsLong(), false);
            if (waitingProducers > 0) {
                signalNotFull();
            }
            // Idle strategy: spin briefly, then nap without asking producers to wake us (a
            // producer's unpark is a syscall on the caller's thread), and only after ~2 ms of
            // silence sleep deeply with a flag that makes the next publish unpark us.
            // No Thread.yield(): on a busy machine it gives the core away for a whole time slice.
            if (++idle < SPIN_TRIES) {
                Thread.onSpinWait();
            } else if (idle < SPIN_TRIES + NAP_TRIES) {
                LockSupport.parkNanos(NAP_NANOS);
            } else {
                consumerParked = true;
                if (ring.peek() == null && spill.isEmpty() && !closing) {
                    LockSupport.parkNanos(this, Math.min(PARK_NANOS, Math.max(1, summaryIntervalNanos)));
                }
                consumerParked = false;
            }
        }
        try {
            writer.flush();
        } catch (RuntimeException e) {
            reportFailure(e);
        }
    }

    /** Applies the rate limit and renders; null when suppressed or unrenderable (counted). */
    private EventSpec prepare(LogSlot slot) {
        Level level = slot.level == null ? Level.INFO : slot.level;
        if (limiter != null && !limiter.tryAcquire()) {
            suppressedByLevel[level.ordinal()]++;
            suppressedTotal++;
            return null;
        }
        try {
            return renderer.render(slot);
        } catch (RuntimeException | StackOverflowError e) {
            // A toString() that throws must not lose the event: write what we know.
            return EventSpec.builder(summaryEventId).type(EventType.ERROR)
                    .strings("winlog: a log event of logger " + slot.loggerName + " could not be rendered ("
                            + e + "); its message pattern was: " + slot.message)
                    .build();
        }
    }

    private void write(EventSpec spec) {
        try {
            writer.write(spec);
            written++;
        } catch (RuntimeException e) {
            failed++;
            reportFailure(e);
        }
    }

    private void reportFailure(RuntimeException e) {
        if (firstFailureReported.compareAndSet(false, true)) {
            warnings.accept("winlog: WARNING: an event could not be written (" + e
                    + "); failures are counted and reported in summary events, this message is shown once.");
        }
    }

    private void maybeSummary(long now, boolean force) {
        if (!force && now - lastSummaryNanos < summaryIntervalNanos) {
            return;
        }
        long supp = suppressedTotal - reportedSuppressed;
        long drop = dropped.sum() - reportedDropped;
        long fail = failed - reportedFailed;
        if (supp == 0 && drop == 0 && fail == 0) {
            lastSummaryNanos = now;
            return;
        }
        double seconds = (now - lastSummaryNanos) / 1e9;
        StringBuilder sb = new StringBuilder(200);
        sb.append("winlog: ").append(supp + drop + fail).append(" log events were not written in the last ")
                .append(String.format(java.util.Locale.ROOT, "%.1f", seconds)).append(" s: ");
        sb.append(supp).append(" suppressed by the rate limit");
        if (limiter != null) {
            sb.append(" (").append(limiter.ratePerSecond()).append("/s, burst ").append(limiter.burst()).append(')');
        }
        if (supp > 0) {
            sb.append(" [");
            boolean first = true;
            for (Level l : Level.values()) {
                long n = suppressedByLevel[l.ordinal()] - reportedByLevel[l.ordinal()];
                if (n > 0) {
                    sb.append(first ? "" : ", ").append(l).append(' ').append(n);
                    first = false;
                }
            }
            sb.append(']');
        }
        sb.append("; ").append(drop).append(" dropped (queue full under the DROP policy, or logged after close)");
        sb.append("; ").append(fail).append(" failed in the writer.");
        reportedSuppressed += supp;
        System.arraycopy(suppressedByLevel, 0, reportedByLevel, 0, reportedByLevel.length);
        reportedDropped += drop;
        reportedFailed += fail;
        lastSummaryNanos = now;
        EventSpec summary = EventSpec.builder(summaryEventId).type(EventType.WARNING).strings(sb.toString()).build();
        try {
            writer.write(summary);
            summaries++;
        } catch (RuntimeException e) {
            reportFailure(e);
        }
    }

    // ---------------------------------------------------------------- control

    /**
     * Waits until every event published before this call has been written (or counted), then
     * flushes the writer. Also emits a summary event when the summary interval has passed.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (async) {
            long ringTarget = ring.claimedCount();
            long spillTarget = spilled.sum();
            while (ringDone + refused() < ringTarget || spillDone < spillTarget) {
                if (System.nanoTime() - deadline > 0 || !consumer.isAlive()) {
                    return false;
                }
                wakeConsumer();
                LockSupport.parkNanos(50_000);
            }
        } else {
            synchronized (syncLock) {
                maybeSummary(nanoClock.getAsLong(), false);
            }
        }
        writer.flush();
        return true;
    }

    /**
     * Stops accepting events, drains what is queued (waiting up to {@code timeout}), writes a
     * final summary of anything suppressed, dropped or failed, and closes the writer.
     */
    public void close(Duration timeout) {
        if (closing) {
            return;
        }
        closing = true;
        if (async) {
            LockSupport.unpark(consumer);
            try {
                consumer.join(Math.max(1, timeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (syncLock) {
            if (consumer == null || !consumer.isAlive()) {
                maybeSummary(nanoClock.getAsLong(), true);
            }
            closed = true;
            writer.close();
            if (ring != null && (consumer == null || !consumer.isAlive())) {
                ring.close();
            }
        }
    }

    /** {@link #close(Duration)} with a 10 second drain timeout. */
    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    /** The counters now; safe from any thread. */
    public PipelineStats stats() {
        long ringAccepted = async ? ring.claimedCount() - refused() : 0;
        long accepted = ringAccepted + spilled.sum() + syncAccepted.sum();
        long processed = async ? ringDone + spillDone : syncAccepted.sum();
        return new PipelineStats(accepted, written, suppressedTotal, dropped.sum(), failed, spilled.sum(),
                blocked.sum(), summaries, Math.max(0, accepted - processed));
    }

    public boolean isAsync() {
        return async;
    }

    /** Configures an {@link EventPipeline}. Defaults: async, 8192 slots, BLOCK, no rate limit, summaries every 60 s with event id 9000. */
    public static final class Builder {
        private final EventWriter writer;
        private final SlotRenderer renderer;
        private boolean async = true;
        private int queueSize = 8192;
        private OverflowPolicy overflow = OverflowPolicy.BLOCK;
        private HandOffKind handOff = HandOffKind.RING;
        private double ratePerSecond;
        private long burst;
        private Duration summaryInterval = Duration.ofSeconds(60);
        private long summaryEventId = 9000;
        private LongSupplier nanoClock = System::nanoTime;
        // looks System.err up per warning, so a redirected stderr receives it
    private Consumer<String> warnings = line -> System.err.println(line);
        private String threadName = "winlog-event-writer";

        private Builder(EventWriter writer, SlotRenderer renderer) {
            this.writer = Objects.requireNonNull(writer, "writer");
            this.renderer = Objects.requireNonNull(renderer, "renderer");
        }

        public Builder async(boolean v) { async = v; return this; }
        public Builder queueSize(int v) { queueSize = v; return this; }
        public Builder overflow(OverflowPolicy v) { overflow = Objects.requireNonNull(v); return this; }
        /** The queue between callers and the writer thread (default {@link HandOffKind#RING}). */
        public Builder handOff(HandOffKind v) { handOff = Objects.requireNonNull(v); return this; }

        /** Limits written events to {@code perSecond} with bursts of {@code burst}; 0 = unlimited. */
        public Builder rateLimit(double perSecond, long burst) {
            this.ratePerSecond = perSecond;
            this.burst = burst;
            return this;
        }

        public Builder summaryInterval(Duration v) {
            if (v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException("summary interval must be positive: " + v);
            }
            summaryInterval = v;
            return this;
        }

        public Builder summaryEventId(long v) { summaryEventId = v; return this; }
        /** Monotonic nanoseconds for the rate limit and summaries (tests inject their own). */
        public Builder nanoClock(LongSupplier v) { nanoClock = Objects.requireNonNull(v); return this; }
        /** Receives the pipeline's warnings (first write failure). Default: a line on stderr. */
        public Builder warnings(Consumer<String> v) { warnings = Objects.requireNonNull(v); return this; }
        public Builder threadName(String v) { threadName = v; return this; }

        public EventPipeline build() {
            return new EventPipeline(this);
        }
    }
}
