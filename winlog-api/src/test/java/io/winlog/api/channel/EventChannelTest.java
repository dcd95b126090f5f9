package io.winlog.api.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Example-based tests of the channel's contract; the properties are in {@link ChannelPropertiesTest}. */
class EventChannelTest {

    @Test
    void handlerReceivesMatchingTopicsInOrderWithEndOfBatch() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        List<Long> sequences = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(3);
        try (EventChannel<String> channel = EventChannel.<String>builder().name("t").build()) {
            channel.subscribe(SubscriberConfig.<String>builder("sec").topics("security.#")
                    .handler((e, seq, eob) -> {
                        seen.add(e);
                        sequences.add(seq);
                        done.countDown();
                    }).build());
            channel.publish("security.logon.failed", "a");
            channel.publish("app.login", "x");
            channel.publish("security", "b");
            channel.publish("security.logon", "c");
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).containsExactly("a", "b", "c");
        assertThat(sequences).containsExactly(0L, 1L, 2L);
    }

    /**
     * The publish path has straight-line code for one and two routes and a loop beyond: every
     * route count must reach every subscriber, skip the ones whose predicate refuses, and report a
     * drop by one subscriber without withholding the event from the others.
     */
    @Test
    void publishReachesEveryRouteWhateverTheirNumber() {
        for (boolean singleProducer : new boolean[] {false, true}) {
            for (int routes = 0; routes <= 5; routes++) {
                EventChannelBuilder<Integer> b = EventChannel.<Integer>builder().name("r" + routes);
                if (singleProducer) {
                    b.singleProducer();
                }
                try (EventChannel<Integer> channel = b.build()) {
                    Topic topic = channel.topic("app.a");
                    List<Subscription<Integer>> subs = new ArrayList<>();
                    for (int i = 0; i < routes; i++) {
                        SubscriberConfig.Builder<Integer> c = SubscriberConfig.<Integer>builder("s" + i).topics("app.#")
                                .capacity(4).policy(BackpressurePolicy.DROP_NEWEST);
                        if (i == 1) {
                            c.filter(e -> e % 2 == 0); // the second route takes even events only
                        }
                        subs.add(channel.subscribe(c.build()));
                    }
                    channel.subscribe(SubscriberConfig.<Integer>builder("other").topics("sys.#").build());
                    List<Boolean> accepted = new ArrayList<>();
                    for (int e = 0; e < 6; e++) {
                        accepted.add(channel.publish(topic, e));
                    }
                    // rings of 4: events 4 and 5 are dropped by every route that wants them
                    assertThat(accepted).as("%d routes", routes)
                            .containsExactly(true, true, true, true, routes == 0, routes == 0);
                    for (int i = 0; i < routes; i++) {
                        List<Integer> got = new ArrayList<>();
                        subs.get(i).poll((e, seq, eob) -> got.add(e), 10);
                        assertThat(got).as("route %d of %d", i, routes)
                                .containsExactlyElementsOf(i == 1 ? List.of(0, 2, 4) : List.of(0, 1, 2, 3));
                        assertThat(subs.get(i).stats().dropped(DropReason.RING_FULL)).isEqualTo(i == 1 ? 0 : 2);
                    }
                }
            }
        }
    }

    @Test
    void pollModeDeliversOnCallerThreadAndAccounts() {
        try (EventChannel<String> channel = EventChannel.<String>builder().build()) {
            Subscription<String> s = channel.subscribe(SubscriberConfig.<String>builder("p").capacity(4)
                    .policy(BackpressurePolicy.DROP_NEWEST).build());
            for (int i = 0; i < 6; i++) {
                channel.publish(Integer.toString(i));
            }
            assertThat(s.stats().published()).isEqualTo(6);
            assertThat(s.stats().dropped(DropReason.RING_FULL)).isEqualTo(2);
            assertThat(s.stats().pending()).isEqualTo(4);
            List<String> got = new ArrayList<>();
            List<Boolean> ends = new ArrayList<>();
            int n = s.poll((e, seq, eob) -> {
                got.add(e);
                ends.add(eob);
            }, 10);
            assertThat(n).isEqualTo(4);
            assertThat(got).containsExactly("0", "1", "2", "3");
            assertThat(ends).containsExactly(false, false, false, true);
            assertThat(s.poll()).isNull();
            assertThat(s.stats().delivered()).isEqualTo(4);
            assertThat(s.stats().highWaterMark()).isEqualTo(4);
        }
    }

    @Test
    void singleProducerRingAccountsDropsAndRefusesAfterClose() {
        EventChannel<String> channel = EventChannel.<String>builder().singleProducer().build();
        Subscription<String> s = channel.subscribe(SubscriberConfig.<String>builder("p").capacity(4)
                .policy(BackpressurePolicy.DROP_NEWEST).build());
        List<String> got = new ArrayList<>();
        for (int round = 0; round < 3; round++) { // wraps the ring several times
            for (int i = 0; i < 6; i++) {
                assertThat(channel.publish(round + ":" + i)).isEqualTo(i < 4);
            }
            assertThat(s.poll((e, seq, eob) -> got.add(e), 10)).isEqualTo(4);
        }
        assertThat(got).hasSize(12).startsWith("0:0", "0:1", "0:2", "0:3", "1:0").endsWith("2:3");
        assertThat(s.stats().published()).isEqualTo(18);
        assertThat(s.stats().dropped(DropReason.RING_FULL)).isEqualTo(6);
        assertThat(s.stats().delivered()).isEqualTo(12);
        assertThat(s.stats().pending()).isZero();
        channel.close();
        assertThat(channel.publish("late")).isFalse();
        assertThat(s.poll()).isNull();
        assertThat(s.stats().published()).isEqualTo(18);
        assertThat(s.stats().pending()).isZero();
    }

    @Test
    void dropOldestKeepsNewest() {
        try (EventChannel<Integer> channel = EventChannel.<Integer>builder().build()) {
            Subscription<Integer> s = channel.subscribe(SubscriberConfig.<Integer>builder("p").capacity(8)
                    .policy(BackpressurePolicy.DROP_OLDEST).build());
            for (int i = 0; i < 20; i++) {
                assertThat(channel.publish(i)).isTrue();
            }
            List<Integer> got = new ArrayList<>();
            s.poll((e, seq, eob) -> got.add(e), 100);
            assertThat(got).containsExactly(12, 13, 14, 15, 16, 17, 18, 19);
            assertThat(s.stats().dropped(DropReason.EVICTED)).isEqualTo(12);
            assertThat(s.stats().published()).isEqualTo(20);
        }
    }

    @Test
    void topicFiltersMatchSegments() {
        assertThat(TopicFilter.of("error.*").matches("error.io")).isTrue();
        assertThat(TopicFilter.of("error.*").matches("error")).isFalse();
        assertThat(TopicFilter.of("error.*").matches("error.io.disk")).isFalse();
        assertThat(TopicFilter.of("security.#").matches("security")).isTrue();
        assertThat(TopicFilter.of("security.#").matches("security.logon.failed")).isTrue();
        assertThat(TopicFilter.of("security.#").matches("securityx")).isFalse();
        assertThat(TopicFilter.of("#.failed").matches("security.logon.failed")).isTrue();
        assertThat(TopicFilter.of("a.#.z").matches("a.z")).isTrue();
        assertThat(TopicFilter.of("a.#.z").matches("a.b.c.z")).isTrue();
        assertThat(TopicFilter.of("a.#.z").matches("a.b.c")).isFalse();
        assertThat(TopicFilter.of("*.logon.*").matches("security.logon.failed")).isTrue();
        assertThat(TopicFilter.all().matches("anything.at.all")).isTrue();
        assertThatThrownBy(() -> TopicFilter.of("a..b")).hasMessageContaining("empty segment at character 2");
        assertThatThrownBy(() -> TopicFilter.of("a.b*")).hasMessageContaining("whole segments");
        assertThatThrownBy(() -> TopicFilter.of("a.b*")).hasMessageContaining("whole segments");
    }

    @Test
    void aStuckSubscriberDoesNotSlowOthersUnlessItBlocks(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        EventHandler<Integer> stuck = (e, s, eob) -> release.await();
        int count = 20_000;
        try (EventChannel<Integer> channel = EventChannel.<Integer>builder().build()) {
            Subscription<Integer> newest = channel.subscribe(SubscriberConfig.<Integer>builder("newest").capacity(16)
                    .policy(BackpressurePolicy.DROP_NEWEST).handler(stuck).build());
            Subscription<Integer> oldest = channel.subscribe(SubscriberConfig.<Integer>builder("oldest").capacity(16)
                    .policy(BackpressurePolicy.DROP_OLDEST).handler(stuck).build());
            Subscription<Integer> spill = channel.subscribe(SubscriberConfig.<Integer>builder("spill").capacity(16)
                    .policy(BackpressurePolicy.SPILL).spill(tmp, new EventSerializer<>() {
                        @Override
                        public byte[] toBytes(Integer e) {
                            return java.nio.ByteBuffer.allocate(4).putInt(e).array();
                        }

                        @Override
                        public Integer fromBytes(byte[] b) {
                            return java.nio.ByteBuffer.wrap(b).getInt();
                        }
                    }).handler(stuck).build());
            long[] sum = new long[1];
            Subscription<Integer> fast = channel.subscribe(SubscriberConfig.<Integer>builder("fast").capacity(64)
                    .handler((e, s, eob) -> sum[0] += e).build());
            Thread producer = new Thread(() -> {
                for (int i = 0; i < count; i++) {
                    channel.publish(i);
                }
            });
            producer.start();
            producer.join(120_000); // the stuck handlers never return until released: only BLOCK could hold us here
            assertThat(producer.isAlive()).as("producer finished while three subscribers were stuck").isFalse();
            assertThat(newest.stats().dropped(DropReason.RING_FULL)).isPositive();
            assertThat(oldest.stats().dropped(DropReason.EVICTED)).isPositive();
            assertThat(spill.stats().spilled()).isPositive();
            release.countDown();
            fast.close();
            assertThat(fast.stats().delivered()).isEqualTo(count);
            assertThat(sum[0]).isEqualTo((long) count * (count - 1) / 2);
            spill.close();
            assertThat(spill.stats().delivered()).isEqualTo(count);
        }
    }

    @Test
    void blockTimesOutAndTryPublishNeverWaits() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (EventChannel<String> channel = EventChannel.<String>builder().build()) {
            Subscription<String> s = channel.subscribe(SubscriberConfig.<String>builder("b").capacity(2)
                    .blockTimeout(java.time.Duration.ofMillis(20)).handler((e, seq, eob) -> release.await()).build());
            int accepted = 0;
            for (int i = 0; i < 10; i++) {
                if (channel.publish("e" + i)) {
                    accepted++;
                }
            }
            assertThat(accepted).isBetween(2, 3); // ring of 2, plus the one the stuck handler holds
            assertThat(s.stats().dropped(DropReason.BLOCK_TIMEOUT)).isEqualTo(10 - accepted);
            assertThat(channel.tryPublish("x")).isFalse();
            assertThat(s.stats().dropped(DropReason.WOULD_BLOCK)).isEqualTo(1);
            release.countDown();
            s.close();
            assertThat(s.stats().delivered()).isEqualTo(accepted);
            assertThat(s.stats().pending()).isZero();
        }
    }

    @Test
    void closedChannelRefusesAndReportsMisuse() {
        EventChannel<String> channel = EventChannel.<String>builder().name("c").build();
        EventChannel<String> other = EventChannel.<String>builder().build();
        Subscription<String> s = channel.subscribe(SubscriberConfig.<String>builder("p").build());
        assertThatThrownBy(() -> channel.subscribe(SubscriberConfig.<String>builder("p").build())).hasMessageContaining("already has a subscriber named 'p'");
        assertThatThrownBy(() -> channel.publish(other.topic("x"), "e")).hasMessageContaining("belongs to another channel");
        assertThatThrownBy(() -> channel.publish((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SubscriberConfig.<String>builder("s").policy(BackpressurePolicy.SPILL).build()).hasMessageContaining("spill(directory, serializer)");
        Topic early = channel.topic("interned.before.close");
        Subscription<String> narrow = channel.subscribe(SubscriberConfig.<String>builder("narrow").topics("only.this").build());
        EventChannel<String> unsubscribed = EventChannel.<String>builder().build();
        assertThat(unsubscribed.publish("nobody listens")).as("no route is not a refusal").isTrue();
        unsubscribed.close();
        assertThat(unsubscribed.publish("nobody listens")).isFalse();
        assertThat(channel.publish("a")).isTrue();
        channel.close();
        assertThat(channel.publish("b")).isFalse();
        assertThat(channel.publish(early, "b")).as("topic interned before close").isFalse();
        assertThat(channel.publish(channel.topic("only.this"), "b")).as("a topic with one route").isFalse();
        assertThat(channel.tryPublish(channel.topic("interned.after.close"), "b")).as("topic interned after close").isFalse();
        assertThat(s.stats().dropped(DropReason.CLOSED)).as("refused by the channel, not offered to the subscriber").isZero();
        assertThat(narrow.stats().published()).isZero();
        assertThat(s.isOpen()).isFalse();
        assertThat(s.poll()).isEqualTo("a"); // accepted before close: still pollable
        assertThatThrownBy(() -> channel.subscribe(SubscriberConfig.<String>builder("q").build())).hasMessageContaining("closed");
        EventChannel<String> small = EventChannel.<String>builder().maxTopics(2).build();
        small.topic("one");
        assertThatThrownBy(() -> small.topic("two.three")).hasMessageContaining("maxTopics");
        other.close();
        small.close();
    }
}
