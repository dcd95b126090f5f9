package io.winlog.api.channel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * The child JVM of {@link SpillKillTest}. Mode {@code produce}: publish N events into a SPILL
 * subscriber whose handler is held until all are published (so all but the ring overflow to the
 * journal), print PUBLISHED, then deliver slowly, appending each delivered sequence to a file
 * with one {@code write} per event, until killed. Mode {@code recover}: reopen the journal,
 * deliver what it replays to another file, print DONE and the recovered count.
 */
public final class SpillKillChild {
    static final int CAPACITY = 16;
    static final int MAX_BATCH = 8;

    private SpillKillChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        Path out = Path.of(args[2]);
        int count = Integer.parseInt(args[3]);
        CountDownLatch published = new CountDownLatch(1);
        boolean produce = mode.equals("produce");
        try (FileChannel file = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            EventHandler<TestEvent> handler = (e, seq, eob) -> {
                if (produce && seq == 0) {
                    published.await(); // hold the consumer so the ring fills and the rest spills
                }
                ByteBuffer line = ByteBuffer.wrap((e.seq() + "\n").getBytes(StandardCharsets.US_ASCII));
                while (line.hasRemaining()) {
                    file.write(line); // straight to the OS: survives the kill
                }
                if (produce) {
                    LockSupport.parkNanos(2_000_000); // slow delivery so the parent kills mid-replay
                }
            };
            EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().name("kill").build();
            Subscription<TestEvent> sub = channel.subscribe(SubscriberConfig.<TestEvent>builder("spill")
                    .capacity(CAPACITY).maxBatch(MAX_BATCH).policy(BackpressurePolicy.SPILL)
                    .spill(dir, TestEvent.SERIALIZER).handler(handler).build());
            if (produce) {
                for (int i = 0; i < count; i++) {
                    if (!channel.publish(new TestEvent(0, i))) {
                        throw new IllegalStateException("event " + i + " was not accepted: " + sub.stats());
                    }
                }
                System.out.println("PUBLISHED spilled=" + sub.stats().spilled());
                System.out.flush();
                published.countDown();
                Thread.sleep(600_000); // until killed
            } else {
                long recovered = sub.stats().recovered();
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (sub.stats().pending() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                channel.close();
                System.out.println("DONE recovered=" + recovered + " delivered=" + sub.stats().delivered() + " pending=" + sub.stats().pending());
            }
        } catch (IOException e) {
            e.printStackTrace();
            System.exit(2);
        }
    }
}
