package io.winlog.api;

import io.winlog.api.event.EventRecord;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Pulls events, one at a time, from a live log or a file. Not thread-safe; close it when done
 * (it holds a native handle or an open file).
 *
 * <pre>{@code
 * try (EventReader r = EvtxFileReader.open(EventQuery.file(path).withQuery("*[System[EventID=4625]]"))) {
 *     r.stream().forEach(e -> System.out.println(e.eventId()));
 * }
 * }</pre>
 */
public interface EventReader extends AutoCloseable, Iterable<EventRecord> {
    /**
     * The next event, or {@code null} at the end.
     *
     * @throws CorruptInputException in strict mode, when the source is damaged
     * @throws WinlogException       when the source fails
     */
    EventRecord next();

    /** Releases the source. Idempotent. */
    @Override
    void close();

    /** The remaining events as an iterator over {@link #next()}. */
    @Override
    default Iterator<EventRecord> iterator() {
        return new Iterator<>() {
            private EventRecord pending;

            @Override
            public boolean hasNext() {
                if (pending == null) {
                    pending = EventReader.this.next();
                }
                return pending != null;
            }

            @Override
            public EventRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                EventRecord r = pending;
                pending = null;
                return r;
            }
        };
    }

    /** The remaining events as a sequential, ordered stream. Closing the stream closes the reader. */
    default Stream<EventRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }
}
