package io.winlog.evtx.classic;

import io.winlog.api.event.Sid;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Test helper: encodes an EVENTLOGRECORD the way the event log service lays it out (names,
 * SID, strings, data, padding to 4 bytes, length copy), so codec tests control every byte.
 */
final class EventLogRecordBytes {
    long recordNumber = 7;
    long timeGenerated = 1_626_835_216L;
    long timeWritten = 1_626_835_217L;
    long eventId = 0xC000_1B58L;
    int eventType = 1;
    int category = 3;
    int reservedFlags = 0;
    long closing = 0;
    String source = "Service Control Manager";
    String computer = "HOST";
    Sid sid = Sid.parse("S-1-5-18");
    List<String> strings = List.of("a", "", "zä€\uD83D\uDE00");
    byte[] data = {1, 2, 3};

    /** Offsets the encoder used (relative to the record). */
    int sidOffset;
    int stringOffset;
    int dataOffset;

    byte[] encode() {
        ByteArrayOutputStream var = new ByteArrayOutputStream();
        int at = EventLogRecordCodec.FIXED_SIZE;
        at += put(var, utf16z(source));
        at += put(var, utf16z(computer));
        // The service aligns the SID to 4 bytes.
        while (at % 4 != 0) {
            var.write(0);
            at++;
        }
        byte[] sidBytes = sid == null ? new byte[0] : sid.toBytes();
        sidOffset = at;
        at += put(var, sidBytes);
        stringOffset = at;
        for (String s : strings) {
            at += put(var, utf16z(s));
        }
        dataOffset = at;
        byte[] d = data == null ? new byte[0] : data;
        at += put(var, d);
        while ((at + 4) % 4 != 0) {
            var.write(0);
            at++;
        }
        int length = at + 4;
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(length).putInt(EventLogRecordCodec.SIGNATURE).putInt((int) recordNumber).putInt((int) timeGenerated)
                .putInt((int) timeWritten).putInt((int) eventId).putShort((short) eventType)
                .putShort((short) strings.size()).putShort((short) category).putShort((short) reservedFlags)
                .putInt((int) closing).putInt(stringOffset).putInt(sidBytes.length).putInt(sid == null ? 0 : sidOffset)
                .putInt(d.length).putInt(dataOffset);
        b.put(var.toByteArray());
        b.putInt(length);
        return b.array();
    }

    private static int put(ByteArrayOutputStream out, byte[] b) {
        out.write(b, 0, b.length);
        return b.length;
    }

    static byte[] utf16z(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_16LE);
        byte[] z = new byte[b.length + 2];
        System.arraycopy(b, 0, z, 0, b.length);
        return z;
    }
}
