package io.winlog.api.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winlog.api.WinlogException;
import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.SystemTime;
import io.winlog.api.event.ValueType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link EventJson} conventions the reference samples do not all exercise. */
class EventJsonTest {

    /** Expected texts printed by CPython 3's repr(). */
    @ParameterizedTest
    @CsvSource({
        "3199.234, 3199.234", "1e16, 1e+16", "1e-5, 1e-05", "0.0001, 0.0001", "123456789012345680.0, 1.2345678901234568e+17",
        "1.0, 1.0", "-2.5, -2.5", "1e22, 1e+22", "4.9e-324, 5e-324", "1.7976931348623157e308, 1.7976931348623157e+308",
        "123.0, 123.0", "1234567890123456.0, 1234567890123456.0", "12345678901234567.0, 1.2345678901234568e+16",
        "0.30000000000000004, 0.30000000000000004", "2e-7, 2e-07", "9999999999999998.0, 9999999999999998.0",
        "1e15, 1000000000000000.0", "0.001234, 0.001234", "0.0, 0.0", "-0.0, -0.0"})
    void doublesArePrintedLikePythonRepr(double d, String expected) {
        assertThat(PyRepr.format(d)).isEqualTo(expected);
    }

    @net.jqwik.api.Property(tries = 300)
    void systemTimeTextEqualsTheModelsToString(@net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 65535) int y,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 65535) int ms) {
        SystemTime t = new SystemTime(y, ms % 13, 0, ms % 32, ms % 24, ms % 60, y % 60, ms);
        StringBuilder sb = new StringBuilder();
        EventJson.systemTime(sb, t);
        assertThat(sb.toString()).isEqualTo(t.toString());
    }

    @Test
    void floatIsWidenedLikePythonEvtx() {
        assertThat(PyRepr.format((double) 0.1f)).isEqualTo("0.10000000149011612");
        assertThat(PyRepr.format(Double.NaN)).isEqualTo("nan");
        assertThat(PyRepr.format(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    @Test
    void stringsAreEscapedLikePythonJsonDumps() {
        StringBuilder sb = new StringBuilder();
        EventJson.string(sb, "a\u0000\u001f\u007f\u2028é\"\\\b\f\n\r\t");
        assertThat(sb.toString()).isEqualTo("\"a\\u0000\\u001f\u007f\u2028é\\\"\\\\\\b\\f\\n\\r\\t\"");
    }

    @Test
    void everyValueTypeRoundTrips() {
        EventRecord r = EventRecord.builder().providerName("p").eventId(7).recordId(9)
                .timeCreated(Instant.parse("2024-05-01T10:00:00.1234567Z"))
                .addData("i8", EventValue.ofInteger(ValueType.INT8, -5))
                .addData("u8", EventValue.ofInteger(ValueType.UINT8, 255))
                .addData("i16", EventValue.ofInteger(ValueType.INT16, -300))
                .addData("u16", EventValue.ofInteger(ValueType.UINT16, 65535))
                .addData("i32", EventValue.ofInt32(-1))
                .addData("u32", EventValue.ofUInt32(4294967295L))
                .addData("i64", EventValue.ofInt64(Long.MIN_VALUE))
                .addData("u64", EventValue.ofUInt64(-1L))
                .addData("f", EventValue.ofFloat(0.1f))
                .addData("d", EventValue.ofDouble(3199.234))
                .addData("b", EventValue.ofBooleanRaw(0))
                .addData("bin", EventValue.ofBinary(new byte[] {0, (byte) 0xAB}))
                .addData("g", EventValue.ofGuid(UUID.fromString("4f32adc8-6052-4a04-8701-293ccf2096f0")))
                .addData("st", EventValue.ofInteger(ValueType.SIZE_T, 588))
                .addData("ft", EventValue.ofFileTime(Instant.parse("1601-01-01T00:00:00Z")))
                .addData("sys", EventValue.ofSystemTime(new SystemTime(2019, 3, 5, 8, 23, 23, 5, 7)))
                .addData("h32", EventValue.ofHexInt32(0xc000006dL))
                .addData("h64", EventValue.ofHexInt64(0x3e7))
                .addData("ansi", EventValue.ofAnsiString("x"))
                .addData("nul", EventValue.NULL)
                .addData(null, EventValue.ofXml(ValueType.EVT_XML, "<ComplexData Name=\"IdleState\">01</ComplexData>"))
                .addData("arr", EventValue.ofArray(ValueType.UINT32_ARRAY, List.of(EventValue.ofUInt32(1), EventValue.ofUInt32(2))))
                .addData("arr", EventValue.ofArray(ValueType.UINT32_ARRAY, List.of(EventValue.ofUInt32(3))))
                .build();
        String json = EventJson.render(r);
        assertThat(json).contains("{\"name\": \"i64\", \"value\": \"-9223372036854775808\", \"type\": \"Int64\"}",
                "{\"name\": \"u64\", \"value\": \"18446744073709551615\", \"type\": \"UInt64\"}",
                "{\"name\": \"f\", \"value\": \"0.10000000149011612\", \"type\": \"Float\"}",
                "{\"name\": \"b\", \"value\": \"false\", \"type\": \"Boolean\"}",
                "{\"name\": \"bin\", \"value\": \"00AB\", \"type\": \"Binary\"}",
                "{\"name\": \"g\", \"value\": \"{4F32ADC8-6052-4A04-8701-293CCF2096F0}\", \"type\": \"GUID\"}",
                "{\"name\": \"ft\", \"value\": \"1601-01-01T00:00:00.0000000Z\", \"type\": \"FILETIME\"}",
                "{\"name\": \"sys\", \"value\": \"2019-03-08T23:23:05.007Z\", \"type\": \"SYSTEMTIME\"}",
                "{\"name\": \"h32\", \"value\": \"0xc000006d\", \"type\": \"HexInt32\"}",
                "{\"name\": \"h64\", \"value\": \"0x00000000000003e7\", \"type\": \"HexInt64\"}",
                "{\"name\": null, \"element\": \"ComplexData\", \"value\": \"<ComplexData Name=\\\"IdleState\\\">01</ComplexData>\", \"type\": \"xml\"}",
                "{\"name\": \"arr\", \"value\": \"2\", \"type\": \"UInt32[]\", \"array_index\": 1}, {\"name\": \"arr\", \"value\": \"3\", \"type\": \"UInt32[]\", \"array_index\": 0}");
        EventRecord back = EventJson.parse(json);
        assertThat(back).isEqualTo(r);
        assertThat(EventJson.render(back)).isEqualTo(json);
    }

    @Test
    void headerKeysOnlyWhenGiven() {
        EventRecord r = EventRecord.builder().recordId(3).build();
        assertThat(EventJson.render(r)).startsWith("{\"record_id\": 3, \"timestamp\": null, \"event_id\": 0,");
        StringBuilder sb = new StringBuilder();
        EventJson.render(r, 1, Instant.parse("2021-07-22T15:44:21.4167183Z"), sb);
        assertThat(sb.toString()).startsWith("{\"record_id\": 3, \"header_record_num\": 1, \"header_timestamp\":"
                + " \"2021-07-22T15:44:21.4167183Z\", \"timestamp\": null,");
        assertThat(sb.toString()).endsWith("\"security_user_sid\": null, \"event_data\": []}");
    }

    @Test
    void parseErrorsAreWinlogExceptions() {
        assertThatThrownBy(() -> EventJson.parse("{")).isInstanceOf(WinlogException.class).hasMessageContaining("not a JSON");
        assertThatThrownBy(() -> EventJson.parse("[1]")).isInstanceOf(WinlogException.class);
        assertThatThrownBy(() -> EventJson.parse("{\"header_record_num\": 1, \"error\": \"boom\"}"))
                .isInstanceOf(WinlogException.class).hasMessageContaining("error stub");
        assertThatThrownBy(() -> EventJson.parse("{\"record_id\": 1, \"event_data\": [{\"name\": \"x\", \"value\": \"zz\", \"type\": \"UInt32\"}]}"))
                .isInstanceOf(WinlogException.class).hasMessageContaining("bad value");
        assertThatThrownBy(() -> EventJson.parse("{\"record_id\": 1, \"event_data\": [{\"name\": \"x\", \"value\": \"1\", \"type\": \"Nope\"}]}"))
                .isInstanceOf(WinlogException.class).hasMessageContaining("unknown value type");
    }
}
