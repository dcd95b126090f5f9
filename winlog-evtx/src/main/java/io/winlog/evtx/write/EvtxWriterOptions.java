package io.winlog.evtx.write;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * How {@link EvtxWriter} fills in what an {@link io.winlog.api.EventSpec} does not carry
 * (provider, channel, computer) and how it treats durability and bad text. Immutable; build with
 * {@link #builder()}.
 *
 * <pre>{@code
 * EvtxWriterOptions o = EvtxWriterOptions.builder()
 *         .providerName("MyService").channel("Application").computer("host1")
 *         .build();
 * }</pre>
 */
public final class EvtxWriterOptions {
    private final String providerName;
    private final UUID providerGuid;
    private final String channel;
    private final String computer;
    private final Clock clock;
    private final InvalidTextPolicy invalidTextPolicy;
    private final boolean forceOnFlush;
    private final int flushEveryRecords;
    private final boolean keepRecordIds;

    private EvtxWriterOptions(Builder b) {
        this.providerName = b.providerName;
        this.providerGuid = b.providerGuid;
        this.channel = b.channel;
        this.computer = b.computer;
        this.clock = b.clock;
        this.invalidTextPolicy = b.invalidTextPolicy;
        this.forceOnFlush = b.forceOnFlush;
        this.flushEveryRecords = b.flushEveryRecords;
        this.keepRecordIds = b.keepRecordIds;
    }

    /** Defaults: provider "winlog", channel "Application", this host's name, REPLACE bad text. */
    public static EvtxWriterOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code Provider/@Name} of events written from an {@code EventSpec} (the event source). */
    public String providerName() { return providerName; }
    /** {@code Provider/@Guid} of events written from an {@code EventSpec}, or null (classic sources have none). */
    public UUID providerGuid() { return providerGuid; }
    /** {@code Channel} of events written from an {@code EventSpec}. */
    public String channel() { return channel; }
    /** {@code Computer} of events written from an {@code EventSpec}. */
    public String computer() { return computer; }
    /** The clock for events without a time and for record header times. */
    public Clock clock() { return clock; }
    public InvalidTextPolicy invalidTextPolicy() { return invalidTextPolicy; }
    /** True: {@code flush()} also forces the bytes to the storage device ({@code fsync}). */
    public boolean forceOnFlush() { return forceOnFlush; }
    /** Flush after this many records (0 = only when a chunk is full, on {@code flush()} and on close). */
    public int flushEveryRecords() { return flushEveryRecords; }
    /**
     * True (default): a written {@code EventRecord} keeps its {@code EventRecordID} (as Windows'
     * "save filtered log" does); the record header numbers are always the writer's own
     * increasing sequence. False: {@code EventRecordID} is the writer's sequence number too.
     */
    public boolean keepRecordIds() { return keepRecordIds; }

    /** Builds {@link EvtxWriterOptions}. */
    public static final class Builder {
        private String providerName = "winlog";
        private UUID providerGuid;
        private String channel = "Application";
        private String computer = defaultComputer();
        private Clock clock = Clock.systemUTC();
        private InvalidTextPolicy invalidTextPolicy = InvalidTextPolicy.REPLACE;
        private boolean forceOnFlush;
        private int flushEveryRecords;
        private boolean keepRecordIds = true;

        private Builder() {
        }

        public Builder providerName(String v) { providerName = Objects.requireNonNull(v, "providerName"); return this; }
        public Builder providerGuid(UUID v) { providerGuid = v; return this; }
        public Builder channel(String v) { channel = Objects.requireNonNull(v, "channel"); return this; }
        public Builder computer(String v) { computer = Objects.requireNonNull(v, "computer"); return this; }
        public Builder clock(Clock v) { clock = Objects.requireNonNull(v, "clock"); return this; }
        public Builder invalidTextPolicy(InvalidTextPolicy v) { invalidTextPolicy = Objects.requireNonNull(v); return this; }
        public Builder forceOnFlush(boolean v) { forceOnFlush = v; return this; }
        public Builder flushEveryRecords(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("flushEveryRecords must be >= 0: " + v);
            }
            flushEveryRecords = v;
            return this;
        }
        public Builder keepRecordIds(boolean v) { keepRecordIds = v; return this; }

        public EvtxWriterOptions build() {
            return new EvtxWriterOptions(this);
        }

        private static String defaultComputer() {
            String c = System.getenv("COMPUTERNAME");
            if (c == null || c.isBlank()) {
                c = System.getenv("HOSTNAME");
            }
            if (c == null || c.isBlank()) {
                try {
                    c = java.net.InetAddress.getLocalHost().getHostName();
                } catch (java.io.IOException | SecurityException e) {
                    c = "localhost";
                }
            }
            return c;
        }
    }
}
