package io.winlog.evtx.classic;

import io.winlog.api.CorruptInputException;
import io.winlog.api.event.Sid;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes {@code EVENTLOGRECORD} bytes: the record layout of classic .evt files and of the
 * buffer {@code ReadEventLog} fills. A pure function of the bytes it is given: no file logic,
 * no state, safe from any thread.
 *
 * <pre>
 * 0x00 Length              0x04 Reserved 'LfLe'      0x08 RecordNumber
 * 0x0C TimeGenerated       0x10 TimeWritten          0x14 EventID (32-bit, qualifiers high)
 * 0x18 EventType  u16      0x1A NumStrings u16       0x1C EventCategory u16
 * 0x1E ReservedFlags u16   0x20 ClosingRecordNumber  0x24 StringOffset
 * 0x28 UserSidLength       0x2C UserSidOffset        0x30 DataLength
 * 0x34 DataOffset          0x38 SourceName\0 Computername\0 (UTF-16LE), SID, strings, data,
 *                               padding, Length copy (last 4 bytes)
 * </pre>
 *
 * Every offset and length is checked against the record; damage is reported as
 * {@link CorruptInputException} with the absolute offset ({@code baseOffset} + position in the
 * record). In {@link DecodeMode#LENIENT} mode repairable damage is listed on the record instead.
 * UTF-16 is decoded code unit by code unit, so unpaired surrogates survive unchanged.
 */
public final class EventLogRecordCodec {
    /** {@code "LfLe"} read as a little-endian int ({@code ELF_LOG_SIGNATURE}). */
    public static final int SIGNATURE = 0x654C664C;
    /** Size of the fixed part of the record, up to {@code SourceName}. */
    public static final int FIXED_SIZE = 0x38;
    /**
     * The smallest well-formed record: the fixed part, two empty names and the length copy.
     */
    public static final int MIN_RECORD_SIZE = FIXED_SIZE + 2 + 2 + 4;

    private EventLogRecordCodec() {
    }

    /** Decodes a whole {@code byte[]} holding one record, strictly. */
    public static EventLogRecord decode(byte[] record) {
        return decode(ByteBuffer.wrap(record), 0, record.length, 0, DecodeMode.STRICT);
    }

    /**
     * Decodes the record at {@code buf}'s position (up to its limit), strictly; offsets in
     * errors are relative to the buffer's start. The buffer's position and order are untouched.
     */
    public static EventLogRecord decode(ByteBuffer buf) {
        return decode(buf, buf.position(), buf.remaining(), buf.position(), DecodeMode.STRICT);
    }

    /**
     * Decodes the record that starts at {@code index} in {@code buf}.
     *
     * @param buf        the bytes (any byte order; read as little-endian, position untouched)
     * @param index      where the record starts in {@code buf}
     * @param available  how many bytes from {@code index} may belong to it (the record's
     *                   {@code Length} must not exceed this)
     * @param baseOffset the absolute offset of {@code index} in the file or buffer, for errors
     * @param mode       strict or lenient, see {@link DecodeMode}
     * @throws CorruptInputException when the record is damaged beyond what {@code mode} repairs
     */
    public static EventLogRecord decode(ByteBuffer buf, int index, int available, long baseOffset, DecodeMode mode) {
        if (index < 0 || available < 0 || (long) index + available > buf.limit()) {
            throw new IllegalArgumentException("record slice [" + index + ", +" + available + ") outside buffer of limit " + buf.limit());
        }
        ByteBuffer b = buf.order() == ByteOrder.LITTLE_ENDIAN ? buf : buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (available < FIXED_SIZE) {
            throw new CorruptInputException("EVENTLOGRECORD truncated: " + available + " bytes, the fixed part alone is "
                    + FIXED_SIZE, baseOffset);
        }
        long length = b.getInt(index) & 0xFFFFFFFFL;
        if (b.getInt(index + 4) != SIGNATURE) {
            throw new CorruptInputException("EVENTLOGRECORD signature 'LfLe' missing (found 0x"
                    + Integer.toHexString(b.getInt(index + 4)) + ")", baseOffset + 4);
        }
        if (length < MIN_RECORD_SIZE || length > available) {
            throw new CorruptInputException("EVENTLOGRECORD length " + length + " out of range (minimum "
                    + MIN_RECORD_SIZE + ", " + available + " bytes available)", baseOffset);
        }
        final int len = (int) length;
        final boolean strict = mode == DecodeMode.STRICT;
        List<CorruptInputException> problems = null;

        int copy = b.getInt(index + len - 4);
        if (copy != len) {
            CorruptInputException e = new CorruptInputException("EVENTLOGRECORD length copy " + Integer.toUnsignedString(copy)
                    + " differs from length " + len, baseOffset + len - 4);
            if (strict) {
                throw e;
            }
            problems = add(problems, e);
        }

        long recordNumber = b.getInt(index + 0x08) & 0xFFFFFFFFL;
        long timeGenerated = b.getInt(index + 0x0C) & 0xFFFFFFFFL;
        long timeWritten = b.getInt(index + 0x10) & 0xFFFFFFFFL;
        long eventId = b.getInt(index + 0x14) & 0xFFFFFFFFL;
        int eventType = b.getShort(index + 0x18) & 0xFFFF;
        int numStrings = b.getShort(index + 0x1A) & 0xFFFF;
        int category = b.getShort(index + 0x1C) & 0xFFFF;
        int reservedFlags = b.getShort(index + 0x1E) & 0xFFFF;
        long closing = b.getInt(index + 0x20) & 0xFFFFFFFFL;
        long stringOffset = b.getInt(index + 0x24) & 0xFFFFFFFFL;
        long sidLength = b.getInt(index + 0x28) & 0xFFFFFFFFL;
        long sidOffset = b.getInt(index + 0x2C) & 0xFFFFFFFFL;
        long dataLength = b.getInt(index + 0x30) & 0xFFFFFFFFL;
        long dataOffset = b.getInt(index + 0x34) & 0xFFFFFFFFL;

        // Variable part: [FIXED_SIZE, end) where end excludes the length copy.
        final int end = len - 4;
        int sourceEnd = terminator(b, index, FIXED_SIZE, end);
        if (sourceEnd < 0) {
            throw new CorruptInputException("EVENTLOGRECORD SourceName has no terminating NUL", baseOffset + FIXED_SIZE);
        }
        String source = utf16(b, index + FIXED_SIZE, index + sourceEnd);
        int computerStart = sourceEnd + 2;
        int computerEnd = terminator(b, index, computerStart, end);
        if (computerEnd < 0) {
            throw new CorruptInputException("EVENTLOGRECORD Computername has no terminating NUL", baseOffset + computerStart);
        }
        String computer = utf16(b, index + computerStart, index + computerEnd);

        Sid sid = null;
        if (sidLength != 0) {
            if (sidOffset < FIXED_SIZE || sidOffset + sidLength > end) {
                problems = problem(strict, problems, "EVENTLOGRECORD UserSid [" + sidOffset + ", +" + sidLength
                        + ") outside the record's variable part [" + FIXED_SIZE + ", " + end + ")", baseOffset + 0x2C);
            } else {
                byte[] raw = new byte[(int) sidLength];
                b.get(index + (int) sidOffset, raw);
                sid = Sid.fromBytes(raw, 0, raw.length);
                if (sid == null || sid.byteLength() != sidLength) {
                    problems = problem(strict, problems, "EVENTLOGRECORD UserSid of " + sidLength
                            + " bytes is not a well-formed SID", baseOffset + sidOffset);
                    sid = null;
                }
            }
        }

        List<String> strings = numStrings == 0 ? List.of() : new ArrayList<>(Math.min(numStrings, 64));
        if (numStrings > 0) {
            if (stringOffset < FIXED_SIZE || stringOffset > end) {
                problems = problem(strict, problems, "EVENTLOGRECORD StringOffset " + stringOffset + " outside the record's variable part ["
                        + FIXED_SIZE + ", " + end + ") with " + numStrings + " strings", baseOffset + 0x24);
            } else {
                // Strings end where the data starts (Windows writes them in that order), else at the record's end.
                int limit = dataLength != 0 && dataOffset > stringOffset && dataOffset <= end ? (int) dataOffset : end;
                int p = (int) stringOffset;
                for (int i = 0; i < numStrings; i++) {
                    int t = terminator(b, index, p, limit);
                    if (t < 0) {
                        problems = problem(strict, problems, "EVENTLOGRECORD insertion string " + (i + 1) + " of " + numStrings
                                + (p + 2 > limit ? " starts past the end of the strings area" : " has no terminating NUL"),
                                baseOffset + p);
                        if (p + 2 <= limit) {
                            // Keep the truncated text: it is all the record still holds of this string.
                            strings.add(utf16(b, index + p, index + p + ((limit - p) & ~1)));
                        }
                        break;
                    }
                    strings.add(utf16(b, index + p, index + t));
                    p = t + 2;
                }
            }
        }

        byte[] data = null;
        if (dataLength != 0) {
            if (dataOffset < FIXED_SIZE || dataOffset + dataLength > end) {
                problems = problem(strict, problems, "EVENTLOGRECORD Data [" + dataOffset + ", +" + dataLength
                        + ") outside the record's variable part [" + FIXED_SIZE + ", " + end + ")", baseOffset + 0x30);
                if (dataOffset >= FIXED_SIZE && dataOffset < end) {
                    data = new byte[end - (int) dataOffset];
                    b.get(index + (int) dataOffset, data);
                }
            } else {
                data = new byte[(int) dataLength];
                b.get(index + (int) dataOffset, data);
            }
        }

        return new EventLogRecord(len, recordNumber, timeGenerated, timeWritten, eventId, eventType, category,
                reservedFlags, closing, source, computer, sid, strings, data, problems == null ? List.of() : problems);
    }

    /**
     * Decodes the records packed back to back in the first {@code bytesRead} bytes of
     * {@code buf}, as {@code ReadEventLog} returns them (whole records only, each
     * {@code Length} bytes). Offsets in errors are relative to {@code buf}'s start. Bounded:
     * every record consumes at least {@link #MIN_RECORD_SIZE} bytes.
     *
     * @throws CorruptInputException when a record is damaged beyond what {@code mode} repairs,
     *                               or the bytes do not end on a record boundary
     */
    public static List<EventLogRecord> decodeAll(ByteBuffer buf, int bytesRead, DecodeMode mode) {
        if (bytesRead < 0 || bytesRead > buf.limit()) {
            throw new IllegalArgumentException("bytesRead " + bytesRead + " outside buffer of limit " + buf.limit());
        }
        List<EventLogRecord> out = new ArrayList<>();
        int p = 0;
        while (p < bytesRead) {
            EventLogRecord r = decode(buf, p, bytesRead - p, p, mode);
            out.add(r);
            p += r.length();
        }
        return out;
    }

    /**
     * Reads only the {@code Length} field of a record at {@code index} (unsigned), or -1 when
     * fewer than 8 bytes are there or the signature does not follow it. For scanners that must
     * know a record's extent before decoding it.
     */
    public static long peekLength(ByteBuffer buf, int index, int available) {
        if (available < 8 || index < 0 || index > buf.limit() - 8) {
            return -1;
        }
        ByteBuffer b = buf.order() == ByteOrder.LITTLE_ENDIAN ? buf : buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return b.getInt(index + 4) == SIGNATURE ? b.getInt(index) & 0xFFFFFFFFL : -1;
    }

    /** Relative position of the UTF-16 NUL at or after {@code from} (2-byte steps) before {@code limit}, or -1. */
    private static int terminator(ByteBuffer b, int index, int from, int limit) {
        for (int p = from; p + 2 <= limit; p += 2) {
            if (b.getShort(index + p) == 0) {
                return p;
            }
        }
        return -1;
    }

    /** UTF-16LE code units in [from, to) as a String, unpaired surrogates kept. */
    private static String utf16(ByteBuffer b, int from, int to) {
        int n = (to - from) >> 1;
        if (n == 0) {
            return "";
        }
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = b.getChar(from + 2 * i);
        }
        return new String(c);
    }

    private static List<CorruptInputException> problem(boolean strict, List<CorruptInputException> list, String message, long offset) {
        CorruptInputException e = new CorruptInputException(message, offset);
        if (strict) {
            throw e;
        }
        return add(list, e);
    }

    private static List<CorruptInputException> add(List<CorruptInputException> list, CorruptInputException e) {
        List<CorruptInputException> l = list == null ? new ArrayList<>(2) : list;
        l.add(e);
        return l;
    }
}
