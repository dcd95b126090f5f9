package io.winlog.evtx.classic;

import io.winlog.api.CorruptInputException;
import io.winlog.api.EventType;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.Sid;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One decoded {@code EVENTLOGRECORD} with every raw field, as a classic log (a .evt file or
 * {@code ReadEventLog}) stores it. {@link #toEventRecord()} maps it to the winlog-api model the
 * way Windows shows classic events in the modern schema.
 *
 * <p>Immutable. Times are seconds since 1970-01-01 UTC, unsigned 32-bit, as stored.
 *
 * @param length              {@code Length}: size of the whole record in bytes
 * @param recordNumber        {@code RecordNumber} (unsigned 32-bit)
 * @param timeGenerated       {@code TimeGenerated}, epoch seconds (unsigned 32-bit)
 * @param timeWritten         {@code TimeWritten}, epoch seconds (unsigned 32-bit)
 * @param eventIdentifier     {@code EventID}: the full 32-bit identifier (severity, customer,
 *                            facility and code), unsigned
 * @param eventType           {@code EventType}: an {@code EVENTLOG_*_TYPE} value (unsigned 16-bit)
 * @param eventCategory       {@code EventCategory} (unsigned 16-bit)
 * @param reservedFlags       {@code ReservedFlags} (unsigned 16-bit)
 * @param closingRecordNumber {@code ClosingRecordNumber} (unsigned 32-bit)
 * @param sourceName          {@code SourceName}
 * @param computerName        {@code Computername}
 * @param userSid             the user SID, or null when {@code UserSidLength} is 0
 * @param strings             the insertion strings in order ({@code NumStrings} of them unless
 *                            the record was damaged, see {@link #problems()})
 * @param data                the binary data, or null when {@code DataLength} is 0
 * @param problems            damage a lenient decode repaired or skipped (empty when the record
 *                            is intact), each with its offset
 */
public record EventLogRecord(
        int length,
        long recordNumber,
        long timeGenerated,
        long timeWritten,
        long eventIdentifier,
        int eventType,
        int eventCategory,
        int reservedFlags,
        long closingRecordNumber,
        String sourceName,
        String computerName,
        Sid userSid,
        List<String> strings,
        byte[] data,
        List<CorruptInputException> problems) {

    /** Keyword bit Windows sets on every classic event in the modern schema ({@code EventLogClassic}). */
    public static final long KEYWORD_EVENTLOG_CLASSIC = 0x0080_0000_0000_0000L;
    /** Keyword bit for {@code EVENTLOG_AUDIT_SUCCESS} events ({@code Audit Success}). */
    public static final long KEYWORD_AUDIT_SUCCESS = 0x0020_0000_0000_0000L;
    /** Keyword bit for {@code EVENTLOG_AUDIT_FAILURE} events ({@code Audit Failure}). */
    public static final long KEYWORD_AUDIT_FAILURE = 0x0010_0000_0000_0000L;

    public EventLogRecord {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(computerName, "computerName");
        strings = List.copyOf(strings);
        problems = List.copyOf(problems);
        data = data == null ? null : data.clone();
    }

    /** The low 16 bits of {@link #eventIdentifier()}: the event id the Event Viewer shows. */
    public int eventId() {
        return (int) (eventIdentifier & 0xFFFF);
    }

    /** The high 16 bits of {@link #eventIdentifier()}: severity, customer bit and facility. */
    public int qualifiers() {
        return (int) ((eventIdentifier >>> 16) & 0xFFFF);
    }

    /** {@link #timeGenerated()} as an instant. */
    public Instant timeGeneratedInstant() {
        return Instant.ofEpochSecond(timeGenerated);
    }

    /** {@link #timeWritten()} as an instant. */
    public Instant timeWrittenInstant() {
        return Instant.ofEpochSecond(timeWritten);
    }

    /** The {@link EventType} of {@link #eventType()}, or null for a value outside the six documented ones. */
    public EventType type() {
        return EventType.ofCode(eventType);
    }

    /** True when a lenient decode found damage (see {@link #problems()}). */
    public boolean isDamaged() {
        return !problems.isEmpty();
    }

    /** A copy of the binary data, or null. */
    @Override
    public byte[] data() {
        return data == null ? null : data.clone();
    }

    /**
     * The level Windows gives a classic event of this type in the modern schema: Error 2,
     * Warning 3, Information and Success 4, audit success/failure 0; null for an undocumented
     * type value (it is kept raw in {@link #eventType()}).
     */
    public Integer level() {
        EventType t = type();
        return t == null ? null : t.level();
    }

    /**
     * The keywords Windows gives a classic event in the modern schema: {@code EventLogClassic},
     * plus {@code Audit Success} or {@code Audit Failure} for audit types (what a .evtx of the
     * same events shows, e.g. {@code 0x0090000000000000} for a failure audit).
     */
    public long keywords() {
        long k = KEYWORD_EVENTLOG_CLASSIC;
        if (eventType == EventType.AUDIT_SUCCESS.code()) {
            k |= KEYWORD_AUDIT_SUCCESS;
        } else if (eventType == EventType.AUDIT_FAILURE.code()) {
            k |= KEYWORD_AUDIT_FAILURE;
        }
        return k;
    }

    /**
     * The event in the winlog-api model: provider name = source, event id + qualifiers from the
     * 32-bit identifier, level and keywords from the type, task = category, time created =
     * {@code TimeGenerated}, record id, computer, user SID, the strings as unnamed STRING data
     * and the binary data. Channel is not stored in the record and stays null.
     */
    public EventRecord toEventRecord() {
        EventRecord.Builder b = EventRecord.builder()
                .providerName(sourceName)
                .fullEventId(eventIdentifier)
                .level(level())
                .task(eventCategory)
                .keywords(keywords())
                .timeCreated(timeGeneratedInstant())
                .recordId(recordNumber)
                .computer(computerName)
                .userSid(userSid)
                .binaryData(data);
        for (String s : strings) {
            b.addData(null, EventValue.ofString(s));
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventLogRecord r && length == r.length && recordNumber == r.recordNumber
                && timeGenerated == r.timeGenerated && timeWritten == r.timeWritten
                && eventIdentifier == r.eventIdentifier && eventType == r.eventType
                && eventCategory == r.eventCategory && reservedFlags == r.reservedFlags
                && closingRecordNumber == r.closingRecordNumber && sourceName.equals(r.sourceName)
                && computerName.equals(r.computerName) && Objects.equals(userSid, r.userSid)
                && strings.equals(r.strings) && java.util.Arrays.equals(data, r.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordNumber, timeGenerated, eventIdentifier, sourceName);
    }

    @Override
    public String toString() {
        return "EventLogRecord{#" + recordNumber + " " + sourceName + " id=0x" + Long.toHexString(eventIdentifier)
                + " type=" + eventType + " category=" + eventCategory + " strings=" + strings.size()
                + (data == null ? "" : " data=" + data.length + "B") + (problems.isEmpty() ? "" : " damaged") + '}';
    }
}
