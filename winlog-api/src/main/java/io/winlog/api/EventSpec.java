package io.winlog.api;

import io.winlog.api.event.Sid;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an application logs through an {@link EventWriter}: the arguments of
 * {@code ReportEvent}. Immutable; build with {@link #builder(long)}.
 *
 * @param type      event type (error, warning, ...)
 * @param category  category id (0 = none)
 * @param eventId   the full 32-bit event identifier (severity, customer and facility bits in the
 *                  high 16 bits, as {@code ReportEvent} takes it)
 * @param strings   insertion strings ({@code %1}, {@code %2}, ...)
 * @param data      binary data, or null
 * @param userSid   the user to record, or null
 * @param time      when it happened (file writers; ReportEvent uses the current time), or null = now
 */
public record EventSpec(EventType type, int category, long eventId, List<String> strings, byte[] data,
                        Sid userSid, Instant time) {
    public EventSpec {
        Objects.requireNonNull(type, "type");
        strings = List.copyOf(strings);
        if (eventId < 0 || eventId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("event id must fit 32 bits: " + eventId);
        }
        if (category < 0 || category > 0xFFFF) {
            throw new IllegalArgumentException("category must be 0..65535: " + category);
        }
        data = data == null ? null : data.clone();
    }

    /** The low 16 bits: the id Event Viewer shows. */
    public int shortEventId() {
        return (int) (eventId & 0xFFFF);
    }

    @Override
    public byte[] data() {
        return data == null ? null : data.clone();
    }

    public static Builder builder(long eventId) {
        return new Builder(eventId);
    }

    /** Builds {@link EventSpec}s; defaults: INFORMATION, category 0, no strings. */
    public static final class Builder {
        private final long eventId;
        private EventType type = EventType.INFORMATION;
        private int category;
        private List<String> strings = List.of();
        private byte[] data;
        private Sid userSid;
        private Instant time;

        private Builder(long eventId) {
            this.eventId = eventId;
        }

        public Builder type(EventType v) { type = v; return this; }
        public Builder category(int v) { category = v; return this; }
        public Builder strings(String... v) { strings = List.of(v); return this; }
        public Builder strings(List<String> v) { strings = v; return this; }
        public Builder data(byte[] v) { data = v; return this; }
        public Builder userSid(Sid v) { userSid = v; return this; }
        public Builder time(Instant v) { time = v; return this; }

        public EventSpec build() {
            return new EventSpec(type, category, eventId, strings, data, userSid, time);
        }
    }
}
