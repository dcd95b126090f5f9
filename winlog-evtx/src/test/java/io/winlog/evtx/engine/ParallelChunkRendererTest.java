package io.winlog.evtx.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.winlog.api.WinlogException;
import io.winlog.evtx.binxml.Utf8Buffer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link ParallelChunkRenderer}: every chunk written exactly once, in order, by one thread at a
 * time, whatever the thread count, window and timing; a failure stops the run right after the
 * chunks before it; an interrupted caller still waits for its helpers and says so.
 */
class ParallelChunkRendererTest {
    private static final ExecutorService POOL = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "pcr-test");
        t.setDaemon(true);
        return t;
    });

    @AfterContainer
    static void shutdown() {
        POOL.shutdownNow();
    }

    /** Runs {@code run} with a deadline, so a deadlock fails the test instead of hanging the build. */
    private static void within(ThrowingRunnable run) {
        // Exceptions of run (IOException too) come out as they are.
        assertTimeoutPreemptively(Duration.ofSeconds(30), run::run, "deadlock: the run did not end");
    }

    private interface ThrowingRunnable {
        void run() throws IOException;
    }

    /** What the drain saw: indices, bytes, and whether two threads were ever inside it at once. */
    private static final class Recorder implements ParallelChunkRenderer.Drain<Integer> {
        final List<Integer> indices = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        final AtomicInteger inside = new AtomicInteger();
        volatile boolean overlapped;
        int failAt = -1;

        @Override
        public void write(int index, Integer result, Utf8Buffer out) throws IOException {
            if (inside.incrementAndGet() != 1) {
                overlapped = true;
            }
            try {
                if (index == failAt) {
                    throw new IOException("disk full at " + index);
                }
                assertThat(result).isEqualTo(index * 7);
                indices.add(index);
                text.append(new String(out.array(), 0, out.length(), java.nio.charset.StandardCharsets.UTF_8));
            } finally {
                inside.decrementAndGet();
            }
        }
    }

    /** A chunk's bytes: its index, repeated a number of times that varies by chunk. */
    private static String bytesOf(int index) {
        return ("<" + index + ">").repeat(1 + index % 5);
    }

    private static String expected(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            sb.append(bytesOf(i));
        }
        return sb.toString();
    }

    private static ParallelChunkRenderer.Work<Integer> work(int failAt, int slowEvery) {
        return (index, chunk, out) -> {
            assertThat(out.length()).isZero();
            assertThat(chunk).hasSize(65536);
            if (slowEvery > 0 && index % slowEvery == 0) {
                LockSupport.parkNanos(50_000); // let other workers run ahead into the window
            }
            if (index == failAt) {
                throw new IllegalStateException("damaged chunk " + index);
            }
            out.ascii(bytesOf(index));
            return index * 7;
        };
    }

    @Property(tries = 60)
    void everyChunkIsWrittenOnceInOrder(@ForAll @IntRange(max = 20) int from, @ForAll @IntRange(max = 120) int count,
                                        @ForAll @IntRange(min = 1, max = 9) int window,
                                        @ForAll @IntRange(max = 3) int helpers,
                                        @ForAll @IntRange(max = 7) int slowEvery) throws IOException {
        Recorder r = new Recorder();
        within(() -> new ParallelChunkRenderer<>(from, from + count, window, () -> work(-1, slowEvery), r)
                .run(POOL, helpers));
        assertThat(r.overlapped).isFalse();
        assertThat(r.indices).hasSize(count);
        assertThat(r.text.toString()).isEqualTo(expected(from, from + count));
    }

    @Property(tries = 60)
    void aFailedChunkStopsTheRunAfterTheChunksBeforeIt(@ForAll @IntRange(max = 60) int failAt,
                                                        @ForAll @IntRange(min = 1, max = 9) int window,
                                                        @ForAll @IntRange(max = 3) int helpers,
                                                        @ForAll boolean inTheWrite) {
        Recorder r = new Recorder();
        if (inTheWrite) {
            r.failAt = failAt;
        }
        Throwable t = catchThrowable(() -> within(() -> new ParallelChunkRenderer<>(0, 61, window,
                () -> work(inTheWrite ? -1 : failAt, 3), r).run(POOL, helpers)));
        if (inTheWrite) {
            assertThat(t).isInstanceOf(IOException.class).hasMessage("disk full at " + failAt);
        } else {
            assertThat(t).isInstanceOf(IllegalStateException.class).hasMessage("damaged chunk " + failAt);
        }
        assertThat(r.overlapped).isFalse();
        assertThat(r.text.toString()).isEqualTo(expected(0, failAt));
    }

    @Test
    void manyHelpersOnAWindowOfOneStillWriteInOrder() throws IOException {
        Recorder r = new Recorder();
        within(() -> new ParallelChunkRenderer<>(0, 3000, 1, () -> work(-1, 0), r).run(POOL, 4));
        assertThat(r.overlapped).isFalse();
        assertThat(r.text.toString()).isEqualTo(expected(0, 3000));
    }

    @Test
    void anEmptyRangeWritesNothing() throws IOException {
        Recorder r = new Recorder();
        new ParallelChunkRenderer<>(5, 5, 4, () -> work(-1, 0), r).run(POOL, 2);
        assertThat(r.indices).isEmpty();
    }

    @Test
    void rejectsAWindowBelowOne() {
        assertThatThrownBy(() -> new ParallelChunkRenderer<>(0, 1, 0, () -> work(-1, 0), new Recorder()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInterruptedCallerWaitsForItsHelpersThenSaysSo() throws Exception {
        Thread caller = Thread.currentThread();
        CountDownLatch helperInside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger helperFinished = new AtomicInteger();
        ParallelChunkRenderer.Work<Integer> blockingOffCaller = (index, chunk, out) -> {
            if (Thread.currentThread() == caller) {
                // Hold the caller's first chunk until the helper holds one, so the helper gets one.
                try {
                    assertThat(helperInside.await(10, TimeUnit.SECONDS)).as("the helper started").isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                helperInside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                helperFinished.incrementAndGet();
            }
            out.ascii(bytesOf(index));
            return index * 7;
        };
        Thread interrupter = new Thread(() -> {
            try {
                helperInside.await(10, TimeUnit.SECONDS);
                Thread.sleep(50);
                caller.interrupt();
                Thread.sleep(50);
                release.countDown();
            } catch (InterruptedException e) {
                release.countDown();
            }
        });
        interrupter.start();
        Recorder r = new Recorder();
        Throwable t = catchThrowable(() -> new ParallelChunkRenderer<>(0, 40, 64, () -> blockingOffCaller, r)
                .run(POOL, 1));
        boolean flag = Thread.interrupted();
        interrupter.join();
        assertThat(t).isInstanceOf(WinlogException.class).hasMessageContaining("interrupted");
        assertThat(flag).as("interrupt flag restored").isTrue();
        assertThat(helperFinished.get()).as("the helper finished before run returned").isEqualTo(1);
        assertThat(r.overlapped).isFalse();
    }
}
