package io.winlog.evtx.engine;

import io.winlog.api.WinlogException;
import io.winlog.evtx.binxml.Utf8Buffer;
import io.winlog.evtx.chunk.EvtxChunkHeader;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Renders a range of chunks on several threads and hands each chunk's output on in chunk order,
 * with no coordinating thread: the calling thread is one of the workers, workers claim chunk
 * indices from a shared counter, and whichever worker completes the oldest unwritten chunk writes
 * it, and every completed chunk after it ("combining" writer).
 *
 * <p>Why not an executor with one future per chunk and the caller writing in order: that kept a
 * third thread on two cores, woken once per chunk, and a future, a task and a queue hand-off per
 * chunk; on a 2-vCPU VM it cost 17 % more CPU per record than one thread (docs/benchmarks-evtx.md).
 * Here a chunk costs one counter increment, one volatile publish and one uncontended flag CAS.
 *
 * <p>Memory: up to {@code window} output buffers (a chunk's rendered bytes each; made when first
 * needed) and one 64 KiB chunk buffer per worker. A worker that claims a chunk {@code window} or
 * more ahead of the oldest unwritten one waits (spins briefly, then parks for microseconds) until
 * its slot is written.
 *
 * <p>Failure: a chunk whose rendering throws, or a write that throws, stops the run: the chunks
 * before it are written, no chunk after it is, workers stop claiming, and {@link #run} rethrows
 * the first failure (unchecked as is, {@link IOException} as is; an interrupt of the calling
 * thread as a {@link WinlogException}, with the interrupt flag set again).
 *
 * <p>Memory ordering: a slot's result and bytes are plain fields published by the volatile store
 * of its {@code readyIndex} and read after the writer's volatile load of it. Writers exclude each
 * other with the {@code writing} flag (CAS to enter, volatile store to leave), which also orders
 * successive writers' plain state ({@link Drain}'s). The lost-wake-up race (a worker publishes
 * while another writer is about to leave) is closed by re-checking the oldest slot after leaving:
 * both sides use sequentially consistent accesses, so either the publisher's CAS succeeds or the
 * leaving writer sees the publish.
 *
 * @param <R> what rendering a chunk returns besides its bytes (health, diagnostics, counts)
 */
public final class ParallelChunkRenderer<R> {
    /** Renders one chunk; each worker thread gets its own instance, used by that thread only. */
    public interface Work<R> {
        /**
         * Reads and renders chunk {@code index} into {@code out} (cleared), using {@code chunk}
         * (a 64 KiB scratch buffer of this worker) for the chunk bytes.
         */
        R render(int index, byte[] chunk, Utf8Buffer out);
    }

    /** Takes rendered chunks in chunk order, one call at a time (possibly from different threads). */
    public interface Drain<R> {
        /** Writes one chunk's bytes and takes its result; {@code out} is reused after this returns. */
        void write(int index, R result, Utf8Buffer out) throws IOException;
    }

    /** A chunk's place in the window: reused for chunks {@code k, k + window, k + 2 window, ...}. */
    private static final class Slot<R> {
        Utf8Buffer out;           // made by the first worker to use the slot; plain: see readyIndex
        R result;                 // plain: published by readyIndex
        Throwable failure;        // plain: published by readyIndex
        volatile long readyIndex = -1;
    }

    private static final int SPINS = 200;
    private static final long PARK_NANOS = 20_000;

    private final long from;
    private final long to;
    private final Slot<R>[] slots;
    private final Supplier<? extends Work<R>> workers;
    private final Drain<R> drain;
    private final AtomicLong nextClaim;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** The oldest unwritten chunk; only the writer (holding {@code writing}) advances it. */
    private volatile long written;
    private volatile boolean stop;

