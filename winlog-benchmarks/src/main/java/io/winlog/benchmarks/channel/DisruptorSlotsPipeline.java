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
 * The Disruptor peer of {@link WinlogSlotsPipeline}: slots hold copied values (the event's
 * {@code value} and its topic), not a reference, so neither side pays a reference store (G1 write
 * barrier) or a pointer chase that the other does not. {@link DisruptorPipeline} stays the peer of
 * the reference-passing modes ({@code winlog}, {@code winlog-shared}).
 */
final class DisruptorSlotsPipeline implements Pipeline {
    /** A mutable ring slot with the same payload as winlog-slots' slot plus the topic. */
    static final class Slot {
        long value;
        int topic;
    }

    private static final EventTranslatorOneArg<Slot, BenchEvent> COPY = (slot, sequence, e) -> {
        slot.value = e.value;
        slot.topic = e.topic;
    };

    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;

    DisruptorSlotsPipeline(Shape shape, WaitStrategy wait) {
        disruptor = new Disruptor<>(Slot::new, CAPACITY, DaemonThreadFactory.INSTANCE,
                shape.producers == 1 ? ProducerType.SINGLE : ProducerType.MULTI, wait);
        @SuppressWarnings("unchecked")
        EventHandler<Slot>[] handlers = new EventHandler[shape.consumers];
        for (int c = 0; c < shape.consumers; c++) {
            Sink sink = new Sink();
            if (shape.filtered) {
                int topic = Shape.topicOf(c);
                handlers[c] = (slot, seq, endOfBatch) -> {
                    if (slot.topic == topic) {
                        sink.accept(slot.value);
                    }
                };
            } else {
                handlers[c] = (slot, seq, endOfBatch) -> sink.accept(slot.value);
            }
        }
        disruptor.handleEventsWith(handlers);
        ring = disruptor.start();
    }

    @Override
    public void publish(BenchEvent event) {
        ring.publishEvent(COPY, event);
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
