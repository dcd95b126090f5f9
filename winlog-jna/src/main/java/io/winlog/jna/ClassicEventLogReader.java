package io.winlog.jna;

import io.winlog.api.Bookmark;
import io.winlog.api.EventQuery;
import io.winlog.api.EventReader;
import io.winlog.api.StartPosition;
import io.winlog.api.WinlogException;
import io.winlog.api.event.EventRecord;
import io.winlog.api.filter.EventFilter;
import io.winlog.evtx.classic.EventLogRecord;
import io.winlog.jna.engine.ClassicLogApi;
import io.winlog.jna.engine.ClassicLogSession;
import io.winlog.jna.engine.RegistryApi;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a live classic event log ({@code Application}, {@code System}, {@code Security}, a custom
 * log, on this machine or a remote server) with {@code OpenEventLog}/{@code ReadEventLog}: the API
 * every Windows version since NT has, which needs no manifest and reads the logs of pre-Vista
 * servers too. Each {@code EVENTLOGRECORD} becomes an {@link EventRecord} with
 * {@code channel} = the log name; messages are not rendered (the insertion strings are the data).
 *
 * <pre>{@code
 * EventQuery q = EventQuery.channel("System").withDirection(EventQuery.Direction.REVERSE)
 *         .withQuery("*[System[(Level=1 or Level=2)]]");
 * try (ClassicEventLogReader r = ClassicEventLogReader.open(q)) {
 *     r.stream().limit(10).forEach(e -> System.out.println(e.recordId() + " " + e.providerName()));
 * }
 * }</pre>
 *
 * <p>The query: {@link EventQuery.Direction#FORWARD} reads oldest to newest,
 * {@link EventQuery.Direction#REVERSE} newest to oldest. Start positions:
 * {@link StartPosition#oldest()} starts at the first record in the reading direction (the newest
 * when reading in reverse); {@link StartPosition#atRecordId(long)} at that record (clamped into
 * the log); {@link StartPosition#after(Bookmark)} right after the bookmark's record for this log,
 * or at the oldest record when the log has overwritten it (see {@link #missedRecords()});
 * {@link StartPosition#future()} at the end (nothing to read: use {@link ClassicEventLogTail}
 * for new events). The XPath filter ({@link EventFilter}, compiled once) runs in Java on each
 * record, so the same query string works here, on .evtx files and on wevtapi.
 *
 * <p>Not thread-safe. Cleared or wrapped logs, buffer sizes and access errors are handled by
 * {@link ClassicLogSession}.
 */
public final class ClassicEventLogReader implements EventReader {
    private final ClassicLogSession session;
    private final EventFilter filter;
    private final boolean forward;
    private final String log;
    private List<EventLogRecord> batch = List.of();
    private int index;
    private boolean done;
    private long lastExamined = -1;

    private ClassicEventLogReader(ClassicLogSession session, EventFilter filter, EventQuery q) {
        this.session = session;
        this.filter = filter;
        this.forward = q.direction() == EventQuery.Direction.FORWARD;
        this.log = session.log();
    }

    /**
     * Opens the local log {@code query.source()}.
     *
     * @throws io.winlog.api.PlatformNotSupportedException when not on Windows
     * @throws io.winlog.api.AccessDeniedException         when the account may not read the log
     * @throws io.winlog.api.InvalidQueryException         when the XPath query is invalid
     * @throws WinlogException                             when the log does not exist or cannot be read
     */
    public static ClassicEventLogReader open(EventQuery query) {
        return builder(query).build();
    }

    /** Opens {@code query.source()} on a remote {@code server} (e.g. {@code \\dc01}). */
    public static ClassicEventLogReader open(String server, EventQuery query) {
        return builder(query).server(server).build();
    }

    /** A builder for the less common settings. */
    public static Builder builder(EventQuery query) {
        return new Builder(query);
    }

    @Override
    public EventRecord next() {
        while (true) {
            if (index < batch.size()) {
                EventLogRecord r = batch.get(index++);
                lastExamined = r.recordNumber();
                EventRecord e = r.toEventRecord().toBuilder().channel(log).build();
                if (filter.matchesAll() || filter.matches(e)) {
                    return e;
                }
                continue;
            }
            if (done) {
                return null;
            }
            batch = session.read(forward);
            index = 0;
            if (batch.isEmpty()) {
                done = true;
            }
        }
    }

    /**
     * A bookmark at the last record examined (returned or filtered out): reading again with
     * {@code StartPosition.after(reader.bookmark())} continues right after it. Empty before the
     * first record.
     */
    public Bookmark bookmark() {
        return lastExamined < 0 ? Bookmark.empty() : Bookmark.of(log, lastExamined);
    }

    /** Records the log overwrote before they could be read (a stale bookmark, or a wrap during reading). */
    public long missedRecords() {
        return session.missedRecords();
    }

    /** The log being read. */
    public String log() {
        return log;
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "ClassicEventLogReader{" + (session.server() == null ? "" : session.server() + " ") + log
                + (forward ? " forward" : " reverse") + " query=" + filter.query() + '}';
    }

    /** Positions a fresh session where the query starts; returns false when nothing is to be read. */
    private static boolean position(ClassicLogSession s, EventQuery q) {
        boolean forward = q.direction() == EventQuery.Direction.FORWARD;
        StartPosition start = q.start();
        if (start.kind() == StartPosition.Kind.OLDEST) {
            return true; // a fresh handle reads from the oldest (forward) or the newest (backward) record
        }
        if (start.kind() == StartPosition.Kind.FUTURE) {
            return false;
        }
        long count = s.count();
        if (count == 0) {
            return false;
        }
        long oldest = s.oldest();
        long newest = oldest + count - 1;
        long target;
        if (start.kind() == StartPosition.Kind.AT_RECORD_ID) {
            target = start.recordId();
        } else {
            long id = recordIdIn(start.bookmark(), s.log());
            target = forward ? id + 1 : id - 1;
            if (forward && target < oldest) {
                s.addMissed(oldest - target);
            }
        }
        if (forward) {
            if (target > newest) {
                return false;
            }
            s.seek(Math.max(target, oldest));
        } else {
            if (target < oldest) {
                return false;
            }
            s.seek(Math.min(target, newest));
        }
        return true;
    }

    /** The bookmark's record id for {@code log} (log names are case-insensitive on Windows). */
    static long recordIdIn(Bookmark b, String log) {
        long id = b.recordId(log);
        if (id >= 0) {
            return id;
        }
        for (Map.Entry<String, Long> e : b.positions().entrySet()) {
            if (e.getKey().equalsIgnoreCase(log)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("the bookmark has no position in log \"" + log + "\" (it has "
                + b.positions().keySet() + "); start at oldest or future instead");
    }

    /** Settings for {@link ClassicEventLogReader}. */
    public static final class Builder {
        private final EventQuery query;
        private String server;
        private int bufferBytes = ClassicLogSession.DEFAULT_BUFFER_BYTES;
        private ClassicLogApi api;
        private RegistryApi registry;

        private Builder(EventQuery query) {
            this.query = Objects.requireNonNull(query, "query");
        }

        /** A remote server ({@code \\name} or {@code name}); null (default) for this machine. */
        public Builder server(String v) {
            server = v;
            return this;
        }

        /** The first ReadEventLog buffer size (default 64 KiB; it grows when a record needs more). */
        public Builder bufferBytes(int v) {
            if (v <= 0) {
                throw new IllegalArgumentException("bufferBytes must be positive: " + v);
            }
            bufferBytes = v;
            return this;
        }

        /** The native API (default: advapi32 on Windows); tests pass a scripted one. */
        public Builder api(ClassicLogApi v) {
            api = v;
            return this;
        }

        /** The registry used to check the log exists (default: the local registry with the default API; none otherwise). */
        public Builder registry(RegistryApi v) {
            registry = v;
            return this;
        }

        /** Compiles the query, opens the log and positions it. */
        public ClassicEventLogReader build() {
            if (query.kind() != EventQuery.SourceKind.CHANNEL) {
                throw new IllegalArgumentException("ClassicEventLogReader reads live logs; read .evt files with "
                        + "io.winlog.evtx.evt.EvtReader and .evtx files with io.winlog.evtx.EvtxReader: " + query.source());
            }
            EventFilter filter = EventFilter.compile(query.query());
            ClassicLogSession s = JnaClassicLogApi.openSession(api, registry, server, query.source(), bufferBytes,
                    "Reading the live \"" + query.source() + "\" log (OpenEventLog)");
            try {
                ClassicEventLogReader r = new ClassicEventLogReader(s, filter, query);
                r.done = !position(s, query);
                return r;
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        }
    }
}
