package io.winlog.slf4j;

import io.winlog.api.EventType;
import java.util.Locale;
import org.slf4j.event.Level;

/**
 * How an SLF4J level becomes the event type and category of a classic event. Mutable while
 * being configured, then only read (the pipeline reads it on its consumer thread, so publish
 * the configured instance safely, e.g. through a final field).
 *
 * <p>Defaults: ERROR → {@link EventType#ERROR}, WARN → {@link EventType#WARNING}, INFO, DEBUG
 * and TRACE → {@link EventType#INFORMATION}; categories 1 (ERROR) .. 5 (TRACE), matching the
 * category message file winlog-jna installs ("Error", "Warning", "Info", "Debug", "Trace").
 */
public final class LevelMapping {
    private final EventType[] types = new EventType[Level.values().length];
    private final int[] categories = new int[Level.values().length];

    public LevelMapping() {
        set(Level.ERROR, EventType.ERROR, 1);
        set(Level.WARN, EventType.WARNING, 2);
        set(Level.INFO, EventType.INFORMATION, 3);
        set(Level.DEBUG, EventType.INFORMATION, 4);
        set(Level.TRACE, EventType.INFORMATION, 5);
    }

    /** Maps {@code level} to {@code type} and {@code category} (0..65535, 0 = none). */
    public LevelMapping set(Level level, EventType type, int category) {
        setType(level, type);
        return setCategory(level, category);
    }

    public LevelMapping setType(Level level, EventType type) {
        types[level.ordinal()] = java.util.Objects.requireNonNull(type, "type");
        return this;
    }

    public LevelMapping setCategory(Level level, int category) {
        if (category < 0 || category > 0xFFFF) {
            throw new IllegalArgumentException("category for " + level + " must be 0..65535, not " + category);
        }
        categories[level.ordinal()] = category;
        return this;
    }

    public EventType type(Level level) {
        return types[level.ordinal()];
    }

    public int category(Level level) {
        return categories[level.ordinal()];
    }

    /** Parses an event type name as used in configuration: ERROR, WARNING (or WARN), INFORMATION (or INFO), AUDIT_SUCCESS, AUDIT_FAILURE, SUCCESS. */
    public static EventType parseType(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        switch (t) {
            case "WARN": return EventType.WARNING;
            case "INFO": return EventType.INFORMATION;
            default:
                try {
                    return EventType.valueOf(t);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown event type '" + text
                            + "': use ERROR, WARNING, INFORMATION, SUCCESS, AUDIT_SUCCESS or AUDIT_FAILURE");
                }
        }
    }

    /** Parses an SLF4J level name (case-insensitive; WARNING is accepted for WARN). */
    public static Level parseLevel(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("WARNING")) {
            return Level.WARN;
        }
        try {
            return Level.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown level '" + text + "': use ERROR, WARN, INFO, DEBUG or TRACE");
        }
    }
}
