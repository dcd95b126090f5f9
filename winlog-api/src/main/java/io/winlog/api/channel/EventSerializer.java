package io.winlog.api.channel;

/**
 * Turns events into bytes and back, for the {@link BackpressurePolicy#SPILL} journal.
 *
 * <p>With {@link SpillMode#WRITE_AHEAD} (the default) {@link #toBytes} runs for every published
 * event, on the publishing thread and before the journal lock, so it should be fast; with
 * {@link SpillMode#OVERFLOW} only for overflow. It may allocate. It must be deterministic and
 * round-trip: {@code fromBytes(toBytes(e))} equals {@code e} for the subscriber's purposes, also
 * in a later process (do not write identity hash codes or addresses). The journal frames and
 * checksums each record, so the serializer need not.
 *
 * @param <T> the event type
 */
public interface EventSerializer<T> {
    /** Encodes an event. Must not return null. */
    byte[] toBytes(T event);

    /**
     * Decodes an event written by {@link #toBytes}.
     *
     * @throws RuntimeException if the bytes are not a valid event; the journal reports it with
     *                          the record's file offset and skips the record
     */
    T fromBytes(byte[] bytes);

    /** A serializer for {@link String} events, UTF-8. */
    static EventSerializer<String> utf8() {
        return Utf8EventSerializer.INSTANCE;
    }
}
