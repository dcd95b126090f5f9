package io.winlog.jna.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Memory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The Structure reads a ReadEventLogW buffer's header fields where Windows puts them. */
class EventLogRecordTest {
    @Test
    void readsEveryHeaderFieldFromLittleEndianBytes() {
        ByteBuffer b = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x98).putInt(EventLogRecord.MAGIC).putInt(7).putInt(1_700_000_000).putInt(1_700_000_001)
                .putInt(0xC0001001).putShort((short) 0x10).putShort((short) 3).putShort((short) 65535).putShort((short) 0)
                .putInt(0).putInt(0x60).putInt(28).putInt(0x44).putInt(5).putInt(0x90);
        Memory m = new Memory(56);
        m.write(0, b.array(), 0, 56);
        EventLogRecord r = new EventLogRecord(m);
        assertThat(r.Length).isEqualTo(0x98);
        assertThat(r.Reserved).isEqualTo(0x654C664C);
        assertThat(r.RecordNumber).isEqualTo(7);
        assertThat(Integer.toUnsignedLong(r.EventID)).isEqualTo(0xC0001001L);
        assertThat(r.EventType).isEqualTo((short) 0x10);
        assertThat(r.NumStrings).isEqualTo((short) 3);
        assertThat(Short.toUnsignedInt(r.EventCategory)).isEqualTo(65535);
        assertThat(r.StringOffset).isEqualTo(0x60);
        assertThat(r.UserSidLength).isEqualTo(28);
        assertThat(r.UserSidOffset).isEqualTo(0x44);
        assertThat(r.DataLength).isEqualTo(5);
        assertThat(r.DataOffset).isEqualTo(0x90);
        assertThat(r.size()).isEqualTo(56);
    }
}
