package io.winlog.api.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The shared-ring mode's own contracts: BLOCK only, topic/predicate skipping on the subscriber
 * side, refusals counted per matching subscriber, join/leave gating, and slot mode with
 * translators (0 allocation is measured by JMH, not here).
 */
class SharedRingChannelTest {

    /** A mutable pre-allocated slot. */
    static final class Slot {
        int producer;
        int seq;
    }

    private static final EventTranslator<Slot, TestEvent> COPY = (slot, e) -> {
        slot.producer = e.producer();
        slot.seq = e.seq();
    };
    private static final EventTranslatorTwoArg<Slot, Integer, Integer> TWO = (slot, p, s) -> {
        slot.producer = p;
        slot.seq = s;
    };

    @Test
    void acceptsOnlyBlockSubscribers() {
        try (EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().sharedRing(16).build()) {
            for (BackpressurePolicy p : new BackpressurePolicy[] {BackpressurePolicy.DROP_NEWEST, BackpressurePolicy.DROP_OLDEST}) {
                assertThatThrownBy(() -> channel.subscribe(SubscriberConfig.<TestEvent>builder("x").policy(p).build()))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("only BackpressurePolicy.BLOCK").hasMessageContaining("default per-subscriber mode");
            }
            assertThat(channel.subscribe(SubscriberConfig.<TestEvent>builder("ok").build())).isNotNull();
        }
    }

