package io.winlog.jna.codec;

/**
 * The size limits of {@code ReportEventW}, and the margins winlog applies.
 *
 * <ul>
 *   <li><b>Per string</b>: documented as 31,839 characters (32K before Vista; Microsoft Learn,
 *       ReportEventW, {@code lpStrings}). Observed lower: 31,718 on Windows 10 (serilog-sinks-eventlog
 *       PR #41 / dotnet-api-docs PR #9999, 2024, by repeated writes), 31,701 and 31,698 on
 *       Windows 11 22H2 (same thread). The cause is not documented, so winlog defaults to
 *       {@value #DEFAULT_MAX_CHARS_PER_STRING} (NLog's EventLogTarget also settled on 30,000,
 *       NLog PR #5004) and accepts at most {@value #DOCUMENTED_MAX_CHARS_PER_STRING}.</li>
 *   <li><b>Per event</b>: an event record is at most 0x3FFFF bytes (Microsoft Learn, "Event
 *       Data"), and ReportEvent fails with ERROR_INVALID_PARAMETER when {@code dwDataSize}
 *       exceeds 261,991 = 0x3FF67 (ReportEventW remarks). winlog keeps strings + data + SID
 *       within {@link #maxPayloadBytes()}: 0x3FF67 minus the record header, the source and
 *       computer names and the trailing length.</li>
 *   <li><b>Number of strings</b>: {@code wNumStrings} is a WORD: at most 65,535.</li>
 * </ul>
 *
 * @param maxCharsPerString UTF-16 units per insertion string (without the NUL)
 * @param maxPayloadBytes   bytes of strings (UTF-16 with NULs) + binary data + SID per event
 */
public record ReportEventLimits(int maxCharsPerString, int maxPayloadBytes) {
    /** The documented per-string maximum (Vista and later). */
    public static final int DOCUMENTED_MAX_CHARS_PER_STRING = 31_839;
    /** winlog's default, below every observed limit. */
    public static final int DEFAULT_MAX_CHARS_PER_STRING = 30_000;
    /** ReportEvent's documented ceiling for one event's variable data. */
    public static final int MAX_EVENT_DATA_BYTES = 0x3FF67;
    /** EVENTLOGRECORD header (56) + trailing length DWORD (4) + padding to 8 (up to 7, rounded). */
    static final int RECORD_OVERHEAD_BYTES = 56 + 4 + 8;
    /** Computer names are at most 255 characters (DNS host name) + NUL. */
    static final int MAX_COMPUTER_NAME_BYTES = 2 * 256;
    /** The smallest string capacity the writer works with when splitting or truncating. */
    public static final int MIN_CHUNK_CHARS = 64;
    /** {@code wNumStrings} is a WORD. */
    public static final int MAX_STRINGS = 0xFFFF;

    public ReportEventLimits {
        if (maxCharsPerString < MIN_CHUNK_CHARS || maxCharsPerString > DOCUMENTED_MAX_CHARS_PER_STRING) {
            throw new IllegalArgumentException("maxCharsPerString must be " + MIN_CHUNK_CHARS + ".."
                    + DOCUMENTED_MAX_CHARS_PER_STRING + " (ReportEvent's documented limit): " + maxCharsPerString);
        }
        if (maxPayloadBytes < 2 * MIN_CHUNK_CHARS + 2 || maxPayloadBytes > MAX_EVENT_DATA_BYTES) {
            throw new IllegalArgumentException("maxPayloadBytes must be " + (2 * MIN_CHUNK_CHARS + 2) + ".."
                    + MAX_EVENT_DATA_BYTES + ": " + maxPayloadBytes);
        }
    }

    /** The limits for a source name, with the default per-string limit. */
    public static ReportEventLimits forSource(String sourceName) {
        return forSource(sourceName, DEFAULT_MAX_CHARS_PER_STRING);
    }

    /** The limits for a source name and a per-string limit. */
    public static ReportEventLimits forSource(String sourceName, int maxCharsPerString) {
        int names = 2 * (sourceName.length() + 1) + MAX_COMPUTER_NAME_BYTES;
        return new ReportEventLimits(maxCharsPerString, MAX_EVENT_DATA_BYTES - RECORD_OVERHEAD_BYTES - names);
    }
}
