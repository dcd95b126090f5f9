package io.winlog.api.channel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The child JVM of {@link SpillKillTest}'s mid-stream kills. Mode {@code stream}: two producer
 * threads publish bursts of {@value #BURST} every {@value #PAUSE_MS} ms into a SPILL subscriber
 * whose handler takes ~0.1-0.2 ms per event: each burst fills the ring and spills the rest to
 * the journal, which the handler works off before the next burst; after each accepted publish the producer appends "producer seq"
 * to its own accepted file, the handler appends what it receives to the delivered file (one
 * {@code write} each: survives the kill). Once at least 200 events were delivered, the handler,
 * when it is called with the ring full (so at most one batch of it handed over so far) while the
 * journal holds more, freezes itself before writing that event — as if the kill hit inside the
 * batch — and prints {@code FROZEN ring=.. journal=.. delivered=..}; the producers keep
 * publishing into the journal until the parent kills the process. The decision is taken on the
 * consumer thread itself, so no scheduling delay can move the consumer past that state. Mode {@code recover}: reopen the journal, deliver what it
 * replays to the delivered file, print DONE.
 *
 * <p>Arguments: mode, journal directory, output directory, events per producer, spill mode.
 */
public final class SpillStreamKillChild {
    static final int CAPACITY = 16;
    static final int MAX_BATCH = 8;
    static final int PRODUCERS = 2;
    static final int BURST = 32;
    static final int PAUSE_MS = 40;

    private static volatile boolean frozen;
    private static volatile Subscription<TestEvent> subscription;

    private SpillStreamKillChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        Path out = Path.of(args[2]);
        int count = Integer.parseInt(args[3]);
        SpillMode spillMode = SpillMode.valueOf(args[4]);
        boolean stream = mode.equals("stream");
        try (FileChannel delivered = append(out.resolve(stream ? "delivered1.txt" : "delivered2.txt"))) {
            EventHandler<TestEvent> handler = (e, seq, eob) -> {
                Subscription<TestEvent> s = subscription;
                if (stream && s != null && !frozen) {
                    SubscriberStats st = s.stats();
                    long journalOnly = st.spilled() - st.replayed();
                    long ring = ((RingSubscriber<TestEvent>) s).ring().size(); // includes this batch
                    if (ring == CAPACITY && journalOnly > 0 && st.delivered() >= 200) {
                        frozen = true;
                        System.out.println("FROZEN ring=" + ring + " journal=" + journalOnly + " delivered=" + st.delivered());
                        System.out.flush();
                    }
                }
                while (frozen) {
                    Thread.sleep(1000); // until killed: this event and the rest of the batch stay undelivered
                }
                write(delivered, e.producer() + " " + e.seq() + "\n");
                if (stream) {
                    LockSupport.parkNanos(100_000); // slower than a burst, faster than the average rate
                }
            };
            EventChannel<TestEvent> channel = EventChannel.<TestEvent>builder().name("kill").build();
            Subscription<TestEvent> sub = channel.subscribe(SubscriberConfig.<TestEvent>builder("spill")
                    .capacity(CAPACITY).maxBatch(MAX_BATCH).policy(BackpressurePolicy.SPILL).spillMode(spillMode)
                    .spillCompactBytes(512).spill(dir, TestEvent.SERIALIZER).handler(handler)
                    .onError((e, t) -> t.printStackTrace()).build());
            subscription = sub;
            if (stream) {
                List<Thread> producers = new ArrayList<>();
                for (int p = 0; p < PRODUCERS; p++) {
                    int id = p;
                    Thread t = new Thread(() -> produce(channel, id, count, out), "producer-" + p);
                    t.setDaemon(true);
                    producers.add(t);
                    t.start();
                }
                for (Thread t : producers) {
                    t.join(); // then wait to be killed (the handler froze) or give up
                }
                Thread.sleep(frozen ? 600_000 : 30_000);
                System.out.println("never saw ring and journal both filled: " + sub.stats());
                System.exit(3);
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

    private static void produce(EventChannel<TestEvent> channel, int id, int count, Path out) {
        try (FileChannel accepted = append(out.resolve("accepted-" + id + ".txt"))) {
            for (int i = 0; i < count; i++) {
                if (!channel.publish(new TestEvent(id, i))) {
                    System.err.println("event " + id + "/" + i + " was not accepted");
                    return;
                }
                write(accepted, i + "\n");
                if (i % BURST == BURST - 1) {
                    LockSupport.parkNanos(PAUSE_MS * 1_000_000L);
                }
            }
        } catch (IOException e) {
            e.printStackTrace();
        }
    }

    private static FileChannel append(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private static void write(FileChannel file, String line) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
        while (b.hasRemaining()) {
            file.write(b); // straight to the OS: survives the kill
        }
    }
}
