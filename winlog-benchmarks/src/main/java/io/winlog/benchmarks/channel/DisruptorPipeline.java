package io.winlog.benchmarks.channel;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * LMAX Disruptor 4: one ring, one {@link com.lmax.disruptor.BatchEventProcessor} per consumer
 * (multicast), {@link ProducerType#SINGLE} for one producer and {@code MULTI} for two. Events
 * are passed by reference through pre-allocated slots with a static translator (no allocation).
 * The filtered shape is done the Disruptor way: every handler sees every event and skips the
 * topic it does not want.
 */
final class DisruptorPipeline implements Pipeline {
    /** A ring slot holding a reference, like winlog's rings. */
    static final class Slot {
        BenchEvent ref;
    }

    private static final EventTranslatorOneArg<Slot, BenchEvent> TRANSLATOR = (slot, sequence, event) -> slot.ref = event;

    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;

    DisruptorPipeline(Shape shape, WaitStrategy wait) {
        disruptor = new Disruptor<>(Slot::new, CAPACITY, DaemonThreadFactory.INSTANCE,
                shape.producers == 1 ? ProducerType.SINGLE : ProducerType.MULTI, wait);
        @SuppressWarnings("unchecked")
        EventHandler<Slot>[] handlers = new EventHandler[shape.consumers];
        for (int c = 0; c < shape.consumers; c++) {
            Sink sink = new Sink();
            if (shape.filtered) {
                int topic = Shape.topicOf(c);
                handlers[c] = (slot, seq, endOfBatch) -> {
                    BenchEvent e = slot.ref;
                    if (e.topic == topic) {
                        sink.accept(e);
                    }
                };
            } else {
                handlers[c] = (slot, seq, endOfBatch) -> sink.accept(slot.ref);
            }
        }
        disruptor.handleEventsWith(handlers);
        ring = disruptor.start();
    }

    @Override
    public void publish(BenchEvent event) {
        ring.publishEvent(TRANSLATOR, event);
    }

    @Override
    public void close() {
        try {
            disruptor.shutdown(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            disruptor.halt();
        }
    }
}
