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
}
