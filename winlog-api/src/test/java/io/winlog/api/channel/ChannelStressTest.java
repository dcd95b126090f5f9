package io.winlog.api.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Producers run while subscribers of every policy and wait strategy join and leave. Bounded by
 * event count and a wall-clock budget (whichever ends first), and correct under any scheduling:
 * the assertions are about order and accounting, never about speed.
 */
class ChannelStressTest {
    private static final int PRODUCERS = 2;
    private static final long BUDGET_NANOS = (Boolean.getBoolean("winlog.long") ? 60 : 3) * 1_000_000_000L;

    /**
     * @param shared the shared-ring mode: only BLOCK subscribers (no SPILL one, no drop-policy churn),
     *               and a subscriber counts an event as published when it reaches it
     */
    @ParameterizedTest(name = "sharedRing={0}")
    @ValueSource(booleans = {false, true})
    void subscribersJoinAndLeaveWhileProducersRun(boolean shared, @TempDir Path tmp) throws Exception {
        EventChannelBuilder<TestEvent> builder = EventChannel.<TestEvent>builder().name("stress");
        if (shared) {
            builder.sharedRing(64);
        }
        EventChannel<TestEvent> channel = builder.build();
        Topic[] topics = {channel.topic("a.x"), channel.topic("b.y"), channel.topic("a.x.deep")};
        // A permanent BLOCK subscriber on everything and a permanent SPILL subscriber on "a.#".
        Recorder all = new Recorder(PRODUCERS);
        Subscription<TestEvent> allSub = channel.subscribe(SubscriberConfig.<TestEvent>builder("all").capacity(64)
                .waitStrategy(WaitStrategy.BLOCKING).handler(all).build());
        Recorder spilled = new Recorder(PRODUCERS);
        // Default mode: a permanent SPILL subscriber on "a.#"; shared ring: a BLOCK one with the same filter.
        SubscriberConfig.Builder<TestEvent> second = SubscriberConfig.<TestEvent>builder("spill").capacity(8).topics("a.#")
                .waitStrategy(WaitStrategy.SLEEPING).handler(spilled);
        if (!shared) {
            second.policy(BackpressurePolicy.SPILL).spill(tmp.resolve("j"), TestEvent.SERIALIZER);
        }
        Subscription<TestEvent> spillSub = channel.subscribe(second.build());

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLongArray publishedPerTopic = new AtomicLongArray(topics.length);
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int id = p;
            Thread t = new Thread(() -> {
                int i = 0;
                while (!stop.get() && i < 2_000_000) {
                    int topic = i % topics.length;
                    channel.publish(topics[topic], new TestEvent(id, i));
                    publishedPerTopic.incrementAndGet(topic);
                    i++;
                }
            }, "producer-" + p);
            producers.add(t);
            t.start();
        }

        SplittableRandom random = new SplittableRandom(42);
        long start = System.nanoTime();
        int rounds = 0;
        List<Subscription<TestEvent>> churned = new ArrayList<>();
        String[] filters = {"#", "a.*", "b.#", "*.*.deep", "a.x"};
        while (System.nanoTime() - start < BUDGET_NANOS) {
            BackpressurePolicy policy = shared || random.nextBoolean() ? BackpressurePolicy.BLOCK
                    : random.nextBoolean() ? BackpressurePolicy.DROP_NEWEST : BackpressurePolicy.DROP_OLDEST;
            WaitStrategy wait = WaitStrategy.values()[random.nextInt(WaitStrategy.values().length)];
            Recorder r = new Recorder(PRODUCERS);
            Subscription<TestEvent> s = channel.subscribe(SubscriberConfig.<TestEvent>builder("churn-" + rounds)
                    .topics(filters[random.nextInt(filters.length)]).capacity(1 + random.nextInt(128)).policy(policy)
                    .waitStrategy(wait).drainOnClose(random.nextBoolean()).maxBatch(1 + random.nextInt(64)).handler(r).build());
            long until = System.nanoTime() + 20_000_000L;
            while (System.nanoTime() < until && s.stats().delivered() < 5_000) {
                Thread.sleep(1);
            }
            s.close();
            assertThat(r.violations).as("round %d %s", rounds, s).isEmpty();
            assertThat(s.stats().delivered()).isEqualTo(r.events.size());
            churned.add(s);
            rounds++;
        }
        stop.set(true);
        for (Thread t : producers) {
            t.join();
        }
        channel.close();
        // Producers holding an old route list may still have been dropping into a closed
        // subscriber (counted CLOSED) until they stopped: check the accounting at quiescence.
        for (Subscription<TestEvent> s : churned) {
            SubscriberStats st = s.stats();
            assertThat(st.published()).as("%s", s).isEqualTo(st.delivered() + st.dropped());
            assertThat(st.pending()).isZero();
            if (s.config().policy() == BackpressurePolicy.BLOCK) {
                assertThat(st.dropped()).as("BLOCK drops only what raced with close: %s", s)
                        .isEqualTo(st.dropped(DropReason.CLOSED));
            }
        }

        long total = publishedPerTopic.get(0) + publishedPerTopic.get(1) + publishedPerTopic.get(2);
        assertThat(rounds).isPositive();
        assertThat(all.violations).isEmpty();
        assertThat(allSub.stats().delivered()).isEqualTo(total).isEqualTo(all.events.size());
        assertThat(allSub.stats().dropped()).isZero();
        assertThat(spilled.violations).isEmpty();
        assertThat(spillSub.stats().delivered()).isEqualTo(publishedPerTopic.get(0) + publishedPerTopic.get(2));
        assertThat(spillSub.stats().dropped()).isZero();
        assertThat(spillSub.stats().replayed()).isEqualTo(spillSub.stats().spilled());
    }
}
