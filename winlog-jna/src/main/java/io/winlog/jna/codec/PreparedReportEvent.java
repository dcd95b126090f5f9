package io.winlog.jna.codec;

/**
 * The arguments of one {@code ReportEventW} call, encoded and checked: what the binding copies
 * into native memory. Arrays are owned by this object and not copied (it is an internal hand-off
 * between the codec and the engine; do not modify them).
 *
 * @param type     {@code wType} (EVENTLOG_*_TYPE)
 * @param category {@code wCategory}
 * @param eventId  {@code dwEventID}, all 32 bits
 * @param userSid  binary SID, or null
 * @param strings  each insertion string as NUL-terminated UTF-16LE
 * @param data     binary data, or null
 * @param part     1-based part number when an event was split, else 1
 * @param parts    number of parts
 */
public record PreparedReportEvent(short type, short category, int eventId, byte[] userSid, byte[][] strings,
                                  byte[] data, int part, int parts) {
    /** Total bytes of the encoded strings (with NULs). */
    public int stringBytes() {
        int n = 0;
        for (byte[] s : strings) {
            n += s.length;
        }
        return n;
    }

    /** Decodes string {@code i} (for tests and diagnostics). */
    public String string(int i) {
        return Utf16.decodeNulTerminated(strings[i], 0, strings[i].length);
    }
}
