package io.winlog.slf4j;

import org.slf4j.Marker;
import org.slf4j.event.Level;

/**
 * Where the event id of a log call comes from, first match wins:
 * <ol>
 *   <li>an SLF4J 2 key-value pair named {@link #keyValueKey()} ({@code log.atError().addKeyValue("eventId", 1001)});</li>
 *   <li>a marker: an {@link EventIdMarker}, or a marker (or one of its references) named
 *       {@link #markerPrefix()}{@code <n>};</li>
 *   <li>the MDC value under {@link #mdcKey()};</li>
 *   <li>the default for the call's level, else the global {@link #defaultEventId()}.</li>
 * </ol>
 * Ids are decimal or {@code 0x} hexadecimal, 0..0xFFFFFFFF (the full ReportEvent id). A value
 * that does not parse falls through to the next source rather than failing the log call.
 * Configure before use; afterwards instances are only read.
 */
public final class EventIdPolicy {
    /** Marks "no id found" in the resolve helpers. */
    public static final long NONE = -1;

    private String keyValueKey = "eventId";
    private String markerPrefix = EventIdMarker.DEFAULT_PREFIX;
    private String mdcKey = "eventId";
    private long defaultEventId = 1000;
    private final long[] perLevel = {NONE, NONE, NONE, NONE, NONE};

    public String keyValueKey() { return keyValueKey; }
    public String markerPrefix() { return markerPrefix; }
    /** The MDC key, or null when the MDC is not consulted. */
    public String mdcKey() { return mdcKey; }
    public long defaultEventId() { return defaultEventId; }

    /** The key-value key to read (null or empty disables it). */
    public EventIdPolicy keyValueKey(String key) { keyValueKey = emptyToNull(key); return this; }
    public EventIdPolicy markerPrefix(String prefix) { markerPrefix = emptyToNull(prefix); return this; }
    public EventIdPolicy mdcKey(String key) { mdcKey = emptyToNull(key); return this; }

    public EventIdPolicy defaultEventId(long id) {
        defaultEventId = checked(id, "default event id");
        return this;
    }

    /** The id used for {@code level} when no key-value, marker or MDC value names one. */
    public EventIdPolicy defaultEventId(Level level, long id) {
        perLevel[level.ordinal()] = checked(id, "event id for " + level);
        return this;
    }

    /** The fallback id for a level: its own default if set, else the global default. */
    public long defaultFor(Level level) {
        long id = perLevel[level.ordinal()];
        return id == NONE ? defaultEventId : id;
    }

    /** The id a marker names, or {@link #NONE}. Looks at the marker and its direct references. */
    public long fromMarker(Marker marker) {
        if (marker == null) {
            return NONE;
        }
        if (marker instanceof EventIdMarker m) {
            return m.eventId();
        }
        long id = fromMarkerName(marker.getName());
        if (id != NONE || !marker.hasReferences()) {
            return id;
        }
        for (java.util.Iterator<Marker> it = marker.iterator(); it.hasNext(); ) {
            Marker ref = it.next();
            id = ref instanceof EventIdMarker m ? m.eventId() : fromMarkerName(ref.getName());
            if (id != NONE) {
                return id;
            }
        }
        return NONE;
    }

    private long fromMarkerName(String name) {
        if (markerPrefix == null || name == null || !name.startsWith(markerPrefix)) {
            return NONE;
        }
        return parse(name.substring(markerPrefix.length()));
    }

    /**
     * Parses a value (Number or text) into an event id, or {@link #NONE} when it is not a valid
     * 32-bit unsigned id.
     */
    public static long parse(Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof Number n) {
            if (value instanceof Double || value instanceof Float) {
                return NONE;
            }
            long v = n.longValue();
            return v >= 0 && v <= 0xFFFF_FFFFL ? v : NONE;
        }
        String s = value.toString().trim();
        try {
            long v = s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
            return v >= 0 && v <= 0xFFFF_FFFFL ? v : NONE;
        } catch (NumberFormatException e) {
            return NONE;
        }
    }

    private static long checked(long id, String what) {
        if (id < 0 || id > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + " must be 0..0xFFFFFFFF, not " + id);
        }
        return id;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "EventIdPolicy[kv=" + keyValueKey + ", marker=" + markerPrefix + ", mdc=" + mdcKey
                + ", default=" + defaultEventId + "]";
    }
}
