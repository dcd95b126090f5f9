// Producer-side cost of one publish on a single thread, layer by layer, against the Disruptor's (session 8):
// 256 offers, then the "consumer" releases them by moving its index only (no slot reads, like the Disruptor's
// gating sequence), so only the producer's work is timed. Lives in the channel's package to reach
// package-private types; not part of the build. Compile as PubCost (see its header) with
// $M/com/lmax/disruptor/4.0.0/disruptor-4.0.0.jar added to CP, into /tmp/pc2. To compare two builds of the
// code, run it against each build's shaded jar, the script's classes first (its BenchmarkList wins):
//   java -cp /tmp/pc2:winlog-benchmarks/target/benchmarks.jar org.openjdk.jmh.Main 'ProducerCost' -f 2
package io.winlog.api.channel;
import com.lmax.disruptor.*;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
@State(Scope.Thread) @BenchmarkMode(Mode.AverageTime) @OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3) @Warmup(iterations = 3, time = 1) @Measurement(iterations = 4, time = 1)
public class ProducerCost {
    static final class Ev { final long v; Ev(long v) { this.v = v; } }
    static final class Slot { Ev ref; }
    static final int N = 256;
    static final int CAP = 65536;
    final Ev[] pool = new Ev[N];
    SpscEventRing<Ev> ring;
    EventChannel<Ev> channel; Topic topic; EventRing<Ev> subRing; RingSubscriber<Ev> sub;
    RingBuffer<Slot> disruptor; Sequence gate;
    static final EventTranslatorOneArg<Slot, Ev> T = (s, q, e) -> s.ref = e;

    @Setup public void setUp() {
        for (int i = 0; i < N; i++) pool[i] = new Ev(i);
        ring = new SpscEventRing<>(CAP);
        channel = EventChannel.<Ev>builder().name("x").singleProducer().build();
        topic = channel.topic("a.b");
        sub = (RingSubscriber<Ev>) channel.subscribe(SubscriberConfig.<Ev>builder("c").topics("#").capacity(CAP)
                .policy(BackpressurePolicy.BLOCK).build());
        subRing = sub.ring();
        disruptor = RingBuffer.createSingleProducer(Slot::new, CAP, new YieldingWaitStrategy());
        gate = new Sequence();
        disruptor.addGatingSequences(gate);
    }
    private static void skip(EventRing<Ev> r) {
        MpscEventRing<Ev> m = (MpscEventRing<Ev>) r;
        m.soConsumerIndex(m.lvProducerIndex() >>> 2);
    }
    @Benchmark @OperationsPerInvocation(N) public void ringOffer() {
        for (Ev e : pool) ring.offer(e);
        skip(ring);
    }
    @Benchmark @OperationsPerInvocation(N) public void channelPublish() {
        for (Ev e : pool) channel.publish(topic, e);
        skip(subRing);
    }
    @Benchmark @OperationsPerInvocation(N) public void subscriberOffer() {
        for (Ev e : pool) sub.offer(e, true);
        skip(subRing);
    }
    @Benchmark @OperationsPerInvocation(N) public void disruptorPublish() {
        for (Ev e : pool) disruptor.publishEvent(T, e);
        gate.set(disruptor.getCursor());
    }
}
