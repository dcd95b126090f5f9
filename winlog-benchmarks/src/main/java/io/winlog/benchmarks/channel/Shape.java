package io.winlog.benchmarks.channel;

/**
 * The producer/consumer shapes of {@link ChannelShapesBenchmark}, named like its methods.
 * {@code ONE_TO_FOUR_FILTERED}: four consumers, each interested in half of the events (two topics,
 * alternating), so every event goes to two consumers.
 */
enum Shape {
    ONE_TO_ONE(1, 1, false),
    TWO_TO_ONE(2, 1, false),
    ONE_TO_TWO(1, 2, false),
    ONE_TO_FOUR_FILTERED(1, 4, true);

    final int producers;
    final int consumers;
    final boolean filtered;

    Shape(int producers, int consumers, boolean filtered) {
        this.producers = producers;
        this.consumers = consumers;
        this.filtered = filtered;
    }

    /** The shape of a benchmark method, e.g. {@code oneToFourFiltered}. */
    static Shape ofMethod(String method) {
        switch (method) {
            case "oneToOne": return ONE_TO_ONE;
            case "twoToOne": return TWO_TO_ONE;
            case "oneToTwo": return ONE_TO_TWO;
            case "oneToFourFiltered": return ONE_TO_FOUR_FILTERED;
            default: throw new IllegalArgumentException("no shape for benchmark method " + method);
        }
    }

    /** Consumer {@code c} of a filtered shape wants topic {@code c & 1}: consumers 0, 2 take topic 0; 1, 3 take topic 1. */
    static int topicOf(int consumer) {
        return consumer & 1;
    }
}
