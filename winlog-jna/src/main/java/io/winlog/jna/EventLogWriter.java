package io.winlog.jna;

import io.winlog.api.EventSpec;
import io.winlog.api.EventWriter;
import io.winlog.api.WinlogException;
import io.winlog.jna.codec.InsertionTextPolicy;
import io.winlog.jna.codec.OverflowPolicy;
import io.winlog.jna.codec.PreparedReportEvent;
import io.winlog.jna.codec.ReportEventEncoder;
import io.winlog.jna.codec.ReportEventLimits;
import io.winlog.jna.engine.RegistryApi;
import io.winlog.jna.engine.ReportEventApi;
import io.winlog.jna.engine.SharedSourceHandles;
import java.lang.ref.Cleaner;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes events to the Windows Event Log with {@code ReportEventW}.
 *
 * <pre>{@code
 * try (EventLogWriter log = EventLogWriter.builder().source("MyApp").build()) {
 *     log.write(EventSpec.builder(1001).type(EventType.ERROR).strings("Payment failed: " + reason).build());
 * }
 * }</pre>
 *
 * <p>Every field of {@link EventSpec} is passed through: the full 32-bit event id (see
 * {@link io.winlog.jna.codec.EventIds} for how Windows uses the high bits), type, category,
 * insertion strings, binary data, user SID. {@code EventSpec.time} is ignored: ReportEvent
 * stamps the current time. Strings are made safe for Event Viewer
 * ({@link InsertionTextPolicy}) and long events are split, truncated or rejected
 * ({@link OverflowPolicy}); nothing is dropped silently.
 *
 * <p>Thread-safe. Writers of the same source on the same server share one event source handle;
 * it is deregistered when the last writer closes, when a writer is garbage-collected without
 * {@code close()}, and at JVM shutdown. A write after close throws.
 *
 * <p>The source should be registered ({@link EventSourceInstaller}); Windows accepts
 * unregistered sources too, but then Event Viewer shows "The description for Event ID ... cannot
 * be found" around the text.
 */
public final class EventLogWriter implements EventWriter {
    private static final Cleaner CLEANER = Cleaner.create();

    private final String source;
    private final String log;
    private final String server;
    private final ReportEventEncoder encoder;
    private final SharedSourceHandles.Lease lease;
    private final Cleaner.Cleanable cleanable;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EventLogWriter(Builder b, SharedSourceHandles handles) {
        this.source = b.source;
        this.log = b.log;
        this.server = b.server;
        this.encoder = new ReportEventEncoder(ReportEventLimits.forSource(b.source, b.maxCharsPerString), b.overflow,
                b.textPolicy);
        this.lease = handles.acquire(b.server, b.source);
        SharedSourceHandles.Lease l = lease;
        this.cleanable = CLEANER.register(this, l::release);
    }

    /** True on Windows, where {@link Builder#build()} can use the real Event Log. */
    public static boolean isSupported() {
        return com.sun.jna.Platform.isWindows();
    }

    /** A builder; {@link Builder#source(String)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Writes {@code event} (several ReportEvent calls when it is split).
     *
     * @throws io.winlog.api.EventRejectedException when a policy rejects it (nothing written)
     * @throws io.winlog.api.AccessDeniedException  when Windows refuses the write
     * @throws WinlogException                      when ReportEvent fails or the writer is closed
     */
    @Override
    public void write(EventSpec event) {
        Objects.requireNonNull(event, "event");
        if (closed.get()) {
            throw new WinlogException("EventLogWriter for source \"" + source + "\" is closed; event not written");
        }
        List<PreparedReportEvent> calls = encoder.encode(event);
        for (PreparedReportEvent call : calls) {
            lease.report(call);
        }
    }

    /** The calls {@link #write} would make, without making them (diagnostics, tests, benchmarks). */
    public List<PreparedReportEvent> prepare(EventSpec event) {
        return encoder.encode(event);
    }

    /** Releases this writer's share of the source handle. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            cleanable.clean();
        }
    }

    public String source() {
        return source;
    }

    /** The log the source is expected to be registered in (informational; Windows routes by source). */
    public String log() {
        return log;
    }

    /** The server, or null for the local machine. */
    public String server() {
        return server;
    }

    public ReportEventLimits limits() {
        return encoder.limits();
    }

    @Override
    public String toString() {
        return "EventLogWriter[source=" + source + ", log=" + log + (server == null ? "" : ", server=" + server) + "]";
    }

