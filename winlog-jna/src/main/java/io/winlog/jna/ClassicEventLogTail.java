package io.winlog.jna;

import io.winlog.api.Bookmark;
import io.winlog.api.StartPosition;
import io.winlog.api.event.EventRecord;
import io.winlog.api.filter.EventFilter;
import io.winlog.evtx.classic.EventLogRecord;
import io.winlog.jna.engine.ClassicLogApi;
import io.winlog.jna.engine.ClassicLogSession;
import io.winlog.jna.engine.RegistryApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Follows a live classic log by polling: each {@link #poll()} returns the records that arrived
 * since the last one it saw (by record number), at most {@code maxPerPoll} examined per call so a
 * burst is spread over several polls instead of one unbounded list. The classic API has no push
 * notification that carries records; polling every few hundred milliseconds is what
 * {@code System.Diagnostics.EventLog.EntryWritten} does too.
 *
 * <pre>{@code
 * try (ClassicEventLogTail tail = ClassicEventLogTail.builder("Application").query("*[System[Level=2]]").build()) {
 *     while (running) {
 *         tail.poll().forEach(e -> System.out.println(e.recordId() + " " + e.providerName()));
 *         Thread.sleep(500);
 *     }
 * }
 * }</pre>
 *
 * Every poll seeks to the next record number, so nothing is returned twice and nothing is
 * skipped while the log keeps it. When the log wraps past records not yet polled they are counted
 * in {@link #missedRecords()}; when it is cleared (and numbering restarts) the tail continues at
 * the new oldest record. {@link #bookmark()} saves the position across restarts. Not thread-safe.
 */
public final class ClassicEventLogTail implements AutoCloseable {
    private final ClassicLogSession session;
    private final EventFilter filter;
    private final int maxPerPoll;
    private final String log;
    /** The record number the next poll starts at; -1: the log's oldest record. */
    private long next;

    private ClassicEventLogTail(ClassicLogSession session, EventFilter filter, int maxPerPoll, long next) {
        this.session = session;
        this.filter = filter;
        this.maxPerPoll = maxPerPoll;
        this.log = session.log();
        this.next = next;
    }

    /** A builder for the tail of {@code log} (default: new records only, all events, 1000 per poll). */
    public static Builder builder(String log) {
        return new Builder(log);
    }

    /**
     * The records that arrived since the previous poll and match the query, oldest first;
     * empty when none did. Examines at most {@code maxPerPoll} records.
     *
     * @throws io.winlog.api.AccessDeniedException when Windows refuses the read
     * @throws io.winlog.api.WinlogException       when the read fails
     */
    public List<EventRecord> poll() {
        long count = session.count();
        if (count == 0) {
            if (next > 1) {
                next = -1; // cleared: whatever comes next is new, whatever its number
            }
            return List.of();
        }
        long oldest = session.oldest();
        long newest = oldest + count - 1;
        if (next < 0 || newest < next - 1) {
            next = oldest; // first poll from the oldest, or the log was cleared and renumbered
        }
        if (next > newest) {
            return List.of();
        }
        if (next < oldest) {
            session.addMissed(oldest - next);
            next = oldest;
        }
        session.seek(next);
        List<EventRecord> out = new ArrayList<>();
        int examined = 0;
        while (examined < maxPerPoll) {
            List<EventLogRecord> batch = session.read(true);
            if (batch.isEmpty()) {
                break;
            }
            for (EventLogRecord r : batch) {
                if (examined == maxPerPoll) {
                    break; // the rest of this buffer is read again by the next poll
                }
                examined++;
                next = r.recordNumber() + 1;
                EventRecord e = r.toEventRecord().toBuilder().channel(log).build();
                if (filter.matchesAll() || filter.matches(e)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** The position after the last record examined; empty before the first. */
    public Bookmark bookmark() {
        return next <= 1 ? Bookmark.empty() : Bookmark.of(log, next - 1);
    }

    /** Records the log overwrote before a poll reached them. */
    public long missedRecords() {
        return session.missedRecords();
    }

    /** The log being followed. */
    public String log() {
        return log;
    }

    @Override
    public void close() {
        session.close();
    }

    /** Settings for {@link ClassicEventLogTail}. */
    public static final class Builder {
        private final String log;
        private String server;
        private String query = "*";
        private StartPosition start = StartPosition.future();
        private int maxPerPoll = 1000;
        private int bufferBytes = ClassicLogSession.DEFAULT_BUFFER_BYTES;
        private ClassicLogApi api;
        private RegistryApi registry;

        private Builder(String log) {
            this.log = Objects.requireNonNull(log, "log");
        }

        /** A remote server; null (default) for this machine. */
        public Builder server(String v) {
            server = v;
            return this;
        }

        /** An XPath filter in the Windows event query language (default {@code *}). */
        public Builder query(String v) {
            query = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Where the first poll starts: {@code future()} (default: only records written after
         * {@link #build()}), {@code oldest()}, {@code after(bookmark)} or {@code atRecordId(n)}.
         */
        public Builder start(StartPosition v) {
            start = Objects.requireNonNull(v);
            return this;
        }

        /** Records examined per poll at most (default 1000). */
        public Builder maxPerPoll(int v) {
            if (v <= 0) {
                throw new IllegalArgumentException("maxPerPoll must be positive: " + v);
            }
            maxPerPoll = v;
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

        /** The registry used to check the log exists. */
        public Builder registry(RegistryApi v) {
            registry = v;
            return this;
        }

        /** Opens the log and fixes the start position. */
        public ClassicEventLogTail build() {
            EventFilter filter = EventFilter.compile(query);
            ClassicLogSession s = JnaClassicLogApi.openSession(api, registry, server, log, bufferBytes,
                    "Following the live \"" + log + "\" log (OpenEventLog)");
            try {
                long next = switch (start.kind()) {
                    case OLDEST -> -1;
                    case FUTURE -> s.count() == 0 ? -1 : s.newest() + 1;
                    case AT_RECORD_ID -> Math.max(1, start.recordId());
                    case AFTER_BOOKMARK -> ClassicEventLogReader.recordIdIn(start.bookmark(), log) + 1;
                };
                return new ClassicEventLogTail(s, filter, maxPerPoll, next);
            } catch (RuntimeException e) {
                s.close();
                throw e;
            }
        }
    }
}
