package io.winlog.api.event;

import java.util.Objects;

/**
 * One item of an event's EventData: an optional name (the {@code Data/@Name} attribute; classic
 * events have none) and a typed value.
 *
 * @param name  the {@code Name} attribute, or {@code null} for unnamed data
 * @param value the typed value, never {@code null} (use {@link EventValue#NULL})
 */
public record NamedValue(String name, EventValue value) {
    public NamedValue {
        Objects.requireNonNull(value, "value");
    }

    /** Shorthand for a named string value. */
    public static NamedValue of(String name, String value) {
        return new NamedValue(name, EventValue.ofString(value));
    }

    /** Shorthand for a named typed value. */
    public static NamedValue of(String name, EventValue value) {
        return new NamedValue(name, value);
    }
}
