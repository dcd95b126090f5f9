package io.winlog.benchmarks.channel;

import io.winlog.api.channel.BackpressurePolicy;
import io.winlog.api.channel.EventChannel;
import io.winlog.api.channel.EventChannelBuilder;
import io.winlog.api.channel.SubscriberConfig;
import io.winlog.api.channel.Topic;
import io.winlog.api.channel.WaitStrategy;

/**
 * winlog's {@link EventChannel} passing references: in the default mode (one ring per
 * subscriber) or, with {@code sharedRing}, in the shared-ring mode (one Disruptor-style ring,
 * topic matching on the subscriber side). One subscriber per consumer, BLOCK policy (producers wait like
 * the Disruptor's), {@code singleProducer()} for one producer (as the Disruptor's
 * {@code ProducerType.SINGLE}), topic filters for the filtered shape ({@code bench.a} exact and
 * {@code *.b} wildcard for the first pair, {@code #.a} and {@code bench.b} for the second).
 */
final class WinlogPipeline implements Pipeline {
    private static final String[][] FILTERS = {{"bench.a", "*.b"}, {"#.a", "bench.b"}};

    private final EventChannel<BenchEvent> channel;
    private final Topic[] topics;

    WinlogPipeline(Shape shape, WaitStrategy wait, boolean sharedRing) {
        EventChannelBuilder<BenchEvent> builder = EventChannel.<BenchEvent>builder().name("bench");
        if (sharedRing) {
            builder.sharedRing(CAPACITY);
        }
        if (shape.producers == 1) {
            builder.singleProducer(); // as DisruptorPipeline uses ProducerType.SINGLE for one producer
        }
        channel = builder.build();
        topics = new Topic[] {channel.topic("bench.a"), channel.topic("bench.b")};
        for (int c = 0; c < shape.consumers; c++) {
            Sink sink = new Sink();
            String filter = shape.filtered ? FILTERS[c >> 1][Shape.topicOf(c)] : "#";
            channel.subscribe(SubscriberConfig.<BenchEvent>builder("c" + c).topics(filter).capacity(CAPACITY)
                    .policy(BackpressurePolicy.BLOCK).waitStrategy(wait).maxBatch(CAPACITY / 4)
                    .handler((e, seq, endOfBatch) -> sink.accept(e)).build());
        }
    }

    @Override
    public void publish(BenchEvent event) {
        channel.publish(topics[event.topic], event);
    }

    @Override
    public void close() {
        channel.close();
    }
}