    /** Configures an {@link EventLogWriter}. Not thread-safe; build once. */
    public static final class Builder {
        private String source;
        private String log = "Application";
        private String server;
        private OverflowPolicy overflow = OverflowPolicy.SPLIT;
        private InsertionTextPolicy textPolicy = InsertionTextPolicy.ESCAPE;
        private int maxCharsPerString = ReportEventLimits.DEFAULT_MAX_CHARS_PER_STRING;
        private ReportEventApi api;
        private boolean requireRegistered;
        private RegistryApi registry;

        private Builder() {
        }

        /** The event source name (required; at most 255 chars, no backslash). */
        public Builder source(String v) {
            source = v;
            return this;
        }

        /** The log the source belongs to; default "Application". */
        public Builder log(String v) {
            log = v;
            return this;
        }

        /** A remote server ({@code "host"} or {@code "\\\\host"}), or null (default) for this machine. */
        public Builder server(String v) {
            server = v;
            return this;
        }

        /** What to do with events over the size limits; default {@link OverflowPolicy#SPLIT}. */
        public Builder overflow(OverflowPolicy v) {
            overflow = Objects.requireNonNull(v, "overflow");
            return this;
        }

        /** What to do with NUL, lone surrogates and % sequences; default {@link InsertionTextPolicy#ESCAPE}. */
        public Builder textPolicy(InsertionTextPolicy v) {
            textPolicy = Objects.requireNonNull(v, "textPolicy");
            return this;
        }

        /** Per-string limit, 64..31,839; default 30,000 (see {@link ReportEventLimits}). */
        public Builder maxCharsPerString(int v) {
            maxCharsPerString = v;
            return this;
        }

        /**
         * When true, {@link #build()} checks the local registry first and throws
         * {@link SourceNotRegisteredException} when the source is not registered in {@link #log}
         * (default false: Windows accepts unregistered sources, with "description cannot be
         * found" in Event Viewer). Ignored for remote servers.
         */
        public Builder requireRegisteredSource(boolean v) {
            requireRegistered = v;
            return this;
        }

        /** The registry {@link #requireRegisteredSource} reads (tests); default the local one. */
        public Builder registry(RegistryApi v) {
            registry = v;
            return this;
        }

        /**
         * Writes through {@code v} instead of advapi32: for tests on any OS (a recording
         * implementation) and custom transports. The writer then has its own handle pool.
         */
        public Builder api(ReportEventApi v) {
            api = v;
            return this;
        }

        /**
         * Registers (or shares) the source handle.
         *
         * @throws io.winlog.api.PlatformNotSupportedException not on Windows (unless {@link #api} is set)
         * @throws IllegalArgumentException                     for an invalid source name or limit
         * @throws WinlogException                              when RegisterEventSource fails
         */
        public EventLogWriter build() {
            validateSourceName(source);
            if (log == null || log.isBlank()) {
                throw new IllegalArgumentException("log must not be blank");
            }
            ReportEventLimits.forSource(source, maxCharsPerString); // validates the limit early
            if (server != null && server.isBlank()) {
                server = null;
            }
            if (api == null) {
                WindowsEventLog.requireWindows("Writing to the Windows Event Log (ReportEvent, source \"" + source + "\")");
            }
            if (requireRegistered && server == null) {
                checkRegistered(registry != null ? new EventSourceInstaller(registry) : EventSourceInstaller.local());
            }
            return new EventLogWriter(this, api != null ? new SharedSourceHandles(api) : WindowsEventLog.handles());
        }

        private void checkRegistered(EventSourceInstaller installer) {
            SourceStatus st = installer.status(source);
            String fix = " Register it once, elevated: winlog source install --source \"" + source + "\" --log \"" + log
                    + "\" (or EventSourceInstaller.local().install(...)).";
            if (!st.installed()) {
                throw new SourceNotRegisteredException("event source \"" + source + "\" is not registered; Event Viewer "
                        + "would show 'The description for Event ID ... cannot be found'." + fix);
            }
            if (st.registrations().stream().noneMatch(r -> r.log().equalsIgnoreCase(log))) {
                throw new SourceNotRegisteredException("event source \"" + source + "\" is registered in log \""
                        + st.registrations().get(0).log() + "\", not \"" + log + "\": its events would go there." + fix);
            }
        }
    }

    /** Source names become registry key names: non-empty, at most 255 chars, no backslash. */
    static void validateSourceName(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source is required: the event source name, e.g. \"MyApp\"");
        }
        if (source.length() > 255 || source.indexOf('\\') >= 0 || source.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid event source name (max 255 chars, no backslash or NUL): \""
                    + source + "\"");
        }
    }
}
