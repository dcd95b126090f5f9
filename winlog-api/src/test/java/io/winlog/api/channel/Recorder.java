package io.winlog.api.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * A handler that records what it receives (on the subscriber thread) and checks per-producer
 * order as it goes. Read its results after the subscription closed (close joins the thread,
 * which makes the list visible).
 */
final class Recorder implements EventHandler<TestEvent> {
    final List<TestEvent> events = new ArrayList<>();
    final List<String> violations = new ArrayList<>();
    private final int[] last;
    private long expectedSequence;
    int batchEnds;

    Recorder(int producers) {
        last = new int[producers];
        java.util.Arrays.fill(last, -1);
    }

    @Override
    public void onEvent(TestEvent e, long sequence, boolean endOfBatch) {
        if (sequence != expectedSequence) {
            violations.add("sequence " + sequence + " expected " + expectedSequence);
        }
        expectedSequence = sequence + 1;
        if (e.seq() <= last[e.producer()]) {
            violations.add("producer " + e.producer() + " seq " + e.seq() + " after " + last[e.producer()]);
        }
        last[e.producer()] = e.seq();
        events.add(e);
        if (endOfBatch) {
            batchEnds++;
        }
    }

    /** How many events of one producer were received. */
    long count(int producer) {
        return events.stream().filter(e -> e.producer() == producer).count();
    }
}
