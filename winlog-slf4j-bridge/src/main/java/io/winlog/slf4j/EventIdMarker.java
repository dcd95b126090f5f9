package io.winlog.slf4j;

import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Marker;

/**
 * A marker that carries the event id to record: {@code log.error(EventIdMarker.of(1001), "...")}.
 * Instances are cached, so passing one costs no allocation after the first use of an id.
 *
 * <p>Any other marker whose name is {@code eventId=<n>} (the prefix is configurable) works too;
 * this class only saves the parse.
 */
public final class EventIdMarker implements Marker {
    private static final long serialVersionUID = 1L;
    /** The name prefix recognised by default on foreign markers. */
    public static final String DEFAULT_PREFIX = "eventId=";
    private static final ConcurrentHashMap<Long, EventIdMarker> CACHE = new ConcurrentHashMap<>();

    private final long eventId;
    private final String name;

    private EventIdMarker(long eventId) {
        this.eventId = eventId;
        this.name = DEFAULT_PREFIX + eventId;
    }

    /** The marker for this event id (0..0xFFFFFFFF, the full ReportEvent id). */
    public static EventIdMarker of(long eventId) {
        if (eventId < 0 || eventId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("event id must fit 32 bits unsigned: " + eventId);
        }
        EventIdMarker m = CACHE.get(eventId);
        return m != null ? m : CACHE.computeIfAbsent(eventId, EventIdMarker::new);
    }

    /** The event id this marker carries. */
    public long eventId() {
        return eventId;
    }

    @Override
    public String getName() {
        return name;
    }

    /** Event-id markers are leaves: references are not supported. */
    @Override
    public void add(Marker reference) {
        throw new UnsupportedOperationException("EventIdMarker is immutable; wrap it in another marker instead");
    }

    @Override
    public boolean remove(Marker reference) {
        return false;
    }

    @Override
    @Deprecated
    public boolean hasChildren() {
        return false;
    }

    @Override
    public boolean hasReferences() {
        return false;
    }

    @Override
    public Iterator<Marker> iterator() {
        return Collections.emptyIterator();
    }

    @Override
    public boolean contains(Marker other) {
        return equals(other);
    }

    @Override
    public boolean contains(String name) {
        return this.name.equals(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Marker m && Objects.equals(name, m.getName());
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