    /**
     * @param from    first chunk index
     * @param to      one past the last chunk index
     * @param window  how many chunks may be rendered ahead of the oldest unwritten one (≥ 1)
     * @param workers makes one {@link Work} per worker thread (called on that thread)
     * @param drain   takes the chunks in order
     */
    @SuppressWarnings("unchecked")
    public ParallelChunkRenderer(int from, int to, int window, Supplier<? extends Work<R>> workers, Drain<R> drain) {
        if (window < 1 || from > to) {
            throw new IllegalArgumentException("window " + window + ", range " + from + ".." + to);
        }
        this.from = from;
        this.to = to;
        this.slots = new Slot[window];
        for (int i = 0; i < window; i++) {
            slots[i] = new Slot<>();
        }
        this.workers = workers;
        this.drain = drain;
        this.nextClaim = new AtomicLong(from);
        this.written = from;
    }

    /**
     * Renders every chunk of the range on the calling thread and {@code helpers} tasks of
     * {@code pool}, and returns when all are written (or the first failure stopped the run).
     *
     * @throws IOException when the drain's write failed
     */
    public void run(ExecutorService pool, int helpers) throws IOException {
        Future<?>[] started = new Future<?>[helpers];
        for (int i = 0; i < helpers; i++) {
            started[i] = pool.submit(this::work);
        }
        work();
        boolean interrupted = false;
        for (Future<?> f : started) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    // Stop the helpers, but wait for them: they write to the caller's stream.
                    interrupted = true;
                    fail(e);
                } catch (ExecutionException e) {
                    fail(e.getCause());
                    break;
                }
            }
        }
        drainReady();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t == null && written != to) {
            t = new IllegalStateException("chunks " + written + ".." + to + " were not written");
        }
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t instanceof InterruptedException) {
            throw new WinlogException("interrupted while rendering chunks " + from + ".." + to
                    + "; the chunks before " + written + " were written", t);
        }
        if (t != null) {
            throw new IllegalStateException("rendering failed: " + t, t);
        }
    }

    /** One worker: claim, render, publish, try to write; until the range is done or stopped. */
    private void work() {
        try {
            Work<R> w = workers.get();
            byte[] chunk = new byte[EvtxChunkHeader.CHUNK_SIZE];
            while (!stop) {
                long idx = nextClaim.getAndIncrement();
                if (idx >= to) {
                    return;
                }
                Slot<R> s = slots[(int) ((idx - from) % slots.length)];
                if (!awaitSlot(idx)) {
                    return;
                }
                if (s.out == null) {
                    s.out = new Utf8Buffer(1 << 17);
                } else {
                    s.out.clear();
                }
                try {
                    s.result = w.render((int) idx, chunk, s.out);
                } catch (Throwable t) {
                    s.failure = t;
                }
                s.readyIndex = idx; // publish (volatile store)
                drainReady();
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    /** Waits until chunk {@code idx}'s slot is free (its previous chunk written); false when stopped. */
    private boolean awaitSlot(long idx) {
        for (int spins = 0; idx - written >= slots.length; spins++) {
            if (stop) {
                return false;
            }
            if (spins < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(PARK_NANOS);
            }
        }
        return true;
    }

    /** Writes the oldest chunks that are ready, unless another thread is writing them. */
    private void drainReady() {
        while (true) {
            if (!writing.compareAndSet(false, true)) {
                return; // the writer re-checks our slot after leaving
            }
            try {
                for (long w = written; w < to && !stop; w = written) {
                    Slot<R> s = slots[(int) ((w - from) % slots.length)];
                    if (s.readyIndex != w) {
                        break;
                    }
                    if (s.failure != null) {
                        fail(s.failure);
                        break;
                    }
                    try {
                        drain.write((int) w, s.result, s.out);
                    } catch (Throwable t) {
                        fail(t);
                        break;
                    }
                    s.result = null;
                    written = w + 1; // frees the slot for chunk w + window
                }
            } finally {
                writing.set(false);
            }
            long w = written;
            if (stop || w >= to || slots[(int) ((w - from) % slots.length)].readyIndex != w) {
                return;
            }
        }
    }

    private void fail(Throwable t) {
        failure.compareAndSet(null, t);
        stop = true;
    }
}
