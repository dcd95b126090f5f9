package io.winlog.jna.codec;

import io.winlog.api.EventType;

/**
 * Event identifiers as {@code ReportEvent} takes them: a 32-bit value laid out like an NTSTATUS /
 * message id (winerror.h, Microsoft Learn "Event Identifiers"):
 *
 * <pre>
 *  31 30 | 29 | 28 | 27 ........ 16 | 15 ............ 0
 *   Sev  |  C |  R |   Facility     |       Code
 * </pre>
 *
 * <p>Windows stores all 32 bits: the low 16 are what Event Viewer shows as "Event ID", the high
 * 16 are the "Qualifiers" field of the modern event schema. The message file lookup uses the
 * whole 32-bit value, so the id must match a message table entry exactly (severity, customer
 * and facility bits included). winlog's bundled message DLL maps ids {@code 0x0000_0001 ..
 * 0x0000_FFFF} (qualifiers 0) to {@code %1}: with it, use ids 1..65535 and convey severity with
 * the event <em>type</em>. With your own mc-compiled message file, pass the full id that
 * {@code mc} generated ({@link #compose} builds one).
 */
public final class EventIds {
    private EventIds() {
    }

    /** The two severity bits. */
    public enum Severity {
        SUCCESS(0), INFORMATIONAL(1), WARNING(2), ERROR(3);

        private final int bits;

        Severity(int bits) {
            this.bits = bits;
        }

        public int bits() {
            return bits;
        }
    }

    /** Largest facility code (12 bits). */
    public static final int MAX_FACILITY = 0x0FFF;

    /**
     * Builds a 32-bit id; the reserved bit stays 0.
     *
     * @throws IllegalArgumentException when facility or code do not fit their bits
     */
    public static long compose(Severity severity, boolean customer, int facility, int code) {
        if (facility < 0 || facility > MAX_FACILITY) {
            throw new IllegalArgumentException("facility must be 0..4095: " + facility);
        }
        if (code < 0 || code > 0xFFFF) {
            throw new IllegalArgumentException("code must be 0..65535: " + code);
        }
        return ((long) severity.bits << 30) | (customer ? 1L << 29 : 0) | ((long) facility << 16) | code;
    }

    public static Severity severity(long eventId) {
        return Severity.values()[(int) ((eventId >>> 30) & 3)];
    }

    public static boolean isCustomer(long eventId) {
        return ((eventId >>> 29) & 1) != 0;
    }

    public static int facility(long eventId) {
        return (int) ((eventId >>> 16) & MAX_FACILITY);
    }

    /** The low 16 bits: the id Event Viewer shows. */
    public static int code(long eventId) {
        return (int) (eventId & 0xFFFF);
    }

    /** The high 16 bits: the "Qualifiers" of the modern event schema. */
    public static int qualifiers(long eventId) {
        return (int) ((eventId >>> 16) & 0xFFFF);
    }

    /**
     * The DWORD to pass: {@code eventId} must be 0..0xFFFFFFFF.
     *
     * @throws IllegalArgumentException when it does not fit 32 unsigned bits
     */
    public static int toDword(long eventId) {
        if (eventId < 0 || eventId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("event id must be 0..0xFFFFFFFF: " + eventId);
        }
        return (int) eventId;
    }

    /** The severity bits an mc-compiled message for an event of this type conventionally has. */
    public static Severity conventionalSeverity(EventType type) {
        return switch (type) {
            case ERROR, AUDIT_FAILURE -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            case INFORMATION, AUDIT_SUCCESS -> Severity.INFORMATIONAL;
            case SUCCESS -> Severity.SUCCESS;
        };
    }
}
