package io.winlog.api.channel;

import io.winlog.api.CorruptInputException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * One subscriber: its ring, backpressure policy, optional spill journal, delivery loop and
 * statistics. Producers call {@link #offer}; exactly one consumer (the subscriber's own thread,
 * or the poller) drains.
 *
 * <h2>SPILL ordering</h2>
 * The ring's producer index carries a "spilling" flag (see {@link EventRing}). A producer that
 * finds the ring full takes the spill lock, sets the flag with a CAS and appends to the journal;
 * once the flag is set every later offer fails with {@link EventRing#SPILLING} and also goes to
 * the journal. Because the flag and the producer sequence change in one CAS, the ring content at
 * that moment is frozen: the consumer delivers it first, then the journal, then (under the lock,
 * once the journal is empty) truncates the journal and clears the flag. So a producer's events
 * are never reordered across ring and journal.
 *
 * <h2>SPILL write-ahead ({@link SpillMode#WRITE_AHEAD})</h2>
 * Every offer takes the spill lock, appends the event to the journal and only then puts it in
 * the ring (or, if the ring is full or spilling, leaves it in the journal only, as above). So
 * the journal order is the acceptance order, the ring holds a contiguous run of journal records,
 * and the consumer can acknowledge a ring batch by persisting the journal offset after its last
 * event: the lock holder writes that offset into {@code ringEnds[ringSequence & mask]} before
 * the ring's release store of the event, so the consumer, which acquired the event, sees it.
 * {@code ringEnds} has twice the ring's capacity: a producer can be at most {@code capacity}
 * sequences ahead of the consumer's released index, so it never overwrites an entry the
 * consumer may still read.
 *
 * <h2>Journal size</h2>
 * After acknowledging, the consumer compacts the journal (under the spill lock) once the
 * acknowledged prefix exceeds {@code spillCompactBytes} and is at least as large as the unread
 * rest (so the copy never costs more than it frees); see {@link SpillJournal#compact}.
 *
 * <h2>Closing</h2>
 * {@link #close()} first removes the subscriber from the channel's routes, then sets the ring's
 * closed flag by CAS. Offers racing with it either won the CAS (their event is in the ring and
 * is drained) or see the flag and count {@link DropReason#CLOSED}; none is stranded.
 *
 * @param <T> the event type
 */
final class RingSubscriber<T> implements Subscription<T>, Runnable {
    static final RingSubscriber<?>[] NONE = new RingSubscriber<?>[0];
    private static final System.Logger LOG = System.getLogger(EventChannel.class.getName());

    private static final int OPEN = 0;
    private static final int CLOSING = 1;
    private static final int CLOSED = 2;

    private static final VarHandle PARKED;
    private static final VarHandle STATE;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            PARKED = l.findVarHandle(RingSubscriber.class, "parkedConsumer", Thread.class);
            STATE = l.findVarHandle(RingSubscriber.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Read by producers per event: kept in final fields of this object. */
    final Predicate<? super T> filter;
    private final EventRing<T> ring;
    private final BackpressurePolicy policy;
    private final WaitStrategy waitStrategy;
    /** True if producers must wake a parked consumer ({@link WaitStrategy#BLOCKING} with a handler thread). */
    private final boolean signalConsumer;
    private final long blockTimeoutNanos;

    private final SubscriberConfig<T> config;
    private final ConcurrentEventChannel<T> channel;
    private final SubscriberCounters counters;
    private final SpillJournal journal;
    private final ReentrantLock spillLock;
    /** SPILL in {@link SpillMode#WRITE_AHEAD}: every offer goes through the journal first. */
    private final boolean writeAhead;
    /** Write-ahead only: journal end offset of each ring sequence (see the class comment); 2 x capacity. */
    private final long[] ringEnds;
    private final int ringEndsMask;
    /** Write-ahead only, consumer only: ring events consumed so far (= next ring sequence). */
    private long ringConsumed;
    /** Compact once the acknowledged journal prefix is at least this large. */
    private final long compactBytes;
    private final EventSerializer<T> serializer;
    private final BiConsumer<? super T, Throwable> errorHandler;

    /** The consumer thread while it is parked (BLOCKING), else null. CAS-cleared by the producer that unparks it. */
    private volatile Thread parkedConsumer;
    private volatile int state = OPEN;
    private volatile boolean stopRequested;
    /** Consumer-only: the journal is open for reading (false after close in poll mode). */
    private volatile boolean journalReadable;
    private Thread thread;

    /** Poll-mode {@link #poll()} capture slot and handler (allocated once). */
    private T captured;
    private final EventHandler<T> capture = (event, sequence, endOfBatch) -> captured = event;

    RingSubscriber(ConcurrentEventChannel<T> channel, SubscriberConfig<T> config) {
        this.channel = channel;
        this.config = config;
        this.filter = config.filter;
        this.policy = config.policy;
        this.waitStrategy = config.waitStrategy;
        this.blockTimeoutNanos = config.blockTimeoutNanos;
        this.signalConsumer = config.handler != null && config.waitStrategy == WaitStrategy.BLOCKING;
        this.serializer = config.serializer;
        this.errorHandler = config.errorHandler != null ? config.errorHandler : this::logError;
        if (policy == BackpressurePolicy.SPILL) {
            this.journal = SpillJournal.open(config.spillDirectory, config.spillSync);
            this.spillLock = new ReentrantLock();
            this.writeAhead = config.spillMode == SpillMode.WRITE_AHEAD;
            this.ringEnds = writeAhead ? new long[2 * config.capacity] : null;
            this.ringEndsMask = 2 * config.capacity - 1;
            this.compactBytes = config.spillCompactBytes;
            this.journalReadable = true;
            long recovered = journal.recoveredRecords();
            this.ring = new MpscEventRing<>(config.capacity, recovered > 0); // recovered records go first
            this.counters = new SubscriberCounters(ring, recovered);
            for (CorruptInputException problem : journal.openProblems()) {
                errorHandler.accept(null, problem);
            }
        } else {
            this.journal = null;
            this.spillLock = null;
            this.writeAhead = false;
            this.ringEnds = null;
            this.ringEndsMask = 0;
            this.compactBytes = Long.MAX_VALUE;
            if (policy == BackpressurePolicy.DROP_OLDEST) {
                this.ring = new MpmcEventRing<>(config.capacity); // producers evict: needs CAS even with one producer
            } else if (channel.singleProducer()) {
                this.ring = new SpscEventRing<>(config.capacity);
            } else {
                this.ring = new MpscEventRing<>(config.capacity, false);
            }
            this.counters = new SubscriberCounters(ring, 0);
        }
    }

    /** The ring (tests check which implementation the configuration selected). */
    EventRing<T> ring() {
        return ring;
    }

    /** Starts the subscriber thread (handler mode). Called once by the channel. */
    void start(Thread t) {
        this.thread = t;
        t.start();
    }

    // ---------------------------------------------------------------------------------------
    // Producer side
    // ---------------------------------------------------------------------------------------

    /**
     * Offers an event (producer threads). The common case is one CAS and a release store.
     *
     * @param mayWait false for {@code tryPublish}: a full BLOCK ring drops instead of waiting
     * @return true if the event was accepted (ring or journal)
     */
    boolean offer(T event, boolean mayWait) {
        if (writeAhead) {
            return offerWriteAhead(event);
        }
        int r = ring.offer(event);
        if (r == EventRing.OK) {
            if (signalConsumer) {
                signal();
            }
            return true;
        }
        return offerSlow(event, r, mayWait);
    }

    private boolean offerSlow(T event, int result, boolean mayWait) {
        if (result == EventRing.CLOSED) {
            counters.drop(DropReason.CLOSED);
            return false;
        }
        switch (policy) {
            case BLOCK:
                return mayWait ? offerWaiting(event) : dropped(DropReason.WOULD_BLOCK);
            case DROP_NEWEST:
                return dropped(DropReason.RING_FULL);
            case DROP_OLDEST:
                return offerEvicting(event);
            case SPILL:
                return spill(event);
            default:
                throw new AssertionError(policy);
        }
    }

    private boolean dropped(DropReason reason) {
        counters.drop(reason);
        return false;
    }

    /** BLOCK: wait for room by the wait strategy, up to the block timeout. */
    private boolean offerWaiting(T event) {
        final long start = System.nanoTime();
        int idle = 0;
        while (true) {
            idle = Idling.producerIdle(waitStrategy, idle);
            int r = ring.offer(event);
            if (r == EventRing.OK) {
                if (signalConsumer) {
                    signal();
                }
                return true;
            }
            if (r == EventRing.CLOSED) {
                return dropped(DropReason.CLOSED);
            }
            if ((idle & 15) == 0 && System.nanoTime() - start >= blockTimeoutNanos) {
                return dropped(DropReason.BLOCK_TIMEOUT);
            }
        }
    }

    /** DROP_OLDEST: evict the oldest element ourselves and retry; never waits for the consumer. */
    private boolean offerEvicting(T event) {
        MpmcEventRing<T> r = (MpmcEventRing<T>) ring;
        while (true) {
            if (r.poll() != null) {
                counters.drop(DropReason.EVICTED);
            }
            int result = r.offer(event);
            if (result == EventRing.OK) {
                if (signalConsumer) {
                    signal();
                }
                return true;
            }
            if (result == EventRing.CLOSED) {
                return dropped(DropReason.CLOSED);
            }
        }
    }

    /** SPILL overflow: append to the journal under the spill lock (the slow path only). */
    private boolean spill(T event) {
        long mark;
        spillLock.lock();
        try {
            if (!ring.setSpilling()) {
                return dropped(DropReason.CLOSED);
            }
            try {
                journal.append(serializer.toBytes(event));
            } catch (IOException | RuntimeException e) {
                counters.drop(DropReason.SPILL_FAILED);
                errorHandler.accept(event, e);
                return false;
            }
            counters.incrementSpilled();
            mark = journal.writtenMark();
        } finally {
            spillLock.unlock();
        }
        awaitDurable(event, mark);
        if (signalConsumer) {
            signal();
        }
        return true;
    }

    /**
     * SPILL write-ahead: serialize (outside the lock: it may allocate and take time), then under
     * the spill lock append to the journal and put the event in the ring, or leave it in the
     * journal only if the ring is full or spilling. Returns true only once the record is in the
     * OS (and, with {@code spillSync}, on disk).
     */
    private boolean offerWriteAhead(T event) {
        byte[] bytes;
        try {
            bytes = serializer.toBytes(event);
        } catch (RuntimeException e) {
            counters.drop(DropReason.SPILL_FAILED);
            errorHandler.accept(event, e);
            return false;
        }
        long mark;
        spillLock.lock();
        try {
            if (ringClosed()) { // stable: close() sets the flag under this lock
                return dropped(DropReason.CLOSED);
            }
            long end;
            try {
                end = journal.append(bytes);
            } catch (IOException | RuntimeException e) {
                counters.drop(DropReason.SPILL_FAILED);
                errorHandler.accept(event, e);
                return false;
            }
            // Every write-ahead offer holds the lock, so produced() is the sequence this offer gets.
            // Plain store, published by the ring's release store of the event (see class comment).
            ringEnds[(int) (ring.produced() & ringEndsMask)] = end;
            if (ring.offer(event) != EventRing.OK) { // FULL or SPILLING (not CLOSED: checked under the lock)
                ring.setSpilling();
                counters.incrementSpilled();
            }
            mark = journal.writtenMark();
        } finally {
            spillLock.unlock();
        }
        awaitDurable(event, mark);
        if (signalConsumer) {
            signal();
        }
        return true;
    }

    /** True if the ring's closed flag is set (SPILL rings are always {@link MpscEventRing}). */
    private boolean ringClosed() {
        return (((MpscEventRing<T>) ring).lvProducerIndex() & EventRing.CLOSED_FLAG) != 0;
    }

    /**
     * With {@code spillSync}: waits for the group-commit fsync covering this append. The event is
     * already accepted (in the ring or journal, and counted); if the fsync fails it is reported,
     * because it may not survive a power loss, but it is not withdrawn.
     */
    private void awaitDurable(T event, long mark) {
        try {
            journal.awaitDurable(mark);
        } catch (IOException e) {
            errorHandler.accept(event, new IOException("Subscriber '" + config.name + "': fsync of the spill journal failed ("
                    + e + "); the event was accepted and survives a process kill but maybe not a power loss", e));
        }
    }

    /**
     * Wakes the consumer if it parked. Dekker pairing with {@link #parkConsumer()}: the producer
     * made its event visible with a volatile write (ring CAS, or journal end) and then reads
     * {@code parkedConsumer}; the consumer writes {@code parkedConsumer} and then reads the ring
     * and journal. Sequential consistency of volatile accesses means at least one side sees the
     * other, so a wake-up is never lost.
     */
    private void signal() {
        Thread t = parkedConsumer;
        if (t != null && PARKED.compareAndSet(this, t, null)) {
            LockSupport.unpark(t);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Consumer side
    // ---------------------------------------------------------------------------------------

    /** The delivery sequence of the next event (consumer only). */
    long nextSequence() {
        return counters.lpDelivered();
    }

    /**
     * Called by the ring after a batch: counts it (once per batch keeps the per-event path free
     * of counter writes) and records the backlog seen, {@code n} plus what was left behind.
     */
    void batchDelivered(int n, long left) {
        counters.addDelivered(n);
        counters.observeBacklog(n + left + counters.journalBacklog());
        if (writeAhead) {
            acknowledgeRing(n);
        }
    }

    /**
     * Write-ahead: the handler returned from a ring batch, so persist the journal offset after
     * its last event. The offset was stored before the event was released to us, and its entry
     * cannot be reused before the producer is 2 x capacity ahead (see class comment).
     */
    private void acknowledgeRing(int n) {
        ringConsumed += n;
        long end = ringEnds[(int) ((ringConsumed - 1) & ringEndsMask)];
        if (!journalReadable) {
            return; // the journal is closed: these stay unacknowledged and are replayed next time
        }
        try {
            journal.acknowledgeTo(end);
        } catch (IOException e) {
            errorHandler.accept(null, e);
        }
        maybeCompact();
    }

    /**
     * Compacts the journal once the acknowledged prefix is at least {@code spillCompactBytes}
     * and not smaller than the unread rest. Consumer only; cheap check first, then under the
     * spill lock (appends move the end).
     */
    private void maybeCompact() {
        long prefix = journal.readPosition() - SpillJournal.HEADER;
        if (prefix < compactBytes || journal.end() - journal.readPosition() > prefix) {
            return;
        }
        spillLock.lock();
        try {
            if (journal.end() - journal.readPosition() <= prefix) {
                long shift = journal.compact();
                if (writeAhead) {
                    // Offsets remembered for ring events not yet consumed move with their records.
                    for (long seq = ringConsumed, end = ring.produced(); seq < end; seq++) {
                        ringEnds[(int) (seq & ringEndsMask)] -= shift;
                    }
                }
            }
        } catch (IOException e) {
            errorHandler.accept(null, e); // the journal stays as it was; retried after the next ack
        } finally {
            spillLock.unlock();
        }
    }

    /** Calls the handler for one event; a throwing handler is reported, the event counts as delivered. */
    void deliver(EventHandler<? super T> handler, T event, long sequence, boolean endOfBatch) {
        try {
            handler.onEvent(event, sequence, endOfBatch);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            counters.incrementHandlerErrors();
            errorHandler.accept(event, e);
        }
    }

    /** Delivers one batch: ring first, then (if the ring is drained up to the spill point) the journal. */
    private int deliverOnce(EventHandler<? super T> handler, int max) {
        int n = ring.drain(this, handler, max);
        if (n > 0) {
            return n;
        }
        if (journal != null && journalReadable && ring.drainedAndSpilling()) {
            return replay(handler, max);
        }
        return 0;
    }

    /** Replays up to {@code max} journal records, acknowledges them, and leaves spill mode when the journal is empty. */
    private int replay(EventHandler<? super T> handler, int max) {
        counters.observeBacklog(counters.journalBacklog());
        int n = 0;
        long sequence = nextSequence();
        T current = nextFromJournal();
        while (current != null) {
            T next = n + 1 < max ? nextFromJournal() : null; // look ahead to flag the end of the batch
            counters.incrementReplayed();
            deliver(handler, current, sequence++, next == null);
            n++;
            current = next;
        }
        counters.addDelivered(n);
        try {
            journal.acknowledge(); // after the handler returned: at-least-once, never skip
        } catch (IOException e) {
            errorHandler.accept(null, e);
        }
        if (!journal.hasUnread()) {
            spillLock.lock();
            try {
                if (!journal.hasUnread()) { // no producer appended since: leave spill mode
                    if (!writeAhead || journal.readPosition() - SpillJournal.HEADER >= compactBytes) {
                        journal.reset(); // empty: truncating is the cheapest compaction
                    }
                    ring.clearSpilling();
                }
            } catch (IOException e) {
                errorHandler.accept(null, e); // stay in spill mode; appends continue after the old records
            } finally {
                spillLock.unlock();
            }
        } else {
            maybeCompact();
        }
        return n;
    }

    /** Next decodable journal record, or null; undecodable ones are reported and counted. */
    private T nextFromJournal() {
        while (true) {
            byte[] bytes;
            try {
                bytes = journal.next();
            } catch (CorruptInputException e) {
                // The reader skipped to the end of what was written: everything unread is lost.
                spillLock.lock();
                try {
                    long lost = counters.journalBacklog();
                    for (long i = 0; i < lost; i++) {
                        counters.journalRecordLost();
                    }
                } finally {
                    spillLock.unlock();
                }
                errorHandler.accept(null, e);
                return null;
            } catch (IOException e) {
                errorHandler.accept(null, e);
                return null;
            }
            if (bytes == null) {
                return null;
            }
            try {
                T event = serializer.fromBytes(bytes);
                if (event != null) {
                    return event;
                }
                throw new IllegalArgumentException("serializer returned null");
            } catch (RuntimeException e) {
                counters.journalRecordLost();
                errorHandler.accept(null, new CorruptInputException("Subscriber '" + config.name
                        + "': a spill journal record could not be decoded (" + e + "); skipped it", -1, e));
            }
        }
    }

    /** The subscriber thread's loop (handler mode). */
    @Override
    public void run() {
        final EventHandler<? super T> handler = config.handler;
        final int max = config.maxBatch;
        int idle = 0;
        try {
            while (!stopRequested) {
                int n = deliverOnce(handler, max);
                if (n > 0) {
                    idle = 0;
                    Idling.afterBatch(waitStrategy, n);
                } else if (waitStrategy == WaitStrategy.BLOCKING && Idling.shouldPark(idle)) {
                    parkConsumer();
                } else {
                    idle = Idling.consumerIdle(waitStrategy, idle);
                }
            }
            finalDrain(handler, max);
        } catch (Throwable t) {
            errorHandler.accept(null, t);
            throw t;
        } finally {
            closeJournal();
            state = CLOSED;
        }
    }

    /** Parks until a producer signals (or a 100 ms safety net, or close). */
    private void parkConsumer() {
        Thread me = Thread.currentThread();
        PARKED.setVolatile(this, me);
        if (!hasWork() && !stopRequested) { // re-check after publishing ourselves: see signal()
            LockSupport.parkNanos(this, 100_000_000L);
        }
        PARKED.setVolatile(this, null);
    }

    private boolean hasWork() {
        return ring.size() > 0 || (journal != null && journal.hasUnread());
    }

    /** On close: deliver, keep (SPILL journal) or discard what is pending, per policy and option. */
    private void finalDrain(EventHandler<? super T> handler, int max) {
        if (policy == BackpressurePolicy.BLOCK || config.drainOnClose) {
            // The ring is closed, so this ends; size() also covers slots claimed but not yet stored.
            while (deliverOnce(handler, max) > 0 || ring.size() > 0) {
                Thread.onSpinWait();
            }
        } else if (writeAhead) {
            // Everything in the ring is also in the journal: leave it there for the next
            // subscription (it stays counted as pending), like the journal-only part.
            return;
        } else if (policy == BackpressurePolicy.SPILL) {
            while (ring.size() > 0) { // the ring part is in memory only: deliver it; the journal stays for next time
                ring.drain(this, handler, max);
            }
        } else {
            counters.discardedOnClose(ring.discard());
        }
    }

    private void closeJournal() {
        if (journal != null && journalReadable) {
            journalReadable = false;
            try {
                journal.close();
            } catch (IOException e) {
                errorHandler.accept(null, e);
            }
        }
    }

    private void logError(T event, Throwable error) {
        LOG.log(System.Logger.Level.WARNING, "winlog channel '" + channel.name() + "', subscriber '" + config.name + "'"
                + (event != null ? ", event " + event : "") + ": " + error, error);
    }

    // ---------------------------------------------------------------------------------------
    // Subscription
    // ---------------------------------------------------------------------------------------

    @Override
    public String name() {
        return config.name;
    }

    @Override
    public SubscriberConfig<T> config() {
        return config;
    }

    @Override
    public SubscriberStats stats() {
        return counters;
    }

    @Override
    public int poll(EventHandler<? super T> handler, int maxEvents) {
        if (thread != null) {
            throw new IllegalStateException("Subscriber '" + config.name + "' has a handler thread; poll only subscriptions built without a handler");
        }
        if (maxEvents < 1) {
            return 0;
        }
        if (state != OPEN && policy != BackpressurePolicy.BLOCK && policy != BackpressurePolicy.SPILL && !config.drainOnClose) {
            counters.discardedOnClose(ring.discard());
            return 0;
        }
        if (writeAhead && !journalReadable) {
            return 0; // closed: every unacknowledged event is in the journal, replayed by the next subscription
        }
        return deliverOnce(handler, maxEvents);
    }

    @Override
    public T poll() {
        captured = null;
        poll(capture, 1);
        T e = captured;
        captured = null;
        return e;
    }

    @Override
    public boolean isOpen() {
        return state == OPEN;
    }

    @Override
    public void close() {
        if (!STATE.compareAndSet(this, OPEN, CLOSING)) {
            awaitThread();
            return;
        }
        channel.unsubscribe(this);
        if (spillLock != null) {
            spillLock.lock(); // no spill in progress while we close the ring
            try {
                ring.close();
            } finally {
                spillLock.unlock();
            }
        } else {
            ring.close();
        }
        if (thread != null) {
            stopRequested = true;
            LockSupport.unpark(thread);
            awaitThread();
        } else {
            // Poll mode: pending ring events stay pollable; the journal keeps the rest for next time.
            closeJournal();
            state = CLOSED;
        }
    }

    /**
     * Test support: stops this poll-mode SPILL subscription the way a process kill would: no
     * final acknowledgement, no delivery; the journal files are released as they are, so a new
     * subscription on the directory sees what a restarted process would.
     */
    void simulateKill() throws IOException {
        if (journal == null || thread != null) {
            throw new IllegalStateException("only for poll-mode SPILL subscriptions");
        }
        state = CLOSED;
        channel.unsubscribe(this);
        spillLock.lock();
        try {
            ring.close();
        } finally {
            spillLock.unlock();
        }
        journalReadable = false;
        journal.abandon();
    }

    private void awaitThread() {
        Thread t = thread;
        if (t == null || t == Thread.currentThread()) {
            return; // closed from the handler itself: the loop finishes after the handler returns
        }
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Subscription[" + config.name + ", " + policy + ", " + counters + "]";
    }
}
