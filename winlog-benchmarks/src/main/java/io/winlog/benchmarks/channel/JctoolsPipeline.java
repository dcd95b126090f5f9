package io.winlog.benchmarks.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.jctools.queues.MpscArrayQueue;
import org.jctools.queues.SpscArrayQueue;

/**
 * JCTools bounded queues, one per consumer: {@link SpscArrayQueue} for one producer,
 * {@link MpscArrayQueue} for two. Fan-out is the producer offering to each consumer's queue (to
 * the two that want the topic in the filtered shape); a full queue makes the producer spin then
 * yield, and an empty one makes the consumer spin then yield, like the yielding strategies.
 */
final class JctoolsPipeline implements Pipeline {
    private final Queue<BenchEvent>[] queues;
    private final int[][] queuesByTopic;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    @SuppressWarnings("unchecked")
    JctoolsPipeline(Shape shape) {
        queues = new Queue[shape.consumers];
        List<Integer> topic0 = new ArrayList<>();
        List<Integer> topic1 = new ArrayList<>();
        for (int c = 0; c < shape.consumers; c++) {
            queues[c] = shape.producers == 1 ? new SpscArrayQueue<>(CAPACITY) : new MpscArrayQueue<>(CAPACITY);
            if (!shape.filtered || Shape.topicOf(c) == 0) {
                topic0.add(c);
            }
            if (!shape.filtered || Shape.topicOf(c) == 1) {
                topic1.add(c);
            }
            Queue<BenchEvent> q = queues[c];
            Sink sink = new Sink();
            Thread t = new Thread(() -> consume(q, sink), "jctools-consumer-" + c);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        queuesByTopic = new int[][] {topic0.stream().mapToInt(i -> i).toArray(), topic1.stream().mapToInt(i -> i).toArray()};
    }

    private void consume(Queue<BenchEvent> q, Sink sink) {
        int idle = 0;
        while (running || !q.isEmpty()) {
            BenchEvent e = q.poll();
            if (e != null) {
                sink.accept(e);
                idle = 0;
            } else if (++idle < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    @Override
    public void publish(BenchEvent event) {
        for (int c : queuesByTopic[event.topic]) {
            Queue<BenchEvent> q = queues[c];
            int idle = 0;
            while (!q.offer(event)) {
                if (++idle < 100) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
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
