package io.winlog.slf4j.writer;

import io.winlog.api.EventSpec;
import io.winlog.api.EventWriter;
import io.winlog.api.WinlogException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every event in memory, in write order: for tests of code that logs through winlog.
 * Can be told to fail, to exercise failover. Thread-safe.
 */
public final class RecordingEventWriter implements EventWriter {
    private final List<EventSpec> events = new ArrayList<>();
    private volatile WinlogException failWith;
    private volatile boolean closed;

    @Override
    public void write(EventSpec event) {
        WinlogException f = failWith;
        if (f != null) {
            throw f;
        }
        synchronized (events) {
            events.add(event);
        }
    }

    /** Makes every following write throw {@code e} (null: succeed again). */
    public void failWith(WinlogException e) {
        failWith = e;
    }

    /** A snapshot of the events written so far. */
    public List<EventSpec> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    public int size() {
        synchronized (events) {
            return events.size();
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "RecordingEventWriter[" + size() + " events]";
    }
}
