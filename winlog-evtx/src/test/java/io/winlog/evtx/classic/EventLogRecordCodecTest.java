package io.winlog.evtx.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winlog.api.CorruptInputException;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.Sid;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLogRecordCodecTest {

    @Test
    void decodesEveryField() {
        EventLogRecordBytes r = new EventLogRecordBytes();
        r.reservedFlags = 0x1234;
        r.closing = 0xFFFF_FFFEL;
        byte[] bytes = r.encode();
        EventLogRecord d = EventLogRecordCodec.decode(bytes);

        assertThat(d.length()).isEqualTo(bytes.length);
        assertThat(d.recordNumber()).isEqualTo(7);
        assertThat(d.timeGenerated()).isEqualTo(1_626_835_216L);
        assertThat(d.timeWritten()).isEqualTo(1_626_835_217L);
        assertThat(d.eventIdentifier()).isEqualTo(0xC000_1B58L);
        assertThat(d.eventId()).isEqualTo(0x1B58);
        assertThat(d.qualifiers()).isEqualTo(0xC000);
        assertThat(d.eventType()).isEqualTo(1);
        assertThat(d.eventCategory()).isEqualTo(3);
        assertThat(d.reservedFlags()).isEqualTo(0x1234);
        assertThat(d.closingRecordNumber()).isEqualTo(0xFFFF_FFFEL);
        assertThat(d.sourceName()).isEqualTo("Service Control Manager");
        assertThat(d.computerName()).isEqualTo("HOST");
        assertThat(d.userSid()).isEqualTo(Sid.parse("S-1-5-18"));
        assertThat(d.strings()).containsExactly("a", "", "zä€\uD83D\uDE00");
        assertThat(d.data()).containsExactly(1, 2, 3);
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void mapsToTheModelAsWindowsShowsClassicEvents() {
        EventRecord e = EventLogRecordCodec.decode(new EventLogRecordBytes().encode()).toEventRecord();
        assertThat(e.providerName()).isEqualTo("Service Control Manager");
        assertThat(e.eventId()).isEqualTo(0x1B58);
        assertThat(e.qualifiers()).isEqualTo(0xC000);
        assertThat(e.fullEventId()).isEqualTo(0xC000_1B58L);
        assertThat(e.level()).isEqualTo(2);
        assertThat(e.task()).isEqualTo(3);
        assertThat(e.keywords()).isEqualTo(0x0080_0000_0000_0000L);
        assertThat(e.timeCreated()).isEqualTo(Instant.ofEpochSecond(1_626_835_216L));
        assertThat(e.recordId()).isEqualTo(7);
        assertThat(e.computer()).isEqualTo("HOST");
        assertThat(e.userSid()).hasToString("S-1-5-18");
        assertThat(e.eventData()).extracting(nv -> nv.name()).containsOnlyNulls();
        assertThat(e.eventData()).extracting(nv -> nv.value())
                .containsExactly(EventValue.ofString("a"), EventValue.ofString(""), EventValue.ofString("zä€\uD83D\uDE00"));
        assertThat(e.binaryData()).containsExactly(1, 2, 3);
        assertThat(e.channel()).isNull();
    }

    @Test
    void levelsAndKeywordsPerType() {
        int[][] expected = {{0, 4}, {1, 2}, {2, 3}, {4, 4}, {8, 0}, {16, 0}};
        for (int[] t : expected) {
            EventLogRecordBytes r = new EventLogRecordBytes();
            r.eventType = t[0];
            EventLogRecord d = EventLogRecordCodec.decode(r.encode());
            assertThat(d.level()).as("type " + t[0]).isEqualTo(t[1]);
        }
        EventLogRecordBytes audit = new EventLogRecordBytes();
        audit.eventType = 16;
        assertThat(EventLogRecordCodec.decode(audit.encode()).keywords()).isEqualTo(0x0090_0000_0000_0000L);
        audit.eventType = 8;
        assertThat(EventLogRecordCodec.decode(audit.encode()).keywords()).isEqualTo(0x00A0_0000_0000_0000L);
        audit.eventType = 0x20; // not a documented type: kept raw, no level
        EventLogRecord odd = EventLogRecordCodec.decode(audit.encode());
        assertThat(odd.level()).isNull();
        assertThat(odd.eventType()).isEqualTo(0x20);
    }

    @Test
    void noSidNoStringsNoData() {
        EventLogRecordBytes r = new EventLogRecordBytes();
        r.sid = null;
        r.strings = List.of();
        r.data = null;
        EventLogRecord d = EventLogRecordCodec.decode(r.encode());
        assertThat(d.userSid()).isNull();
        assertThat(d.strings()).isEmpty();
        assertThat(d.data()).isNull();
        EventRecord e = d.toEventRecord();
        assertThat(e.eventData()).isEmpty();
        assertThat(e.hasBinaryData()).isFalse();
    }

    @Test
    void unsignedFieldsStayUnsigned() {
        EventLogRecordBytes r = new EventLogRecordBytes();
        r.recordNumber = 0xFFFF_FFFFL;
        r.timeGenerated = 0xFFFF_FFFFL;
        r.eventId = 0xFFFF_FFFFL;
        r.category = 0xFFFF;
        r.eventType = 0xFFFF;
        EventLogRecord d = EventLogRecordCodec.decode(r.encode());
        assertThat(d.recordNumber()).isEqualTo(0xFFFF_FFFFL);
        assertThat(d.timeGeneratedInstant()).isEqualTo(Instant.ofEpochSecond(0xFFFF_FFFFL));
        assertThat(d.eventIdentifier()).isEqualTo(0xFFFF_FFFFL);
        assertThat(d.eventCategory()).isEqualTo(0xFFFF);
        assertThat(d.eventType()).isEqualTo(0xFFFF);
    }

    @Test
    void keepsUnpairedSurrogates() {
        EventLogRecordBytes r = new EventLogRecordBytes();
        r.strings = List.of("xy");
        byte[] b = r.encode();
        // Replace 'y' by a lone high surrogate.
        int at = r.stringOffset + 2;
        b[at] = (byte) 0x3D;
        b[at + 1] = (byte) 0xD8;
        assertThat(EventLogRecordCodec.decode(b).strings()).containsExactly("x\uD83D");
    }

    @Test
    void decodesFromASliceOfALargerBufferWithAbsoluteOffsetsInErrors() {
        byte[] rec = new EventLogRecordBytes().encode();
        ByteBuffer big = ByteBuffer.allocate(rec.length + 100).order(ByteOrder.BIG_ENDIAN);
        big.position(40);
        big.put(rec);
        EventLogRecord d = EventLogRecordCodec.decode(big, 40, rec.length, 1040, DecodeMode.STRICT);
        assertThat(d.recordNumber()).isEqualTo(7);
        assertThat(big.order()).isEqualTo(ByteOrder.BIG_ENDIAN);

        big.put(40 + 4, (byte) 'X');
        assertThatThrownBy(() -> EventLogRecordCodec.decode(big, 40, rec.length, 1040, DecodeMode.STRICT))
                .isInstanceOf(CorruptInputException.class)
                .hasMessageContaining("signature")
                .satisfies(e -> assertThat(((CorruptInputException) e).offset()).isEqualTo(1044));
    }

    @Test
    void rejectsBrokenFrames() {
        byte[] ok = new EventLogRecordBytes().encode();
        // Too short for the fixed part.
        assertCorrupt(java.util.Arrays.copyOf(ok, 20), "truncated", 0);
        // Length larger than the bytes given.
        byte[] longer = ok.clone();
        ByteBuffer.wrap(longer).order(ByteOrder.LITTLE_ENDIAN).putInt(0, ok.length + 4);
        assertCorrupt(longer, "length", 0);
        // Length below the minimum.
        byte[] tiny = ok.clone();
        ByteBuffer.wrap(tiny).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 12);
        assertCorrupt(tiny, "length", 0);
        // Source name without NUL: fill the whole variable part with 'A'.
        byte[] noNul = ok.clone();
        for (int i = EventLogRecordCodec.FIXED_SIZE; i < noNul.length - 4; i += 2) {
            noNul[i] = 'A';
            noNul[i + 1] = 0;
        }
        assertCorrupt(noNul, "SourceName", EventLogRecordCodec.FIXED_SIZE);
    }

    @Test
    void strictThrowsWhereLenientRepairs() {
        EventLogRecordBytes r = new EventLogRecordBytes();
        byte[] b = r.encode();
        ByteBuffer w = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        w.putInt(b.length - 4, 0);                 // length copy lost
        w.putInt(0x34, b.length);                   // data offset past the end
        w.putInt(0x2C, 4);                          // SID offset inside the fixed part
        assertThatThrownBy(() -> EventLogRecordCodec.decode(b)).isInstanceOf(CorruptInputException.class);

        EventLogRecord d = EventLogRecordCodec.decode(ByteBuffer.wrap(b), 0, b.length, 0, DecodeMode.LENIENT);
        assertThat(d.problems()).hasSize(3);
        assertThat(d.problems()).extracting(CorruptInputException::offset).containsExactlyInAnyOrder(
                (long) b.length - 4, 0x2CL, 0x30L);
        assertThat(d.userSid()).isNull();
        assertThat(d.data()).isNull();
        assertThat(d.strings()).containsExactly("a", "", "zä€\uD83D\uDE00");
    }

    @Test
    void truncatedStringIsKeptInLenientMode() {
        EventLogRecordBytes r = new EventLogRecordBytes();
        r.strings = List.of("first", "second");
        r.data = null;
        byte[] b = r.encode();
        // Claim more strings than are there (padding zeros may pass for one empty string).
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(0x1A, (short) 5);
        assertThatThrownBy(() -> EventLogRecordCodec.decode(b)).isInstanceOf(CorruptInputException.class)
                .hasMessageContaining(" of 5");
        EventLogRecord d = EventLogRecordCodec.decode(ByteBuffer.wrap(b), 0, b.length, 0, DecodeMode.LENIENT);
        assertThat(d.strings()).startsWith("first", "second");
        assertThat(d.problems()).hasSize(1);
    }

    @Test
    void badSidBytesAreReported() {
        EventLogRecordBytes r = new EventLogRecordBytes();
        byte[] b = r.encode();
        b[r.sidOffset + 1] = 40; // 40 sub-authorities: more than 15 and more than the bytes given
        assertThatThrownBy(() -> EventLogRecordCodec.decode(b)).isInstanceOf(CorruptInputException.class)
                .hasMessageContaining("SID");
        EventLogRecord d = EventLogRecordCodec.decode(ByteBuffer.wrap(b), 0, b.length, 0, DecodeMode.LENIENT);
        assertThat(d.userSid()).isNull();
        assertThat(d.problems()).singleElement().extracting(CorruptInputException::offset).isEqualTo((long) r.sidOffset);
    }

    @Test
    void decodesABufferOfBackToBackRecordsAsReadEventLogReturnsThem() {
        EventLogRecordBytes a = new EventLogRecordBytes();
        EventLogRecordBytes b = new EventLogRecordBytes();
        b.recordNumber = 8;
        b.strings = List.of("second");
        byte[] ra = a.encode();
        byte[] rb = b.encode();
        ByteBuffer direct = ByteBuffer.allocateDirect(ra.length + rb.length + 64).order(ByteOrder.nativeOrder());
        direct.put(ra).put(rb).flip();
        direct.limit(direct.capacity());
        List<EventLogRecord> all = EventLogRecordCodec.decodeAll(direct, ra.length + rb.length, DecodeMode.STRICT);
        assertThat(all).extracting(EventLogRecord::recordNumber).containsExactly(7L, 8L);
        assertThat(all.get(1).strings()).containsExactly("second");
        // A buffer that ends inside a record is corrupt, with the offset of that record.
        assertThatThrownBy(() -> EventLogRecordCodec.decodeAll(direct, ra.length + 10, DecodeMode.LENIENT))
                .isInstanceOf(CorruptInputException.class)
                .satisfies(e -> assertThat(((CorruptInputException) e).offset()).isEqualTo(ra.length));
    }

    @Test
    void peekLength() {
        byte[] b = new EventLogRecordBytes().encode();
        assertThat(EventLogRecordCodec.peekLength(ByteBuffer.wrap(b), 0, b.length)).isEqualTo(b.length);
        assertThat(EventLogRecordCodec.peekLength(ByteBuffer.wrap(b), 4, b.length - 4)).isEqualTo(-1);
        assertThat(EventLogRecordCodec.peekLength(ByteBuffer.wrap(b), 0, 7)).isEqualTo(-1);
    }

    private static void assertCorrupt(byte[] b, String text, long offset) {
        assertThatThrownBy(() -> EventLogRecordCodec.decode(ByteBuffer.wrap(b), 0, b.length, 0, DecodeMode.LENIENT))
                .isInstanceOf(CorruptInputException.class)
                .hasMessageContaining(text)
                .satisfies(e -> assertThat(((CorruptInputException) e).offset()).isEqualTo(offset));
    }
}
