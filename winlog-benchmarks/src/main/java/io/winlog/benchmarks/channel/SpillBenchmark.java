package io.winlog.benchmarks.channel;

import io.winlog.api.channel.BackpressurePolicy;
import io.winlog.api.channel.EventChannel;
import io.winlog.api.channel.EventSerializer;
import io.winlog.api.channel.SpillMode;
import io.winlog.api.channel.SubscriberConfig;
import io.winlog.api.channel.Topic;
import io.winlog.api.channel.WaitStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Publish throughput and allocation of a SPILL subscriber in its two modes, against a plain
 * {@link FileChannel} append with the same framing, in the same run.
 *
 * <ul>
 * <li>{@code block} — reference, no journal: a {@link BackpressurePolicy#BLOCK} subscriber with
 * the same ring (65536); the producer waits when it is full, so this is the in-memory channel's
 * delivery rate — what OVERFLOW costs while it is not spilling.</li>
 * <li>{@code overflow} — {@link SpillMode#OVERFLOW}. A producer in a tight loop outruns the
 * consumer, so the ring fills and it spills: this measures OVERFLOW's sustained-overload rate
 * (append + replay through the journal), not its ring rate.</li>
 * <li>{@code write-ahead} — {@link SpillMode#WRITE_AHEAD}, no fsync: serialize, lock, one
 * positional {@code write}, ring offer; the consumer acknowledges each batch with one more
 * {@code write}. Survives a process kill.</li>
 * <li>{@code write-ahead-sync} — the same with {@code spillSync(true)}: group-commit fsync before
 * publish returns. Survives power loss.</li>
 * <li>{@code filechannel} — peer: the same serializer and record framing (length, CRC-32C,
 * payload) appended under a lock with one positional {@code write}, no ring, no consumer: the
 * floor of a write-ahead append.</li>
 * <li>{@code filechannel-sync} — peer: the same plus {@code force(false)} after every append
 * under the lock (no group commit).</li>
 * </ul>
 *
 * <p>Events carry a {@value #PAYLOAD}-byte payload (a small log event). The serializer allocates
 * its {@code byte[]} (the {@link EventSerializer} contract), in every implementation alike.
 * Journals go to {@code java.io.tmpdir} (set {@code -Djava.io.tmpdir} to a real disk: on tmpfs
 * fsync is free). Run: {@code java -jar winlog-benchmarks/target/benchmarks.jar SpillBenchmark -prof gc}
 * (the exact commands and results are in docs/benchmarks-channel.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SpillBenchmark {
    static final int PAYLOAD = 100;

    @Param({"block", "overflow", "write-ahead", "write-ahead-sync", "filechannel", "filechannel-sync"})
    public String impl;

    private Path dir;
    private EventChannel<BenchEvent> channel;
    private Topic topic;
    private FileAppender peer;

    /** Encodes the value and topic into a fixed-size record; allocates the array like any real serializer. */
    static final EventSerializer<BenchEvent> SERIALIZER = new EventSerializer<>() {
        @Override
        public byte[] toBytes(BenchEvent e) {
            byte[] b = new byte[PAYLOAD];
            long v = e.value;
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (v >>> (8 * i));
            }
            b[8] = (byte) e.topic;
            return b;
        }

        @Override
        public BenchEvent fromBytes(byte[] b) {
            long v = 0;
            for (int i = 7; i >= 0; i--) {
                v = v << 8 | (b[i] & 0xFF);
            }
            return new BenchEvent(v, b[8]);
        }
    };

    /** Each producer thread cycles through its own pool of pre-built events. */
    @State(Scope.Thread)
    public static class Producer {
        private static final int POOL = 4096;
        private final BenchEvent[] pool = new BenchEvent[POOL];
        private int next;

        @Setup(Level.Trial)
        public void setUp() {
            for (int i = 0; i < POOL; i++) {
                pool[i] = new BenchEvent(i, i & 1);
            }
        }

        BenchEvent next() {
            return pool[next++ & (POOL - 1)];
        }
    }

    /** The consumer's work: sum a field into a field only it writes. */
    private static final class Sink {
        long sum;
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("winlog-spill-bench");
        switch (impl) {
            case "block": {
                Sink sink = new Sink();
                channel = EventChannel.<BenchEvent>builder().name("spill-bench").build();
                topic = channel.topic("bench");
                channel.subscribe(SubscriberConfig.<BenchEvent>builder("block").capacity(65536)
                        .policy(BackpressurePolicy.BLOCK).waitStrategy(WaitStrategy.BLOCKING)
                        .handler((e, seq, eob) -> sink.sum += e.value).build());
                break;
            }
            case "overflow":
            case "write-ahead":
            case "write-ahead-sync": {
                Sink sink = new Sink();
                channel = EventChannel.<BenchEvent>builder().name("spill-bench").build();
                topic = channel.topic("bench");
                channel.subscribe(SubscriberConfig.<BenchEvent>builder("spill").capacity(65536)
                        .policy(BackpressurePolicy.SPILL).spill(dir, SERIALIZER)
                        .spillMode(impl.equals("overflow") ? SpillMode.OVERFLOW : SpillMode.WRITE_AHEAD)
                        .spillSync(impl.endsWith("-sync")).waitStrategy(WaitStrategy.BLOCKING)
                        .handler((e, seq, eob) -> sink.sum += e.value).build());
                break;
            }
            case "filechannel":
            case "filechannel-sync":
                peer = new FileAppender(dir.resolve("peer.log"), impl.endsWith("-sync"));
                break;
            default:
                throw new IllegalArgumentException(impl);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (channel != null) {
            channel.close();
        }
        if (peer != null) {
            peer.close();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private boolean publish(BenchEvent e) throws IOException {
        if (peer != null) {
            peer.append(SERIALIZER.toBytes(e));
            return true;
        }
        return channel.publish(topic, e);
    }

    /** One producer thread. */
    @Benchmark
    @Threads(1)
    public boolean oneProducer(Producer p) throws IOException {
        return publish(p.next());
    }

    /** Two producer threads (with the consumer: 3 busy threads on this 2-core machine). */
    @Benchmark
    @Threads(2)
    public boolean twoProducers(Producer p) throws IOException {
        return publish(p.next());
    }

    /** The peer: length + CRC-32C + payload appended under a lock with one positional write. */
    static final class FileAppender {
        private final FileChannel file;
        private final boolean sync;
        private final ReentrantLock lock = new ReentrantLock();
        private final ByteBuffer buffer = ByteBuffer.allocate(8 + PAYLOAD).order(ByteOrder.LITTLE_ENDIAN);
        private final CRC32C crc = new CRC32C();
        private long position;

        FileAppender(Path path, boolean sync) throws IOException {
            this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            this.sync = sync;
        }

        void append(byte[] payload) throws IOException {
            lock.lock();
            try {
                crc.reset();
                crc.update(payload, 0, payload.length);
                ByteBuffer b = buffer;
                b.clear();
                b.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
                while (b.hasRemaining()) {
                    position += file.write(b, position);
                }
                if (sync) {
                    file.force(false);
                }
                if (position > (256L << 20)) { // keep the file bounded like the journal's compaction does
                    file.truncate(0);
                    position = 0;
                }
            } finally {
                lock.unlock();
            }
        }

        void close() throws IOException {
            file.close();
        }
    }
}
