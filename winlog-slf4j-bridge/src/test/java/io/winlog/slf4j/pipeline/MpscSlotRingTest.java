package io.winlog.slf4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class MpscSlotRingTest {
    @Test
    void capacityIsRoundedUpToAPowerOfTwo() {
        assertThat(new MpscSlotRing(5).capacity()).isEqualTo(8);
        assertThat(new MpscSlotRing(8).capacity()).isEqualTo(8);
        assertThat(new MpscSlotRing(2).capacity()).isEqualTo(2);
        assertThatThrownBy(() -> new MpscSlotRing(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fullRingRefusesAndFreesAfterRelease() {
        MpscSlotRing ring = new MpscSlotRing(4);
        for (int i = 0; i < 4; i++) {
            LogSlot s = ring.tryClaim();
            assertThat(s).isNotNull();
            s.message = "m" + i;
            ring.publish(s);
        }
        assertThat(ring.tryClaim()).isNull();
        LogSlot first = ring.peek();
        assertThat(first.message).isEqualTo("m0");
        ring.release(first);
        assertThat(first.message).as("released slots keep no references").isNull();
        LogSlot again = ring.tryClaim();
        assertThat(again).isSameAs(first);
        again.message = "m4";
        ring.publish(again);
        List<String> order = new ArrayList<>();
        for (LogSlot s; (s = ring.peek()) != null; ) {
            order.add(s.message);
            ring.release(s);
        }
        assertThat(order).containsExactly("m1", "m2", "m3", "m4");
        assertThat(ring.claimedCount()).isEqualTo(5);
        assertThat(ring.releasedCount()).isEqualTo(5);
    }

    @Test
    void claimedButUnpublishedSlotHoldsBackTheConsumer() {
        MpscSlotRing ring = new MpscSlotRing(4);
        LogSlot a = ring.tryClaim();
        LogSlot b = ring.tryClaim();
        b.message = "b";
        ring.publish(b);
        assertThat(ring.peek()).as("a is not published yet, so nothing is visible").isNull();
        a.message = "a";
        ring.publish(a);
        assertThat(ring.peek().message).isEqualTo("a");
    }

    @Test
    void manyProducersLoseNothingAndKeepPerProducerOrder() throws Exception {
        MpscSlotRing ring = new MpscSlotRing(16);
        int producers = 4;
        int perProducer = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            final int id = p;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    LogSlot s;
                    while ((s = ring.tryClaim()) == null) {
                        Thread.yield(); // 2-core CI: let the consumer run
                    }
                    s.argCount = id;
                    s.timeMillis = i;
                    ring.publish(s);
                }
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        long[] next = new long[producers];
        long total = 0;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (total < (long) producers * perProducer && System.nanoTime() < deadline) {
            LogSlot s = ring.peek();
            if (s == null) {
                Thread.yield();
                continue;
            }
            assertThat(s.timeMillis).isEqualTo(next[s.argCount]);
            next[s.argCount]++;
            total++;
            ring.release(s);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(total).isEqualTo((long) producers * perProducer);
        assertThat(next).containsOnly(perProducer);
    }
}
