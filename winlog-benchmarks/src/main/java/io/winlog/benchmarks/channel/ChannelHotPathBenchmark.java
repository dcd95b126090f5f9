package io.winlog.benchmarks.channel;

import com.lmax.disruptor.EventFactory;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.winlog.api.channel.BackpressurePolicy;
import io.winlog.api.channel.EventChannel;
import io.winlog.api.channel.EventChannelBuilder;
import io.winlog.api.channel.EventTranslator;
import io.winlog.api.channel.SubscriberConfig;
import io.winlog.api.channel.Subscription;
import io.winlog.api.channel.Topic;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The instruction cost of the channel's hot path with no second thread: one thread publishes a
 * batch of {@value #BATCH} events and then drains it through the poll API, so the score is the
 * cost of one publish plus one delivery, free of thread placement, cache-line transfers and wait
 * strategies (which decide {@link ChannelShapesBenchmark} on a two-core machine). The peers do the
 * same work: the Disruptor with a single-producer ring and an {@link EventPoller} gating it, JCTools'
 * {@code SpscArrayQueue} with {@code offer}/{@code drain}, {@link java.util.concurrent.ArrayBlockingQueue} with
 * {@code offer}/{@code poll}. Every consumer adds the event's value to a sink.
 *
 * <p>impls: {@code winlog} (the default per-subscriber ring, references), {@code winlog-shared}
 * (shared ring, references), {@code winlog-slots} (shared ring, pre-allocated slots filled by a
 * translator), {@code disruptor} (slot holding a reference, the peer of the first two),
 * {@code disruptor-slots} (slot holding the copied value, the peer of {@code winlog-slots}),
 * {@code jctools}, {@code abq}. Result in nanoseconds per event (publish + deliver).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChannelHotPathBenchmark {
    static final int BATCH = 256;
    private static final int CAPACITY = 1024;

    @Param({"winlog", "winlog-shared", "winlog-slots", "disruptor", "disruptor-slots", "jctools", "abq"})
    public String impl;

    private final BenchEvent[] pool = new BenchEvent[BATCH];
    private final Sink sink = new Sink();
    private HotPath path;

    /** One implementation: publish {@code n} events from the pool, then deliver them all. */
    interface HotPath {
        void publishAll(BenchEvent[] events);

        /** Delivers {@code expected} events to the sink given at construction. */
        void drainAll(int expected);
    }

    @Setup(Level.Trial)
    public void setUp() {
        for (int i = 0; i < BATCH; i++) {
            pool[i] = new BenchEvent(i, i & 1);
        }
        switch (impl) {
            case "winlog": path = new WinlogPath(false, sink); break;
            case "winlog-shared": path = new WinlogPath(true, sink); break;
            case "winlog-slots": path = new WinlogSlotsPath(sink); break;
            case "disruptor": path = DisruptorPath.references(sink); break;
            case "disruptor-slots": path = DisruptorPath.copies(sink); break;
            case "jctools": path = new JctoolsPath(sink); break;
            case "abq": path = new AbqPath(sink); break;
            default: throw new IllegalArgumentException("unknown impl " + impl);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (sink.count == 0) {
            throw new IllegalStateException(impl + " delivered nothing");
        }
    }

    /** Publishes {@value #BATCH} events, then polls them: one operation = one event published and delivered. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long publishThenPoll() {
        path.publishAll(pool);
        path.drainAll(BATCH);
        return sink.sum;
    }

    private static final class WinlogPath implements HotPath {
        private final EventChannel<BenchEvent> channel;
        private final Topic[] topics;
        private final Subscription<BenchEvent> sub;
        private final io.winlog.api.channel.EventHandler<BenchEvent> handler;

        WinlogPath(boolean shared, Sink sink) {
            handler = (e, seq, end) -> sink.accept(e);
            EventChannelBuilder<BenchEvent> b = EventChannel.<BenchEvent>builder().name("hot").singleProducer();
            if (shared) {
                b.sharedRing(CAPACITY);
            }
            channel = b.build();
            topics = new Topic[] {channel.topic("bench.a"), channel.topic("bench.b")};
            sub = channel.subscribe(SubscriberConfig.<BenchEvent>builder("c").topics("#").capacity(CAPACITY)
                    .policy(BackpressurePolicy.BLOCK).build());
        }

        @Override
        public void publishAll(BenchEvent[] events) {
            for (BenchEvent e : events) {
                channel.publish(topics[e.topic], e);
            }
        }

        @Override
        public void drainAll(int expected) {
            int got = 0;
            while (got < expected) {
                got += sub.poll(handler, expected - got);
            }
        }
    }

    private static final class WinlogSlotsPath implements HotPath {
        /** A mutable ring slot. */
        static final class Slot {
            long value;
        }

        private static final EventTranslator<Slot, BenchEvent> COPY = (slot, e) -> slot.value = e.value;
        private final EventChannel<Slot> channel;
        private final Topic[] topics;
        private final Subscription<Slot> sub;
        private final io.winlog.api.channel.EventHandler<Slot> handler;

        WinlogSlotsPath(Sink sink) {
            handler = (slot, seq, end) -> sink.accept(slot.value);
            channel = EventChannel.<Slot>builder().name("hot").singleProducer().sharedRing(CAPACITY).slots(Slot::new).build();
            topics = new Topic[] {channel.topic("bench.a"), channel.topic("bench.b")};
            sub = channel.subscribe(SubscriberConfig.<Slot>builder("c").topics("#").policy(BackpressurePolicy.BLOCK).build());
        }

        @Override
        public void publishAll(BenchEvent[] events) {
            for (BenchEvent e : events) {
                channel.publish(topics[e.topic], COPY, e);
            }
        }

        @Override
        public void drainAll(int expected) {
            int got = 0;
            while (got < expected) {
                got += sub.poll(handler, expected - got);
            }
        }
    }

    /** The Disruptor with an {@link EventPoller} gating a single-producer ring; {@code S} is its slot type. */
    private static final class DisruptorPath<S> implements HotPath {
        private final RingBuffer<S> ring;
        private final EventPoller<S> poller;
        private final EventTranslatorOneArg<S, BenchEvent> translator;
        private final EventPoller.Handler<S> handler;

        DisruptorPath(EventFactory<S> slots, EventTranslatorOneArg<S, BenchEvent> translator, EventPoller.Handler<S> handler) {
            this.ring = RingBuffer.createSingleProducer(slots, CAPACITY, new YieldingWaitStrategy());
            this.poller = ring.newPoller();
            this.translator = translator;
            this.handler = handler;
            ring.addGatingSequences(poller.getSequence());
        }

        /** Slots holding a reference to the event, like winlog's rings. */
        static DisruptorPath<DisruptorPipeline.Slot> references(Sink sink) {
            return new DisruptorPath<>(DisruptorPipeline.Slot::new, (slot, seq, e) -> slot.ref = e, (slot, seq, end) -> {
                sink.accept(slot.ref);
                return true;
            });
        }

        /** Slots holding a copy of the event's fields, like {@code winlog-slots}. */
        static DisruptorPath<DisruptorSlotsPipeline.Slot> copies(Sink sink) {
            return new DisruptorPath<>(DisruptorSlotsPipeline.Slot::new, (slot, seq, e) -> {
                slot.value = e.value;
                slot.topic = e.topic;
            }, (slot, seq, end) -> {
                sink.accept(slot.value);
                return true;
            });
        }

        @Override
        public void publishAll(BenchEvent[] events) {
            for (BenchEvent e : events) {
                ring.publishEvent(translator, e);
            }
        }

        @Override
        public void drainAll(int expected) {
            try {
                poller.poll(handler);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class JctoolsPath implements HotPath {
        private final org.jctools.queues.SpscArrayQueue<BenchEvent> queue = new org.jctools.queues.SpscArrayQueue<>(CAPACITY);
        private final org.jctools.queues.MessagePassingQueue.Consumer<BenchEvent> consumer;

        JctoolsPath(Sink sink) {
            consumer = sink::accept;
        }

        @Override
        public void publishAll(BenchEvent[] events) {
            offerAll(queue, events);
        }

        @Override
        public void drainAll(int expected) {
            queue.drain(consumer, expected);
        }
    }

    /** The queue peers' publish: one offer per event (each fork loads one queue class, so the call stays monomorphic). */
    static void offerAll(java.util.Queue<BenchEvent> queue, BenchEvent[] events) {
        for (BenchEvent e : events) {
            queue.offer(e);
        }
    }

    private static final class AbqPath implements HotPath {
        private final java.util.concurrent.ArrayBlockingQueue<BenchEvent> queue = new java.util.concurrent.ArrayBlockingQueue<>(CAPACITY);
        private final Sink sink;

        AbqPath(Sink sink) {
            this.sink = sink;
        }

        @Override
        public void publishAll(BenchEvent[] events) {
            offerAll(queue, events);
        }

        @Override
        public void drainAll(int expected) {
            for (int i = 0; i < expected; i++) {
                sink.accept(queue.poll());
            }
        }
    }
}
