package io.winlog.slf4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.EventRejectedException;
import io.winlog.api.EventSpec;
import io.winlog.api.EventType;
import io.winlog.api.EventWriter;
import io.winlog.slf4j.writer.RecordingEventWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.event.Level;

class EventPipelineTest {
    private static final SlotRenderer RENDER = s -> EventSpec.builder(s.argCount).strings(s.message).build();

    private static void log(EventPipeline p, Level level, String msg, int id) {
        LogSlot s = p.claim();
        if (s == null) {
            return;
        }
        s.level = level;
        s.message = msg;
        s.argCount = id;
        p.publish(s);
    }

    /** Counts per producer and checks each producer's events arrive in order. */
    private static final class OrderCheckingWriter implements EventWriter {
        final long[] next;
        volatile long count;
        volatile String error;

        OrderCheckingWriter(int producers) {
            next = new long[producers];
        }

        @Override
        public void write(EventSpec e) {
            int producer = e.shortEventId();
            long seq = Long.parseLong(e.strings().get(0));
            if (next[producer] != seq && error == null) {
                error = "producer " + producer + ": expected " + next[producer] + " got " + seq;
            }
            next[producer] = seq + 1;
            count++;
        }

        @Override
        public void close() {
        }
    }

    @ParameterizedTest
    @EnumSource(HandOffKind.class)
    void blockPolicyLosesNothingUnderMultiThreadedLoad(HandOffKind kind) throws Exception {
        int producers = 4;
        int perProducer = 25_000;
        OrderCheckingWriter w = new OrderCheckingWriter(producers);
        EventPipeline p = EventPipeline.builder(w, RENDER).queueSize(16).overflow(OverflowPolicy.BLOCK).handOff(kind)
                .build();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < producers; t++) {
            final int id = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    log(p, Level.INFO, Integer.toString(i), id);
                }
            });
            th.start();
            threads.add(th);
        }
        start.countDown();
        for (Thread th : threads) {
            th.join(60_000);
        }
        assertThat(p.flush(Duration.ofSeconds(30))).isTrue();
        p.close();
        PipelineStats st = p.stats();
        assertThat(w.error).isNull();
        assertThat(w.count).isEqualTo((long) producers * perProducer);
        assertThat(st.written()).isEqualTo((long) producers * perProducer);
        assertThat(st.accepted()).isEqualTo((long) producers * perProducer);
        assertThat(st.dropped()).isZero();
        assertThat(st.pending()).isZero();
        if (kind == HandOffKind.RING) { // the channel waits inside publish and counts that itself
            assertThat(st.blocked()).as("a 16-slot queue must have made producers wait").isPositive();
        }
    }

    /** A writer that blocks until released, so the queue fills. */
    private static final class GatedWriter implements EventWriter {
        final CountDownLatch gate = new CountDownLatch(1);
        final List<EventSpec> events = new CopyOnWriteArrayList<>();

        @Override
        public void write(EventSpec e) {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            events.add(e);
        }

        @Override
        public void close() {
        }
    }

    /**
     * A log call made while a slot is being filled on the same thread (an argument's toString()
     * logging under format=caller) must not clobber the outer slot: the CHANNEL hand-off hands
     * out one scratch slot per thread and must notice the nesting.
     */
    @ParameterizedTest
    @EnumSource(HandOffKind.class)
    void nestedLogCallOnTheSameThreadKeepsBothEvents(HandOffKind kind) {
        GatedWriter w = new GatedWriter();
        w.gate.countDown();
        EventPipeline p = EventPipeline.builder(w, RENDER).queueSize(8).overflow(OverflowPolicy.BLOCK).handOff(kind).build();
        LogSlot outer = p.claim();
        outer.level = Level.INFO;
        outer.message = "outer";
        log(p, Level.WARN, "inner", 2); // nested: before the outer slot is published
        outer.argCount = 1;
        p.publish(outer);
        p.close();
        assertThat(w.events).extracting(e -> e.strings().get(0)).containsExactlyInAnyOrder("inner", "outer"); // RING: claim order, CHANNEL: publish order
        assertThat(p.stats().written()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(HandOffKind.class)
    void dropPolicyCountsDropsAndReportsThemInTheFinalSummary(HandOffKind kind) {
        GatedWriter w = new GatedWriter();
        EventPipeline p = EventPipeline.builder(w, RENDER).queueSize(4).overflow(OverflowPolicy.DROP)
                .handOff(kind).summaryEventId(9000).build();
        for (int i = 0; i < 100; i++) {
            log(p, Level.WARN, "e" + i, 1);
        }
        PipelineStats before = p.stats();
        assertThat(before.dropped()).isBetween(100L - 4 - 1, 100L - 4); // 4 slots + possibly 1 in the writer
        w.gate.countDown();
        p.close();
        PipelineStats st = p.stats();
        assertThat(st.written() + st.dropped()).isEqualTo(100);
        assertThat(st.accepted()).isEqualTo(st.written());
        EventSpec summary = w.events.get(w.events.size() - 1);
        assertThat(summary.eventId()).isEqualTo(9000);
        assertThat(summary.type()).isEqualTo(EventType.WARNING);
        assertThat(summary.strings().get(0)).contains(st.dropped() + " dropped");
        assertThat(st.summaries()).isEqualTo(1);
    }

    @Test
    void spillPolicyNeverBlocksAndLosesNothing() {
        GatedWriter w = new GatedWriter();
        EventPipeline p = EventPipeline.builder(w, RENDER).queueSize(4).overflow(OverflowPolicy.SPILL).build();
        for (int i = 0; i < 100; i++) {
            log(p, Level.INFO, "e" + i, 1);
        }
        assertThat(p.stats().spilled()).isPositive();
        w.gate.countDown();
        assertThat(p.flush(Duration.ofSeconds(10))).isTrue();
        p.close();
        assertThat(w.events).hasSize(100);
        assertThat(w.events).extracting(e -> e.strings().get(0)).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, 100).mapToObj(i -> "e" + i).toList());
        assertThat(p.stats().dropped()).isZero();
    }

    @Test
    void rateLimitSuppressesAndSummarisesPerLevelOnAnInjectedClock() {
        AtomicLong now = new AtomicLong(0);
        RecordingEventWriter w = new RecordingEventWriter();
        EventPipeline p = EventPipeline.builder(w, RENDER).async(false).rateLimit(2, 5)
                .summaryInterval(Duration.ofSeconds(60)).summaryEventId(9001).nanoClock(now::get).build();
        for (int i = 0; i < 20; i++) {
            log(p, i % 4 == 0 ? Level.ERROR : Level.INFO, "m" + i, 7);
        }
        assertThat(w.events()).hasSize(5);
        assertThat(p.stats().suppressed()).isEqualTo(15);
        now.addAndGet(TimeUnit.SECONDS.toNanos(1)); // 2 tokens
        log(p, Level.INFO, "after 1 s", 7);
        log(p, Level.INFO, "after 1 s", 7);
        log(p, Level.INFO, "after 1 s, over", 7);
        assertThat(w.events()).hasSize(7);
        assertThat(w.events()).noneMatch(e -> e.eventId() == 9001);
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        log(p, Level.INFO, "after the interval", 7);
        List<EventSpec> ev = w.events();
        EventSpec summary = ev.stream().filter(e -> e.eventId() == 9001).findFirst().orElseThrow();
        // events 0..4 passed (0 and 4 were ERROR); of 5..19: 8, 12, 16 are ERROR
        assertThat(summary.strings().get(0)).contains("16 suppressed by the rate limit (2.0/s, burst 5)")
                .contains("ERROR 3").contains("INFO 13");
        assertThat(ev.get(ev.size() - 1).strings()).containsExactly("after the interval");
        assertThat(p.stats().suppressed()).isEqualTo(16);
        assertThat(p.stats().summaries()).isEqualTo(1);
        // nothing new suppressed: the next interval writes no summary
        now.addAndGet(TimeUnit.SECONDS.toNanos(61));
        log(p, Level.INFO, "quiet", 7);
        assertThat(p.stats().summaries()).isEqualTo(1);
        p.close();
        assertThat(p.stats().summaries()).isEqualTo(1);
    }

    @Test
    void asyncSummaryIsPeriodicEvenWithoutNewEvents() throws Exception {
        AtomicLong now = new AtomicLong(0);
        RecordingEventWriter w = new RecordingEventWriter();
        EventPipeline p = EventPipeline.builder(w, RENDER).rateLimit(1, 1).summaryInterval(Duration.ofSeconds(10))
                .nanoClock(now::get).build();
        for (int i = 0; i < 10; i++) {
            log(p, Level.INFO, "m" + i, 1);
        }
        assertThat(p.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(w.events()).hasSize(1);
        now.addAndGet(TimeUnit.SECONDS.toNanos(11));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (p.stats().summaries() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5); // the idle consumer wakes at least every 100 ms
        }
        assertThat(p.stats().summaries()).isEqualTo(1);
        assertThat(w.events().get(1).strings().get(0)).contains("9 suppressed");
        p.close();
    }

    @Test
    void writerFailuresAreCountedWarnedOnceAndSummarised() {
        RecordingEventWriter w = new RecordingEventWriter();
        List<String> warnings = new CopyOnWriteArrayList<>();
        EventPipeline p = EventPipeline.builder(w, RENDER).async(false).warnings(warnings::add).build();
        w.failWith(new EventRejectedException("too long"));
        for (int i = 0; i < 3; i++) {
            log(p, Level.ERROR, "x", 1);
        }
        w.failWith(null);
        p.close();
        assertThat(p.stats().failed()).isEqualTo(3);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("too long");
        assertThat(w.events()).singleElement().satisfies(e -> assertThat(e.strings().get(0)).contains("3 failed"));
    }

    @Test
    void aRendererThatThrowsStillProducesAnEvent() {
        RecordingEventWriter w = new RecordingEventWriter();
        EventPipeline p = EventPipeline.builder(w, s -> {
            throw new IllegalStateException("boom");
        }).async(false).build();
        log(p, Level.INFO, "pattern {}", 1);
        p.close();
        assertThat(w.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.ERROR);
            assertThat(e.strings().get(0)).contains("boom").contains("pattern {}");
        });
    }

    @Test
    void eventsAfterCloseAreCountedAsDropped() {
        RecordingEventWriter w = new RecordingEventWriter();
        EventPipeline p = EventPipeline.builder(w, RENDER).build();
        log(p, Level.INFO, "before", 1);
        p.close();
        log(p, Level.INFO, "after", 1);
        assertThat(w.events()).extracting(e -> e.strings().get(0)).containsExactly("before");
        assertThat(p.stats().dropped()).isEqualTo(1);
        assertThat(w.isClosed()).isTrue();
    }

    @Test
    void theWriterThreadLoggingIntoAFullQueueSpillsInsteadOfDeadlocking() {
        List<String> seen = new CopyOnWriteArrayList<>();
        EventPipeline[] holder = new EventPipeline[1];
        EventWriter reentrant = new EventWriter() {
            @Override
            public void write(EventSpec e) {
                seen.add(e.strings().get(0));
                if (e.strings().get(0).startsWith("outer")) {
                    for (int i = 0; i < 8; i++) { // more than the queue holds
                        log(holder[0], Level.DEBUG, "inner" + i, 1);
                    }
                }
            }

            @Override
            public void close() {
            }
        };
        holder[0] = EventPipeline.builder(reentrant, RENDER).queueSize(2).build();
        log(holder[0], Level.INFO, "outer", 1);
        assertThat(holder[0].flush(Duration.ofSeconds(10))).isTrue();
        holder[0].close();
        assertThat(seen).hasSize(9);
    }
}