    @Test
    void slotsNeedSharedRingAndTranslators() {
        assertThatThrownBy(() -> EventChannel.<Slot>builder().slots(Slot::new).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sharedRing");
        try (EventChannel<Slot> channel = EventChannel.<Slot>builder().sharedRing(8).slots(Slot::new).build()) {
            assertThatThrownBy(() -> channel.publish(new Slot())).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("translator");
            Subscription<Slot> sub = channel.subscribe(SubscriberConfig.<Slot>builder("s").build());
            assertThatThrownBy(sub::poll).isInstanceOf(IllegalStateException.class).hasMessageContaining("poll(handler, max)");
        }
        try (EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().sharedRing(8).build()) {
            assertThatThrownBy(() -> channel.publish(channel.defaultTopic(), (TestEvent t, String a) -> { }, "x"))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("slots(factory)");
        }
        try (EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().build()) {
            assertThatThrownBy(() -> channel.publish(channel.defaultTopic(), (TestEvent t, String a) -> { }, "x"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void subscribersSkipTopicsAndPredicatesTheyDoNotWant() {
        try (EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().sharedRing(16).build()) {
            Topic a = channel.topic("a.x");
            Subscription<TestEvent> onlyA = channel.subscribe(SubscriberConfig.<TestEvent>builder("a").topics("a.#").build());
            Subscription<TestEvent> evenB = channel.subscribe(SubscriberConfig.<TestEvent>builder("b").topics("b.*")
                    .filter(e -> e.seq() % 2 == 0).build());
            Topic b = channel.topic("b.y"); // created after the subscribers: their tables grow
            for (int i = 0; i < 6; i++) {
                assertThat(channel.publish(i % 2 == 0 ? a : b, new TestEvent(0, i))).isTrue();
                assertThat(channel.publish(b, new TestEvent(1, i))).isTrue();
            }
            List<TestEvent> gotA = new ArrayList<>();
            List<Long> seqA = new ArrayList<>();
            while (onlyA.poll((e, s, eob) -> { gotA.add(e); seqA.add(s); }, 100) > 0) {
                // drain
            }
            assertThat(gotA).extracting(TestEvent::seq).containsExactly(0, 2, 4);
            assertThat(seqA).containsExactly(0L, 1L, 2L);
            List<TestEvent> gotB = new ArrayList<>();
            while (evenB.poll((e, s, eob) -> gotB.add(e), 2) > 0) {
                // drain, two at a time
            }
            assertThat(gotB).extracting(TestEvent::seq).allMatch(s -> s % 2 == 0);
            assertThat(gotB).hasSize(3); // producer 1's seq 0, 2, 4; producer 0 publishes odd seqs on b (filtered out)
            assertThat(onlyA.stats().published()).isEqualTo(3);
            assertThat(onlyA.stats().pending()).isZero();
            assertThat(evenB.stats().published()).isEqualTo(3);
        }
    }

    /** tryPublish and timeouts refuse the event for everyone; each subscriber whose filters match counts it. */
    @Test
    void refusalsAreCountedPerMatchingSubscriber() {
        try (EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().sharedRing(4).build()) {
            Topic a = channel.topic("a");
            Subscription<TestEvent> all = channel.subscribe(SubscriberConfig.<TestEvent>builder("all").blockTimeout(Duration.ZERO).build());
            Subscription<TestEvent> none = channel.subscribe(SubscriberConfig.<TestEvent>builder("none").topics("b").build());
            for (int i = 0; i < 4; i++) {
                assertThat(channel.tryPublish(a, new TestEvent(0, i))).isTrue();
            }
            assertThat(channel.tryPublish(a, new TestEvent(0, 4))).isFalse();
            assertThat(all.stats().dropped(DropReason.WOULD_BLOCK)).isEqualTo(1);
            assertThat(none.stats().dropped()).isZero();
            // "none" must still pass the slots before producers can reuse them
            assertThat(all.poll((e, s, eob) -> { }, 10)).isEqualTo(4);
            assertThat(channel.tryPublish(a, new TestEvent(0, 5))).isFalse();
            assertThat(none.poll((e, s, eob) -> { }, 10)).isZero();
            assertThat(channel.publish(a, new TestEvent(0, 6))).isTrue();
            assertThat(all.stats().dropped(DropReason.WOULD_BLOCK)).isEqualTo(2);
            assertThat(all.stats().pending()).isEqualTo(1); // not reached yet, so not yet counted as published
            assertThat(all.poll((e, s, eob) -> { }, 10)).isEqualTo(1);
            assertThat(all.stats().published()).isEqualTo(7).isEqualTo(all.stats().delivered() + all.stats().dropped());
        }
    }

    @Test
    void blockTimeoutRefusesForMatchingSubscribers() {
        try (EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().sharedRing(2).singleProducer().build()) {
            Subscription<TestEvent> s = channel.subscribe(SubscriberConfig.<TestEvent>builder("s").blockTimeout(Duration.ofMillis(1)).build());
            assertThat(channel.publish(new TestEvent(0, 0))).isTrue();
            assertThat(channel.publish(new TestEvent(0, 1))).isTrue();
            assertThat(channel.publish(new TestEvent(0, 2))).isFalse();
            assertThat(s.stats().dropped(DropReason.BLOCK_TIMEOUT)).isEqualTo(1);
            assertThat(s.stats().published()).isEqualTo(1); // reached: none yet; refused: 1
            assertThat(s.stats().pending()).isEqualTo(2);
        }
    }

    /** A subscriber that leaves stops gating: producers continue with the remaining one. */
    @Test
    void leavingSubscriberStopsGating() {
        try (EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().sharedRing(4).build()) {
            Subscription<TestEvent> slow = channel.subscribe(SubscriberConfig.<TestEvent>builder("slow").build());
            Subscription<TestEvent> fast = channel.subscribe(SubscriberConfig.<TestEvent>builder("fast").build());
            for (int i = 0; i < 4; i++) {
                channel.publish(new TestEvent(0, i));
            }
            fast.poll((e, s, eob) -> { }, 10);
            assertThat(channel.tryPublish(new TestEvent(0, 4))).isFalse(); // "slow" gates
            List<Integer> got = new ArrayList<>();
            slow.close(); // poll mode with pending events: stays pollable, still gating
            assertThat(channel.tryPublish(new TestEvent(0, 5))).isFalse();
            while (slow.poll((e, s, eob) -> got.add(e.seq()), 10) > 0) {
                // drain what was published before close
            }
            assertThat(got).containsExactly(0, 1, 2, 3);
            assertThat(slow.isOpen()).isFalse();
            assertThat(channel.tryPublish(new TestEvent(0, 6))).isTrue(); // it left
            assertThat(slow.stats().pending()).isZero();
            assertThat(slow.stats().published()).isEqualTo(slow.stats().delivered() + slow.stats().dropped());
        }
    }

    /** Slot mode: concurrent producers with one- and two-arg translators; every subscriber sees every event, in per-producer order. */
    @Property(tries = 12)
    void translatorsDeliverEveryEventInOrder(@ForAll @IntRange(min = 1, max = 3) int producers,
                                             @ForAll @IntRange(min = 0, max = 3000) int perProducer,
                                             @ForAll @IntRange(min = 1, max = 64) int capacity,
                                             @ForAll boolean singleProducer) throws Exception {
        boolean single = singleProducer && producers == 1;
        EventChannelBuilder<Slot> builder = EventChannel.<Slot>builder().sharedRing(capacity).slots(Slot::new);
        if (single) {
            builder.singleProducer();
        }
        List<Recorder> recorders = new ArrayList<>();
        List<Subscription<Slot>> subs = new ArrayList<>();
        try (EventChannel<Slot> channel = builder.build()) {
            for (int c = 0; c < 2; c++) {
                Recorder r = new Recorder(producers);
                recorders.add(r);
                // The slot is only valid during the call: the recorder keeps a copy.
                subs.add(channel.subscribe(SubscriberConfig.<Slot>builder("c" + c).waitStrategy(c == 0 ? WaitStrategy.BLOCKING : WaitStrategy.YIELDING)
                        .maxBatch(7).handler((slot, seq, eob) -> r.onEvent(new TestEvent(slot.producer, slot.seq), seq, eob)).build()));
            }
            Topic t = channel.defaultTopic();
            List<Thread> threads = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int p = 0; p < producers; p++) {
                int id = p;
                Thread th = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < perProducer; i++) {
                        boolean ok = (i & 1) == 0 ? channel.publish(t, COPY, new TestEvent(id, i)) : channel.publish(t, TWO, id, i);
                        if (!ok) {
                            throw new AssertionError("refused");
                        }
                    }
                });
                threads.add(th);
                th.start();
            }
            go.countDown();
            for (Thread th : threads) {
                th.join();
            }
        }
        for (int c = 0; c < 2; c++) {
            Recorder r = recorders.get(c);
            assertThat(r.violations).isEmpty();
            for (int p = 0; p < producers; p++) {
                assertThat(r.count(p)).isEqualTo(perProducer);
            }
            SubscriberStats st = subs.get(c).stats();
            assertThat(st.published()).isEqualTo((long) producers * perProducer).isEqualTo(st.delivered());
            assertThat(st.pending()).isZero();
        }
    }

    /** A throwing translator publishes nothing (the slot is skipped by everyone) and the exception reaches the caller. */
    @Test
    void throwingTranslatorSkipsTheSlot() {
        try (EventChannel<Slot> channel = EventChannel.<Slot>builder().sharedRing(4).slots(Slot::new).build()) {
            Subscription<Slot> sub = channel.subscribe(SubscriberConfig.<Slot>builder("s").build());
            Topic t = channel.defaultTopic();
            channel.publish(t, TWO, 0, 1);
            assertThatThrownBy(() -> channel.publish(t, (Slot s, String a) -> {
                throw new IllegalStateException(a);
            }, "boom")).isInstanceOf(IllegalStateException.class).hasMessage("boom");
            channel.publish(t, TWO, 0, 2);
            List<Integer> got = new ArrayList<>();
            while (sub.poll((s, seq, eob) -> got.add(s.seq), 10) > 0) {
                // drain
            }
            assertThat(got).containsExactly(1, 2);
            assertThat(sub.stats().delivered()).isEqualTo(2);
        }
    }

    /** Handler threads: close drains what was accepted, and a handler may close its own subscription. */
    @Test
    void closeDrainsAndHandlersMayCloseThemselves() throws Exception {
        AtomicLong seen = new AtomicLong();
        EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().sharedRing(8).build();
        Subscription<TestEvent>[] self = new Subscription[1];
        self[0] = channel.subscribe(SubscriberConfig.<TestEvent>builder("self").waitStrategy(WaitStrategy.BLOCKING).handler((e, s, eob) -> {
            if (e.seq() == 3) {
                self[0].close();
            }
        }).build());
        Subscription<TestEvent> all = channel.subscribe(SubscriberConfig.<TestEvent>builder("all").waitStrategy(WaitStrategy.SLEEPING)
                .handler((e, s, eob) -> seen.incrementAndGet()).build());
        for (int i = 0; i < 1000; i++) {
            assertThat(channel.publish(new TestEvent(0, i))).isTrue();
        }
        channel.close();
        assertThat(seen.get()).isEqualTo(1000);
        assertThat(all.stats().delivered()).isEqualTo(1000);
        assertThat(self[0].isOpen()).isFalse();
        assertThat(channel.publish(new TestEvent(0, 0))).isFalse();
    }
}
