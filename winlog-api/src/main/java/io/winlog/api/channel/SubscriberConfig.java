package io.winlog.api.channel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * How one subscriber receives events: which ones (topic filter and predicate), how many it
 * buffers (ring capacity), what happens when it falls behind (backpressure policy), how its
 * thread waits, and how it is closed. Immutable; build with {@link #builder(String)}.
 *
 * <pre>{@code
 * SubscriberConfig<EventRecord> cfg = SubscriberConfig.<EventRecord>builder("audit")
 *         .topics("security.#")
 *         .filter(e -> e.level() <= 2)
 *         .capacity(8192)
 *         .policy(BackpressurePolicy.SPILL)
 *         .spill(Path.of("/var/lib/app/audit-journal"), mySerializer)
 *         .handler((event, seq, endOfBatch) -> sink.write(event, endOfBatch))
 *         .build();
 * }</pre>
 *
 * @param <T> the event type
 */
public final class SubscriberConfig<T> {
    /** Default ring capacity (events); rounded up to a power of two. */
    public static final int DEFAULT_CAPACITY = 4096;
    /** Default time a producer waits on a full {@link BackpressurePolicy#BLOCK} ring. */
    public static final Duration DEFAULT_BLOCK_TIMEOUT = Duration.ofSeconds(30);
    /** Default largest batch handed to the handler before acknowledging. */
    public static final int DEFAULT_MAX_BATCH = 1024;
    /** Default size of the acknowledged journal prefix that triggers a compaction (64 MiB). */
    public static final long DEFAULT_SPILL_COMPACT_BYTES = 64L << 20;

    final String name;
    final TopicFilter topics;
    final Predicate<? super T> filter;
    final int capacity;
    final BackpressurePolicy policy;
    final long blockTimeoutNanos;
    final WaitStrategy waitStrategy;
    final EventHandler<? super T> handler;
    final boolean drainOnClose;
    final int maxBatch;
    final Path spillDirectory;
    final EventSerializer<T> serializer;
    final boolean spillSync;
    final SpillMode spillMode;
    final long spillCompactBytes;
    final BiConsumer<? super T, Throwable> errorHandler;

    private SubscriberConfig(Builder<T> b) {
        this.name = b.name;
        this.topics = b.topics;
        this.filter = b.filter;
        this.capacity = roundUpToPowerOfTwo(b.capacity);
        this.policy = b.policy;
        this.blockTimeoutNanos = b.blockTimeout.toNanos();
        this.waitStrategy = b.waitStrategy;
        this.handler = b.handler;
        this.drainOnClose = b.drainOnClose;
        this.maxBatch = b.maxBatch;
        this.spillDirectory = b.spillDirectory;
        this.serializer = b.serializer;
        this.spillSync = b.spillSync;
        this.spillMode = b.spillMode;
        this.spillCompactBytes = b.spillCompactBytes;
        this.errorHandler = b.errorHandler;
    }

    /** Starts a config for a subscriber with a name (used in thread names, errors and the journal). */
    public static <T> Builder<T> builder(String name) {
        return new Builder<>(name);
    }

    /** The subscriber's name. */
    public String name() {
        return name;
    }

    /** The topic filter. */
    public TopicFilter topics() {
        return topics;
    }

    /** The ring capacity, a power of two. */
    public int capacity() {
        return capacity;
    }

    /** The backpressure policy. */
    public BackpressurePolicy policy() {
        return policy;
    }

    /** What a SPILL subscriber journals (meaningful only for {@link BackpressurePolicy#SPILL}). */
    public SpillMode spillMode() {
        return spillMode;
    }

    /** The wait strategy. */
    public WaitStrategy waitStrategy() {
        return waitStrategy;
    }

    /** True if this subscriber has its own thread calling a handler; false for poll mode. */
    public boolean hasHandler() {
        return handler != null;
    }

    static int roundUpToPowerOfTwo(int n) {
        return n <= 2 ? 2 : Integer.highestOneBit(n - 1) << 1;
    }

    @Override
    public String toString() {
        return "SubscriberConfig[" + name + ", topics=" + topics + ", capacity=" + capacity + ", policy=" + policy
                + (policy == BackpressurePolicy.SPILL ? " " + spillMode + (spillSync ? " fsync" : "") : "")
                + ", wait=" + waitStrategy + (handler == null ? ", poll" : ", handler") + "]";
    }

    /**
     * Builds a {@link SubscriberConfig}. Defaults: all topics, no predicate, capacity
     * {@value #DEFAULT_CAPACITY}, {@link BackpressurePolicy#BLOCK} with a 30 s timeout,
     * {@link WaitStrategy#BLOCKING}, drain on close, poll mode (no handler).
     *
     * @param <T> the event type
     */
    public static final class Builder<T> {
        private final String name;
        private TopicFilter topics = TopicFilter.all();
        private Predicate<? super T> filter;
        private int capacity = DEFAULT_CAPACITY;
        private BackpressurePolicy policy = BackpressurePolicy.BLOCK;
        private Duration blockTimeout = DEFAULT_BLOCK_TIMEOUT;
        private WaitStrategy waitStrategy = WaitStrategy.BLOCKING;
        private EventHandler<? super T> handler;
        private boolean drainOnClose = true;
        private int maxBatch = DEFAULT_MAX_BATCH;
        private Path spillDirectory;
        private EventSerializer<T> serializer;
        private boolean spillSync;
        private SpillMode spillMode = SpillMode.WRITE_AHEAD;
        private long spillCompactBytes = DEFAULT_SPILL_COMPACT_BYTES;
        private BiConsumer<? super T, Throwable> errorHandler;

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("A subscriber needs a non-blank name (it names its thread and journal)");
            }
            this.name = name;
        }

        /** Receive only topics matching this pattern (see {@link TopicFilter}). Default {@code #}. */
        public Builder<T> topics(String pattern) {
            return topics(TopicFilter.of(pattern));
        }

        /** Receive only topics matching this filter. */
        public Builder<T> topics(TopicFilter filter) {
            this.topics = Objects.requireNonNull(filter, "filter");
            return this;
        }

        /**
         * Receive only events this predicate accepts (for example an {@code EventFilter}). It runs
         * on the producer's thread before the event takes ring space, so it must be thread-safe,
         * fast and must not throw (a throwing predicate propagates to the publisher).
         */
        public Builder<T> filter(Predicate<? super T> predicate) {
            this.filter = predicate;
            return this;
        }

        /** Ring capacity in events, rounded up to a power of two; 2 .. 2^30. */
        public Builder<T> capacity(int events) {
            if (events < 1 || events > (1 << 30)) {
                throw new IllegalArgumentException("Ring capacity must be between 1 and 2^30 events, got " + events);
            }
            this.capacity = events;
            return this;
        }

        /** What to do when the ring is full. {@link BackpressurePolicy#SPILL} also needs {@link #spill}. */
        public Builder<T> policy(BackpressurePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** How long a producer waits on a full {@link BackpressurePolicy#BLOCK} ring before dropping. */
        public Builder<T> blockTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("The block timeout cannot be negative: " + timeout);
            }
            this.blockTimeout = timeout;
            return this;
        }

        /** How the subscriber thread (and producers blocked on it) wait. Default {@link WaitStrategy#BLOCKING}. */
        public Builder<T> waitStrategy(WaitStrategy strategy) {
            this.waitStrategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** Deliver on a dedicated subscriber thread to this handler. Without a handler the subscription is polled. */
        public Builder<T> handler(EventHandler<? super T> handler) {
            this.handler = handler;
            return this;
        }

        /**
         * Whether {@link Subscription#close()} delivers what is pending first (default true).
         * {@link BackpressurePolicy#BLOCK} subscribers always drain their ring, and
         * {@link BackpressurePolicy#SPILL} subscribers always drain their ring and keep the
         * journal for the next run, so no accepted BLOCK/SPILL event is ever lost; with
         * {@code false}, drop-policy rings are discarded ({@link DropReason#CLOSED}) and a SPILL
         * journal is left on disk instead of being replayed now.
         */
        public Builder<T> drainOnClose(boolean drain) {
            this.drainOnClose = drain;
            return this;
        }

        /** Largest batch delivered before acknowledging (and before the journal read position is saved). */
        public Builder<T> maxBatch(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("maxBatch must be at least 1, got " + events);
            }
            this.maxBatch = events;
            return this;
        }

        /**
         * Where {@link BackpressurePolicy#SPILL} overflow goes: a directory owned by this
         * subscriber (created if missing; one subscriber per directory at a time), and how to
         * encode events.
         */
        public Builder<T> spill(Path directory, EventSerializer<T> serializer) {
            this.spillDirectory = Objects.requireNonNull(directory, "directory");
            this.serializer = Objects.requireNonNull(serializer, "serializer");
            return this;
        }

        /**
         * Also {@code fsync} journal appends before {@code publish} returns, and every
         * acknowledgement. Without it the journal survives a <em>process kill</em> (the bytes are
         * in the OS page cache when {@code publish} returns) but not a power loss or OS crash; with
         * it, it survives those too. Concurrent publishers share one {@code fsync} (group commit),
         * but each publish still waits for a disk flush: expect milliseconds, not microseconds.
         * Default false.
         */
        public Builder<T> spillSync(boolean sync) {
            this.spillSync = sync;
            return this;
        }

        /**
         * What the SPILL journal holds (see {@link SpillMode}). Default
         * {@link SpillMode#WRITE_AHEAD}: every accepted event is journaled before {@code publish}
         * returns, so nothing unacknowledged is lost when the process is killed.
         * {@link SpillMode#OVERFLOW} journals only what does not fit in the ring: faster, but the
         * ring's content (up to {@code capacity} events) dies with the process.
         */
        public Builder<T> spillMode(SpillMode mode) {
            this.spillMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Compact the journal once its acknowledged prefix reaches this many bytes and the unread
         * rest is not larger (the unread records are copied to a new file, which is renamed over
         * the old one). Default {@value #DEFAULT_SPILL_COMPACT_BYTES} bytes. The file then stays
         * below about this plus twice the unacknowledged backlog.
         */
        public Builder<T> spillCompactBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("spillCompactBytes must be at least 1, got " + bytes);
            }
            this.spillCompactBytes = bytes;
            return this;
        }

        /**
         * Called when the handler throws (on the subscriber thread), when a journal record
         * cannot be read back (subscriber thread; the event is then null) or an event cannot be
         * spilled (on the publishing thread). Must not throw. Default: log a warning via
         * {@link System.Logger}.
         */
        public Builder<T> onError(BiConsumer<? super T, Throwable> errorHandler) {
            this.errorHandler = errorHandler;
            return this;
        }

        /**
         * Builds the config.
         *
         * @throws IllegalArgumentException if SPILL is chosen without {@link #spill}
         */
        public SubscriberConfig<T> build() {
            if (policy == BackpressurePolicy.SPILL && spillDirectory == null) {
                throw new IllegalArgumentException("Subscriber '" + name + "' uses SPILL but has no journal: call spill(directory, serializer)");
            }
            return new SubscriberConfig<>(this);
        }
    }
}
