package io.winlog.api.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.CorruptInputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Both SPILL modes against an exact model, with simulated kills (the journal files are left
 * exactly as a killed process leaves them: every append and ack is a completed {@code write}),
 * torn tails, and compaction on almost every acknowledgement.
 *
 * <p>The model is the subscriber's queue of unacknowledged events, each marked "ring" (delivered
 * from memory) or "journal" (journal only, after the ring filled). Ring events always precede
 * journal events; a poll returns ring events first and reads the journal only once the ring is
 * empty; reading the journal to its end leaves spill mode. After a kill, {@link
 * SpillMode#WRITE_AHEAD} recovers every unacknowledged event; {@link SpillMode#OVERFLOW} only the
 * journal ones (the ring ones are the documented loss).
 */
class SpillModesPropertiesTest {
    private static final boolean LONG = Boolean.getBoolean("winlog.long");
    /** One TestEvent record in the journal: 8-byte record header + 8-byte payload. */
    private static final int RECORD = SpillJournal.RECORD_HEADER + 8;

    /** A script step: kind 0-5 publish, 6-8 poll up to k, 9 kill and restart (k odd: with a torn tail). */
    record Op(int kind, int k) {
    }

    @Provide
    Arbitrary<List<Op>> scripts() {
        Arbitrary<Op> op = Arbitraries.integers().between(0, 9).flatMap(kind -> Arbitraries.integers().between(1, 40).map(k -> new Op(kind, k)));
        return op.list().ofMaxSize(LONG ? 3000 : 300);
    }

    @Provide
    Arbitrary<Long> compactBytes() {
        return Arbitraries.of(1L, 16L, 100L, 1L << 20); // every ack / often / sometimes / never
    }

    /** One queued, unacknowledged event of the model. */
    record Entry(TestEvent event, boolean inRing) {
    }

    @Property(tries = 150)
    void killsTornTailsAndCompactionKeepExactAccounting(@ForAll SpillMode mode, @ForAll @IntRange(min = 1, max = 16) int capacity,
                                                        @ForAll("compactBytes") long compact, @ForAll("scripts") List<Op> script) throws IOException {
        Path dir = Files.createTempDirectory("winlog-spill-modes");
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        try {
            SubscriberConfig<TestEvent> config = SubscriberConfig.<TestEvent>builder("s").capacity(capacity).policy(BackpressurePolicy.SPILL)
                    .spill(dir, TestEvent.SERIALIZER).spillMode(mode).spillCompactBytes(compact).onError((e, t) -> errors.add(t)).build();
            int cap = config.capacity();
            ArrayDeque<Entry> model = new ArrayDeque<>();
            boolean spilling = false;
            int next = 0;
            Session s = new Session(config);
            List<TestEvent> got = new ArrayList<>();
            for (Op op : script) {
                if (op.kind < 6) {
                    TestEvent e = new TestEvent(0, next++);
                    assertThat(s.channel.publish(e)).isTrue();
                    s.published++;
                    long ringEntries = model.stream().filter(Entry::inRing).count();
                    boolean toRing = !spilling && ringEntries < cap;
                    spilling = !toRing;
                    model.addLast(new Entry(e, toRing));
                    if (!toRing) {
                        s.spilled++;
                    }
                } else if (op.kind < 9) {
                    long ringEntries = model.stream().filter(Entry::inRing).count();
                    int expected = (int) Math.min(op.k, ringEntries > 0 ? ringEntries : model.size());
                    got.clear();
                    int n = s.sub.poll((e, seq, eob) -> got.add(e), op.k);
                    assertThat(n).as("poll(%d) with %d ring + %d journal", op.k, ringEntries, model.size() - ringEntries).isEqualTo(expected);
                    for (TestEvent e : got) {
                        Entry head = model.removeFirst();
                        assertThat(e).isEqualTo(head.event);
                        if (!head.inRing) {
                            s.replayed++;
                        }
                    }
                    s.delivered += n;
                    if (ringEntries == 0 && n > 0 && model.isEmpty()) {
                        spilling = false; // the journal was read to its end
                    }
                } else {
                    boolean torn = (op.k & 1) == 1;
                    s.sub.simulateKill();
                    if (mode == SpillMode.OVERFLOW) {
                        model.removeIf(Entry::inRing); // the documented loss: the in-memory ring
                    }
                    Path file = dir.resolve(SpillJournal.JOURNAL_FILE);
                    long tornAt = -1;
                    if (torn && !model.isEmpty()) {
                        // The last record is the newest unacknowledged event (both modes): tear it,
                        // as a kill in the middle of its write would (its publish never returned).
                        long size = Files.size(file);
                        int cut = 1 + op.k % (RECORD - 1);
                        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                            ch.truncate(size - cut);
                        }
                        tornAt = size - RECORD;
                        model.removeLast();
                    }
                    errors.clear();
                    s.channel.close();
                    s = new Session(config);
                    if (tornAt >= 0) {
                        long at = tornAt;
                        assertThat(errors).as("torn tail reported").singleElement().isInstanceOf(CorruptInputException.class)
                                .satisfies(t -> assertThat(((CorruptInputException) t).offset()).isEqualTo(at));
                        errors.clear();
                    }
                    assertThat(s.sub.stats().recovered()).as("recovered").isEqualTo(model.size());
                    List<Entry> all = new ArrayList<>(model);
                    model.clear();
                    for (Entry e : all) {
                        model.addLast(new Entry(e.event, false)); // recovered events are replayed from the journal
                    }
                    spilling = !model.isEmpty();
                }
                SubscriberStats st = s.sub.stats();
                assertThat(st.published()).isEqualTo(s.published);
                assertThat(st.delivered()).isEqualTo(s.delivered);
                assertThat(st.dropped()).isZero();
                assertThat(st.pending()).isEqualTo(model.size());
                assertThat(st.spilled()).isEqualTo(s.spilled);
                assertThat(st.replayed()).isEqualTo(s.replayed);
                assertThat(st.published() + st.recovered()).isEqualTo(st.delivered() + st.dropped() + st.pending());
                assertThat(errors).isEmpty();
                long size = Files.size(dir.resolve(SpillJournal.JOURNAL_FILE));
                // Compaction keeps the file to the threshold plus about twice the unacknowledged backlog.
                assertThat(size).as("journal size").isLessThanOrEqualTo(SpillJournal.HEADER + compact + RECORD + 2L * RECORD * (model.size() + cap));
            }
            // A clean close keeps what is unacknowledged for the next subscription; it gets exactly that.
            got.clear();
            s.channel.close();
            if (mode == SpillMode.OVERFLOW) {
                while (s.sub.poll((e, seq, eob) -> got.add(e), 64) > 0) {
                    // OVERFLOW: the ring part stays pollable after close
                }
            }
            try (EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().build()) {
                Subscription<TestEvent> again = channel.subscribe(config);
                assertThat(again.stats().recovered()).isEqualTo(model.size() - got.size());
                while (again.poll((e, seq, eob) -> got.add(e), 64) > 0) {
                    // replay
                }
                assertThat(again.stats().pending()).isZero();
            }
            assertThat(got).containsExactlyElementsOf(model.stream().map(Entry::event).toList());
            assertThat(errors).isEmpty();
        } finally {
            ChannelPropertiesTest.deleteRecursively(dir);
        }
    }

    /**
     * An event that cannot be serialized is refused ({@code publish} false, {@code SPILL_FAILED},
     * reported) in both modes as soon as it must be journaled — for WRITE_AHEAD that is always —
     * and leaves nothing behind: the next events and a restart see exactly the accepted ones.
     */
    @Property(tries = 40)
    void unserializableEventsAreRefusedAndLeaveNoTrace(@ForAll SpillMode mode, @ForAll @IntRange(min = 1, max = 8) int capacity,
                                                       @ForAll @IntRange(min = 0, max = 60) int events,
                                                       @ForAll @IntRange(min = 2, max = 7) int failEvery) throws IOException {
        Path dir = Files.createTempDirectory("winlog-spill-modes");
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        EventSerializer<TestEvent> failing = new EventSerializer<>() {
            @Override
            public byte[] toBytes(TestEvent e) {
                if (e.seq() % failEvery == 0) {
                    throw new IllegalStateException("cannot encode " + e);
                }
                return TestEvent.SERIALIZER.toBytes(e);
            }

            @Override
            public TestEvent fromBytes(byte[] bytes) {
                return TestEvent.SERIALIZER.fromBytes(bytes);
            }
        };
        try {
            SubscriberConfig<TestEvent> config = SubscriberConfig.<TestEvent>builder("s").capacity(capacity).policy(BackpressurePolicy.SPILL)
                    .spill(dir, failing).spillMode(mode).onError((e, t) -> errors.add(t)).build();
            List<TestEvent> accepted = new ArrayList<>();
            long refused = 0;
            Session s = new Session(config);
            for (int i = 0; i < events; i++) {
                TestEvent e = new TestEvent(0, i);
                boolean journaled = mode == SpillMode.WRITE_AHEAD || accepted.size() >= config.capacity() || s.sub.stats().spilled() > 0;
                boolean ok = s.channel.publish(e);
                assertThat(ok).as("event %d", i).isEqualTo(!(journaled && i % failEvery == 0));
                if (ok) {
                    accepted.add(e);
                } else {
                    refused++;
                }
            }
            assertThat(s.sub.stats().dropped(DropReason.SPILL_FAILED)).isEqualTo(refused);
            assertThat(errors).hasSize((int) refused);
            assertThat(s.sub.stats().pending()).isEqualTo(accepted.size());
            List<TestEvent> got = new ArrayList<>();
            if (mode == SpillMode.OVERFLOW) {
                s.sub.poll((e, seq, eob) -> got.add(e), config.capacity()); // the whole ring part: not in the journal
            }
            s.sub.simulateKill();
            s.channel.close();
            s = new Session(config);
            assertThat(s.sub.stats().recovered()).isEqualTo(accepted.size() - got.size());
            while (s.sub.poll((e, seq, eob) -> got.add(e), 16) > 0) {
                // replay
            }
            assertThat(got).containsExactlyElementsOf(accepted);
            s.channel.close();
        } finally {
            ChannelPropertiesTest.deleteRecursively(dir);
        }
    }

    /**
     * WRITE_AHEAD, handler thread, {@code drainOnClose(false)}: close delivers nothing more from the
     * ring or the journal; everything not acknowledged stays pending and the next subscription
     * gets exactly that, in order, once.
     */
    @org.junit.jupiter.api.Test
    void writeAheadCloseWithoutDrainKeepsRingAndJournalForTheNextSubscription() throws Exception {
        Path dir = Files.createTempDirectory("winlog-spill-modes");
        try {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            List<TestEvent> got = Collections.synchronizedList(new ArrayList<>());
            SubscriberConfig.Builder<TestEvent> cfg = SubscriberConfig.<TestEvent>builder("s").capacity(4).maxBatch(2)
                    .policy(BackpressurePolicy.SPILL).spill(dir, TestEvent.SERIALIZER).drainOnClose(false);
            Subscription<TestEvent> sub;
            try (EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().build()) {
                sub = channel.subscribe(cfg.handler((e, seq, eob) -> {
                    release.await(); // hold the consumer: the ring fills, the rest goes to the journal only
                    got.add(e);
                }).build());
                for (int i = 0; i < 20; i++) {
                    assertThat(channel.publish(new TestEvent(0, i))).isTrue();
                }
                Thread closer = new Thread(sub::close);
                closer.start();
                while (sub.isOpen()) {
                    Thread.onSpinWait();
                }
                release.countDown(); // whether the consumer sees the stop before or after more batches, the accounts must hold
                closer.join();
            }
            SubscriberStats st = sub.stats();
            int delivered = got.size();
            assertThat(st.delivered()).isEqualTo(delivered);
            assertThat(st.dropped()).isZero();
            assertThat(st.pending()).isEqualTo(20 - delivered);
            try (EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().build()) {
                Subscription<TestEvent> again = channel.subscribe(cfg.handler(null).build());
                assertThat(again.stats().recovered()).isEqualTo(20 - delivered);
                while (again.poll((e, seq, eob) -> got.add(e), 3) > 0) {
                    // replay
                }
            }
            assertThat(got).extracting(TestEvent::seq).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).boxed().toList());
        } finally {
            ChannelPropertiesTest.deleteRecursively(dir);
        }
    }

    /** One process lifetime: a channel, its SPILL subscription, and what this session counted. */
    private static final class Session {
        final EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().build();
        final RingSubscriber<TestEvent> sub;
        long published;
        long delivered;
        long spilled;
        long replayed;

        Session(SubscriberConfig<TestEvent> config) {
            sub = (RingSubscriber<TestEvent>) channel.subscribe(config);
        }
    }

    /**
     * Real threads, both modes, compaction on: per-producer order, nothing dropped, exact
     * accounting, and journal-only events replayed exactly once.
     */
    @Property(tries = 20)
    void concurrentProducersWithCompaction(@ForAll SpillMode mode, @ForAll @IntRange(min = 1, max = 3) int producers,
                                           @ForAll @IntRange(min = 0, max = 2000) int perProducer,
                                           @ForAll @IntRange(min = 1, max = 64) int capacity,
                                           @ForAll("compactBytes") long compact, @ForAll boolean sync) throws Exception {
        Path dir = Files.createTempDirectory("winlog-spill-modes");
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        try {
            Recorder recorder = new Recorder(producers);
            Subscription<TestEvent> sub;
            try (EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().build()) {
                sub = channel.subscribe(SubscriberConfig.<TestEvent>builder("s").capacity(capacity).policy(BackpressurePolicy.SPILL)
                        .spill(dir, TestEvent.SERIALIZER).spillMode(mode).spillCompactBytes(compact).spillSync(sync && perProducer < 300)
                        .maxBatch(13).handler(recorder).onError((e, t) -> errors.add(t)).build());
                ChannelPropertiesTest.runProducers(channel, producers, perProducer);
            }
            SubscriberStats st = sub.stats();
            assertThat(errors).isEmpty();
            assertThat(recorder.violations).isEmpty();
            assertThat(st.published()).isEqualTo((long) producers * perProducer);
            assertThat(st.delivered()).isEqualTo(st.published()).isEqualTo(recorder.events.size());
            assertThat(st.dropped()).isZero();
            assertThat(st.pending()).isZero();
            assertThat(st.replayed()).isEqualTo(st.spilled());
            for (int p = 0; p < producers; p++) {
                assertThat(recorder.count(p)).isEqualTo(perProducer);
            }
            try (EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().build()) {
                Subscription<TestEvent> again = channel.subscribe(SubscriberConfig.<TestEvent>builder("s").policy(BackpressurePolicy.SPILL)
                        .spill(dir, TestEvent.SERIALIZER).build());
                assertThat(again.stats().recovered()).as("everything was acknowledged").isZero();
            }
        } finally {
            ChannelPropertiesTest.deleteRecursively(dir);
        }
    }
}
