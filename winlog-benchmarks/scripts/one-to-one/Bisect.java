// 1->1 bisection harness for docs/benchmarks-channel.md (session 8): one producer, one YIELDING BLOCK subscriber on its own
// thread, references from a pool of 4096 events; the producer goes through the whole channel (channel), straight to the
// subscriber, skipping the topic's route lookup (subscriber), or the Disruptor with YieldingWaitStrategy (disruptor).
// The subscriber reports its count once per batch with a release store (no fence). Prints the median M events/s of 7 rounds of 20 M events after 3 warm-up rounds. Lives in the channel's package to reach
// RingSubscriber; not part of the build. From the repo root, after `mvn -q -o compile -pl winlog-api`:
//   CP=winlog-api/target/classes:$HOME/.m2/repository/com/lmax/disruptor/4.0.0/disruptor-4.0.0.jar
//   javac -cp $CP -d /tmp/bis winlog-benchmarks/scripts/one-to-one/Bisect.java
//   for r in 1 2 3 4 5 6; do for m in channel subscriber disruptor; do java -cp $CP:/tmp/bis io.winlog.api.channel.Bisect $m; done; done
package io.winlog.api.channel;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import java.util.Arrays;

public final class Bisect {
    static final class Ev { final long v; Ev(long v) { this.v = v; } }
    static final class Slot { Ev ref; }
    static final class Sink { long p0, p1, p2, p3, p4, p5, p6, p7; final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong(); long sum; long q0, q1, q2, q3, q4, q5, q6, q7; }
    interface Producer { void publish(Ev e); }
    /** Read once per event in the "volatile-loop" variant, as JMH's loop reads its isDone flag. */
    static volatile boolean done;

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        boolean volatileLoop = args.length > 1 && args[1].equals("volatile-loop");
        Ev[] pool = new Ev[4096];
        for (int i = 0; i < pool.length; i++) pool[i] = new Ev(i);
        Sink sink = new Sink();
        Producer producer;
        Runnable close;
        if (mode.equals("disruptor")) {
            Disruptor<Slot> d = new Disruptor<>(Slot::new, 1 << 16, DaemonThreadFactory.INSTANCE, ProducerType.SINGLE, new YieldingWaitStrategy());
            d.handleEventsWith((Slot s, long seq, boolean end) -> { sink.sum += s.ref.v; if (end) sink.count.lazySet(seq + 1); });
            RingBuffer<Slot> ring = d.start();
            producer = e -> ring.publishEvent((s, q, x) -> s.ref = x, e);
            close = d::halt;
        } else {
            EventChannel<Ev> ch = EventChannel.<Ev>builder().name("b").singleProducer().build();
            Topic topic = ch.topic("a.b");
            RingSubscriber<Ev> sub = (RingSubscriber<Ev>) ch.subscribe(SubscriberConfig.<Ev>builder("c").topics("#").capacity(1 << 16)
                    .policy(BackpressurePolicy.BLOCK).waitStrategy(WaitStrategy.YIELDING).maxBatch(1 << 14)
                    .handler((e, seq, end) -> { sink.sum += e.v; if (end) sink.count.lazySet(seq + 1); }).build());
            producer = mode.equals("channel") ? e -> ch.publish(topic, e) : e -> sub.offer(e, true);
            close = ch::close;
        }
        final int n = 20_000_000;
        double[] rates = new double[7];
        long published = 0;
        for (int round = -3; round < rates.length; round++) {
            long start = System.nanoTime();
            if (volatileLoop) {
                for (int i = 0; i < n && !done; i++) producer.publish(pool[i & 4095]);
            } else {
                for (int i = 0; i < n; i++) producer.publish(pool[i & 4095]);
            }
            published += n;
            while (sink.count.get() < published) Thread.onSpinWait(); // the round ends when the subscriber has everything
            double rate = n / ((System.nanoTime() - start) / 1e3);
            if (round >= 0) rates[round] = rate;
        }
        close.run();
        Arrays.sort(rates);
        System.out.printf("%s%s %.1f (%.1f-%.1f)%n", mode, volatileLoop ? "/volatile-loop" : "", rates[3], rates[0], rates[6]);
    }
}
