package io.winlog.benchmarks.channel;

import io.winlog.api.channel.EventChannel;
import io.winlog.api.channel.EventChannelBuilder;
import io.winlog.api.channel.EventTranslator;
import io.winlog.api.channel.SubscriberConfig;
import io.winlog.api.channel.Topic;
import io.winlog.api.channel.WaitStrategy;

/**
 * winlog's shared-ring channel in slot mode: the ring holds pre-allocated mutable {@link Slot}s
 * and the producer fills one with a static translator that copies the event's fields (the
 * Disruptor's {@code EventTranslatorOneArg} usage); handlers read the slot during the call.
 * Same subscribers, filters and producer type as {@link WinlogPipeline}.
 */
final class WinlogSlotsPipeline implements Pipeline {
    private static final String[][] FILTERS = {{"bench.a", "*.b"}, {"#.a", "bench.b"}};

    /** A mutable ring slot. */
    static final class Slot {
        long value;
    }

    private static final EventTranslator<Slot, BenchEvent> COPY = (slot, e) -> slot.value = e.value;

    private final EventChannel<Slot> channel;
    private final Topic[] topics;

    WinlogSlotsPipeline(Shape shape, WaitStrategy wait) {
        EventChannelBuilder<Slot> builder = EventChannel.<Slot>builder().name("bench").sharedRing(CAPACITY).slots(Slot::new);
        if (shape.producers == 1) {
            builder.singleProducer();
        }
        channel = builder.build();
        topics = new Topic[] {channel.topic("bench.a"), channel.topic("bench.b")};
        for (int c = 0; c < shape.consumers; c++) {
            Sink sink = new Sink();
            String filter = shape.filtered ? FILTERS[c >> 1][Shape.topicOf(c)] : "#";
            channel.subscribe(SubscriberConfig.<Slot>builder("c" + c).topics(filter).waitStrategy(wait).maxBatch(CAPACITY / 4)
                    .handler((slot, seq, endOfBatch) -> sink.accept(slot.value)).build());
        }
    }

    @Override
    public void publish(BenchEvent event) {
        channel.publish(topics[event.topic], COPY, event);
    }

    @Override
    public void close() {
        channel.close();
    }
}
