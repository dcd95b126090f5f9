package io.winlog.api.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the channel under every policy: per-producer order, exact accounting, no loss
 * under BLOCK and SPILL, DROP_OLDEST keeps the newest N. Concurrent properties use real threads
 * but no timing assumptions: they wait for completion, never for a duration.
 */
class ChannelPropertiesTest {
    private static final boolean LONG = Boolean.getBoolean("winlog.long");

    @Provide
    Arbitrary<WaitStrategy> waits() {
        // BUSY_SPIN is covered by the stress test; here it would make 3 spinning threads on 2 cores slow, not wrong.
        return Arbitraries.of(WaitStrategy.YIELDING, WaitStrategy.SLEEPING, WaitStrategy.BLOCKING);
    }

    /**
     * Producers publish concurrently to one subscriber with a handler thread. Whatever the policy:
     * per-producer order, published = delivered + dropped + pending, and after a draining close
     * nothing is pending; under BLOCK and SPILL nothing is dropped at all.
     */
    @Property(tries = 24)
    void concurrentProducersKeepOrderAndAccounting(
            @ForAll BackpressurePolicy policy,
            @ForAll @IntRange(min = 1, max = 3) int producers,
            @ForAll @IntRange(min = 0, max = 3000) int perProducer,
            @ForAll @IntRange(min = 1, max = 64) int capacity,
            @ForAll("waits") WaitStrategy wait,
            @ForAll boolean slowConsumer) throws Exception {
        checkOrderAndAccounting(policy, producers, perProducer, capacity, wait, slowConsumer, false);
    }

    /**
     * The same properties for a channel built with {@code singleProducer()} and its one producer
     * thread (BLOCK and DROP_NEWEST get the CAS-free {@link SpscEventRing}; the others keep theirs).
     */
    @Property(tries = 24)
    void singleProducerKeepsOrderAndAccounting(
            @ForAll BackpressurePolicy policy,
            @ForAll @IntRange(min = 0, max = 5000) int events,
            @ForAll @IntRange(min = 1, max = 64) int capacity,
            @ForAll("waits") WaitStrategy wait,
            @ForAll boolean slowConsumer) throws Exception {
        checkOrderAndAccounting(policy, 1, events, capacity, wait, slowConsumer, true);
    }

    /**
     * The same properties for the shared-ring mode ({@code sharedRing(capacity)}, BLOCK only),
     * with the CAS producer side, and with the single-producer side when there is one producer.
     */
    @Property(tries = 30)
    void sharedRingKeepsOrderAndAccounting(
            @ForAll @IntRange(min = 1, max = 3) int producers,
            @ForAll @IntRange(min = 0, max = 4000) int perProducer,
            @ForAll @IntRange(min = 1, max = 64) int capacity,
            @ForAll("waits") WaitStrategy wait,
            @ForAll boolean slowConsumer,
            @ForAll boolean singleProducer) throws Exception {
        checkOrderAndAccounting(BackpressurePolicy.BLOCK, producers, perProducer, capacity, wait, slowConsumer,
                singleProducer && producers == 1, capacity);
    }

    private static void checkOrderAndAccounting(BackpressurePolicy policy, int producers, int perProducer, int capacity,
            WaitStrategy wait, boolean slowConsumer, boolean singleProducer) throws Exception {
        checkOrderAndAccounting(policy, producers, perProducer, capacity, wait, slowConsumer, singleProducer, 0);
    }

