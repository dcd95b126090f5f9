// Publish-path microbenchmark for docs/benchmarks-channel.md (session 7): the cost of one publish on a
// single-producer channel with 1 or 2 poll-mode subscribers, layer by layer (ring offer, subscriber offer,
// channel publish) and for several ways of walking the topic's route array. Lives in the channel's package
// to reach package-private types; not part of the build. From the repo root, after `mvn -q -o compile -pl winlog-api`:
//   M=~/.m2/repository; CP=winlog-api/target/classes:$M/org/openjdk/jmh/jmh-core/1.37/jmh-core-1.37.jar:\
//   $M/org/openjdk/jmh/jmh-generator-annprocess/1.37/jmh-generator-annprocess-1.37.jar:\
//   $M/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar:$M/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar
//   javac -cp $CP -d /tmp/pc winlog-benchmarks/scripts/publish-cost/PubCost.java && java -cp $CP:/tmp/pc org.openjdk.jmh.Main PubCost
package io.winlog.api.channel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
@State(Scope.Thread) @BenchmarkMode(Mode.AverageTime) @OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2) @Warmup(iterations = 3, time = 1) @Measurement(iterations = 4, time = 1)
public class PubCost {
    static final class Ev { final long v; final int t; Ev(long v) { this.v = v; this.t = (int) v & 1; } }
    Topic[] topics;
    static final int N = 256;
    final Ev[] pool = new Ev[N];
    EventChannel<Ev> channel; Topic topic; RingSubscriber<Ev> sub; EventRing<Ev> ring; EventRing<Ev> ring2;
    @Param({"1", "2"}) public int subs;
    long sum;
    @Setup public void setUp() {
        for (int i = 0; i < N; i++) pool[i] = new Ev(i);
        channel = EventChannel.<Ev>builder().name("x").singleProducer().build();
        topic = channel.topic("a.b");
        topics = new Topic[] {topic, channel.topic("a.c")};
        sub = (RingSubscriber<Ev>) channel.subscribe(SubscriberConfig.<Ev>builder("c").topics("#").capacity(1024).policy(BackpressurePolicy.BLOCK).build());
        ring = sub.ring();
        ring2 = subs == 2 ? ((RingSubscriber<Ev>) channel.subscribe(SubscriberConfig.<Ev>builder("d").topics("#").capacity(1024).policy(BackpressurePolicy.BLOCK).build())).ring() : ring;
    }
    @Benchmark @OperationsPerInvocation(N) public long channelPublish() {
        for (Ev e : pool) channel.publish(topic, e);
        return ring.discard() + (ring2 != ring ? ring2.discard() : 0);
    }
    @Benchmark @OperationsPerInvocation(N) public long subscriberOffer() {
        for (Ev e : pool) sub.offer(e, true);
        return ring.discard() + (ring2 != ring ? ring2.discard() : 0);
    }
    @Benchmark @OperationsPerInvocation(N) public long ringOffer() {
        for (Ev e : pool) ring.offer(e);
        return ring.discard() + (ring2 != ring ? ring2.discard() : 0);
    }
    @SuppressWarnings("unchecked")
    boolean manual(Topic topic, Ev event) {
        if (event == null) throw new NullPointerException();
        if (topic.owner != channel) throw new IllegalArgumentException("x" + topic);
        boolean accepted = true;
        for (RingSubscriber<?> route : topic.routes) {
            RingSubscriber<Ev> s = (RingSubscriber<Ev>) route;
            java.util.function.Predicate<? super Ev> f = s.filter;
            if (f == null || f.test(event)) accepted &= s.offer(event, true);
        }
        return accepted;
    }
    @SuppressWarnings("unchecked")
    boolean routesOnly(Topic topic, Ev event) {
        boolean accepted = true;
        for (RingSubscriber<?> route : topic.routes) {
            accepted &= ((RingSubscriber<Ev>) route).offer(event, true);
        }
        return accepted;
    }
    @Benchmark @OperationsPerInvocation(N) public long manualPublish() {
        for (Ev e : pool) manual(topic, e);
        return ring.discard() + (ring2 != ring ? ring2.discard() : 0);
    }
    @SuppressWarnings("unchecked")
    boolean single(Topic topic, Ev event) {
        RingSubscriber<?>[] r = topic.routes;
        if (r.length == 1) return ((RingSubscriber<Ev>) r[0]).offer(event, true);
        return routesOnly(topic, event);
    }
    @SuppressWarnings("unchecked")
    boolean indexed(Topic topic, Ev event) {
        RingSubscriber<?>[] r = topic.routes;
        boolean accepted = true;
        for (int i = 0; i < r.length; i++) accepted &= ((RingSubscriber<Ev>) r[i]).offer(event, true);
        return accepted;
    }
    @SuppressWarnings("unchecked")
    boolean doWhile(Topic topic, Ev event) {
        RingSubscriber<?>[] r = topic.routes;
        int n = r.length;
        if (n == 0) return true;
        boolean accepted = true;
        int i = 0;
        do { accepted &= ((RingSubscriber<Ev>) r[i]).offer(event, true); } while (++i < n);
        return accepted;
    }
    @SuppressWarnings("unchecked")
    boolean unrolled(Topic topic, Ev event) {
        RingSubscriber<?>[] r = topic.routes;
        switch (r.length) {
            case 0: return true;
            case 1: return ((RingSubscriber<Ev>) r[0]).offer(event, true);
            case 2: return ((RingSubscriber<Ev>) r[0]).offer(event, true) & ((RingSubscriber<Ev>) r[1]).offer(event, true);
            default: return indexed(topic, event);
        }
    }
    @Benchmark @OperationsPerInvocation(N) public long doWhilePublish() {
        for (Ev e : pool) doWhile(topic, e);
        return ring.discard() + (ring2 != ring ? ring2.discard() : 0);
    }
    @Benchmark @OperationsPerInvocation(N) public long unrolledPublish() {
        for (Ev e : pool) unrolled(topic, e);
        return ring.discard() + (ring2 != ring ? ring2.discard() : 0);
    }
    @Benchmark @OperationsPerInvocation(N) public long singlePublish() {
        for (Ev e : pool) single(topic, e);
        return ring.discard() + (ring2 != ring ? ring2.discard() : 0);
    }
    @Benchmark @OperationsPerInvocation(N) public long indexedPublish() {
        for (Ev e : pool) indexed(topic, e);
        return ring.discard() + (ring2 != ring ? ring2.discard() : 0);
    }
    @Benchmark @OperationsPerInvocation(N) public long routesOnlyPublish() {
        for (Ev e : pool) routesOnly(topic, e);
        return ring.discard() + (ring2 != ring ? ring2.discard() : 0);
    }
    @Benchmark @OperationsPerInvocation(N) public long twoTopicsPublish() {
        for (Ev e : pool) channel.publish(topics[e.t], e);
        return ring.discard() + (ring2 != ring ? ring2.discard() : 0);
    }
    @Benchmark @OperationsPerInvocation(N) public long twoTopicsPublishPoll() {
        for (Ev e : pool) channel.publish(topics[e.t], e);
        int got = 0;
        while (got < N) got += sub.poll((e, s, end) -> sum += e.v, N - got);
        return sum;
    }
    @Benchmark @OperationsPerInvocation(N) public long publishPoll() {
        for (Ev e : pool) channel.publish(topic, e);
        int got = 0;
        while (got < N) got += sub.poll((e, s, end) -> sum += e.v, N - got);
        return sum;
    }
}
