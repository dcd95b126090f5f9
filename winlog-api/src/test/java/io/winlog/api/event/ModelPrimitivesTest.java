package io.winlog.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ModelPrimitivesTest {

    @Test
    void sidTextAndBinaryForms() {
        Sid s = Sid.parse("S-1-5-21-3623811015-3361044348-30300820-1013");
        assertThat(s.toString()).isEqualTo("S-1-5-21-3623811015-3361044348-30300820-1013");
        byte[] b = s.toBytes();
        assertThat(b).hasSize(28);
        assertThat(b[0]).isEqualTo((byte) 1);
        assertThat(b[1]).isEqualTo((byte) 5);
        assertThat(b[7]).isEqualTo((byte) 5);
        assertThat(Sid.fromBytes(b, 0, b.length)).isEqualTo(s);
        assertThat(Sid.fromBytes(b, 0, 27)).as("truncated SID").isNull();
        assertThatThrownBy(() -> Sid.parse("X-1-5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void sidRoundTrips(@ForAll int a, @ForAll int b, @ForAll @LongRange(min = 0, max = (1L << 48) - 1) long auth) {
        Sid s = Sid.of(1, auth, a, b);
        assertThat(Sid.parse(s.toString())).isEqualTo(s);
        assertThat(Sid.fromBytes(s.toBytes(), 0, s.byteLength())).isEqualTo(s);
    }

    @Test
    void fileTimeFormatsSevenDigits() {
        // 2013-10-23T16:22:39.9735000Z from the python-evtx normalisation example
        Instant t = Instant.parse("2013-10-23T16:22:39.973500Z");
        assertThat(FileTime.format(t)).isEqualTo("2013-10-23T16:22:39.9735000Z");
        assertThat(FileTime.toInstant(FileTime.toTicks(t))).isEqualTo(t);
        assertThat(FileTime.format(FileTime.toInstant(0))).isEqualTo("1601-01-01T00:00:00.0000000Z");
    }

    @Property
    // Years 1601..9999: java.time only parses 4-digit years without a sign.
    void fileTimeFormatAgreesWithJavaTime(@ForAll @LongRange(min = 0, max = 2_650_467_743_999_999_999L) long ticks) {
        Instant t = FileTime.toInstant(ticks);
        assertThat(FileTime.toTicks(t)).isEqualTo(ticks);
        String iso = FileTime.format(t);
        assertThat(Instant.parse(iso)).isEqualTo(t);
    }

    @Test
    void guidWindowsByteOrder() {
        byte[] b = {0x25, (byte) 0x96, (byte) 0x84, 0x54, 0x78, 0x54, (byte) 0x94, 0x49,
                (byte) 0xA5, (byte) 0xBA, 0x3E, 0x3B, 0x03, 0x28, (byte) 0xC3, 0x0D};
        UUID g = Guids.fromBytes(b, 0);
        assertThat(Guids.format(g)).isEqualTo("{54849625-5478-4994-A5BA-3E3B0328C30D}");
        byte[] out = new byte[16];
        Guids.toBytes(g, out, 0);
        assertThat(out).isEqualTo(b);
        assertThat(Guids.parse("{54849625-5478-4994-a5ba-3e3b0328c30d}")).isEqualTo(g);
    }

    @Test
    void valueTextFollowsWindowsRendering() {
        assertThat(EventValue.ofHexInt64(0x3e7).text()).isEqualTo("0x3e7");
        assertThat(EventValue.ofInteger(ValueType.UINT64, -1L).text()).isEqualTo("18446744073709551615");
        assertThat(EventValue.ofInteger(ValueType.INT8, 0xFF).text()).isEqualTo("-1");
        assertThat(EventValue.ofBooleanRaw(65536).text()).isEqualTo("true");
        assertThat(EventValue.ofBinary(new byte[] {0x0a, (byte) 0xff}).text()).isEqualTo("0AFF");
        assertThat(EventValue.ofSystemTime(new SystemTime(2019, 3, 5, 8, 23, 23, 5, 0)).text())
                .isEqualTo("2019-03-08T23:23:05.000Z");
        assertThat(ValueType.STRING.arrayType()).isEqualTo(ValueType.STRING_ARRAY);
        assertThat(ValueType.ofReferenceName("WString[]")).isEqualTo(ValueType.STRING_ARRAY);
        assertThat(ValueType.ofCode(0x95).elementType()).isEqualTo(ValueType.HEX_INT64);
    }
}
