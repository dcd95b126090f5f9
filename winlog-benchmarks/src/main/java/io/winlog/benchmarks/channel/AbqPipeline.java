package io.winlog.benchmarks.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link ArrayBlockingQueue}, one per consumer: the JDK baseline. Producers {@code put} (block
 * on a lock and condition while full), consumers {@code poll} with a timeout (block while empty),
 * so its "wait strategy" is always lock-and-park.
 */
final class AbqPipeline implements Pipeline {
    private final ArrayBlockingQueue<BenchEvent>[] queues;
    private final int[][] queuesByTopic;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    @SuppressWarnings("unchecked")
    AbqPipeline(Shape shape) {
        queues = new ArrayBlockingQueue[shape.consumers];
        List<Integer> topic0 = new ArrayList<>();
        List<Integer> topic1 = new ArrayList<>();
        for (int c = 0; c < shape.consumers; c++) {
            queues[c] = new ArrayBlockingQueue<>(CAPACITY);
            if (!shape.filtered || Shape.topicOf(c) == 0) {
                topic0.add(c);
            }
            if (!shape.filtered || Shape.topicOf(c) == 1) {
                topic1.add(c);
            }
            ArrayBlockingQueue<BenchEvent> q = queues[c];
            Sink sink = new Sink();
            Thread t = new Thread(() -> consume(q, sink), "abq-consumer-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        queuesByTopic = new int[][] {topic0.stream().mapToInt(i -> i).toArray(), topic1.stream().mapToInt(i -> i).toArray()};
    }

    private void consume(ArrayBlockingQueue<BenchEvent> q, Sink sink) {
        try {
            while (running || !q.isEmpty()) {
                BenchEvent e = q.poll(10, TimeUnit.MILLISECONDS);
                if (e != null) {
                    sink.accept(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void publish(BenchEvent event) {
        try {
            for (int c : queuesByTopic[event.topic]) {
                queues[c].put(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