    /** @param sharedRing the shared ring's capacity, or 0 for the default per-subscriber mode */
    private static void checkOrderAndAccounting(BackpressurePolicy policy, int producers, int perProducer, int capacity,
            WaitStrategy wait, boolean slowConsumer, boolean singleProducer, int sharedRing) throws Exception {
        Path dir = policy == BackpressurePolicy.SPILL ? Files.createTempDirectory("winlog-spill") : null;
        try {
            Recorder recorder = new Recorder(producers);
            EventHandler<TestEvent> handler = slowConsumer ? (e, s, eob) -> {
                if ((s & 31) == 0) {
                    LockSupport.parkNanos(20_000);
                }
                recorder.onEvent(e, s, eob);
            } : recorder;
            SubscriberConfig.Builder<TestEvent> cfg = SubscriberConfig.<TestEvent>builder("s").capacity(capacity)
                    .policy(policy).waitStrategy(wait).handler(handler).maxBatch(17);
            if (dir != null) {
                cfg.spill(dir, TestEvent.SERIALIZER);
            }
            Subscription<TestEvent> sub;
            EventChannelBuilder<TestEvent> builder = EventChannel.<TestEvent>builder();
            if (singleProducer) {
                builder.singleProducer();
            }
            if (sharedRing > 0) {
                builder.sharedRing(sharedRing);
            }
            try (EventChannel<TestEvent> channel = builder.build()) {
                sub = channel.subscribe(cfg.build());
                boolean spsc = singleProducer && (policy == BackpressurePolicy.BLOCK || policy == BackpressurePolicy.DROP_NEWEST);
                if (sharedRing == 0) {
                    assertThat(((RingSubscriber<TestEvent>) sub).ring()).matches(r -> (r instanceof SpscEventRing) == spsc, "ring kind");
                } else {
                    assertThat(sub).isInstanceOf(SharedRingSubscriber.class);
                }
                runProducers(channel, producers, perProducer);
            } // close drains and joins the subscriber thread
            SubscriberStats st = sub.stats();
            long total = (long) producers * perProducer;
            assertThat(recorder.violations).isEmpty();
            assertThat(st.published()).isEqualTo(total);
            assertThat(st.published()).isEqualTo(st.delivered() + st.dropped() + st.pending());
            assertThat(st.pending()).isZero();
            assertThat(st.delivered()).isEqualTo(recorder.events.size());
            if (policy == BackpressurePolicy.BLOCK || policy == BackpressurePolicy.SPILL) {
                assertThat(st.dropped()).isZero();
                for (int p = 0; p < producers; p++) {
                    assertThat(recorder.count(p)).isEqualTo(perProducer);
                }
            }
            if (policy == BackpressurePolicy.SPILL) {
                assertThat(st.replayed()).isEqualTo(st.spilled());
            }
            if (total > 0) {
                assertThat(recorder.batchEnds).isPositive();
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    static void runProducers(EventChannel<TestEvent> channel, int producers, int perProducer) throws InterruptedException {
        Topic topic = channel.topic("t");
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            Thread t = new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    channel.publish(topic, new TestEvent(id, i));
                }
            }, "producer-" + p);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** DROP_OLDEST: whatever was published, the ring holds exactly the newest {@code capacity} events. */
    @Property(tries = 200)
    void dropOldestKeepsTheNewestN(@ForAll @IntRange(min = 1, max = 300) int capacity, @ForAll @IntRange(min = 0, max = 2000) int count) {
        try (EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().build()) {
            Subscription<TestEvent> sub = channel.subscribe(SubscriberConfig.<TestEvent>builder("s").capacity(capacity)
                    .policy(BackpressurePolicy.DROP_OLDEST).build());
            for (int i = 0; i < count; i++) {
                assertThat(channel.publish(new TestEvent(0, i))).isTrue();
            }
            int n = sub.config().capacity();
            List<Integer> got = new ArrayList<>();
            while (sub.poll((e, s, eob) -> got.add(e.seq()), 1000) > 0) {
                // drain
            }
            int kept = Math.min(count, n);
            assertThat(got).hasSize(kept);
            for (int i = 0; i < kept; i++) {
                assertThat(got.get(i)).isEqualTo(count - kept + i);
            }
            assertThat(sub.stats().dropped(DropReason.EVICTED)).isEqualTo(count - kept);
        }
    }

    /** One step of a single-threaded script: publish, tryPublish or poll up to k. */
    record Op(int kind, int k) {
    }

    @Provide
    Arbitrary<List<Op>> scripts() {
        Arbitrary<Op> op = Arbitraries.integers().between(0, 9).flatMap(kind -> Arbitraries.integers().between(1, 40).map(k -> new Op(kind, k)));
        return op.list().ofMaxSize(LONG ? 3000 : 400);
    }

    /**
     * A random single-threaded script against a reference model (a deque): every poll returns
     * exactly the model's oldest events, the counters match the model after every step, and
     * after close (and, for SPILL, a reopen of the journal) every accepted BLOCK/SPILL event is
     * delivered exactly once.
     */
    @Property(tries = 120)
    void scriptMatchesModel(@ForAll BackpressurePolicy policy, @ForAll @IntRange(min = 1, max = 16) int capacity,
                            @ForAll("scripts") @Size(max = 3000) List<Op> script, @ForAll boolean drainOnClose,
                            @ForAll boolean shared) throws IOException {
        if (shared) {
            policy = BackpressurePolicy.BLOCK; // the shared ring takes only BLOCK subscribers
        }
        Path dir = policy == BackpressurePolicy.SPILL ? Files.createTempDirectory("winlog-spill") : null;
        try {
            SubscriberConfig.Builder<TestEvent> cfg = SubscriberConfig.<TestEvent>builder("s").capacity(capacity).policy(policy)
                    .blockTimeout(Duration.ZERO).drainOnClose(drainOnClose);
            if (dir != null) {
                cfg.spill(dir, TestEvent.SERIALIZER);
            }
            SubscriberConfig<TestEvent> config = cfg.build();
            int cap = config.capacity();
            ArrayDeque<TestEvent> model = new ArrayDeque<>();
            long published = 0;
            long dropped = 0;
            long delivered = 0;
            int next = 0;
            List<TestEvent> got = new ArrayList<>();
            Subscription<TestEvent> sub;
            EventChannelBuilder<TestEvent> builder = EventChannel.<TestEvent>builder();
            if (shared) {
                builder.sharedRing(capacity);
            }
            try (EventChannel<TestEvent> channel = builder.build()) {
                sub = channel.subscribe(config);
                for (Op op : script) {
                    if (op.kind < 6) {
                        TestEvent e = new TestEvent(0, next++);
                        boolean accepted = op.kind < 3 ? channel.publish(e) : channel.tryPublish(e);
                        published++;
                        boolean fits = policy == BackpressurePolicy.SPILL || policy == BackpressurePolicy.DROP_OLDEST || model.size() < cap;
                        if (policy == BackpressurePolicy.DROP_OLDEST && model.size() == cap) {
                            model.removeFirst();
                            dropped++;
                        }
                        assertThat(accepted).isEqualTo(fits);
                        if (fits) {
                            model.addLast(e);
                        } else {
                            dropped++;
                        }
                    } else {
                        got.clear();
                        int n = sub.poll((e, s, eob) -> got.add(e), op.k);
                        assertThat(n).isEqualTo(got.size()).isLessThanOrEqualTo(op.k);
                        if (!model.isEmpty()) {
                            assertThat(n).isPositive();
                        }
                        if (policy != BackpressurePolicy.SPILL) { // SPILL may stop a batch at the ring/journal boundary
                            assertThat(n).isEqualTo(Math.min(op.k, model.size()));
                        }
                        for (TestEvent e : got) {
                            assertThat(e).isEqualTo(model.removeFirst());
                        }
                        delivered += n;
                    }
                    SubscriberStats st = sub.stats();
                    // Shared ring: a subscriber counts an event as published when it reaches it (see SharedRingCounters).
                    assertThat(st.published()).isEqualTo(shared ? published - model.size() : published);
                    assertThat(st.dropped()).isEqualTo(dropped);
                    assertThat(st.delivered()).isEqualTo(delivered);
                    assertThat(st.pending()).isEqualTo(model.size());
                }
            }
            // Closed (poll mode): the ring part stays pollable; a SPILL journal stays on disk;
            // a drop-policy ring closed without draining is discarded and counted.
            got.clear();
            while (sub.poll((e, s, eob) -> got.add(e), 64) > 0) {
                // drain
            }
            boolean discards = !drainOnClose && (policy == BackpressurePolicy.DROP_NEWEST || policy == BackpressurePolicy.DROP_OLDEST);
            if (discards) {
                assertThat(got).isEmpty();
                assertThat(sub.stats().dropped()).isEqualTo(dropped + model.size());
            } else if (policy != BackpressurePolicy.SPILL) {
                assertThat(got).containsExactlyElementsOf(model);
            }
            assertThat(sub.stats().published()).isEqualTo(published);
            if (policy != BackpressurePolicy.SPILL) {
                assertThat(sub.stats().pending()).isZero();
            }
            if (policy == BackpressurePolicy.SPILL) {
                try (EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().build()) {
                    Subscription<TestEvent> again = channel.subscribe(config);
                    assertThat(again.stats().recovered()).isEqualTo(model.size() - got.size());
                    while (again.poll((e, s, eob) -> got.add(e), 64) > 0) {
                        // replay
                    }
                    assertThat(again.stats().pending()).isZero();
                }
            }
            if (policy == BackpressurePolicy.BLOCK || policy == BackpressurePolicy.SPILL) {
                assertThat(got).containsExactlyElementsOf(model);
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
