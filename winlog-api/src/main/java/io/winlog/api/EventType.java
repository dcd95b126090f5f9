package io.winlog.api;

/**
 * The classic event types of {@code ReportEvent} / {@code EVENTLOGRECORD.EventType}, with the
 * level a modern reader shows for each.
 */
public enum EventType {
    SUCCESS(0x0000, 4),
    ERROR(0x0001, 2),
    WARNING(0x0002, 3),
    INFORMATION(0x0004, 4),
    AUDIT_SUCCESS(0x0008, 0),
    AUDIT_FAILURE(0x0010, 0);

    private final int code;
    private final int level;

    EventType(int code, int level) {
        this.code = code;
        this.level = level;
    }

    /** The {@code EVENTLOG_*_TYPE} value. */
    public int code() {
        return code;
    }

    /** The level Windows records for this type in the modern event schema. */
    public int level() {
        return level;
    }

    /** The type with this {@code EVENTLOG_*_TYPE} code, or null. */
    public static EventType ofCode(int code) {
        for (EventType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
