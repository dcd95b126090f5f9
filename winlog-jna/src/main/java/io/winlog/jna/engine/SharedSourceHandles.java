package io.winlog.jna.engine;

import io.winlog.api.WinlogException;
import io.winlog.jna.codec.PreparedReportEvent;
import io.winlog.jna.codec.Utf16;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One {@code RegisterEventSource} handle per (server, source), shared by every writer of that
 * source and reference-counted: the handle is deregistered when the last {@link Lease} is
 * released, or by {@link #closeAll()} (the JVM shutdown hook).
 *
 * <p>Thread-safety: acquire/release are synchronized on the pool. Writes on a handle take its
 * read lock (any number in parallel: ReportEvent is safe to call concurrently on one handle);
 * deregistration takes the write lock, so a handle is never closed under a running ReportEvent
 * and never used after it is closed.
 */
public final class SharedSourceHandles {
    private final ReportEventApi api;
    private final Map<Key, Entry> entries = new HashMap<>();
    private boolean shutDown;

    public SharedSourceHandles(ReportEventApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    private record Key(String server, String source) {
    }

    private static final class Entry {
        final Key key;
        final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        long handle; // 0 once deregistered; written under lock.writeLock()
        int refs; // guarded by the pool

        Entry(Key key, long handle) {
            this.key = key;
            this.handle = handle;
        }
    }

    /**
     * A writer's share of a handle. {@link #release()} is idempotent and thread-safe, so it can
     * run from both {@code close()} and a {@link java.lang.ref.Cleaner}.
     */
    public final class Lease {
        private final Entry entry;
        private boolean released; // guarded by the pool

        private Lease(Entry entry) {
            this.entry = entry;
        }

        /**
         * Writes one prepared event.
         *
         * @throws WinlogException when ReportEvent fails or the handle was closed
         */
        public void report(PreparedReportEvent event) {
            ReentrantReadWriteLock.ReadLock l = entry.lock.readLock();
            l.lock();
            try {
                if (entry.handle == 0) {
                    throw new WinlogException("event source \"" + entry.key.source
                            + "\" is closed (writer closed or JVM shutting down); event not written");
                }
                if (!api.reportEvent(entry.handle, event)) {
                    throw Win32Errors.reportFailed(entry.key.source, event.part(), event.parts(), api.lastError());
                }
            } finally {
                l.unlock();
            }
        }

        /** Gives the share back; deregisters the handle when it was the last one. */
        public void release() {
            synchronized (SharedSourceHandles.this) {
                if (released) {
                    return;
                }
                released = true;
                if (--entry.refs > 0) {
                    return;
                }
                entries.remove(entry.key);
            }
            deregister(entry);
        }
    }

    /**
     * A share of the handle for {@code source} on {@code server} (null = local), registering it
     * on first use.
     *
     * @throws WinlogException when RegisterEventSource fails or the pool was shut down
     */
    public synchronized Lease acquire(String server, String source) {
        if (shutDown) {
            throw new WinlogException("the event log writers were shut down (JVM shutdown); cannot open source \""
                    + source + "\"");
        }
        Key key = new Key(server, source);
        Entry e = entries.get(key);
        if (e == null) {
            long h = api.registerEventSource(server == null ? null : Utf16.encodeNulTerminated(server),
                    Utf16.encodeNulTerminated(source));
            if (h == 0) {
                throw Win32Errors.registerFailed(server, source, api.lastError());
            }
            e = new Entry(key, h);
            entries.put(key, e);
        }
        e.refs++;
        return new Lease(e);
    }

    /** Number of registered handles (for tests and diagnostics). */
    public synchronized int openHandles() {
        return entries.size();
    }

    /** Deregisters every handle; later writes fail with a clear message. Idempotent. */
    public void closeAll() {
        Entry[] all;
        synchronized (this) {
            shutDown = true;
            all = entries.values().toArray(new Entry[0]);
            entries.clear();
        }
        for (Entry e : all) {
            deregister(e);
        }
    }

    private void deregister(Entry e) {
        ReentrantReadWriteLock.WriteLock l = e.lock.writeLock();
        l.lock();
        try {
            if (e.handle != 0) {
                api.deregisterEventSource(e.handle); // nothing useful to do if it fails: the process keeps going
                e.handle = 0;
            }
        } finally {
            l.unlock();
        }
    }
}
